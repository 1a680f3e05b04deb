"""Reference data 基础数据 from the hub, stored on the device.

Users go into the ``users`` table (with the verifiers of those who may log in on this device, so
officers log in offline; the others without one, so nobody can log in as them here); local lockout
counters survive unless the password changed. Deadline rules and the holiday calendar go into
``meta`` where the profile reads them at start; regions, departments and document prefixes are
kept in ``sync_reference`` for the forms. Users the hub no longer sends are deactivated here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update

from app.domain.clock import iso_utc
from app.domain.deadlines import DeadlineRules
from app.domain.errors import DomainError
from app.domain.events import canonical_json
from app.domain.regions import RegionRegistry
from app.domain.workdays import WorkCalendar
from app.store.tables import users
from app.store.uow import UnitOfWork
from app.sync import state
from app.sync.tables import reference as reference_table

if TYPE_CHECKING:  # the wire models (pydantic): not imported by opening a profile
    from app.sync.protocol import Reference

KINDS = ("regions", "departments", "document_prefixes")


def merged_calendar(base: WorkCalendar, hub_json: str | None) -> WorkCalendar:
    """The shipped calendar with the hub's years laid over it (bad data never breaks the app)."""
    if not hub_json:
        return base
    try:
        extra = WorkCalendar.from_dict(json.loads(hub_json))
        return base.with_years({y: s for y in extra.known_years() if (s := extra.schedule(y)) is not None})
    except (DomainError, ValueError, TypeError):
        return base


def merged_regions(base: RegionRegistry, hub_json: str | None) -> RegionRegistry:
    """The shipped regions plus those the hub administrator added (bad data never breaks the app)."""
    if not hub_json:
        return base
    try:
        return base._merge(RegionRegistry.from_records(json.loads(hub_json)).all(), {})
    except (DomainError, ValueError, TypeError):
        return base


def read_kind(session, kind: str) -> Any:
    text = session.execute(select(reference_table.c.data).where(reference_table.c.kind == kind)).scalar()
    return json.loads(text) if text else []


def _put(session, kind: str, data: Any) -> None:
    session.execute(insert(reference_table).prefix_with("OR REPLACE").values(kind=kind, data=canonical_json(data)))


def _apply_users(session, rows: list[dict[str, Any]], now: str) -> None:
    """Users from the hub. A user comes with a verifier only if they may log in on this device (an
    active user of its own region); without one (``""``) the row is kept for names and roles and
    nobody can log in as them here: a verifier this device held before is dropped (the user moved to
    another region or was deactivated), as it is for users the hub no longer sends at all."""
    previous = set(read_kind(session, "hub_user_ids") or [])
    u = users.c
    for user in rows:
        values = {"username": user["username"].lower(), "display_name": user["display_name"],
                  "roles": ",".join(user["roles"]), "region_code": user["region_code"],
                  "active": 1 if user["active"] else 0, "updated_at": now}
        verifier = (user.get("password_hash") or "") if user["active"] else ""
        clash = session.execute(select(u.id).where(u.username == values["username"], u.id != user["id"])).scalar()
        if clash is not None:  # a local account with the hub's name: the hub's account wins the name
            session.execute(update(users).where(u.id == clash).values(
                username=f"{values['username']}.local", active=0, updated_at=now))
        current = session.execute(select(u.password_hash).where(u.id == user["id"])).first()
        if current is None:
            session.execute(insert(users).values(id=user["id"], password_hash=verifier, failed_count=0,
                                                 created_at=now, password_changed_at=now, **values))
            continue
        if current.password_hash != verifier:
            values.update(password_hash=verifier, password_changed_at=now, failed_count=0, locked_until=None)
        session.execute(update(users).where(u.id == user["id"]).values(**values))
    sent = {user["id"] for user in rows}
    for gone in previous - sent:
        session.execute(update(users).where(u.id == gone).values(active=0, password_hash="", updated_at=now))
    _put(session, "hub_user_ids", sorted(sent))


def apply_reference(uow: UnitOfWork, ref: Reference, now) -> tuple[DeadlineRules, str]:
    """Store everything; returns the deadline rules and the calendar JSON for the open profile."""
    session = uow.session
    _apply_users(session, ref.users, iso_utc(now))
    for kind in KINDS:
        _put(session, kind, getattr(ref, kind))
    rules = DeadlineRules.from_dict(ref.deadline_rules)
    calendar_json = canonical_json(ref.holidays)
    uow.meta.set("deadline_rules", canonical_json(rules.to_dict()))
    uow.meta.set("holiday_calendar", calendar_json)
    uow.meta.set("hub_regions", canonical_json(ref.regions))
    uow.meta.set(state.REFERENCE_VERSION, str(ref.version))
    return rules, calendar_json
