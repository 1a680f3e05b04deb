"""Device authentication 设备认证: a bearer token whose SHA-256 the hub stores; revoked devices refused.

Every protected route depends on ``DeviceDep``; the device's region is its scope (DESIGN §5).
``server.gate.HubGate`` checks the client version and the token before a body is read (with a short
per-worker ``TokenCache``); ``DeviceDep`` still reads the device from the database on every request.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import select

from app.domain.regions import scope_prefix
from server.db import HubDatabase, hub_db
from server.errors import HubError
from server.tables import devices


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    region_code: str

    @property
    def prefix(self) -> str:
        return scope_prefix(self.region_code)

    def sees(self, region: str) -> bool:
        return region.startswith(self.prefix)


def prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds ``lo <= code < hi`` of the region codes starting with ``prefix`` (index-friendly LIKE)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


_VERSION = re.compile(r"(\d{1,6})\.(\d{1,6})(?:\.(\d{1,6}))?(?:[-+.][0-9A-Za-z.+-]{0,40})?")


def version_tuple(text: str) -> tuple[int, ...] | None:
    """``"0.1.0"`` -> ``(0, 1, 0)``; ``None`` if the text is not a version (pre-release tags are ignored)."""
    match = _VERSION.fullmatch(text.strip())
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups())


def check_client_version(version: str | None, minimum: str) -> None:
    """The ``X-Lvyue-Client`` gate: a missing or unreadable version counts as too old (426)."""
    parsed = version_tuple(version) if version else None
    if parsed is None or parsed < (version_tuple(minimum) or (0,)):
        raise HubError(426, "client_too_old", version=(version or "未知")[:40], minimum=minimum)


def bearer_token(authorization: str | None) -> str:
    """The token of an ``Authorization: Bearer …`` header, or 401 ``auth_required``."""
    if not authorization or not authorization[:7].lower() == "bearer " or not authorization[7:].strip():
        raise HubError(401, "auth_required")
    return authorization[7:].strip()


def device_for(database: HubDatabase, digest: str) -> Device:
    """The device whose token hashes to ``digest``; 401 if none or revoked (a blocking database read)."""
    with database.reader() as session:
        row = session.execute(
            select(devices.c.id, devices.c.name, devices.c.region_code, devices.c.revoked_at)
            .where(devices.c.token_hash == digest)
        ).first()
    if row is None:
        raise HubError(401, "token_invalid")
    if row.revoked_at:
        raise HubError(401, "device_revoked", device=row.name)
    return Device(row.id, row.name, row.region_code)


def current_device(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    """Always read from the database, so a revocation takes effect at the device's next request (the
    gate in front of the routes only caches which tokens are worth reading a body for)."""
    return device_for(hub_db(request), token_hash(bearer_token(authorization)))


class TokenCache:
    """Per worker: token hashes that were valid a moment ago (``ttl`` seconds), so the gate can refuse
    a request with an unknown token before reading its body without a database read for every
    honest request. Only the gate uses it; the routes always look the device up again."""

    def __init__(self, ttl: float, clock=time.monotonic, max_size: int = 10_000) -> None:
        self.ttl = ttl
        self.clock = clock
        self.max_size = max_size
        self._known: dict[str, tuple[Device, float]] = {}

    def get(self, digest: str) -> Device | None:
        entry = self._known.get(digest)
        if entry is None:
            return None
        if entry[1] <= self.clock():
            self._known.pop(digest, None)
            return None
        return entry[0]

    def put(self, digest: str, device: Device) -> None:
        if self.ttl <= 0:
            return
        if len(self._known) >= self.max_size:
            now = self.clock()
            self._known = {k: v for k, v in self._known.items() if v[1] > now}
            if len(self._known) >= self.max_size:
                self._known.clear()
        self._known[digest] = (device, self.clock() + self.ttl)


DeviceDep = Annotated[Device, Depends(current_device)]
