"""Folding a complaint's events 事件折叠: conflict rules and the set-aside of events that may not count.

Conflicts (DESIGN §4). Every node folds a complaint's events in hub order (``server_seq``) with the
local unsent events on top. An event conflicts when a non-commuting event it had not seen was
applied before it. What the actor had seen is everything of its own device plus the hub events up
to its ``horizon`` (the cursor its device had pulled to when the event was made; events pull in
order, so that is exact). Notes, attachments and issued documents commute with everything, amends
with amends of other fields, an assignment with anything but another assignment; a transition
commutes with none of the other transitions. A conflicting event is kept, not applied: it goes into
``Complaint.conflicts`` (the list shows “待核对”) until a leader's ``resolve`` settles it. A
transition that no longer fits the state, and an amendment that would leave an invalid intake, are
kept the same way. Nothing is overwritten.

Malformed events (``event_rules.accept`` refuses them: a bad payload, time or id, from an old, new or
hostile device) are *set aside*: never applied, listed in ``StreamFold.set_aside`` so the store can
quarantine them with their reason, and the fold goes on with the rest. Events the hub administrator
quarantined for the whole fleet are skipped the same way (``skip``). A fold never raises for a stored
event, so a sync, a refold and a rebuild always complete.

The rules only look at the events and their horizons, so every node, and a rebuild, get the same
rows. ``base`` alone would not do: a device's own unsent note can be the head it acted on while the
hub puts another device's transition before that note, and "base == head" would then apply a
transition to a state its author never saw.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from app.domain.complaint import Complaint
from app.domain.event_rules import EventRefused, accept, fit_case
from app.domain.events import Event
from app.domain.vocabulary import Action, Resolution
from app.domain.workflow import RULES, STATE_PRESERVING, Fact, apply, kept_entry, resolution_problem

TRANSITION = "transition"
Tag = str | frozenset | None


def tag_of(action: str, payload: dict[str, Any]) -> Tag:
    """What an event touches, for the commute test: None (nothing), field paths, or a kind."""
    if action == Action.AMEND:
        return frozenset((payload.get("changes") or {}).keys())
    if action == Action.ASSIGN:
        return "assign"
    if action == Action.MARK_TYPICAL:
        return "typical"
    if action in STATE_PRESERVING:  # notes, attachments, issued documents (numbers never collide)
        return None
    if action == Action.RESOLVE and payload.get("decision") == Resolution.DISMISS:
        return None
    return TRANSITION


def _paths_overlap(a: frozenset, b: frozenset) -> bool:
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def clashes(new: Tag, old: Tag) -> bool:
    """Do two events touch the same thing (so the later one must not apply unseen)?"""
    if new is None or old is None:
        return False
    if isinstance(new, frozenset) and isinstance(old, frozenset):
        return _paths_overlap(new, old)
    return new == old


def fits(c: Complaint, action: str, payload: dict[str, Any]) -> bool:
    """Would the workflow allow this transition in the complaint's present state?"""
    try:
        rule = RULES[Action(action)]
    except ValueError:
        return False
    if c.state not in rule.sources:
        return False
    if rule.action == Action.CLOSE and not c.feedback_given:
        return False
    if rule.action == Action.RESOLVE:
        problem = resolution_problem(c, payload)
        return problem is None or payload.get("decision") == Resolution.DISMISS
    return True


@dataclass(frozen=True)
class Applied:
    device_id: str
    server_seq: int | None
    tag: Tag


@dataclass(frozen=True)
class SetAside:
    """An event the fold would not apply at all, with the stable reason code and its parameters."""

    event: Event
    code: str
    params: dict[str, Any] = field(default_factory=dict)


class StreamFold:
    """One complaint folded event by event, remembering what was applied (for the commute test)."""

    def __init__(self, complaint: Complaint | None = None, skip: Container[str] = frozenset()) -> None:
        self.complaint = complaint
        self.applied: list[Applied] = []
        self.set_aside: list[SetAside] = []
        self.skip = skip

    def feed(self, event: Event, horizon: int) -> bool:
        """Apply ``event``, keep it aside as a conflict, or set it aside as unusable; True when applied."""
        if event.id in self.skip:
            return False
        try:
            fact = accept(event)
        except EventRefused as refusal:
            self.set_aside.append(SetAside(event, refusal.code, dict(refusal.params)))
            return False
        c = self.complaint
        if fact.action == Action.REGISTER:
            if c is not None:
                self._keep(event, fact, "duplicate")
                return False
            return self._apply(event, fact, None, TRANSITION)
        if c is None:
            return False  # nothing to apply it to (its registration was never received)
        tag = tag_of(fact.action, fact.payload)
        unseen = (a for a in self.applied if a.device_id != event.device_id
                  and (a.server_seq is None or a.server_seq > horizon))
        if any(clashes(tag, a.tag) for a in unseen):
            self._keep(event, fact, "concurrent")
            return False
        if tag == TRANSITION and not fits(c, fact.action, fact.payload):  # commuting events apply in any state
            self._keep(event, fact, "state")
            return False
        try:
            fact = fit_case(fact, c)
        except EventRefused:
            self._keep(event, fact, "invalid")
            return False
        return self._apply(event, fact, c, tag)

    def _apply(self, event: Event, fact: Fact, c: Complaint | None, tag: Tag) -> bool:
        try:
            self.complaint = apply(c, fact)
        except Exception as error:  # a rule this version lacks; never let one event stop the rest
            self.set_aside.append(SetAside(event, "fold_failed", {"error": type(error).__name__}))
            return False
        self.applied.append(Applied(event.device_id, event.server_seq, tag))
        return True

    def _keep(self, event: Event, fact: Fact, reason: str) -> None:
        c = self.complaint
        if c is None:
            return
        c.conflicts.append(kept_entry(fact, device_id=event.device_id, server_seq=event.server_seq,
                                      head=c.head, reason=reason))
        c.updated_at = max(c.updated_at, event.device_time)
