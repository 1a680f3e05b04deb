"""The projector: folds events into the complaint projection (live, after sync, and from scratch).

Conflicts (DESIGN §4). Every node folds a complaint's events in hub order (``server_seq``) with the
local unsent events on top. An event conflicts when a non-commuting event it had not seen was
applied before it. What the actor had seen is everything of its own device plus the hub events up
to its ``horizon`` (the cursor its device had pulled to when the event was made; events pull in
order, so that is exact). Notes, attachments and issued documents commute with everything, amends
with amends of other fields, an assignment with anything but another assignment; a transition commutes with
none of the other transitions. A conflicting event is kept, not applied: it goes into
``Complaint.conflicts`` (the list shows “待核对”) until a leader's ``resolve`` settles it. A
transition that no longer fits the state is kept the same way. Nothing is overwritten.

The rule only looks at the events and their horizons, so every node, and a rebuild, get the same
rows. ``base`` alone would not do: a device's own unsent note can be the head it acted on while the
hub puts another device's transition before that note, and "base == head" would then apply a
transition to a state its author never saw.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules, current_deadline
from app.domain.events import Event
from app.domain.vocabulary import Action, Resolution
from app.domain.workdays import WorkCalendar
from app.domain.workflow import RULES, STATE_PRESERVING, apply, kept_entry, resolution_problem
from app.store.complaints import ComplaintStore
from app.store.tables import complaints
from app.sync.tables import pull_marks, synced_events

REINDEXING = frozenset({Action.REGISTER, Action.AMEND, Action.FORWARD})
TRANSITION = "transition"
Tag = str | frozenset | None


def tag_of(event: Event) -> Tag:
    """What an event touches, for the commute test: None (nothing), field paths, or a kind."""
    action = event.action
    if action == Action.AMEND:
        return frozenset((event.payload.get("changes") or {}).keys())
    if action == Action.ASSIGN:
        return "assign"
    if action == Action.MARK_TYPICAL:
        return "typical"
    if action in STATE_PRESERVING:  # notes, attachments, issued documents (numbers never collide)
        return None
    if action == Action.RESOLVE and event.payload.get("decision") == Resolution.DISMISS:
        return None
    return TRANSITION


def _paths_overlap(a: frozenset, b: frozenset) -> bool:
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def clashes(new: Tag, old: Tag) -> bool:
    if new is None or old is None:
        return False
    if isinstance(new, frozenset) and isinstance(old, frozenset):
        return _paths_overlap(new, old)
    return new == old


@dataclass(frozen=True)
class Applied:
    device_id: str
    server_seq: int | None
    tag: Tag


class StreamFold:
    """One complaint folded event by event, remembering what was applied (for the commute test)."""

    def __init__(self, complaint: Complaint | None = None) -> None:
        self.complaint = complaint
        self.applied: list[Applied] = []

    def feed(self, event: Event, horizon: int) -> bool:
        """Apply ``event`` or keep it aside; True when it was applied."""
        c = self.complaint
        if event.action == Action.REGISTER:
            if c is not None:
                self._keep(event, "duplicate")
                return False
            self.complaint = apply(None, event.fact())
            self.applied.append(Applied(event.device_id, event.server_seq, TRANSITION))
            return True
        if c is None:
            return False  # nothing to apply it to (its registration was never received)
        tag = tag_of(event)
        unseen = (a for a in self.applied if a.device_id != event.device_id
                  and (a.server_seq is None or a.server_seq > horizon))
        if any(clashes(tag, a.tag) for a in unseen):
            self._keep(event, "concurrent")
            return False
        if tag == TRANSITION and not _fits(c, event):  # commuting events apply in any state
            self._keep(event, "state")
            return False
        apply(c, event.fact())
        self.applied.append(Applied(event.device_id, event.server_seq, tag))
        return True

    def _keep(self, event: Event, reason: str) -> None:
        c = self.complaint
        if c is None:
            return
        c.conflicts.append(kept_entry(event.fact(), device_id=event.device_id, server_seq=event.server_seq,
                                      head=c.head, reason=reason))
        c.updated_at = max(c.updated_at, event.device_time)


def _fits(c: Complaint, event: Event) -> bool:
    """Would the workflow allow this event in the complaint's present state?"""
    try:
        rule = RULES[Action(event.action)]
    except ValueError:
        return False
    if c.state not in rule.sources:
        return False
    if rule.action == Action.CLOSE and not c.feedback_given:
        return False
    if rule.action == Action.RESOLVE:
        problem = resolution_problem(c, event.payload)
        return problem is None or event.payload.get("decision") == Resolution.DISMISS
    return True


class Horizons:
    """The horizon of each event: stored with hub events; for unsent ones, from the pull marks."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(pull_marks.c.marker, pull_marks.c.cursor).order_by(pull_marks.c.marker)).all()
        self._markers = [r.marker for r in rows]
        self._cursors = [r.cursor for r in rows]

    def for_local(self, local_seq: int) -> int:
        """The cursor reached by the last page applied before local row ``local_seq`` was written."""
        index = bisect.bisect_left(self._markers, local_seq) - 1
        return self._cursors[index] if index >= 0 else 0

    def of(self, row) -> int:
        return row.horizon if row.horizon is not None else self.for_local(row.seq)


def row_event(row) -> Event:
    return Event(id=row.id, stream=row.stream, action=row.action, payload=json.loads(row.payload), actor=row.actor,
                 device_id=row.device_id, device_seq=row.device_seq, device_time=row.device_time, base=row.base,
                 prev_hash=row.prev_hash, hash=row.hash, server_seq=row.server_seq)


def stream_rows(session: Session, stream: str) -> list:
    """A complaint's events in application order: hub order first, then unsent in local order."""
    e = synced_events.c
    return session.execute(select(synced_events).where(e.stream == stream)
                           .order_by(e.server_seq.is_(None), e.server_seq, e.seq)).all()


class Projector:
    def __init__(self, calendar: WorkCalendar, rules: DeadlineRules) -> None:
        self.calendar = calendar
        self.rules = rules

    def _save(self, store: ComplaintStore, complaint: Complaint, *, reindex: bool) -> None:
        store.save(complaint, current_deadline(complaint, self.calendar, self.rules), reindex=reindex)

    def project(self, store: ComplaintStore, event: Event, current: Complaint | None = None) -> Complaint:
        """Apply one event just made on this device to its stored aggregate and save the row.

        The event was checked against this very state, and this device has seen everything it holds,
        so it is applied directly (the fold would give the same answer).
        """
        complaint = current if current is not None else store.get(event.stream)
        complaint = apply(complaint, event.fact())
        self._save(store, complaint, reindex=event.action in REINDEXING)
        return complaint

    def refold(self, store: ComplaintStore, stream: str, horizons: Horizons | None = None) -> Complaint | None:
        """Recompute one complaint from all its events (after sync changed their order or set)."""
        horizons = horizons or Horizons(store.session)
        fold = StreamFold()
        for row in stream_rows(store.session, stream):
            fold.feed(row_event(row), horizons.of(row))
        if fold.complaint is not None:
            self._save(store, fold.complaint, reindex=True)
        return fold.complaint

    def refold_many(self, store: ComplaintStore, streams: dict[str, bool], horizons: Horizons) -> None:
        """Refold several complaints (stream -> whether its search row may have changed): one query for
        their events, new complaints inserted in bulk, known ones updated."""
        e = synced_events.c
        rows = store.session.execute(select(synced_events).where(e.stream.in_(list(streams)))
                                     .order_by(e.stream, e.server_seq.is_(None), e.server_seq, e.seq)).all()
        folds: dict[str, StreamFold] = {}
        for row in rows:
            folds.setdefault(row.stream, StreamFold()).feed(row_event(row), horizons.of(row))
        known = set(store.session.execute(select(complaints.c.id).where(complaints.c.id.in_(list(folds))))
                    .scalars())
        new = []
        for stream, fold in folds.items():
            if fold.complaint is None:
                continue
            if stream in known:
                self._save(store, fold.complaint, reindex=streams[stream])
            else:
                new.append((fold.complaint, current_deadline(fold.complaint, self.calendar, self.rules)))
        new.sort(key=lambda pair: pair[0].registered_at)
        store.bulk_insert(new)

    def rebuild(self, store: ComplaintStore, ordered_events: Iterable[Event], batch: int = 5000) -> int:
        """Recreate every complaint row from the events alone; returns the number of complaints.

        Complaints written by one device fold as they stream past; one touched by several devices is
        refolded from its own events (with their horizons) the moment a second device appears.
        """
        store.clear()
        folds: dict[str, StreamFold] = {}
        first_device: dict[str, str] = {}
        refolded: set[str] = set()
        horizons = Horizons(store.session)
        for event in ordered_events:
            if not event.is_complaint_event or event.stream in refolded:
                continue
            if first_device.setdefault(event.stream, event.device_id) != event.device_id:
                fold = StreamFold()
                for row in stream_rows(store.session, event.stream):
                    fold.feed(row_event(row), horizons.of(row))
                folds[event.stream] = fold
                refolded.add(event.stream)
                continue
            folds.setdefault(event.stream, StreamFold()).feed(event, 0)
        ordered = [f.complaint for f in folds.values() if f.complaint is not None]  # first-event order
        for start in range(0, len(ordered), batch):
            chunk = ordered[start:start + batch]
            store.bulk_insert([(c, current_deadline(c, self.calendar, self.rules)) for c in chunk])
        return len(ordered)
