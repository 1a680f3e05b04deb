"""Quarantine for the whole fleet 全网隔离: the administrator sets a suspect event aside everywhere.

The event stays in the hub's log (devices that pulled it keep it, digests still match), but every
device skips it when folding, and the hub leaves it out of the intake it checks amendments against.
Devices learn of changes through ``quarantine_version`` in ``GET /v1/meta`` and fetch the list in
their scope from ``GET /v1/quarantine``.

``suspects`` finds candidates: events stored before the hub checked content (or under rules a later
version tightened) that today's acceptance refuses, registrations whose case number another
complaint already holds, actors who may not log in on the device that pushed the event, and roles
the workflow does not permit for the action.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.clock import iso_utc, utc_now
from app.domain.event_rules import ActorFacts, EventRefused, accept, check_actor
from app.messages import message
from app.sync.protocol import QuarantinedEvent, QuarantineList
from server import security_log
from server.auth import Device
from server.errors import HubError
from server.services.reference import get_setting, put_setting
from server.tables import device_users, devices, events, quarantine, stream_grants, streams, users

VERSION_KEY = "quarantine_version"
REASON = "admin_quarantine"


@dataclass(frozen=True)
class Suspect:
    event_id: str
    server_seq: int
    stream: str
    action: str
    device_id: str
    region: str
    device_time: str
    code: str
    message: str


def version(session: Session) -> int:
    return int(get_setting(session, VERSION_KEY, "0") or 0)


def _bump(session: Session) -> int:
    value = version(session) + 1
    put_setting(session, VERSION_KEY, str(value))
    return value


def suspects(session: Session, *, since: int = 0, limit: int = 200) -> Iterator[Suspect]:
    """Events after ``since`` that fail today's rules and are not quarantined yet, oldest first."""
    held = set(session.execute(select(quarantine.c.event_id)).scalars())
    hub_users = {r.id: (r.region_code, frozenset(r.roles.split(","))) for r in session.execute(
        select(users.c.id, users.c.region_code, users.c.roles))}
    locals_ = {(r.device_id, r.user_id): frozenset(r.roles.split(",")) for r in session.execute(select(device_users))}
    device_region = dict(session.execute(select(devices.c.id, devices.c.region_code)).all())
    owners = {row.case_no: row.stream for row in session.execute(select(streams.c.case_no, streams.c.stream))
              if row.case_no}
    found = 0
    rows = session.execute(select(events).where(events.c.server_seq > since).order_by(events.c.server_seq)
                           .execution_options(yield_per=2000))
    for row in rows:
        if row.id in held:
            continue
        event = event_of(row)
        code, params = None, {}
        try:
            fact = accept(event)
            if fact.action == "register" and owners.get(fact.payload["case_no"], row.stream) != row.stream:
                raise EventRefused("case_no_taken", case_no=fact.payload["case_no"])
            if event.actor or fact.action != "login_failed":
                roles = locals_.get((row.device_id, event.actor))
                user = hub_users.get(event.actor)
                if roles is None and user is not None and user[0] == device_region.get(row.device_id):
                    roles = user[1]
                if roles is None:
                    raise EventRefused("actor_unknown", actor=event.actor)
                check_actor(fact, event.stream, ActorFacts(event.actor, roles))
        except EventRefused as refusal:
            code, params = refusal.code, dict(refusal.params)
        if code is None:
            continue
        yield Suspect(row.id, row.server_seq, row.stream, row.action, row.device_id, row.region, row.device_time,
                      code, message(code, params))
        found += 1
        if found >= limit:
            return


def set_aside(session: Session, event_id: str, note: str, by: str = "admin") -> QuarantinedEvent:
    row = session.execute(select(events.c.id, events.c.stream, events.c.device_id, events.c.region)
                          .where(events.c.id == event_id)).first()
    if row is None:
        raise HubError(404, "event_not_found", event=event_id)
    if session.execute(select(quarantine.c.event_id).where(quarantine.c.event_id == event_id)).first():
        raise HubError(409, "event_already_quarantined", event=event_id)
    note = note.strip() or "管理员隔离"
    now = iso_utc(utc_now())
    session.execute(insert(quarantine).values(event_id=event_id, reason=REASON, note=note[:500], by=by, at=now))
    _bump(session)
    security_log.record("event_quarantined", event_id=event_id, stream=row.stream, device=row.device_id,
                        region=row.region, note=note[:500], by=by)
    return QuarantinedEvent(event_id=event_id, reason=REASON, note=note, at=now)


def release(session: Session, event_id: str, by: str = "admin") -> None:
    result = session.execute(delete(quarantine).where(quarantine.c.event_id == event_id))
    if result.rowcount == 0:
        raise HubError(404, "event_not_quarantined", event=event_id)
    _bump(session)
    security_log.record("event_released", event_id=event_id, by=by)


def listing(session: Session) -> list[dict]:
    q, e = quarantine.c, events.c
    rows = session.execute(select(q.event_id, q.reason, q.note, q.by, q.at, e.stream, e.action, e.region,
                                  e.device_id).join(events, e.id == q.event_id).order_by(q.at))
    return [dict(row._mapping) for row in rows]


def for_device(session: Session, device: Device) -> QuarantineList:
    """The quarantined events this device may hold: filed in its scope, or of a complaint moved into it."""
    q, e, g = quarantine.c, events.c, stream_grants.c
    rows = session.execute(select(q.event_id, q.reason, q.note, q.at, e.stream, e.region)
                           .join(events, e.id == q.event_id).order_by(q.at)).all()
    moved_in = set()
    streams_wanted = {r.stream for r in rows if not device.sees(r.region)}
    if streams_wanted:
        moved_in = {r.stream for r in session.execute(select(g.stream, g.region).where(g.stream.in_(streams_wanted)))
                    if device.sees(r.region)}
    kept = [QuarantinedEvent(event_id=r.event_id, reason=r.reason, note=r.note, at=r.at) for r in rows
            if device.sees(r.region) or r.stream in moved_in]
    return QuarantineList(version=version(session), events=kept)


def describe_suspect(s: Suspect) -> str:
    return f"{s.server_seq}\t{s.event_id}\t{s.action}\t{s.region}\t{s.device_time[:16]}\t{s.message}"
