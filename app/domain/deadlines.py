"""Deadlines 办理时限 in working days (DESIGN §3), computed from the aggregate and the calendar.

Defaults: forward within 1 working day of receipt (the seed's “接收到线索后第一时间”), conclusion within 15
working days of forwarding, feedback within 5 working days of the conclusion; the rectification due
date is set per case. The hub administrator may change the numbers (``DeadlineRules``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.complaint import Complaint
from app.domain.errors import DomainError
from app.domain.vocabulary import State
from app.domain.workdays import WorkCalendar

DUE_SOON_WORKING_DAYS = 2  # amber badge: due within this many working days


class DueKind(StrEnum):
    FORWARD = "forward"  # 转办时限
    CONCLUDE = "conclude"  # 核实认定时限
    RECTIFY = "rectify"  # 整改期限
    FEEDBACK = "feedback"  # 反馈时限


DUE_KIND_LABELS = {
    DueKind.FORWARD: "转办",
    DueKind.CONCLUDE: "核实认定",
    DueKind.RECTIFY: "整改",
    DueKind.FEEDBACK: "反馈投诉人",
}


@dataclass(frozen=True)
class DeadlineRules:
    forward_days: int = 1
    conclude_days: int = 15
    feedback_days: int = 5

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:  # True is an int
                raise DomainError("deadline_rule_invalid", rule=name, value=value)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeadlineRules:
        known = {}
        for key, value in data.items():
            if key not in cls.__dataclass_fields__:
                continue
            try:  # a stored or imported setting: "15" is fine, "15天", 1.5 or true are refused with the rule named
                number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
            except ValueError:
                number = value
            known[key] = number
        return cls(**known)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Deadline:
    kind: DueKind
    due_on: date
    extended: bool = False


@dataclass(frozen=True)
class DeadlineStatus:
    kind: DueKind
    due_on: date
    working_days_left: int  # 0: due today; negative: overdue by that many working days
    overdue: bool
    due_soon: bool
    extended: bool
    fallback_years: tuple[int, ...]  # years without holiday data: weekends and fixed-date holidays only


def current_deadline(c: Complaint, calendar: WorkCalendar, rules: DeadlineRules) -> Deadline | None:
    """The deadline the complaint is running against now, or None (closed, awaiting fulfilment...)."""
    entered = c.state_entered_on or c.registered_on
    if c.state == State.REGISTERED:
        return Deadline(DueKind.FORWARD, calendar.add_working_days(forward_clock_start(c), rules.forward_days))
    if c.state == State.FORWARDED:
        if c.due_override_on and c.due_override_kind == DueKind.CONCLUDE:
            return Deadline(DueKind.CONCLUDE, c.due_override_on, extended=bool(c.extensions))
        return Deadline(DueKind.CONCLUDE, calendar.add_working_days(entered, rules.conclude_days))
    if c.state == State.RECTIFYING and c.rectify_due:
        extended = any(e.get("kind") == DueKind.RECTIFY for e in c.extensions)
        return Deadline(DueKind.RECTIFY, c.rectify_due, extended=extended)
    if c.state in (State.UNSUBSTANTIATED, State.DISPUTED, State.RECTIFIED, State.REPAIRED) and not c.feedback_given:
        return Deadline(DueKind.FEEDBACK, calendar.add_working_days(entered, rules.feedback_days))
    if c.state in (State.BREACH_CONFIRMED, State.SANCTIONED) and not c.feedback_given:
        confirmed = (c.breach or {}).get("on")
        start = date.fromisoformat(confirmed) if confirmed else entered
        if c.reopenings:  # closed and reopened back here: the complainant is owed feedback anew
            start = max(start, date.fromisoformat(c.reopenings[-1]["on"]))
        return Deadline(DueKind.FEEDBACK, calendar.add_working_days(start, rules.feedback_days))
    return None


def forward_clock_start(c: Complaint) -> date:
    """The day the forward deadline counts from: receipt of the complaint (the seed: 接收到线索后第一时间),
    or the day it came back to registration (退回, 重新办理)."""
    return c.forward_clock_from or c.received_on or c.registered_on


def registration_lag(c: Complaint, calendar: WorkCalendar) -> int:
    """Working days between receipt and registration (0: registered the day it arrived or the next
    working day at the latest is not a lag the window reports)."""
    if not c.received_on or c.received_on >= c.registered_on:
        return 0
    return calendar.working_days_between(c.received_on, c.registered_on)


def deadline_status(deadline: Deadline, today: date, calendar: WorkCalendar) -> DeadlineStatus:
    left = calendar.working_days_between(today, deadline.due_on)
    return DeadlineStatus(
        kind=deadline.kind,
        due_on=deadline.due_on,
        working_days_left=left,
        overdue=deadline.due_on < today,
        due_soon=deadline.due_on >= today and left <= DUE_SOON_WORKING_DAYS,
        extended=deadline.extended,
        fallback_years=calendar.missing_years(min(today, deadline.due_on), max(today, deadline.due_on)),
    )
