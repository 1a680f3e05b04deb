"""A complaint's history as the report tables store it (found by mutation testing, issue 17): state
spells, one deadline row per due date a stage had (an extension ends one segment and starts the next,
the working days counted on the last), and the sanctions with the day each was recorded."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from app.domain.deadlines import DeadlineRules
from app.domain.milestones import milestone_rows
from app.domain.workdays import WorkCalendar

CAL = WorkCalendar.load_default()


def _complaint() -> SimpleNamespace:
    return SimpleNamespace(breach=None, milestones={
        "spells": [["registered", "2026-03-02"], ["forwarded", "2026-03-04"]],
        "stages": [["forward", "2026-03-02", "2026-03-02", None, "2026-03-04", "forwarded"],
                   ["conclude", "2026-03-04", "2026-03-04", None, None, None, "2026-03-20", "2026-04-30",
                    "2026-04-20", "2026-05-29"],
                   ["rectify", "2026-03-04", "2026-03-04", "2026-05-01", None, None],
                   ["rectify", "2026-03-04", "2026-03-04", None, None, None]],
        "sanctions": {"ev1": "2026-05-03"}},
        sanctions=[{"event": "ev1", "start_on": "2026-05-01", "end_on": "2026-12-31"},
                   {"start_on": "2026-06-01", "end_on": "", "lifted_on": None}])


def test_spells_deadlines_and_sanctions_of_a_complaint():
    rows = milestone_rows(_complaint(), CAL, DeadlineRules(forward_days=1, conclude_days=15, feedback_days=5))
    assert rows.spells == ((0, "registered", "2026-03-02", "2026-03-04"), (1, "forwarded", "2026-03-04", None))
    rank = CAL.working_day_number
    assert [row[:10] for row in rows.deadlines] == [
        # forward: due one working day after it started, ended on the 4th after two working days
        (0, 0, "forward", "2026-03-02", "2026-03-03", "2026-03-02", "2026-03-04", "2026-03-04", "forwarded", 2),
        # conclude: 15 working days, extended on 3-20 to 4-30, on 4-20 to 5-29, and still open
        (1, 0, "conclude", "2026-03-04", "2026-03-25", "2026-03-04", "2026-03-20", None, "extended", None),
        (1, 1, "conclude", "2026-03-04", "2026-04-30", "2026-03-20", "2026-04-20", None, "extended", None),
        (1, 2, "conclude", "2026-03-04", "2026-05-29", "2026-04-20", None, None, None, None),
        # rectify: the due date the officer set; without one, no working days are added
        (2, 0, "rectify", "2026-03-04", "2026-05-01", "2026-03-04", None, None, None, None),
        (3, 0, "rectify", "2026-03-04", "2026-03-04", "2026-03-04", None, None, None, None)]
    dues = ("2026-03-03", "2026-03-25", "2026-04-30", "2026-05-29", "2026-05-01", "2026-03-04")
    assert [row[10] for row in rows.deadlines] == [rank(date.fromisoformat(d)) for d in dues]
    assert rows.sanctions == ((0, "ev1", "2026-05-03", "2026-05-01", "2026-12-31", None),
                              (1, "", "2026-06-01", "2026-06-01", None, None))
    assert rows.breach is None


def test_a_complaint_closed_as_a_duplicate_ends_its_forward_stage_as_merged_and_a_rejection_as_rejected():
    from app.domain.workflow import apply
    from tests.unit.test_workflow import PAYLOADS, A, fact, registered

    merged = apply(registered(), fact(A.MERGE, PAYLOADS[A.MERGE]))
    rejected = apply(registered(), fact(A.REJECT, PAYLOADS[A.REJECT]))
    assert [s[5] for s in merged.milestones["stages"]] == ["merged"]
    assert [s[5] for s in rejected.milestones["stages"]] == ["rejected"]
