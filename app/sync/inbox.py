"""Pull 下载: each page of hub events and the new cursor are committed in ONE transaction; the
complaints they touch are projected right after, once per complaint per sync.

A page is applied only if the stored cursor is still the one it was requested with (another sync
may have applied it meanwhile). Known events are skipped (an own event whose push answer was lost
gets its ``server_seq`` here); a known id with other content, or an event that collides with a
local one, marks the local copy as damaged (the integrity check then repairs it).

The touched complaints are listed in ``sync_dirty`` in the page's transaction and projected by
``project_dirty`` (also at the start of the next sync, if a sync died in between). The pull mark
that gives new local events their horizon is written only once everything pulled is projected, so
an officer never acts on a view that claims more than it shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, insert, select, update

from app.contract.event_record import event_values, hash_text
from app.security.fieldcrypt import FieldCipher
from app.security.pulled_chain import record_pulled
from app.store.projector import Horizons, Projector
from app.store.tables import events, pull_marks
from app.store.uow import Store, UnitOfWork
from app.sync import state
from app.sync.protocol import PullResponse, WireEvent
from app.sync.tables import blob_queue, dirty

E = events.c
SHA256 = re.compile(r"^[0-9a-f]{64}$")
NON_COMPLAINT = ("session", "admin")
CHUNK = 400


@dataclass
class PageOutcome:
    applied: bool
    inserted: int = 0
    damaged: list[str] = field(default_factory=list)


def _row(wire: WireEvent, cipher: FieldCipher) -> dict:
    return event_values(wire.to_event(), horizon=wire.horizon, cipher=cipher)


def apply_page(uow: UnitOfWork, page: PullResponse, requested_cursor: int, blob_exists) -> PageOutcome:
    """Store ``page`` inside ``uow`` (the caller commits). ``blob_exists(sha)`` says if a file is here."""
    session = uow.session
    if state.cursor(uow.meta) != requested_cursor:
        return PageOutcome(applied=False)
    outcome = PageOutcome(applied=True)
    wires = sorted(page.events, key=lambda w: w.server_seq or 0)
    ids = [w.id for w in wires]
    known = {r.id: r for r in session.execute(select(E.id, E.hash, E.server_seq).where(E.id.in_(ids)))} if ids else {}
    fresh, late = [], []
    for wire in wires:
        row = known.get(wire.id)
        if row is None:
            fresh.append(wire)
        elif hash_text(row.hash) != wire.hash or row.server_seq not in (None, wire.server_seq):
            outcome.damaged.append(wire.id)
        elif row.server_seq is None:
            late.append({"b_id": wire.id, "b_seq": wire.server_seq, "b_horizon": wire.horizon})
    if late:  # own events whose push answer never arrived
        session.execute(update(events).where(E.id == bindparam("b_id"), E.server_seq.is_(None))
                        .values(server_seq=bindparam("b_seq"), horizon=bindparam("b_horizon")), late)
    if fresh:
        session.execute(insert(events).prefix_with("OR IGNORE"), [_row(w, uow.events.cipher) for w in fresh])
        stored = set(session.execute(select(E.id).where(E.id.in_([w.id for w in fresh]))).scalars())
        outcome.damaged += [w.id for w in fresh if w.id not in stored]  # collided with a local event
        fresh = [w for w in fresh if w.id in stored]
        # what ``audit verify`` checks the pulled events against (app.security.pulled_chain)
        record_pulled(session, [(w.device_id, w.server_seq, w.hash) for w in fresh], uow.events.device_id)
    outcome.inserted = len(fresh)
    touched: dict[str, None] = {}
    answered = {x["b_id"] for x in late}
    for wire in fresh + [w for w in wires if w.id in answered]:
        if wire.stream in NON_COMPLAINT:
            continue
        touched[wire.stream] = None
        sha = wire.payload.get("sha256") if wire.action == "attach" else None
        if isinstance(sha, str) and SHA256.match(sha) and not blob_exists(sha):  # never a path from a device
            session.execute(insert(blob_queue).prefix_with("OR IGNORE").values(sha256=sha, direction="down",
                                                                               attempts=0))
    if touched:  # ``reindex`` is no longer read: the projection compares every search row (projector)
        session.execute(insert(dirty).prefix_with("OR IGNORE"), [{"stream": s, "reindex": 1} for s in touched])
    uow.meta.set(state.CURSOR, str(page.next_cursor))
    return outcome


def project_waiting(store: Store, projector: Projector) -> int:
    """At opening: project what a sync killed between a pulled page and its projection left waiting, so
    no complaint is shown (or acted on) without the events the device already holds. Returns the
    number projected (0 after a read of one row, on every ordinary start)."""
    with store.read() as session:
        if session.execute(select(dirty.c.stream).limit(1)).first() is None:
            return 0
    return project_dirty(store, projector)


def project_dirty(store: Store, projector: Projector) -> int:
    """Project every complaint with pulled events waiting, a chunk per transaction; then record the
    pull mark (the cursor now fully shown). Returns the number of complaints projected."""
    done = 0
    while True:
        with store.unit_of_work() as uow:
            chunk = uow.session.execute(select(dirty.c.stream).limit(CHUNK)).all()
            if chunk:
                projector.refold_many(uow.complaints, [r.stream for r in chunk], Horizons(uow.session))
                uow.session.execute(delete(dirty).where(dirty.c.stream.in_([r.stream for r in chunk])))
                done += len(chunk)
            if len(chunk) < CHUNK:
                marker = uow.session.execute(select(func.max(E.seq))).scalar() or 0
                cursor = state.cursor(uow.meta)
                last = uow.session.execute(select(func.max(pull_marks.c.cursor))).scalar()
                if last is None or cursor > last:
                    uow.session.execute(insert(pull_marks).prefix_with("OR REPLACE").values(marker=marker,
                                                                                           cursor=cursor))
                uow.commit()
                return done
            uow.commit()
