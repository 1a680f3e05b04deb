"""Milestones 办理节点: the dated history of a complaint, kept by the fold, for supervision figures.

Every applied event may open or close a *stage* (a step with a time limit) and move the complaint
from one *state spell* to the next. The aggregate keeps that history (``Complaint.milestones``) so a
report never has to fold events: the projector writes it out as rows (``milestone_rows``) and the
figures are SQL over those rows (``app.reports``).

Dates are **recorded dates** (登记日期 of the event: the China date of the device time of the event
that made the change). A payload date such as ``rectified_on`` or ``given_on`` is shown on the case but
does not move a milestone: an event recorded after a period cannot put anything into that period.
A ``resolve`` that applies a kept transition dates the change by the resolve itself, for the same
reason. The one correction that reaches back is a corrected 收件日期 while the complaint still waits
to be forwarded: the open forward stage then counts from the corrected day (as its deadline does).

Stages (``Stage``) and their limits (``DeadlineRules``, the same as ``app.domain.deadlines``):

- forward 转办: from receipt (or the day it came back to registration) to the forward, reject or merge;
- conclude 核实认定: from the forward (or 改派, 重新核实) to the conclusion, a return or a redirection;
- rectify 整改: from a substantiated conclusion to 已整改 or 拒不整改;
- feedback 反馈: from the first outcome the complainant is owed (a conclusion, a rectification, a
  confirmed breach, a repair) to the feedback.

An extension 延期 changes the due date from the day it is recorded: before that day the old due date
was in force (so "overdue at the end of March" stays what it was on March 31).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.breach_register import breach_record_row
from app.domain.deadlines import DeadlineRules
from app.domain.vocabulary import State
from app.domain.workdays import WorkCalendar

S = State
ANSWERABLE = frozenset({S.UNSUBSTANTIATED, S.DISPUTED, S.RECTIFIED, S.REPAIRED, S.BREACH_CONFIRMED, S.SANCTIONED})


class Stage(StrEnum):
    FORWARD = "forward"  # 转办
    CONCLUDE = "conclude"  # 核实认定
    RECTIFY = "rectify"  # 整改
    FEEDBACK = "feedback"  # 反馈投诉人


class Outcome(StrEnum):
    """How a stage ended."""

    FORWARDED = "forwarded"
    REJECTED = "rejected"
    MERGED = "merged"
    SUBSTANTIATED = "substantiated"
    UNSUBSTANTIATED = "unsubstantiated"
    DISPUTED = "disputed"
    RETURNED = "returned"  # 退回
    REDIRECTED = "redirected"  # 改派: a new conclude stage starts
    RECTIFIED = "rectified"
    REFUSED = "refused"  # 拒不整改 → 认定违约失信
    GIVEN = "given"  # feedback given
    ENDED = "ended"  # the state left the stage otherwise (a later version's rule)


# The outcome of a completed stage that counts as the stage's work done (timeliness, working days).
DONE = {
    Stage.FORWARD: frozenset({Outcome.FORWARDED}),
    Stage.CONCLUDE: frozenset({Outcome.SUBSTANTIATED, Outcome.UNSUBSTANTIATED, Outcome.DISPUTED}),
    Stage.RECTIFY: frozenset({Outcome.RECTIFIED, Outcome.REFUSED}),
    Stage.FEEDBACK: frozenset({Outcome.GIVEN}),
}


@dataclass(frozen=True)
class Before:
    """What ``note`` compares against: the few facts of the aggregate before an event applied."""

    state: State
    feedback_given: bool
    extensions: int
    redirects: int
    sanctions: int
    received_on: date

    @classmethod
    def of(cls, c) -> Before:
        return cls(c.state, c.feedback_given, len(c.extensions), len(c.redirects), len(c.sanctions), c.received_on)


# A stage is a list (100,000 of them are held at once by a rebuild): its kind, the day its clock starts,
# the day it was recorded, the due date set when it opened (None: from the rules), the day it ended, the
# outcome, then any extensions as (recorded day, new due) pairs, flat.
KIND, START, OPENED, DUE, END, OUTCOME = range(6)


def start(c, on: date) -> None:
    """The history of a complaint just registered on ``on``: one spell, the forward stage open."""
    day = on.isoformat()
    c.milestones = {"spells": [[c.state.value, day]], "stages": [], "sanctions": {}}
    received = c.received_on.isoformat() if c.received_on else day
    _open(c, Stage.FORWARD, received, day)


def note(c, before: Before, on: date) -> None:
    """Record what the event recorded on ``on`` changed (``c`` is the aggregate after it)."""
    if not c.milestones:
        return  # an aggregate projected before milestones existed (rebuilt on open)
    day = on.isoformat()
    changed = c.state != before.state
    redirected = len(c.redirects) > before.redirects
    if changed:
        c.milestones["spells"].append([c.state.value, day])
    current = _open_stage(c)
    kind = current[KIND] if current is not None else None
    if kind == Stage.FORWARD and changed:
        _close(current, day, Outcome.FORWARDED if c.state == S.FORWARDED else _closure_outcome(c))
    elif kind == Stage.FORWARD and c.received_on != before.received_on and c.forward_clock_from is None \
            and sum(1 for s in c.milestones["stages"] if s[KIND] == Stage.FORWARD) == 1:
        current[START] = c.received_on.isoformat()  # a corrected 收件日期 (amend) while still to forward
    elif kind == Stage.CONCLUDE and (changed or redirected):
        _close(current, day, _conclude_outcome(c, changed))
    elif kind == Stage.RECTIFY and changed:
        _close(current, day, Outcome.RECTIFIED if c.state == S.RECTIFIED else
               Outcome.REFUSED if c.state == S.BREACH_CONFIRMED else Outcome.ENDED)
    elif current is not None and len(c.extensions) > before.extensions:
        current += [day, c.extensions[-1]["new_due"]]
    feedback = _open_stage(c, Stage.FEEDBACK)
    if feedback is not None and c.feedback_given and not before.feedback_given:
        _close(feedback, day, Outcome.GIVEN)
    if changed or redirected:
        _enter(c, day)
    if c.state in ANSWERABLE and not c.feedback_given and _open_stage(c, Stage.FEEDBACK) is None:
        _open(c, Stage.FEEDBACK, day, day)
    for sanction in c.sanctions[before.sanctions:]:
        c.milestones["sanctions"][sanction["event"]] = day


def _enter(c, day: str) -> None:
    """Open the stage the complaint's new state (or new department) runs against."""
    if c.state == S.REGISTERED:
        _open(c, Stage.FORWARD, c.forward_clock_from.isoformat() if c.forward_clock_from else day, day)
    elif c.state == S.FORWARDED:
        override = c.due_override_on if c.due_override_kind == "conclude" else None
        _open(c, Stage.CONCLUDE, day, day, override)
    elif c.state == S.RECTIFYING:
        _open(c, Stage.RECTIFY, day, day, c.rectify_due)


def _open(c, stage: Stage, started: str, opened: str, due: date | None = None) -> None:
    """A new stage whose clock runs from ``started`` (receipt may precede registration), recorded on
    ``opened``: before that day nobody knew of it, so its due date is in force only from then."""
    c.milestones["stages"].append([stage.value, started, opened, due.isoformat() if due else None, None, None])


def _close(stage: list, day: str, outcome: Outcome) -> None:
    stage[END] = day
    stage[OUTCOME] = outcome.value


def _open_stage(c, kind: Stage | None = None) -> list | None:
    """The open workflow stage (forward, conclude, rectify), or the open stage of kind ``kind``."""
    for s in reversed(c.milestones["stages"]):
        if s[END] is None and (s[KIND] == kind if kind else s[KIND] != Stage.FEEDBACK):
            return s
    return None


def _closure_outcome(c) -> Outcome:
    kind = (c.closure or {}).get("kind")
    return {"rejected": Outcome.REJECTED, "merged": Outcome.MERGED}.get(kind, Outcome.ENDED)


def _conclude_outcome(c, changed: bool) -> Outcome:
    if not changed:
        return Outcome.REDIRECTED
    if c.state == S.REGISTERED:
        return Outcome.RETURNED
    finding = (c.finding or {}).get("finding")
    return Outcome(finding) if finding in DONE[Stage.CONCLUDE] else Outcome.ENDED


# ---- rows for the projection ------------------------------------------------------------------------

@dataclass(frozen=True)
class MilestoneRows:
    """One complaint's history as table rows (``app.store.tables``: state_spells, stage_deadlines,
    sanction_spells), each a tuple in column order without the complaint's ``num``, and its row of the
    breach register (``app.domain.breach_register``; None without a confirmed breach)."""

    spells: tuple[tuple, ...]
    deadlines: tuple[tuple, ...]
    sanctions: tuple[tuple, ...]
    breach: tuple | None = None


def milestone_rows(c, calendar: WorkCalendar, rules: DeadlineRules) -> MilestoneRows:
    history = c.milestones or {}
    raw = history.get("spells", [])
    spells = tuple((i, state, entered, raw[i + 1][1] if i + 1 < len(raw) else None)
                   for i, (state, entered) in enumerate(raw))
    deadlines = []
    for index, stage in enumerate(history.get("stages", [])):
        deadlines += _deadline_rows(index, stage, calendar, rules)
    recorded = history.get("sanctions", {})
    sanctions = tuple(
        (i, s.get("event") or "", recorded.get(s.get("event"), s.get("start_on")), s.get("start_on"),
         s.get("end_on") or None, s.get("lifted_on") or None)
        for i, s in enumerate(c.sanctions))
    return MilestoneRows(spells, tuple(deadlines), sanctions, breach_record_row(c))


def _first_due(stage: list, calendar: WorkCalendar, rules: DeadlineRules) -> str:
    if stage[DUE]:
        return stage[DUE]
    days = {Stage.FORWARD: rules.forward_days, Stage.CONCLUDE: rules.conclude_days,
            Stage.FEEDBACK: rules.feedback_days}.get(Stage(stage[KIND]), 0)
    return calendar.add_working_days(date.fromisoformat(stage[START]), days).isoformat()


def _deadline_rows(index: int, stage: list, calendar: WorkCalendar, rules: DeadlineRules) -> list[tuple]:
    """(stage_no, segment, stage, started_on, due_on, set_on, until_on, ended_on, outcome, working_days,
    due_rank) for each due date the stage had: an extension ends one segment and starts the next.
    ``due_rank`` is the due date's ``working_day_number`` (working days over = rank of a day − it)."""
    started, end = stage[START], stage[END]
    opened = max(started, stage[OPENED])
    extensions = stage[OUTCOME + 1:]
    dues = [(opened, _first_due(stage, calendar, rules)), *zip(extensions[::2], extensions[1::2], strict=True)]
    rows = []
    for segment, (set_on, due) in enumerate(dues):
        last = segment == len(dues) - 1
        until = end if last else dues[segment + 1][0]
        worked = (calendar.working_days_between(date.fromisoformat(started), date.fromisoformat(end))
                  if last and end else None)
        rows.append((index, segment, stage[KIND], started, due, set_on, until, end if last else None,
                     stage[OUTCOME] if last else "extended", worked,
                     calendar.working_day_number(date.fromisoformat(due))))
    return rows
