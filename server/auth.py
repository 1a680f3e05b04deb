"""Device authentication 设备认证: a bearer token whose SHA-256 the hub stores; revoked devices refused.

Every protected route depends on ``DeviceDep``; the device's region is its scope (DESIGN §5).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import select

from app.domain.regions import scope_prefix
from app.sync.protocol import CLIENT_HEADER
from server.db import hub_db
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


def version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check_client_version(request: Request) -> None:
    version = request.headers.get(CLIENT_HEADER)
    minimum = hub_db(request).settings.min_client_version
    if version and version_tuple(version) < version_tuple(minimum):
        raise HubError(426, "client_too_old", version=version, minimum=minimum)


def current_device(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HubError(401, "auth_required")
    digest = token_hash(authorization[7:].strip())
    with hub_db(request).reader() as session:
        row = session.execute(
            select(devices.c.id, devices.c.name, devices.c.region_code, devices.c.revoked_at)
            .where(devices.c.token_hash == digest)
        ).first()
    if row is None:
        raise HubError(401, "token_invalid")
    if row.revoked_at:
        raise HubError(401, "device_revoked", device=row.name)
    return Device(row.id, row.name, row.region_code)


DeviceDep = Annotated[Device, Depends(current_device)]
