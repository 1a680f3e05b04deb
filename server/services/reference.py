"""Reference data 基础数据 for devices: regions, departments, users (with password verifiers for offline
login, only for those who may log in on the device: ``may_log_in``), deadline rules, the holiday
calendar and document prefixes, filtered to the device's scope.

Every administrative change bumps ``reference_version``; a device that already holds that version
asks for nothing (``GET /v1/meta`` carries it), so reference data costs nothing on an ordinary sync.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.domain.deadlines import DeadlineRules
from app.domain.regions import scope_prefix
from app.domain.workdays import SOURCE
from app.sync.protocol import Reference
from server.auth import Device
from server.tables import departments, document_prefixes, holiday_years, hub_settings_table, regions, users


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.execute(select(hub_settings_table.c.value).where(hub_settings_table.c.key == key)).scalar()
    return default if value is None else value


def put_setting(session: Session, key: str, value: str) -> None:
    t = hub_settings_table
    found = session.execute(select(t.c.key).where(t.c.key == key).with_for_update()).first()
    if found is None:
        session.execute(insert(t).values(key=key, value=value))
    else:
        session.execute(update(t).where(t.c.key == key).values(value=value))


def reference_version(session: Session) -> int:
    return int(get_setting(session, "reference_version", "1") or 1)


def bump(session: Session) -> int:
    version = reference_version(session) + 1
    put_setting(session, "reference_version", str(version))
    return version


def deadline_rules(session: Session) -> DeadlineRules:
    text = get_setting(session, "deadline_rules")
    return DeadlineRules.from_dict(json.loads(text)) if text else DeadlineRules()


def holidays(session: Session) -> dict[str, Any]:
    years = {str(row.year): json.loads(row.data) for row in session.execute(
        select(holiday_years).order_by(holiday_years.c.year))}
    return {"source": SOURCE, "years": years}


def _related(device: Device, region: str) -> bool:
    """In the device's scope, or above it (a prefecture's departments serve its counties too)."""
    return device.sees(region) or device.region_code.startswith(scope_prefix(region))


def may_log_in(device: Device, user_region: str, active: bool) -> bool:
    """A device holds a user's password verifier only if the user may log in on it: an active user of
    the device's own region (a county device: that county's officers; a prefecture device: the
    prefecture's own, not every county's). Other users in scope come without one (``""``), so the
    device can show who did what but nobody can log in as them there."""
    return active and user_region == device.region_code


def for_device(session: Session, device: Device) -> Reference:
    region_rows = [dict(r._mapping) for r in session.execute(select(regions).order_by(regions.c.code))]
    department_rows = [
        {"id": r.id, "region_code": r.region_code, "name": r.name, "code": r.code, "active": bool(r.active)}
        for r in session.execute(select(departments).order_by(departments.c.region_code, departments.c.name))
        if _related(device, r.region_code)
    ]
    user_rows = [
        {"id": r.id, "username": r.username, "display_name": r.display_name,
         "roles": [x for x in r.roles.split(",") if x], "region_code": r.region_code,
         "password_hash": r.password_hash if may_log_in(device, r.region_code, bool(r.active)) else "",
         "active": bool(r.active)}
        for r in session.execute(select(users).order_by(users.c.username)) if device.sees(r.region_code)
    ]
    prefix_rows = [
        {"region_code": r.region_code, "kind": r.kind, "prefix": r.prefix}
        for r in session.execute(select(document_prefixes).order_by(document_prefixes.c.region_code))
        if _related(device, r.region_code)
    ]
    return Reference(version=reference_version(session), regions=region_rows, departments=department_rows,
                     users=user_rows, deadline_rules=deadline_rules(session).to_dict(),
                     holidays=holidays(session), document_prefixes=prefix_rows)
