"""Facts an action states, checked against the complaint 事实核对: one place for the window, the CLI,
the services and the hub.

A payload may be valid on its own and still contradict the case: a refusal recorded before the
rectification deadline, a confirmation dated before the conclusion, a repair before the breach. The
documents then assert it. ``check_facts`` refuses such an action with field errors; ``date_bounds``
gives the earliest and latest date each date field may take, so the dialogs show the same limits
the check applies.

These are rules for *making* an event (see ``app.domain.event_rules``): they judge an action against
the complaint as the acting officer saw it and may tighten over time. A device folding history does
not apply them again; the hub applies them to a pushed event made on the state it knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.complaint import Complaint
from app.domain.errors import FieldError, ValidationFailed
from app.domain.vocabulary import (
    CITY_ONLY_MEASURES,
    Action,
    RefusalGround,
    ReopenTarget,
    SanctionMeasure,
    State,
)


@dataclass(frozen=True)
class DateBounds:
    earliest: date | None = None
    latest: date | None = None
    earliest_reason: str = ""  # what the earliest date is (shown with the error): 核实认定日期…
    latest_reason: str = ""


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10]) if value else None


def concluded_on(c: Complaint) -> date | None:
    """The day of the conclusion (核实认定) the complaint stands on."""
    return _day((c.finding or {}).get("on"))


def breach_confirmed_on(c: Complaint) -> date | None:
    return _day((c.breach or {}).get("confirmed_on"))


def outcome_on(c: Complaint) -> date | None:
    """The day the outcome the complainant is told about was reached."""
    if c.state in (State.BREACH_CONFIRMED, State.SANCTIONED):
        return breach_confirmed_on(c) or c.state_entered_on
    return c.state_entered_on


def is_substantiated(c: Complaint) -> bool:
    """The competent department found the complaint true (核实属实), or confirmed the breach: the least a
    典型案例 needs, since it exposes the body in public (seed §四(八) 失信案例)."""
    return bool(c.breach) or (c.finding or {}).get("finding") == "substantiated"


def refusal_may_be_overdue(c: Complaint, today: date) -> bool:
    """拒不整改 on the ground "逾期未整改" needs the rectification deadline to have passed."""
    return c.rectify_due is not None and today > c.rectify_due


def date_bounds(c: Complaint, action: str, today: date) -> dict[str, DateBounds]:
    """For each date field of ``action``: the earliest and latest date the record allows now."""
    conclusion = concluded_on(c)
    confirmed = breach_confirmed_on(c)
    future = DateBounds(earliest=today, earliest_reason="today")
    if action in (Action.FORWARD, Action.REDIRECT):
        return {"due_on": future}
    if action == Action.CONCLUDE:
        return {"rectify_due": DateBounds(earliest=today + timedelta(days=1), earliest_reason="today")}
    if action == Action.EXTEND:
        return {"new_due": DateBounds(earliest=today + timedelta(days=1), earliest_reason="today")}
    if action == Action.RECTIFY:
        return {"rectified_on": DateBounds(conclusion, today, "concluded_on", "today")}
    if action == Action.REFUSE:
        earliest, reason = conclusion, "concluded_on"
        return {"confirmed_on": DateBounds(earliest, today, reason, "today")}
    if action == Action.SANCTION:
        return {"start_on": DateBounds(confirmed, None, "breach_confirmed_on"),
                "end_on": DateBounds(confirmed, None, "breach_confirmed_on")}
    if action == Action.REPAIR:
        return {"fulfilled_on": DateBounds(confirmed, today, "breach_confirmed_on", "today")}
    if action == Action.HOLD_ACCOUNTABLE:
        return {"decided_on": DateBounds(confirmed, today, "breach_confirmed_on", "today")}
    if action == Action.FEEDBACK:
        return {"given_on": DateBounds(outcome_on(c), today, "outcome_on", "today")}
    if action == Action.REOPEN:
        return {"due_on": future}
    return {}


def refusal_bounds(c: Complaint, ground: str, today: date) -> DateBounds:
    """The confirmation date of a refusal on ``ground``: after the deadline when it is "逾期未整改"."""
    bounds = date_bounds(c, Action.REFUSE, today)["confirmed_on"]
    if ground == RefusalGround.OVERDUE and c.rectify_due is not None:
        return DateBounds(c.rectify_due + timedelta(days=1), today, "rectify_due", "today")
    return bounds


def reopen_target(c: Complaint) -> ReopenTarget:
    """Where 重新办理 leads: a complaint concluded on its merits goes back to the department for 重新核实
    (the feedback letters promise it), one closed without a decision back to registration, a confirmed
    breach or a repair back to where it stood."""
    before = c.state_before_close
    if before in (State.UNSUBSTANTIATED, State.DISPUTED, State.RECTIFIED):
        return ReopenTarget.VERIFICATION if c.department else ReopenTarget.REGISTRATION
    if before in (State.BREACH_CONFIRMED, State.SANCTIONED, State.REPAIRED):
        return ReopenTarget.RESUME
    return ReopenTarget.REGISTRATION


BOUND_LABELS = {
    "today": "今天",
    "concluded_on": "核实认定之日",
    "breach_confirmed_on": "确认违约失信之日",
    "rectify_due": "逾期未整改须在整改期限届满之后",
    "outcome_on": "办理结果形成之日",
}


def _compare(errors: list[FieldError], name: str, value: date | None, bounds: DateBounds) -> None:
    if value is None:
        return
    if bounds.earliest is not None and value < bounds.earliest:
        errors.append(FieldError(name, "date_before_record", {
            "earliest": bounds.earliest.isoformat(), "what": BOUND_LABELS.get(bounds.earliest_reason, "")}))
    elif bounds.latest is not None and value > bounds.latest:
        errors.append(FieldError(name, "date_after_record", {
            "latest": bounds.latest.isoformat(), "what": BOUND_LABELS.get(bounds.latest_reason, "")}))


def check_facts(
    c: Complaint, action: str, payload: dict[str, Any], today: date, *,
    is_city: Callable[[str], bool] | None = None,
) -> None:
    """Raise ``ValidationFailed`` when the payload states something the complaint contradicts.

    ``is_city(region_code)`` says whether a region is a city (for the 示范区 measure); without it that
    rule is not applied (the hub knows no region names).
    """
    errors: list[FieldError] = []
    bounds = date_bounds(c, action, today)
    if action == Action.REFUSE:
        ground = payload.get("ground") or RefusalGround.OVERDUE
        if ground == RefusalGround.OVERDUE and not refusal_may_be_overdue(c, today):
            errors.append(FieldError("ground", "refusal_before_deadline",
                                     {"due_on": c.rectify_due.isoformat() if c.rectify_due else ""}))
        else:
            bounds = {"confirmed_on": refusal_bounds(c, ground, today)}
    if action == Action.REDIRECT and payload.get("department") == c.department:
        errors.append(FieldError("department", "redirect_same_department", {"department": c.department or ""}))
    if action == Action.SANCTION:
        measures = payload.get("measures") or []
        if SanctionMeasure.HOLD_ACCOUNTABLE in measures:
            errors.append(FieldError("measures", "measure_is_accountability"))
        region = (c.intake.get("respondent") or {}).get("region_code", "")
        if is_city is not None and any(m in CITY_ONLY_MEASURES for m in measures) and not is_city(region):
            errors.append(FieldError("measures", "measure_cities_only"))
    if action == Action.MARK_TYPICAL and payload.get("typical", True) and not is_substantiated(c):
        errors.append(FieldError("typical", "typical_needs_substantiated"))
    if action == Action.REOPEN and payload.get("back_to") not in (None, reopen_target(c)):
        errors.append(FieldError("back_to", "reopen_target_invalid", {"expected": reopen_target(c).value}))
    for name, limit in bounds.items():
        _compare(errors, name, _day(payload.get(name)), limit)
    if errors:
        raise ValidationFailed(errors)
