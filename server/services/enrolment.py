"""Enrolment 设备注册: a one-time code from the administrator turns a device into a member of a scope.

The code is bound to a region (the device's scope) and an office name; the hub keeps only its hash,
and only the hash of the device token it hands back.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, parse_iso, utc_now
from app.domain.events import GENESIS
from app.domain.ids import uuid7
from app.domain.regions import level_of, scope_prefix
from app.sync.protocol import EnrolRequest, EnrolResponse, Scope
from server.auth import new_token, token_hash
from server.errors import HubError
from server.services.numbering import claim, series_region
from server.tables import devices, enrolment_codes, hub_settings_table, regions

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone


def code_hash(code: str) -> str:
    clean = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(clean.encode("ascii", "ignore")).hexdigest()


def create_code(session: Session, region_code: str, office_name: str, days: int = 7) -> str:
    region = session.execute(select(regions.c.code).where(regions.c.code == region_code)).scalar()
    if region is None:
        raise HubError(404, "region_unknown", region=region_code)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utc_now()
    session.execute(insert(enrolment_codes).values(
        code_hash=code_hash(raw), region_code=region_code, office_name=office_name, created_at=iso_utc(now),
        expires_at=iso_utc(now + timedelta(days=days))))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def enrol(session: Session, request: EnrolRequest) -> EnrolResponse:
    row = session.execute(select(enrolment_codes).where(
        enrolment_codes.c.code_hash == code_hash(request.code)).with_for_update()).first()
    now = utc_now()
    if row is None:
        raise HubError(403, "enrol_code_invalid")
    if row.used_at:
        raise HubError(403, "enrol_code_used")
    if parse_iso(row.expires_at) < now:
        raise HubError(403, "enrol_code_expired")
    if request.region_code and request.region_code != row.region_code:
        raise HubError(403, "enrol_region_mismatch", region=request.region_code, scope=row.region_code)
    device_id = request.device_id or uuid7()
    token = new_token()
    existing = session.execute(select(devices).where(devices.c.id == device_id)).first()
    if existing is not None:
        if existing.revoked_at or existing.region_code != row.region_code:
            raise HubError(409, "enrol_device_taken")
        session.execute(update(devices).where(devices.c.id == device_id).values(
            token_hash=token_hash(token), name=request.device_name, client_version=request.client_version))
    else:
        session.execute(insert(devices).values(
            id=device_id, name=request.device_name, region_code=row.region_code, token_hash=token_hash(token),
            enrolled_at=iso_utc(now), chain_seq=0, chain_hash=GENESIS, client_version=request.client_version))
    for used in request.numbers_used:
        owner = series_region(session, used.series)
        if owner is None or not owner.startswith(scope_prefix(row.region_code)):
            raise HubError(403, "out_of_scope", region=owner or used.series)
        claim(session, device_id, used.series, used.year, used.max)
    session.execute(update(enrolment_codes).where(enrolment_codes.c.code_hash == row.code_hash).values(
        used_at=iso_utc(now), device_id=device_id))
    region = session.execute(select(regions).where(regions.c.code == row.region_code)).first()
    hub_id = session.execute(select(hub_settings_table.c.value).where(hub_settings_table.c.key == "hub_id")).scalar()
    return EnrolResponse(
        device_id=device_id, token=token, office_name=row.office_name, hub_id=hub_id or "",
        scope=Scope(region_code=row.region_code, name=region.name if region else row.region_code,
                    level=level_of(row.region_code)))


def revoke(session: Session, device_id: str) -> bool:
    result = session.execute(update(devices).where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                             .values(revoked_at=iso_utc(utc_now())))
    return result.rowcount > 0
