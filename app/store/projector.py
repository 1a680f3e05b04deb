"""The projector: folds events into the complaint projection (live, after sync, and from scratch)."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules, current_deadline
from app.domain.events import Event
from app.domain.vocabulary import Action
from app.domain.workdays import WorkCalendar
from app.domain.workflow import apply
from app.store.complaints import ComplaintStore

REINDEXING = frozenset({Action.REGISTER, Action.AMEND, Action.FORWARD})


class Projector:
    def __init__(self, calendar: WorkCalendar, rules: DeadlineRules) -> None:
        self.calendar = calendar
        self.rules = rules

    def project(self, store: ComplaintStore, event: Event, current: Complaint | None = None) -> Complaint:
        """Apply one complaint event to its stored aggregate and save the row."""
        complaint = current if current is not None else store.get(event.stream)
        complaint = apply(complaint, event.fact())
        store.save(complaint, current_deadline(complaint, self.calendar, self.rules),
                   reindex=event.action in REINDEXING)
        return complaint

    def rebuild(self, store: ComplaintStore, ordered_events: Iterable[Event], batch: int = 5000) -> int:
        """Recreate every complaint row from the events alone; returns the number of complaints."""
        store.clear()
        aggregates: dict[str, Complaint] = {}
        for event in ordered_events:
            if not event.is_complaint_event:
                continue
            aggregates[event.stream] = apply(aggregates.get(event.stream), event.fact())
        ordered = list(aggregates.values())  # first-event order, as the live projection inserted them
        for start in range(0, len(ordered), batch):
            chunk = ordered[start:start + batch]
            store.bulk_insert([(c, current_deadline(c, self.calendar, self.rules)) for c in chunk])
        return len(ordered)
