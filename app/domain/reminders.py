"""Reminders 催办/督办: which overdue step a reminder may be issued for, by whom, and whether a recorded
reminder holds (Qt-free, no I/O).

Two kinds (``app.domain.document_kinds``):

- 催办函 ``urge_letter``: from the office that handles the case (its ``office_code``) to the body that
  must act — the department for an overdue 核实认定, the respondent for an overdue 整改. Feedback to
  the complainant is the office's own step, so it is never the subject of its own 催办函.
- 督办通知 ``supervision_notice``: from a prefecture-level office (the seed's 州发展改革委 “定期调度政府部门
  违约失信投诉认定和整改情况”, 四(七)) about a case handled by a county office below it: an overdue
  核实认定 or 整改, and an overdue 反馈投诉人 (处置效率, which the plan has the prefecture assess; the
  county office owes it).

A reminder is offered only while its step is overdue (``app.domain.deadlines``: the due date has
passed); a further one for the same step says which round it is (第二次催办).

Acceptance (``check_recorded``, run by ``event_rules.fit_case`` for every way in): the snapshot names
the step, its due date and the issuing office's region; the complaint must be in that step, the due
date must be the record's own (the rectification due date, an extended conclusion due date) or, where
the working-day calendar makes it, not before the step began, and the event's date must be after it.
The exact working-day due date is computed, never typed, by the service that makes the reminder; the
rule judged everywhere needs no calendar, so a later holiday calendar never refuses history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.complaint import Complaint
from app.domain.deadlines import DUE_KIND_LABELS, DeadlineRules, DueKind, current_deadline
from app.domain.errors import DomainError
from app.domain.regions import in_scope, level_of
from app.domain.vocabulary import State
from app.domain.workdays import WorkCalendar

URGE_LETTER = "urge_letter"  # 催办函
SUPERVISION_NOTICE = "supervision_notice"  # 督办通知
REMINDER_KINDS = frozenset({URGE_LETTER, SUPERVISION_NOTICE})
REPLY_WORKING_DAYS = 5  # the reply a reminder asks for is due this many working days after it is issued

# Steps each kind may remind of.
STEPS: dict[str, tuple[DueKind, ...]] = {
    URGE_LETTER: (DueKind.CONCLUDE, DueKind.RECTIFY),
    SUPERVISION_NOTICE: (DueKind.CONCLUDE, DueKind.RECTIFY, DueKind.FEEDBACK),
}
# Snapshot keys a reminder records besides what its template prints (the acceptance check reads them).
RECORD_KEYS = ("reminder_step", "reminder_due_on", "reminder_round", "office_region")

_FEEDBACK_OWED = frozenset({State.UNSUBSTANTIATED, State.DISPUTED, State.RECTIFIED, State.REPAIRED,
                            State.BREACH_CONFIRMED, State.SANCTIONED})


class ReminderRefused(DomainError):
    """A reminder that may not be issued or does not hold; ``code`` is stable."""


@dataclass(frozen=True)
class OverdueStep:
    """The step a complaint is overdue in, as of ``today``."""

    step: DueKind
    due_on: date
    working_days_over: int  # working days after the due date up to today (0: only non-working days)
    extended: bool

    @property
    def label(self) -> str:
        return DUE_KIND_LABELS[self.step]


def overdue_step(c: Complaint, today: date, calendar: WorkCalendar, rules: DeadlineRules) -> OverdueStep | None:
    """The overdue step a reminder may be about (核实认定, 整改, 反馈投诉人), or None.

    The forward step is the office's own first action and has no reminder here."""
    deadline = current_deadline(c, calendar, rules)
    if deadline is None or deadline.kind == DueKind.FORWARD or not deadline.due_on < today:
        return None
    return OverdueStep(deadline.kind, deadline.due_on, max(0, calendar.working_days_between(deadline.due_on, today)),
                       deadline.extended)


def office_problem(kind: str, office_region: str, case_office: str) -> str | None:
    """Why an office of ``office_region`` may not issue ``kind`` for a case handled by the office of
    ``case_office`` (a stable code), or None. Needs no state: the hub applies it to every pushed reminder."""
    if kind == URGE_LETTER:
        return None if office_region == case_office else "reminder_not_handling_office"
    if kind == SUPERVISION_NOTICE:
        try:
            prefecture = level_of(office_region) == "prefecture"
        except DomainError:
            prefecture = False
        if not prefecture:
            return "supervision_prefecture_only"
        if case_office == office_region or not in_scope(office_region, case_office):
            return "supervision_not_below"
        return None
    return "reminder_kind_unknown"


def responsible_body(step: DueKind, c: Complaint) -> tuple[str, str | None]:
    """The body that must act on ``step`` (name, recorded region): the department verifies, the
    respondent rectifies; feedback is the handling office's own (empty name)."""
    respondent = c.intake.get("respondent") or {}
    if step == DueKind.CONCLUDE:
        return (c.department or respondent.get("competent_department") or "", None)
    if step == DueKind.RECTIFY:
        return (respondent.get("name") or "", respondent.get("region_code"))
    return ("", None)


def stage_opened(c: Complaint) -> date | None:
    """The day the open stage a reminder is about began to run or was recorded, whichever is later
    (``app.domain.milestones``: the feedback stage when feedback is owed, else the workflow stage)."""
    stages = (c.milestones or {}).get("stages") or []
    feedback = c.state in _FEEDBACK_OWED
    for stage in reversed(stages):
        if stage[4] is None and (stage[0] == DueKind.FEEDBACK) == feedback:  # END, KIND
            return date.fromisoformat(max(stage[1], stage[2]))  # START, OPENED
    return None


def earlier(c: Complaint, kind: str, step: str) -> list[dict[str, Any]]:
    """Reminders of ``kind`` already issued about the open ``step`` (those recorded since it began)."""
    since = stage_opened(c)
    return [d for d in c.documents if d.get("kind") == kind and d.get("step") == step
            and (since is None or d.get("on", "") >= since.isoformat())]


def availability(kind: str, c: Complaint, office_region: str, today: date, calendar: WorkCalendar,
                 rules: DeadlineRules) -> OverdueStep:
    """The overdue step a reminder of ``kind`` would be about; ``ReminderRefused`` says why there is none."""
    problem = office_problem(kind, office_region, c.office_code)
    if problem:
        raise ReminderRefused(problem, case_no=c.case_no)
    step = overdue_step(c, today, calendar, rules)
    if step is None or step.step not in STEPS[kind]:
        raise ReminderRefused("reminder_not_overdue", case_no=c.case_no)
    return step


def _step_in_force(c: Complaint, step: str) -> bool:
    if step == DueKind.CONCLUDE:
        return c.state == State.FORWARDED
    if step == DueKind.RECTIFY:
        return c.state == State.RECTIFYING
    if step == DueKind.FEEDBACK:
        return c.state in _FEEDBACK_OWED and not c.feedback_given
    return False


def check_recorded(kind: str, snapshot: Mapping[str, Any], c: Complaint, on: date) -> None:
    """Does a reminder recorded on ``on`` hold against the complaint as it then stood? ``ReminderRefused``
    with a stable code otherwise (see the module docstring)."""
    step = str(snapshot.get("reminder_step") or "")
    office = str(snapshot.get("office_region") or "")
    try:
        due = date.fromisoformat(str(snapshot.get("reminder_due_on") or ""))
    except ValueError:
        raise ReminderRefused("reminder_record_invalid", field="reminder_due_on") from None
    if step not in STEPS.get(kind, ()):
        raise ReminderRefused("reminder_record_invalid", field="reminder_step")
    problem = office_problem(kind, office, c.office_code)
    if problem:
        raise ReminderRefused(problem, case_no=c.case_no)
    if not _step_in_force(c, step):
        raise ReminderRefused("reminder_not_overdue", case_no=c.case_no)
    recorded = _recorded_due(c, step)
    if recorded is not None and due != recorded:
        raise ReminderRefused("reminder_due_mismatch", case_no=c.case_no, due_on=recorded.isoformat())
    opened = stage_opened(c)
    if recorded is None and opened is not None and due < opened:
        raise ReminderRefused("reminder_due_mismatch", case_no=c.case_no, due_on=opened.isoformat())
    if not due < on:
        raise ReminderRefused("reminder_not_overdue", case_no=c.case_no)


def _recorded_due(c: Complaint, step: str) -> date | None:
    """The due date the record itself fixes (no calendar needed), or None when the rules make it."""
    if step == DueKind.RECTIFY:
        return c.rectify_due
    if step == DueKind.CONCLUDE and c.due_override_on and c.due_override_kind == DueKind.CONCLUDE:
        return c.due_override_on
    return None
