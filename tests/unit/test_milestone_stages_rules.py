"""The stages a complaint's history opens and closes as the workflow moves (found by mutation testing,
issue 17, fifth check of app/domain's other files, seed 137: the stage rules were pinned only by the
integration tests of the statistics, outside the unit selection). A substantiated conclusion opens the
rectification with the due date the officer set; an answerable complaint has one feedback stage, closed
when feedback is given; a note leaves a later forwarding stage where it started; a complaint from before
the receipt date existed starts its forwarding clock on the day it was registered."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from app.domain.milestones import start
from app.domain.vocabulary import State
from app.domain.workflow import apply
from tests.unit.test_workflow import PAYLOADS, A, S, fact, in_state, registered

KIND, START, OPENED, DUE, END, OUTCOME = range(6)


def test_a_substantiated_conclusion_opens_the_rectification_with_its_due_date():
    c = in_state(S.RECTIFYING)  # concluded with rectify_due 2026-12-31
    assert [s[KIND] for s in c.milestones["stages"]] == ["forward", "conclude", "rectify"]
    assert c.milestones["stages"][-1][DUE] == "2026-12-31" and c.milestones["stages"][-1][END] is None


def test_an_answerable_complaint_has_one_feedback_stage_closed_when_feedback_is_given():
    c = in_state(S.UNSUBSTANTIATED)
    c = apply(c, fact(A.NOTE, PAYLOADS[A.NOTE], on=date(2026, 11, 23)))
    c = apply(c, fact(A.NOTE, {"text": "再次电话联系"}, on=date(2026, 11, 24)))
    feedback = [s for s in c.milestones["stages"] if s[KIND] == "feedback"]
    assert len(feedback) == 1 and feedback[0][END] is None
    c = apply(c, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK], on=date(2026, 11, 25)))
    feedback = [s for s in c.milestones["stages"] if s[KIND] == "feedback"]
    assert [(s[END], s[OUTCOME]) for s in feedback] == [("2026-11-25", "given")]


def test_a_note_leaves_a_later_forwarding_stage_where_it_started():
    c = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 11, 21)))
    c = apply(c, fact(A.RETURN, PAYLOADS[A.RETURN], on=date(2026, 11, 23)))  # the clock runs again from the return
    assert c.milestones["stages"][-1][:3] == ["forward", "2026-11-23", "2026-11-23"]
    c = apply(c, fact(A.NOTE, PAYLOADS[A.NOTE], on=date(2026, 11, 24)))
    assert c.milestones["stages"][-1][:3] == ["forward", "2026-11-23", "2026-11-23"]  # not back to the receipt


def test_a_complaint_without_a_receipt_date_starts_forwarding_on_the_day_registered():
    c = SimpleNamespace(state=State.REGISTERED, received_on=None, milestones=None)
    start(c, date(2026, 11, 20))
    assert c.milestones["stages"] == [["forward", "2026-11-20", "2026-11-20", None, None, None]]
    received = SimpleNamespace(state=State.REGISTERED, received_on=date(2026, 11, 16), milestones=None)
    start(received, date(2026, 11, 20))
    assert received.milestones["stages"][0][START:OPENED + 1] == ["2026-11-16", "2026-11-20"]
