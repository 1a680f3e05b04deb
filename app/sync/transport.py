"""HTTP transport to the hub (httpx): gzip, retries, and every failure turned into a stable code.

``SyncError.transient`` is True when trying again later may help (network down, a proxy's HTML
error page, a cut-off or malformed answer, a 5xx, a 429). The sync then stops with its data intact.
A 429 (the hub's rate limits or lockout) is not retried at once: the sync stops and the message says
when to try again (``Retry-After``). A push the hub finds too large (413) is sent again in halves.
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import os
import ssl
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from app import __version__
from app.domain.errors import DomainError
from app.messages import MESSAGES
from app.sync import proxies
from app.sync.protocol import (
    API_PREFIX,
    CLIENT_HEADER,
    BlobStatus,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    IntegrityResponse,
    Meta,
    NumberBlock,
    PullResponse,
    PushResponse,
    QuarantineList,
    Reference,
)
from app.sync.proxies import Route

M = TypeVar("M", bound=BaseModel)
RETRY_DELAYS = (0.3, 1.0)


def _seconds(value: Any) -> int | None:
    try:
        return max(1, int(float(value))) if value is not None else None
    except (TypeError, ValueError):
        return None


def _wait_text(seconds: int | None) -> str:
    """For the Chinese message: ``"30秒"``, ``"15分钟"``, or ``"几分钟"`` when the hub did not say."""
    if seconds is None:
        return "几分钟"
    if seconds < 60:
        return f"{seconds}秒"
    return f"{-(-seconds // 60)}分钟"


class SyncError(DomainError):
    def __init__(self, code: str, *, transient: bool = False, status: int | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.transient = transient
        self.status = status


@functools.cache
def _tls() -> ssl.SSLContext:
    """The operating system's own certificate verification (``truststore``; Windows: the certificate
    store, where IT installs a government CA by group policy — ``ssl``'s default context loads only some
    of its stores), plus ``LVYUE_SYNC_CA_FILE`` if the hub uses a private CA. Built once: creating a
    context costs tens of milliseconds."""
    try:
        import truststore
    except ImportError:  # an environment built before truststore joined the desktop extra
        logging.getLogger(__name__).warning("truststore missing: only the default certificate stores are used")
        context = ssl.create_default_context()
    else:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    extra = os.environ.get("LVYUE_SYNC_CA_FILE")
    if extra:
        context.load_verify_locations(cafile=extra)
    return context


def _untrusted_certificate(error: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def transport_failure(error: httpx.TransportError, route: Route | None) -> SyncError:
    """A network failure as a Chinese message: an untrusted certificate, a proxy that failed, or the hub
    unreachable (all transient except the certificate, which needs the administrator)."""
    certificate = _untrusted_certificate(error)
    if certificate is not None:
        detail = certificate.verify_message or str(certificate)
        return SyncError("hub_certificate_untrusted", detail=str(detail)[:200])
    if route is not None and route.proxy and isinstance(error, httpx.ProxyError | httpx.ConnectError):
        return SyncError("hub_proxy_failed", transient=True, proxy=proxies.display_proxy(route.proxy),
                         detail=type(error).__name__)
    return SyncError("hub_unreachable", transient=True, detail=type(error).__name__)


def normalise_url(url: str) -> str:
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise DomainError("hub_url_invalid", url=url)
    if text.endswith(API_PREFIX):
        text = text[: -len(API_PREFIX)]
    return text


class HubClient:
    """One hub. The proxy is resolved once (``app.sync.proxies``: the profile's setting, the environment,
    the Windows settings with their bypass list) and httpx is told not to look again (``trust_env``)."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 60.0,
                 transport: httpx.BaseTransport | None = None, retries: bool = True,
                 proxy_setting: str | None = proxies.SYSTEM, route: Route | None = None) -> None:
        headers = {CLIENT_HEADER: __version__, "Accept-Encoding": "gzip"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = normalise_url(base_url)
        self.delays = RETRY_DELAYS if retries else ()
        self.route = route if route is not None else proxies.resolve(self.base_url, proxy_setting)
        proxy = self.route.proxy if transport is None else None  # a test transport is the whole network
        self._http = httpx.Client(base_url=self.base_url + API_PREFIX, headers=headers, transport=transport,
                                  timeout=httpx.Timeout(timeout, connect=15.0), verify=_tls(), proxy=proxy,
                                  trust_env=False)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- requests --------------------------------------------------------------------------------
    def _send(self, send: Callable[[], httpx.Response], model: type[M], retry: bool) -> M:
        delays = self.delays if retry else ()
        for attempt in range(len(delays) + 1):
            try:
                return self._parse(send(), model)
            except SyncError as error:
                if not error.transient or error.status == 429 or attempt == len(delays):
                    raise
                time.sleep(delays[attempt])
        raise AssertionError("unreachable")

    def _parse(self, response: httpx.Response, model: type[M]) -> M:
        try:
            body = response.json()
        except (ValueError, UnicodeDecodeError):
            if response.status_code == 429:  # a proxy's own rate limit: try later all the same
                raise self._refusal(429, None, response.headers.get("Retry-After")) from None
            kind = "HTML" if "html" in response.headers.get("content-type", "") else "非 JSON"
            raise SyncError("hub_bad_response", transient=True, status=response.status_code,
                            detail=f"HTTP {response.status_code}，{kind}") from None
        if response.status_code >= 400:
            raise self._refusal(response.status_code, body, response.headers.get("Retry-After"))
        try:
            return model.model_validate(body)
        except ValidationError:
            raise SyncError("hub_bad_response", transient=True, detail="应答内容不完整") from None

    def _refusal(self, status: int, body: Any, retry_after: str | None = None) -> SyncError:
        transient = status >= 500 or status == 429
        try:
            error = ErrorBody.model_validate(body)
        except ValidationError:
            error = None
        if status == 429 and (error is None or error.error not in MESSAGES or "wait" not in error.params):
            seconds = _seconds(retry_after) or _seconds(error.params.get("retry_after") if error else None)
            return SyncError("rate_limited", transient=True, status=status, retry_after=seconds,
                             wait=_wait_text(seconds))
        if error is None:
            return SyncError("hub_error", transient=transient, status=status, detail=str(body)[:200])
        if error.error not in MESSAGES:
            return SyncError("hub_error", transient=transient, status=status, detail=error.message)
        return SyncError(error.error, transient=transient, status=status, **error.params)

    def _call(self, method: str, path: str, model: type[M], *, retry: bool = True, **kwargs: Any) -> M:
        def send() -> httpx.Response:
            try:
                return self._http.request(method, path, **kwargs)
            except httpx.TransportError as error:
                raise transport_failure(error, self.route) from None

        return self._send(send, model, retry)

    def _json_body(self, payload: BaseModel | dict) -> dict[str, Any]:
        data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(raw) < 2048:
            return {"content": raw, "headers": {"Content-Type": "application/json"}}
        return {"content": gzip.compress(raw, 5),
                "headers": {"Content-Type": "application/json", "Content-Encoding": "gzip"}}

    # ---- the protocol ------------------------------------------------------------------------------
    def meta(self) -> Meta:
        return self._call("GET", "/meta", Meta)

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._call("POST", "/enrol", EnrolResponse, retry=False, **self._json_body(request))

    def push(self, events: list[dict[str, Any]]) -> PushResponse:
        """One batch, oldest first; if the hub finds it too large (413), the halves one after the other."""
        try:
            return self._call("POST", "/events", PushResponse, **self._json_body({"events": events}))
        except SyncError as error:
            if error.code != "body_too_large" or len(events) < 2:
                raise
        half = len(events) // 2
        first = self.push(events[:half])
        second = self.push(events[half:])
        return PushResponse(results=first.results + second.results, chain=second.chain)

    def pull(self, cursor: int, limit: int, *, include_own: bool = False) -> PullResponse:
        params = {"cursor": cursor, "limit": limit, "include_own": "true" if include_own else "false"}
        return self._call("GET", "/events", PullResponse, params=params)

    def reference(self) -> Reference:
        return self._call("GET", "/reference", Reference)

    def quarantine(self) -> QuarantineList:
        return self._call("GET", "/quarantine", QuarantineList)

    def numbers(self, series: str, year: int, count: int) -> NumberBlock:
        body = {"series": series, "year": year, "count": count}
        return self._call("POST", "/numbers", NumberBlock, retry=False, **self._json_body(body))

    def integrity(self, cursor: int, count: int, digest: str) -> IntegrityResponse:
        body = {"cursor": cursor, "count": count, "digest": digest}
        return self._call("POST", "/integrity", IntegrityResponse, **self._json_body(body))

    def blob_status(self, sha256: str) -> BlobStatus:
        return self._call("GET", f"/blobs/{sha256}", BlobStatus)

    def blob_upload(self, sha256: str, offset: int, size: int, chunk: bytes) -> BlobStatus:
        return self._call("PUT", f"/blobs/{sha256}", BlobStatus, content=chunk,
                          params={"offset": offset, "size": size},
                          headers={"Content-Type": "application/octet-stream"})

    def blob_download(self, sha256: str, target: Path) -> None:
        """Stream a blob into ``target`` (the caller checks the hash and moves it into place)."""
        try:
            with self._http.stream("GET", f"/blobs/{sha256}/content") as response:
                if response.status_code >= 400:
                    response.read()
                    self._parse(response, BlobStatus)
                with open(target, "wb") as handle:
                    for block in response.iter_bytes(1024 * 1024):
                        handle.write(block)
        except httpx.TransportError as error:
            raise transport_failure(error, self.route) from None
