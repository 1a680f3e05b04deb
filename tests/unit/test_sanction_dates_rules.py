"""Sanctions as the register and the case history keep them (found by mutation testing, issue 17, second
check): a sanction recorded without other measures lists none; one that starts after today is not yet in
force; dates stored with a time are read as their day; a lifted sanction's history row says when."""

from __future__ import annotations

import json
from datetime import date

from app.domain.breach_register import COLUMNS, breach_record_row
from app.domain.sanctions import SanctionStatus, sanction_status
from tests.unit.test_breach_register_row_rules import SANCTION, _complaint


def test_a_sanction_without_other_measures_lists_none():
    bare = {k: v for k, v in SANCTION.items() if k not in ("measures", "other_measures")}
    row = dict(zip(COLUMNS, breach_record_row(_complaint(sanctions=[bare])), strict=True))
    [sanction] = json.loads(row["sanctions"])
    assert (sanction["measures"], sanction["other_measures"]) == ([], [])


def test_a_sanction_starting_after_today_is_not_yet_in_force():
    later = {"start_on": "2027-01-10", "end_on": "2027-12-31"}
    assert sanction_status(later, date(2027, 1, 9)) == SanctionStatus.PENDING
    assert sanction_status(later, date(2027, 1, 10)) == SanctionStatus.IN_FORCE


def test_dates_stored_with_a_time_are_read_as_their_day():
    stamped = {"start_on": "2027-01-10T08:00:00", "end_on": "2027-12-31T00:00:00"}
    assert sanction_status(stamped, date(2027, 1, 9)) == SanctionStatus.PENDING
    assert sanction_status(stamped, date(2028, 1, 1)) == SanctionStatus.EXPIRED


def test_a_lifted_sanctions_history_row_says_when_it_was_lifted():
    from app.domain.deadlines import DeadlineRules
    from app.domain.milestones import milestone_rows
    from tests.unit.test_milestone_rows_rules import CAL
    from tests.unit.test_milestone_rows_rules import _complaint as _history

    c = _history()
    c.sanctions = [{**c.sanctions[0], "lifted_on": "2026-09-01"}]
    rows = milestone_rows(c, CAL, DeadlineRules(forward_days=1, conclude_days=15, feedback_days=5))
    assert rows.sanctions[0][4:] == ("2026-12-31", "2026-09-01")
