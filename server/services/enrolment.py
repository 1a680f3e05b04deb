"""Enrolment 设备注册: a one-time code from the administrator turns a device into a member of a scope.

The code is bound to a region (the device's scope) and an office name; the hub keeps only its hash,
and only the hash of the device token it hands back.

A device id already known to the hub is never taken over with an ordinary code (device ids are in
every pulled event): replacing a device — a new token for the same id, e.g. after its keyring was
lost or the profile moved to a new computer — needs a code the administrator issued for that device
(``admin code create --replace ID``). The old token stops working at once. Every enrolment, refused
or not, goes to the hub's security log (never the code itself).

A standalone office that enrols declares the numbers it already printed (``numbers_used``): they
become its blocks. Each 发文字号 prefix among them must belong to the office's scope by the hub's
reference data; a prefix nobody owns yet is adopted for the office's region when the administrator
allows it (``admin prefix auto-adopt``, on by default), else refused. Any refusal refuses the whole
enrolment: nothing is stored and the code stays unused.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, parse_iso, utc_now
from app.domain.events import GENESIS
from app.domain.ids import uuid7
from app.domain.regions import level_of
from app.sync.protocol import EnrolRequest, EnrolResponse, NumberClaim, Scope
from server import security_log
from server.auth import new_token, token_hash
from server.errors import HubError
from server.services import prefixes
from server.services.numbering import claim, series_region
from server.tables import devices, enrolment_codes, hub_settings_table, regions

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone


def code_hash(code: str) -> str:
    clean = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(clean.encode("ascii", "ignore")).hexdigest()


def create_code(session: Session, region_code: str | None, office_name: str | None, days: int = 7,
                replaces: str | None = None) -> str:
    """A one-time code for ``region_code`` and ``office_name``; with ``replaces``, a code that only the
    device with that id can use, to get a new token (its region and office are the device's)."""
    if replaces:
        device = session.execute(select(devices).where(devices.c.id == replaces)).first()
        if device is None:
            raise HubError(404, "device_not_found", device=replaces)
        if region_code and region_code != device.region_code:
            raise HubError(409, "replace_region_mismatch", device=replaces, region=region_code,
                           scope=device.region_code)
        region_code = device.region_code
        office_name = office_name or device.office_name or device.name
    if not region_code or not office_name:
        raise HubError(422, "required", field="region" if not region_code else "office")
    region = session.execute(select(regions.c.code).where(regions.c.code == region_code)).scalar()
    if region is None:
        raise HubError(404, "region_unknown", region=region_code)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utc_now()
    session.execute(insert(enrolment_codes).values(
        code_hash=code_hash(raw), region_code=region_code, office_name=office_name, created_at=iso_utc(now),
        expires_at=iso_utc(now + timedelta(days=days)), replaces_device=replaces or None))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def enrol(session: Session, request: EnrolRequest) -> EnrolResponse:
    """Enrol or replace a device; every outcome is written to the security log."""
    facts: dict[str, Any] = {"device_id": request.device_id, "device_name": request.device_name,
                             "client_version": request.client_version, "profile_region": request.region_code}
    try:
        answer = _enrol(session, request, facts)
    except HubError as error:
        security_log.record("enrolment_refused", reason=error.code, **facts,
                            **{f"detail_{k}": v for k, v in error.params.items()})
        raise
    security_log.record("device_replaced" if facts.get("replaced") else "device_enrolled", **facts)
    return answer


def _enrol(session: Session, request: EnrolRequest, facts: dict[str, Any]) -> EnrolResponse:
    row = session.execute(select(enrolment_codes).where(
        enrolment_codes.c.code_hash == code_hash(request.code)).with_for_update()).first()
    now = utc_now()
    if row is None:
        raise HubError(403, "enrol_code_invalid")
    facts.update(scope=row.region_code, office_name=row.office_name, code_created_at=row.created_at,
                 replacement_code=bool(row.replaces_device))
    if row.used_at:
        raise HubError(403, "enrol_code_used")
    if parse_iso(row.expires_at) < now:
        raise HubError(403, "enrol_code_expired")
    if request.region_code and request.region_code != row.region_code:
        raise HubError(403, "enrol_region_mismatch", region=request.region_code, scope=row.region_code)
    device_id = request.device_id or uuid7()
    facts["device_id"] = device_id
    token = new_token()
    existing = session.execute(select(devices).where(devices.c.id == device_id).with_for_update()).first()
    if row.replaces_device:
        if device_id != row.replaces_device:
            raise HubError(403, "enrol_code_for_other_device", device=row.replaces_device)
        if existing is None or existing.region_code != row.region_code:
            raise HubError(409, "enrol_device_taken")
        facts.update(replaced=True, previous_name=existing.name, was_revoked=bool(existing.revoked_at),
                     replacements=existing.replacements + 1)
        session.execute(update(devices).where(devices.c.id == device_id).values(
            token_hash=token_hash(token), name=request.device_name, client_version=request.client_version,
            office_name=row.office_name, revoked_at=None, replaced_at=iso_utc(now),
            replacements=existing.replacements + 1))
    elif existing is not None:
        raise HubError(409, "enrol_device_exists", device=device_id)
    else:
        session.execute(insert(devices).values(
            id=device_id, name=request.device_name, region_code=row.region_code, token_hash=token_hash(token),
            enrolled_at=iso_utc(now), chain_seq=0, chain_hash=GENESIS, client_version=request.client_version,
            office_name=row.office_name, replacements=0))
    facts["numbers_used"] = [f"{u.series} {u.year}: 1-{u.max}" for u in request.numbers_used]
    adopted = [_take_numbers(session, row.region_code, device_id, used) for used in request.numbers_used]
    facts["prefixes_adopted"] = sorted({p for p in adopted if p})
    session.execute(update(enrolment_codes).where(enrolment_codes.c.code_hash == row.code_hash).values(
        used_at=iso_utc(now), device_id=device_id))
    region = session.execute(select(regions).where(regions.c.code == row.region_code)).first()
    hub_id = session.execute(select(hub_settings_table.c.value).where(hub_settings_table.c.key == "hub_id")).scalar()
    return EnrolResponse(
        device_id=device_id, token=token, office_name=row.office_name, hub_id=hub_id or "",
        scope=Scope(region_code=row.region_code, name=region.name if region else row.region_code,
                    level=level_of(row.region_code)))


def _take_numbers(session: Session, scope: str, device_id: str, used: NumberClaim) -> str | None:
    """Make numbers a standalone office printed its block; returns a prefix adopted for its region."""
    kind, _, prefix = used.series.partition(":")
    adopted = None
    if kind == "doc" and prefixes.valid_prefix(prefix):
        owner = prefixes.owner_of(session, prefix)
        if owner.region_code is not None and not prefixes.covers(scope, owner.region_code):
            raise HubError(409, "enrol_prefix_taken", prefix=prefix, owner=owner.region_code,
                           owner_name=prefixes.region_name(session, owner.region_code))
        if owner.region_code is None:
            if owner.candidates and scope not in owner.candidates:
                raise HubError(409, "enrol_prefix_taken", prefix=prefix, owner="、".join(owner.candidates),
                               owner_name="、".join(prefixes.region_name(session, c) for c in owner.candidates))
            if not prefixes.auto_adopt(session):
                raise HubError(409, "enrol_prefix_unowned", prefix=prefix)
            owner = prefixes.adopt(session, prefix, scope, device_id)
            if owner.region_code != scope:  # another office adopted it a moment ago
                raise HubError(409, "enrol_prefix_taken", prefix=prefix, owner=owner.region_code,
                               owner_name=prefixes.region_name(session, owner.region_code))
            adopted = prefix
    series_region(session, used.series, scope)
    claim(session, device_id, used.series, used.year, used.max)
    return adopted


def revoke(session: Session, device_id: str) -> bool:
    result = session.execute(update(devices).where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                             .values(revoked_at=iso_utc(utc_now())))
    if result.rowcount > 0:
        security_log.record("device_revoked", device_id=device_id)
    return result.rowcount > 0
