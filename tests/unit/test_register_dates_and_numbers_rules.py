"""Dates a breach record carries to the province and the number a submission gets (found by mutation
testing, issue 17, second check): a submitted record says when the breach was recorded and when the
record last changed; a sanction without a recorded milestone (a case folded before milestones were kept)
is dated by its start; a sequence number below 1 is refused naming it."""

from __future__ import annotations

import json

import pytest

from app.domain.breach_register import COLUMNS, breach_record_row
from app.domain.errors import DomainError
from app.domain.submissions import ItemKind, format_submission_no, record_values
from tests.unit.test_breach_register_row_rules import _complaint
from tests.unit.test_submission_record_values_rules import _record


def test_a_submitted_record_says_when_it_was_recorded_and_last_changed():
    values = record_values(_record(recorded_on="2026-02-11", changed_on="2026-03-05"), ItemKind.CHANGED)
    assert (values["recorded_on"], values["changed_on"]) == ("2026-02-11", "2026-03-05")


def test_a_sanction_without_a_recorded_milestone_is_dated_by_its_start():
    row = dict(zip(COLUMNS, breach_record_row(_complaint(milestones=None)), strict=True))
    [sanction] = json.loads(row["sanctions"])
    assert (sanction["start_on"], sanction["recorded_on"]) == ("2026-03-01", "2026-03-01")


def test_a_submission_number_below_one_is_refused_naming_it():
    assert format_submission_no("532322", 2026, 1) == "532322-BS-2026-0001"
    with pytest.raises(DomainError) as refused:
        format_submission_no("532322", 2026, 0)
    assert (refused.value.code, refused.value.params) == ("number_invalid", {"value": 0})
