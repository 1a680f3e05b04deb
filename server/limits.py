"""Request limits 请求限制: what each route of protocol v1 needs (a token, the version gate, how large a
body it takes, which rate bucket it draws on), and the streamed, bounded reading of a body.

A body is bounded twice by the same limit: the bytes on the wire and, for ``Content-Encoding: gzip``,
the bytes after inflation. Inflation is incremental (``zlib.decompressobj`` with ``max_length``), so
a gzip bomb is stopped once the limit is passed and never holds more than the limit in memory.

``POLICIES`` must name every ``/v1`` route of the app; ``tests/integration/test_hub_limits.py``
checks it, so a new route cannot slip past the gate unnoticed.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from server.errors import HubError
from server.settings import HubSettings


@dataclass(frozen=True)
class RoutePolicy:
    method: str
    template: str  # as the router spells it, e.g. "/v1/blobs/{sha256}"
    bucket: str  # rate bucket: push | pull | other (per device), enrol (per address), none
    token: bool = True  # needs a device's bearer token
    version: bool = True  # the X-Lvyue-Client gate applies
    body: str = "small"  # small | push | blob
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(self.template))
        object.__setattr__(self, "pattern", re.compile(regex))

    def matches(self, method: str, path: str) -> bool:
        return (method == self.method or (method == "HEAD" and self.method == "GET")) \
            and self.pattern.fullmatch(path) is not None


POLICIES = (
    RoutePolicy("GET", "/v1/meta", "none", token=False, version=False),  # a too-old client must read it
    RoutePolicy("POST", "/v1/enrol", "enrol", token=False),
    RoutePolicy("POST", "/v1/events", "push", body="push"),
    RoutePolicy("GET", "/v1/events", "pull"),
    RoutePolicy("GET", "/v1/blobs/{sha256}", "other"),
    RoutePolicy("PUT", "/v1/blobs/{sha256}", "other", body="blob"),
    RoutePolicy("GET", "/v1/blobs/{sha256}/content", "other"),
    RoutePolicy("GET", "/v1/reference", "other"),
    RoutePolicy("GET", "/v1/quarantine", "other"),
    RoutePolicy("POST", "/v1/numbers", "other"),
    RoutePolicy("POST", "/v1/integrity", "other"),
)
# anything else (unknown routes answer 404, wrong methods 405; /docs and /openapi.json): no token, small body
OTHER = RoutePolicy("*", "*", "none", token=False, version=False)


def policy_for(method: str, path: str) -> RoutePolicy:
    for policy in POLICIES:
        if policy.matches(method, path):
            return policy
    return OTHER


def body_limit(policy: RoutePolicy, settings: HubSettings) -> int:
    if policy.body == "push":
        return settings.max_push_bytes
    if policy.body == "blob":
        return settings.max_blob_bytes
    return settings.max_small_body_bytes


def too_large(limit: int) -> HubError:
    return HubError(413, "body_too_large", limit_mb=round(limit / 1024 / 1024, 2), limit_bytes=limit)


def invalid_gzip(detail: str) -> HubError:
    return HubError(400, "request_invalid", where="body", detail=f"gzip：{detail}")


class ClientGone(Exception):
    """The client disconnected before its body was complete."""


async def read_body(receive: Callable[[], Awaitable[dict]], limit: int, gzip: bool) -> list[bytes]:
    """The request body as chunks (inflated if ``gzip``), at most ``limit`` bytes both ways, else 413."""
    chunks: list[bytes] = []
    wire = size = 0
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone()
        data = message.get("body", b"")
        wire += len(data)
        if wire > limit:
            raise too_large(limit)
        if inflater is None:
            if data:
                chunks.append(data)
        else:
            while data:
                if inflater.eof:
                    raise invalid_gzip("压缩数据之后还有多余内容")
                try:
                    out = inflater.decompress(data, limit - size + 1)
                except zlib.error as error:
                    raise invalid_gzip(str(error)) from None
                size += len(out)
                if size > limit:
                    raise too_large(limit)
                if out:
                    chunks.append(out)
                data = inflater.unconsumed_tail
        if not message.get("more_body"):
            break
    if inflater is not None and (not inflater.eof or inflater.unused_data):
        raise invalid_gzip("压缩数据不完整" if not inflater.eof else "压缩数据之后还有多余内容")
    return chunks
