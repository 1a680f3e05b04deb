"""The hub's fleet-wide quarantine on this device: the events the administrator set aside everywhere.

``apply_list`` replaces this device's ``origin = 'hub'`` rows of ``sync_quarantine`` with the hub's
list and returns the complaints whose fold changes (an event newly skipped or released); the caller
refolds them. Ids of events this device does not hold yet are kept too, so an event pulled later is
skipped from the start.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from app.domain.events import canonical_json
from app.security.fieldcrypt import open_json, seal_json
from app.store.projector import HUB
from app.store.tables import events, quarantine
from app.store.uow import UnitOfWork
from app.sync.protocol import QuarantineList

VERSION = "sync.quarantine_version"


def apply_list(uow: UnitOfWork, listing: QuarantineList) -> set[str]:
    session = uow.session
    q = quarantine.c
    before = {r.event_id: r.stream for r in session.execute(select(q.event_id, q.stream).where(q.origin == HUB))}
    wanted = {item.event_id: item for item in listing.events}
    touched = {stream for event_id, stream in before.items() if event_id not in wanted and stream}
    gone = [event_id for event_id in before if event_id not in wanted]
    if gone:
        session.execute(delete(quarantine).where(q.origin == HUB, q.event_id.in_(gone)))
    fresh = [item for event_id, item in wanted.items() if event_id not in before]
    if fresh:
        held = {row.id: row for row in session.execute(select(events).where(events.c.id.in_([i.event_id for i in fresh])))}
        # a row set aside by this device's own fold becomes the hub's (the administrator's reason wins)
        session.execute(delete(quarantine).where(q.event_id.in_([i.event_id for i in fresh])))
        rows = []
        for item in fresh:
            row = held.get(item.event_id)
            event = {c: getattr(row, c) for c in row._fields} if row is not None else {"id": item.event_id}
            if row is not None:
                event["payload"] = open_json(row.payload)
                touched.add(row.stream)
            rows.append({"event_id": item.event_id, "event": seal_json(uow.events.cipher, event), "reason": item.reason,
                         "quarantined_at": item.at, "origin": HUB, "params": canonical_json({"note": item.note}),
                         "stream": row.stream if row is not None else None})
        session.execute(insert(quarantine), rows)
    uow.meta.set(VERSION, str(listing.version))
    return {stream for stream in touched if stream not in ("session", "admin")}


def known_version(uow: UnitOfWork) -> int:
    return int(uow.meta.get(VERSION, "0") or 0)
