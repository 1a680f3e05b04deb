"""What a refusal tells the user, for the rules the first rounds left out (found by mutation testing,
issue 17, second check): the number of invalid fields, the region listed twice, the month not yet begun,
the period typed (nothing typed: empty), the unknown criterion of a typical-case table, the missing field
table's path, a reminder record for a kind of reminder this version does not know."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.regions import RegionRegistry
from app.domain.reminders import ReminderRefused, check_recorded, office_problem
from app.domain.submission_fields import load_table
from app.domain.submissions import check_period, parse_period
from app.domain.typical import thresholds_from
from tests.unit.test_workflow import S, in_state


def _refusal(call, *args) -> tuple:
    with pytest.raises(DomainError) as refused:
        call(*args)
    return refused.value.code, refused.value.params


def test_a_validation_failure_counts_its_fields():
    failed = ValidationFailed([FieldError("a", "missing"), FieldError("b", "missing")])
    assert (failed.code, failed.params) == ("validation_failed", {"count": 2})


def test_a_region_listed_twice_is_named():
    records = [{"code": "532322", "name": "双柏县"}, {"code": "532322", "name": "双柏县"}]
    assert _refusal(RegionRegistry.from_records, records) == (
        "region_file_invalid", {"line": 2, "reason": "duplicate", "region": "532322"})


def test_a_month_not_yet_begun_and_a_period_not_understood_are_named():
    assert _refusal(check_period, parse_period("2027-02"), date(2027, 1, 31)) == (
        "submission_period_future", {"period": "2027-02"})
    assert _refusal(parse_period, "") == ("submission_period_invalid", {"value": ""})
    assert _refusal(parse_period, None) == ("submission_period_invalid", {"value": ""})


def test_an_unknown_criterion_in_the_typical_case_table_is_named():
    assert _refusal(thresholds_from, {"_comment": "说明", "new_rule": 3}) == (
        "typical_criteria_invalid", {"detail": "不认识的标准“new_rule”"})


def test_a_missing_field_table_names_its_path(tmp_path):
    missing = tmp_path / "fields.json"
    assert _refusal(load_table, missing) == (
        "submission_fields_invalid", {"path": str(missing), "detail": "文件不存在"})


def test_a_reminder_of_a_kind_this_version_does_not_know_is_refused():
    c = in_state(S.FORWARDED)
    snapshot = {"reminder_step": "conclude", "office_region": c.office_code, "reminder_due_on": "2026-12-01"}
    with pytest.raises(ReminderRefused) as refused:
        check_recorded("new_kind", snapshot, c, date(2026, 12, 4))
    assert (refused.value.code, refused.value.field) == ("reminder_record_invalid", "reminder_step")
    assert office_problem("new_kind", "532300", "532322") == "reminder_kind_unknown"
