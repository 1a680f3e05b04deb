"""The hub's gate 入口检查: a pure ASGI middleware that decides about a request from its headers alone,
before a byte of its body is read, and then reads the body streamed and bounded.

In order: the address's rate (429), its lockout after failed tokens or codes (429), the client
version (426, except ``GET /v1/meta``), the declared ``Content-Length`` (413), the bearer token
(401; a failure counts towards the lockout), the device's or the enrolling address's rate (429),
then the body: at most the route's limit on the wire and after gzip inflation (413). The routes
get the inflated body and never see ``Content-Encoding``.

A token is looked up in the database at most every ``token_cache_seconds`` per worker; the routes
still look the device up on every request (``server.auth.current_device``), so a revoked device is
refused at once. Every refused request goes to the security log (``server.security_log``).
"""

from __future__ import annotations

from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import security_log
from server.auth import TokenCache, bearer_token, check_client_version, device_for, token_hash
from server.db import HubDatabase
from server.errors import ERROR_CODE, HubError, error_response
from server.limits import ClientGone, RoutePolicy, body_limit, policy_for, read_body, too_large
from server.ratelimit import RateLimits, Refusal

ENROL_FAILURES = frozenset({"enrol_code_invalid", "enrol_code_used", "enrol_code_expired"})
ACCEPTED_ENCODINGS = frozenset({"", "identity", "gzip"})


class _Request:
    """What the gate learns about one request, for its decisions and the security log."""

    def __init__(self, scope: Scope) -> None:
        self.method: str = scope["method"]
        self.path: str = scope["path"]
        client = scope.get("client")
        self.address: str = client[0] if client else "unknown"
        self.headers = {k.lower(): v for k, v in scope.get("headers") or []}
        self.device: str | None = None
        self.token: str | None = None  # first 6 hex characters of a failed token's SHA-256

    def header(self, name: bytes) -> str | None:
        value = self.headers.get(name)
        return value.decode("latin-1") if value is not None else None


class HubGate:
    def __init__(self, app: ASGIApp, database: HubDatabase, limits: RateLimits, tokens: TokenCache) -> None:
        self.app = app
        self.database = database
        self.settings = database.settings
        self.limits = limits
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        request = _Request(scope)
        policy = policy_for(request.method, request.path)
        try:
            await self._admit(request, policy)
            chunks = await self._body(request, policy, receive)
        except HubError as refusal:
            state[ERROR_CODE] = refusal.code
            await error_response(refusal.status, refusal.code, refusal.params)(scope, receive, send)
            self._log(request, policy, refusal.status, refusal.code, refusal.params)
            return
        except ClientGone:
            return
        except Exception:  # e.g. the database is down: a 500 in the one shape (ServerErrorMiddleware)
            self._log(request, policy, 500, "hub_internal_error", {})
            raise
        await self._forward(scope, receive, send, request, policy, chunks)

    # ---- before the body --------------------------------------------------------------------------
    async def _admit(self, request: _Request, policy: RoutePolicy) -> None:
        self._raise(self.limits.check_address(request.address))
        if policy.token or policy.bucket == "enrol":
            self._raise(self.limits.check_locked(request.address))
        if policy.version:
            check_client_version(request.header(b"x-lvyue-client"), self.settings.min_client_version)
        limit = body_limit(policy, self.settings)
        declared = request.header(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise HubError(400, "request_invalid", where="header", detail="Content-Length")
            if int(declared) > limit:
                raise too_large(limit)
        encoding = (request.header(b"content-encoding") or "").strip().lower()
        if encoding not in ACCEPTED_ENCODINGS:
            raise HubError(415, "request_invalid", where="header", detail=f"Content-Encoding: {encoding[:20]}")
        if policy.token:
            await self._authenticate(request)
            self._raise(self.limits.check_device(policy.bucket, request.device))
        elif policy.bucket == "enrol":
            self._raise(self.limits.check_enrol(request.address))

    async def _authenticate(self, request: _Request) -> None:
        digest = token_hash(bearer_token(request.header(b"authorization")))
        device = self.tokens.get(digest)
        if device is None:
            try:
                device = await anyio.to_thread.run_sync(device_for, self.database, digest)
            except HubError:
                request.token = digest[:6]
                self._failed(request)
                raise
            self.tokens.put(digest, device)
        request.device = device.id

    def _failed(self, request: _Request) -> None:
        if self.limits.failed(request.address):
            security_log.record("address_locked", address=request.address, seconds=self.limits.lockout.seconds)

    @staticmethod
    def _raise(refusal: Refusal | None) -> None:
        if refusal is not None:
            raise HubError(429, refusal.code, **refusal.params)

    # ---- the body ---------------------------------------------------------------------------------
    async def _body(self, request: _Request, policy: RoutePolicy, receive: Receive) -> list[bytes]:
        gzip = (request.header(b"content-encoding") or "").strip().lower() == "gzip"
        return await read_body(receive, body_limit(policy, self.settings), gzip)

    async def _forward(self, scope: Scope, receive: Receive, send: Send, request: _Request, policy: RoutePolicy,
                       chunks: list[bytes]) -> None:
        size = sum(len(c) for c in chunks)
        headers = [(k, v) for k, v in scope.get("headers") or [] if k.lower() not in (b"content-encoding",
                                                                                     b"content-length")]
        headers.append((b"content-length", str(size).encode()))
        inner = dict(scope, headers=headers)
        pending: list[Message] = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
        pending.append({"type": "http.request", "body": b"", "more_body": False})
        chunks.clear()

        async def body() -> Message:
            if pending:
                return pending.pop(0)
            return await receive()

        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(inner, body, watch)
        except Exception:
            self._log(request, policy, 500, "hub_internal_error", {})
            raise
        if status >= 400:
            code = scope["state"].get(ERROR_CODE)
            if policy.bucket == "enrol" and code in ENROL_FAILURES:
                self._failed(request)
            self._log(request, policy, status, code, {})

    # ---- the security log -------------------------------------------------------------------------
    def _log(self, request: _Request, policy: RoutePolicy, status: int, code: str | None,
             params: dict[str, Any]) -> None:
        if status == 404 and policy.template.startswith("/v1/blobs/") and policy.method == "GET":
            return  # an attachment the hub does not hold (yet): a normal answer
        fields: dict[str, Any] = {"method": request.method, "path": request.path, "status": status,
                                  "code": code, "address": request.address}
        if request.device:
            fields["device"] = request.device
        if request.token:
            fields["token_sha256"] = request.token
        for key in ("retry_after", "limit_bytes", "version", "device"):
            if key in params:
                fields["device_name" if key == "device" else key] = params[key]
        security_log.record("request_refused", **fields)
