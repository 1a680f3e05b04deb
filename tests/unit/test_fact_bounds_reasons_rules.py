"""Why a date is refused, for the actions the first round left out (found by mutation testing, issue 17,
second check): a rectification dated before the conclusion names 核实认定之日, one dated after today
names 今天; feedback dated before the outcome names 办理结果形成之日; a redirection to the department the
complaint is already with names that department. The window builds its Chinese message from these."""

from __future__ import annotations

from datetime import date

from app.domain.errors import ValidationFailed
from app.domain.facts import check_facts, outcome_on
from tests.unit.test_facts import rectifying
from tests.unit.test_workflow import PAYLOADS, A, S, in_state

DAY = date(2026, 12, 4)


def _errors(c, action, payload, today=DAY) -> list[tuple]:
    try:
        check_facts(c, action, payload, today)
    except ValidationFailed as failed:
        return [(e.field, e.code, e.params) for e in failed.errors]
    return []


def test_a_rectification_before_the_conclusion_names_the_conclusion_and_after_today_names_today():
    c = rectifying(concluded=date(2026, 11, 20))
    assert _errors(c, A.RECTIFY, {**PAYLOADS[A.RECTIFY], "rectified_on": "2026-11-19"}) == [
        ("rectified_on", "date_before_record", {"earliest": "2026-11-20", "what": "核实认定之日"})]
    assert _errors(c, A.RECTIFY, {**PAYLOADS[A.RECTIFY], "rectified_on": "2026-12-05"}) == [
        ("rectified_on", "date_after_record", {"latest": "2026-12-04", "what": "今天"})]
    assert _errors(c, A.RECTIFY, {**PAYLOADS[A.RECTIFY], "rectified_on": "2026-11-20"}) == []


def test_feedback_before_the_outcome_names_the_outcome():
    answered = in_state(S.RECTIFIED)
    reached = outcome_on(answered)
    before = date.fromordinal(reached.toordinal() - 1).isoformat()
    assert _errors(answered, A.FEEDBACK, {**PAYLOADS[A.FEEDBACK], "given_on": before}, today=date(2027, 1, 1)) == [
        ("given_on", "date_before_record", {"earliest": reached.isoformat(), "what": "办理结果形成之日"})]


def test_a_redirection_to_the_same_department_names_it():
    forwarded = in_state(S.FORWARDED)
    same = {**PAYLOADS[A.REDIRECT], "department": forwarded.department}
    assert forwarded.department
    assert _errors(forwarded, A.REDIRECT, same) == [
        ("department", "redirect_same_department", {"department": forwarded.department})]


def test_an_accountability_decision_cannot_be_dated_after_today():
    confirmed = in_state(S.BREACH_CONFIRMED)
    decided = {**PAYLOADS[A.HOLD_ACCOUNTABLE], "decided_on": "2026-12-05"}
    assert _errors(confirmed, A.HOLD_ACCOUNTABLE, decided) == [
        ("decided_on", "date_after_record", {"latest": "2026-12-04", "what": "今天"})]


def test_a_sanction_ending_before_the_breach_was_confirmed_names_the_confirmation():
    confirmed = in_state(S.BREACH_CONFIRMED)
    day = confirmed.breach["confirmed_on"]
    before = date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()
    payload = {**PAYLOADS[A.SANCTION], "start_on": day, "end_on": before}
    assert _errors(confirmed, A.SANCTION, payload) == [
        ("end_on", "date_before_record", {"earliest": day, "what": "确认违约失信之日"})]


def test_a_reopening_cannot_set_its_deadline_before_today():
    closed = in_state(S.CLOSED)
    assert _errors(closed, A.REOPEN, {**PAYLOADS[A.REOPEN], "due_on": "2026-12-03"}) == [
        ("due_on", "date_before_record", {"earliest": "2026-12-04", "what": "今天"})]
