"""The projector: folds events into the complaint projection (live, after sync, and from scratch).

The rules of the fold (conflicts, set-aside of malformed events) are the domain's
(``app.domain.fold``); this module reads the events in application order, hands them to
``StreamFold``, saves the complaints and records what the fold set aside in ``sync_quarantine``
(``origin = 'fold'``), so the 同步 page and ``sync --status`` can show it. Events the hub
administrator quarantined for the whole fleet (``origin = 'hub'``) are skipped by every fold.

A case number belongs to one complaint: a registration that would take a number another complaint
already holds (an old hub let it through) is set aside with ``case_no_taken`` instead of breaking
the projection's unique index.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.breach_register import breach_record_row
from app.domain.clock import iso_utc, utc_now
from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules, current_deadline
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, Event, canonical_json
from app.domain.fold import SetAside, StreamFold
from app.domain.milestones import milestone_rows
from app.domain.vocabulary import Action
from app.domain.workdays import WorkCalendar
from app.domain.workflow import apply
from app.security.fieldcrypt import cipher_for, seal_json
from app.store.complaints import ComplaintStore, search_key
from app.store.projection_version import PROJECTION_VERSION  # noqa: F401  (also read from here)
from app.store.tables import complaints, events, pull_marks, quarantine

PROGRESS_EVERY = 2000  # events read between two progress reports of a rebuild
REBUILD_CHUNK = 500  # complaints folded and written together by a rebuild (its memory: flat, not per complaint)
FOLD, HUB = "fold", "hub"


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


def stream_rows(session: Session, stream: str) -> list:
    """A complaint's events in application order: hub order first, then unsent in local order."""
    e = events.c
    return session.execute(select(events).where(e.stream == stream)
                           .order_by(e.server_seq.is_(None), e.server_seq, e.seq)).all()


def hub_quarantined(session: Session) -> frozenset[str]:
    """Ids of the events the hub administrator quarantined for the whole fleet (every fold skips them)."""
    return frozenset(session.execute(select(quarantine.c.event_id).where(quarantine.c.origin == HUB)).scalars())


def record_set_aside(session: Session, streams: Iterable[str], set_aside: Iterable[SetAside]) -> None:
    """Replace the fold's quarantine rows of ``streams`` with what their folds just set aside."""
    streams = list(streams)
    for start in range(0, len(streams), 500):
        chunk = streams[start:start + 500]
        session.execute(delete(quarantine).where(quarantine.c.origin == FOLD, quarantine.c.stream.in_(chunk)))
    _insert_set_aside(session, set_aside)


def _insert_set_aside(session: Session, set_aside: Iterable[SetAside]) -> None:
    now = iso_utc(utc_now())
    rows = {}
    for item in set_aside:
        event = item.event
        rows[event.id] = {
            "event_id": event.id, "event": seal_json(cipher_for(session), {**event.__dict__}), "reason": item.code,
            "quarantined_at": now, "origin": FOLD, "params": canonical_json(item.params), "stream": event.stream,
        }
    if rows:  # an event quarantined by the hub or a repair keeps that origin
        session.execute(insert(quarantine).prefix_with("OR IGNORE"), list(rows.values()))


def _milestone_key(c: Complaint | None) -> tuple | None:
    """What the milestone rows of ``c`` are made of: when an event leaves it alone (a note, most
    amendments), the live path does not rewrite them (a quarter of an action's time otherwise). A
    complaint with a confirmed breach also compares its register row (a sanction, an accountability
    decision, an issued 确认通知 or a corrected credit code change it)."""
    if c is None:
        return None
    respondent = c.intake["respondent"]
    return (canonical_json(c.milestones), c.region_code, c.department, respondent.get("competent_department"),
            respondent.get("name"), breach_record_row(c) if c.breach else None)


class Projector:
    def __init__(self, calendar: WorkCalendar, rules: DeadlineRules) -> None:
        self.calendar = calendar
        self.rules = rules

    def _save(self, store: ComplaintStore, complaint: Complaint, *, reindex: bool, milestones: bool = True) -> None:
        store.save(complaint, current_deadline(complaint, self.calendar, self.rules), reindex=reindex,
                   milestones=milestone_rows(complaint, self.calendar, self.rules) if milestones else None)

    def _new_rows(self, complaints_: list[Complaint]) -> list:
        return [(c, current_deadline(c, self.calendar, self.rules), milestone_rows(c, self.calendar, self.rules))
                for c in complaints_]

    def project(self, store: ComplaintStore, event: Event, current: Complaint | None = None, fact=None) -> Complaint:
        """Apply one event just made on this device to its stored aggregate and save the row.

        The event was validated against this very state (``app.domain.event_rules.validate_event``,
        whose ``fact`` may be handed in), and this device has seen everything it holds, so it is
        applied directly (the fold would give the same answer).
        """
        complaint = current if current is not None else store.get(event.stream)
        before, searched = _milestone_key(complaint), search_key(complaint)
        complaint = apply(complaint, fact if fact is not None else event.fact())
        # by what changed, not by the action: a resolution may apply a kept forward or amendment
        self._save(store, complaint, reindex=search_key(complaint) != searched,
                   milestones=_milestone_key(complaint) != before)
        return complaint

    def refold(self, store: ComplaintStore, stream: str, horizons: Horizons | None = None) -> Complaint | None:
        """Recompute one complaint from all its events (after sync changed their order or set)."""
        session = store.session
        horizons = horizons or Horizons(session)
        fold = StreamFold(skip=hub_quarantined(session))
        for row in stream_rows(session, stream):
            fold.feed(event_of(row), horizons.of(row))
        record_set_aside(session, [stream], fold.set_aside)
        complaint = fold.complaint
        if complaint is not None and not self._number_taken(store, complaint):
            self._save(store, complaint, reindex=True)
            return complaint
        return None

    def _number_taken(self, store: ComplaintStore, complaint: Complaint) -> bool:
        """True (and the registration set aside) when another complaint holds this case number."""
        holder = store.id_for_case_no(complaint.case_no)
        if holder is None or holder == complaint.id:
            return False
        self._set_aside_registration(store.session, complaint)
        return True

    def _set_aside_registration(self, session: Session, complaint: Complaint) -> None:
        row = session.execute(select(events).where(events.c.stream == complaint.id,
                                                   events.c.action == Action.REGISTER)
                              .order_by(events.c.server_seq.is_(None), events.c.server_seq, events.c.seq)).first()
        if row is not None:
            _insert_set_aside(session, [SetAside(event_of(row), "case_no_taken", {"case_no": complaint.case_no})])

    def _unique_numbers(self, store: ComplaintStore, new: list[Complaint]) -> list[Complaint]:
        """The new complaints whose case numbers nobody holds yet (first come, first kept)."""
        numbers = [c.case_no for c in new]
        held: set[str] = set()
        for start in range(0, len(numbers), 500):
            held.update(store.session.execute(select(complaints.c.case_no).where(
                complaints.c.case_no.in_(numbers[start:start + 500]))).scalars())
        kept = []
        for complaint in new:
            if complaint.case_no in held:
                self._set_aside_registration(store.session, complaint)
                continue
            held.add(complaint.case_no)
            kept.append(complaint)
        return kept

    def refold_many(self, store: ComplaintStore, streams: Iterable[str], horizons: Horizons) -> None:
        """Refold several complaints: one query for their events, new complaints inserted in bulk, known
        ones updated. A known one is reindexed when its ``search_key`` differs from the stored one's, read
        for the whole chunk at once: which events arrived says nothing about it (a pulled reject that sets
        a local forward aside removes the department)."""
        streams = list(streams)
        session = store.session
        e = events.c
        rows = session.execute(select(events).where(e.stream.in_(list(streams)))
                               .order_by(e.stream, e.server_seq.is_(None), e.server_seq, e.seq)).all()
        skip = hub_quarantined(session)
        folds: dict[str, StreamFold] = {}
        for row in rows:
            fold = folds.get(row.stream)
            if fold is None:
                fold = folds[row.stream] = StreamFold(skip=skip)
            fold.feed(event_of(row), horizons.of(row))
        record_set_aside(session, streams, (item for fold in folds.values() for item in fold.set_aside))
        known = store.search_keys(list(folds))
        new = []
        for stream, fold in folds.items():
            if fold.complaint is None:
                continue
            if stream in known:
                self._save(store, fold.complaint, reindex=search_key(fold.complaint) != known[stream])
            else:
                new.append(fold.complaint)
        new.sort(key=lambda c: c.registered_at)
        store.bulk_insert(self._new_rows(self._unique_numbers(store, new)))

    def rebuild(self, store: ComplaintStore, *, chunk: int = REBUILD_CHUNK,
                progress: Callable[[int, int], None] | None = None, total_events: int = 0) -> int:
        """Recreate every complaint row from the events alone; returns the number of complaints.

        Streamed, so memory stays flat however many complaints there are: a first pass reads only the
        (stream, device) of every event in application order, which gives the order in which the
        complaints first appear (the order of their rows) and which ones several devices wrote; then
        the complaints are folded ``chunk`` at a time from their own events and written. A complaint
        written by one device folds with horizon 0; one touched by several devices with its events'
        horizons. ``progress(done, total)``: the first pass counts as ``total_events`` steps and
        folding and writing the complaints as many again.
        """
        total = 2 * max(total_events, 1)
        store.clear()
        session = store.session
        session.execute(delete(quarantine).where(quarantine.c.origin == FOLD))
        skip = hub_quarantined(session)
        horizons = Horizons(session)
        first_device: dict[str, str | None] = {}  # stream -> its device, None once a second one wrote
        for seen, (stream, device) in enumerate(_replay_streams(session), start=1):
            if progress is not None and seen % PROGRESS_EVERY == 0:
                progress(min(seen, total // 2), total)
            if stream in (SESSION_STREAM, ADMIN_STREAM):
                continue
            known = first_device.setdefault(stream, device)
            if known is not None and known != device:
                first_device[stream] = None
        streams = list(first_device)
        count = 0
        for start in range(0, len(streams), chunk):
            folds: dict[str, StreamFold] = {}
            for row in _stream_chunk_rows(session, streams[start:start + chunk]):
                fold = folds.get(row.stream)
                if fold is None:
                    fold = folds[row.stream] = StreamFold(skip=skip)
                fold.feed(event_of(row), 0 if first_device[row.stream] is not None else horizons.of(row))
            ordered = [folds[s] for s in streams[start:start + chunk]]
            _insert_set_aside(session, (item for fold in ordered for item in fold.set_aside))
            kept = self._unique_numbers(store, [f.complaint for f in ordered if f.complaint is not None])
            store.bulk_insert(self._new_rows(kept))
            count += len(kept)
            if progress is not None:
                progress(total // 2 + (total // 2) * min(start + chunk, len(streams)) // len(streams), total)
        return count


def _replay_streams(session: Session) -> Iterator[tuple[str, str]]:
    """(stream, device) of every event in application order (``stream_rows``' order, log-wide), read
    through the indexes: one ``ORDER BY`` over the whole log would sort it in memory."""
    e = events.c
    connection = session.connection()
    for query in (select(e.stream, e.device_id).where(e.server_seq.is_not(None)).order_by(e.server_seq),
                  select(e.stream, e.device_id).where(e.server_seq.is_(None)).order_by(e.seq)):
        yield from connection.execute(query.execution_options(yield_per=REBUILD_CHUNK * 10))


def _stream_chunk_rows(session: Session, streams: list[str]) -> list:
    """The events of ``streams``, each stream's in application order (as ``stream_rows``)."""
    e = events.c
    return session.execute(select(events).where(e.stream.in_(streams))
                           .order_by(e.stream, e.server_seq.is_(None), e.server_seq, e.seq)).all()
