"""Masks, register rows and bounds, from the survivors of the fifth check of app/domain's other files
(mutation testing, issue 17, seed 137; written after that check was recorded): the audit page masks a
local phone number under its key and inside nested payloads; the disclosure masks a complainant's address
inside a list; the breach register reads a claim with no amount and a breach with no document, and shows
when a sanction was lifted; an extension's date bound is explained by today; a rule that fails in the fold
names the error; machine-filled payloads are not checked for printable characters; the first emoji range
counts; an amendment of a field that cannot be amended names it; a document number needs a sequence of
at least one; a reminder issued on the day its stage opened counts; 1950-01-01 is within the record's
range; a record for the province carries the respondent's name."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

from app.domain.audit_records import mask_payload, summary_text
from app.domain.breach_register import breach_record_row, sanction_lines
from app.domain.disclosure import masked_json
from app.domain.errors import DomainError, ValidationFailed
from app.domain.facts import DateBounds, date_bounds
from app.domain.glyphs import _EMOJI_RANGES, check_printable, is_emoji
from app.domain.intake_changes import apply_changes
from app.domain.masking import mask_address
from app.domain.numbering import format_document_number
from app.domain.reminders import URGE_LETTER, earlier
from app.domain.schema import FIRST_DAY, Day
from app.domain.submissions import ItemKind, record_values
from app.domain.vocabulary import Action
from tests.factories import intake
from tests.unit.test_breach_register_row_rules import SANCTION, _complaint, _row
from tests.unit.test_fold import NOTE, ev, folded, register
from tests.unit.test_reminders import complaint
from tests.unit.test_submission_record_values_rules import _record
from tests.unit.test_workflow import S, in_state


def test_the_audit_page_masks_a_local_phone_number_under_its_key_and_when_nested():
    assert mask_payload({"phone": "3123456"}) == {"phone": "***3456"}
    line = summary_text({"complainant": {"phone": "3123456", "address": "云南省楚雄彝族自治州楚雄市鹿城南路12号"}})
    assert "3123456" not in line and "***3456" in line and "鹿城南路" not in line


def test_the_disclosure_masks_a_complainants_address_inside_a_list():
    address = "云南省楚雄彝族自治州楚雄市鹿城南路12号3栋"
    assert masked_json({"complainant": [{"address": address}]}) == {"complainant": [{"address": mask_address(address)}]}


def test_the_register_reads_a_claim_without_an_amount_and_a_breach_without_a_document():
    data = intake()
    data["complainant"]["name"] = "双柏县绿源农业科技有限公司"
    data["claim"]["amount"] = ""
    row = _row(_complaint(intake=data, documents=[]))
    assert row["claim_cents"] is None and row["document_ref"] is None


def test_a_sanction_line_shows_when_it_was_lifted():
    lifted = {**SANCTION, "lifted_on": "2026-09-30"}
    (line,) = sanction_lines([lifted], date(2026, 10, 8))
    assert line.lifted_on == "2026-09-30"
    assert breach_record_row(_complaint(sanctions=[lifted])) is not None


def test_an_extensions_new_due_date_is_bounded_by_tomorrow_and_says_so():
    c = in_state(S.FORWARDED)
    today = date(2026, 12, 4)
    assert date_bounds(c, Action.EXTEND, today) == {"new_due": DateBounds(earliest=date(2026, 12, 5),
                                                                          earliest_reason="today")}


def test_a_rule_that_fails_in_the_fold_names_the_error(monkeypatch):
    from app.domain import workflow

    def broken(c, p, fact):
        raise KeyError("something new")

    monkeypatch.setitem(workflow._APPLY, workflow.Action.NOTE, broken)
    fold = folded((register(), 0), (ev("note", NOTE, seq=2), 1))
    assert [(s.code, s.params) for s in fold.set_aside] == [("fold_failed", {"error": "KeyError"})]


def test_machine_filled_payloads_are_not_checked_for_printable_characters():
    check_printable("issue_document", {"snapshot": {"text": "私用区\ue000"}})  # made from checked data
    check_printable("attach", {"filename": "现场照片😀.jpg", "sha256": "0" * 64})  # a file's own name
    with pytest.raises(ValidationFailed):
        check_printable("note", {"text": "私用区\ue000"})


def test_the_first_emoji_range_counts():
    first, last = _EMOJI_RANGES[0]
    assert is_emoji(chr(first)) and is_emoji(chr(last)) and not is_emoji(chr(first - 1))


def test_an_amendment_of_a_field_that_cannot_be_amended_names_it():
    with pytest.raises(ValidationFailed) as refused:
        apply_changes(intake(), {"case_no": "x"})
    assert [(e.field, e.code) for e in refused.value.errors] == [("case_no", "field_not_amendable")]


def test_a_document_number_needs_a_sequence_of_at_least_one():
    assert format_document_number("双发改函", 2026, 1) == "双发改函〔2026〕1号"
    with pytest.raises(DomainError) as refused:
        format_document_number("双发改函", 2026, 0)
    assert (refused.value.code, refused.value.params) == ("number_invalid", {"value": 0})


def test_a_reminder_issued_on_the_day_its_stage_opened_counts():
    stages = [["forward", "2026-11-02", "2026-11-02", None, "2026-11-03", "forwarded"],
              ["conclude", "2026-11-03", "2026-11-03", None, None, None]]
    docs = [{"kind": URGE_LETTER, "step": "conclude", "on": "2026-11-03", "number": "双发改函〔2026〕1号"},
            {"kind": URGE_LETTER, "step": "conclude", "on": "2026-11-02", "number": "双发改函〔2026〕0号"}]
    c = complaint(milestones={"stages": stages}, documents=docs)
    assert [d["number"] for d in earlier(c, URGE_LETTER, "conclude")] == ["双发改函〔2026〕1号"]


def test_the_first_day_of_1950_is_within_the_records_range():
    days = TypeAdapter(Day)
    assert days.validate_python(FIRST_DAY) == date(1950, 1, 1)
    with pytest.raises(ValidationError):
        days.validate_python(date(1949, 12, 31))


def test_a_record_for_the_province_carries_the_respondents_name():
    assert record_values(_record(), ItemKind.NEW)["respondent_name"] == "双柏县农业农村局"
