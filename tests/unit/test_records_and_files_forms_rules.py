"""Forms of records and files, from the survivors of the second check of app/domain's other files
(mutation testing, issue 17; written after that check was recorded): a person's name given in a list is
masked in free text too; masked JSON masks phones inside lists; a feedback letter takes its variant from
the outcome; event JSON writes dates as text; "." is not a file name; feedback is the office's own step;
sanctions still to start count as in force; a field table may carry notes; a submitted record carries its
status label and digest; a criteria table saved with a BOM (Notepad) is read; a payload too large names
the limit; a payload checked on a day refuses a later date; a recorded reminder refused as not overdue
names the case."""

from __future__ import annotations

from datetime import date

from app.domain.audit_records import mask_payload
from app.domain.deadlines import DueKind
from app.domain.disclosure import masked_json
from app.domain.document_kinds import document_variant
from app.domain.events import canonical_json
from app.domain.filenames import carries_no_path
from app.domain.reminders import responsible_body
from app.domain.sanctions import in_force
from app.domain.submission_fields import parse_table
from app.domain.submissions import ItemKind, record_values
from app.domain.typical import load_thresholds
from tests.unit.test_submission_fields_rules import TABLE
from tests.unit.test_submission_record_values_rules import _record
from tests.unit.test_workflow import S, in_state


def test_a_name_given_in_a_list_is_masked_in_free_text_too():
    masked = mask_payload({"complainant_contact": ["王喆", "李明"], "note": "王喆、李明来电"})
    assert masked == {"complainant_contact": ["王*", "李*"], "note": "王*、李*来电"}


def test_masked_json_masks_phones_inside_lists():
    assert masked_json({"notes": ["联系电话13887012345"]}) == {"notes": ["联系电话138****2345"]}


def test_a_feedback_letter_takes_its_variant_from_the_outcome():
    assert document_variant("feedback_letter", in_state(S.RECTIFIED)) == "rectified"


def test_event_json_writes_dates_as_text():
    assert canonical_json({"on": date(2026, 12, 4), "a": 1}) == '{"a":1,"on":"2026-12-04"}'


def test_a_dot_is_not_a_file_name():
    assert not carries_no_path(".") and not carries_no_path("..")
    assert carries_no_path("合同.pdf")


def test_feedback_is_the_offices_own_step():
    assert responsible_body(DueKind.FEEDBACK, in_state(S.RECTIFIED)) == ("", None)


def test_sanctions_in_force_include_those_still_to_start_and_not_the_expired():
    sanctions = [{"start_on": "2027-01-10", "end_on": "2027-12-31"}, {"start_on": "2026-01-01", "end_on": "2026-06-30"}]
    assert in_force(sanctions, date(2026, 12, 4)) == [sanctions[0]]


def test_a_field_table_may_carry_notes():
    noted = {**TABLE, "fields": [{**TABLE["fields"][0], "note": "省里要求的格式"}, *TABLE["fields"][1:]]}
    assert [f.title for f in parse_table(noted).fields] == ["案号", "诉求金额", "信用代码", "报送单位"]


def test_a_submitted_record_carries_its_status_label_and_digest():
    values = record_values(_record(), ItemKind.CHANGED)
    assert (values["status_label"], values["digest"]) == ("有效", "d" * 64)


def test_a_criteria_table_saved_with_a_bom_is_read(tmp_path):
    path = tmp_path / "typical.json"
    path.write_bytes(b"\xef\xbb\xbf" + '{"_说明": "标准", "repeated_breaches": 4}'.encode())
    assert load_thresholds(path).repeated_breaches == 4


def test_a_payload_too_large_names_its_action_and_the_limit_in_kb():
    from app.domain.event_rules import MAX_PAYLOAD_BYTES
    from tests.unit.test_event_rules import event, refused

    error = refused(event("note", {"text": "长" * (MAX_PAYLOAD_BYTES // 3 + 10)}))
    assert (error.code, error.params) == ("payload_too_large", {"action": "note", "limit_kb": 256})


def test_a_payload_checked_on_a_day_refuses_a_date_after_it():
    import pytest

    from app.domain.errors import ValidationFailed
    from app.domain.payloads import RefusePayload, validate_payload

    payload = {"confirmed_by": "双柏县人民政府", "facts": "未支付", "confirmed_on": "2026-12-05"}
    with pytest.raises(ValidationFailed) as failed:
        validate_payload(RefusePayload, payload, today=date(2026, 12, 4))
    assert [(e.field, e.code) for e in failed.value.errors] == [("confirmed_on", "date_in_future")]
    assert validate_payload(RefusePayload, payload, today=date(2026, 12, 5)).confirmed_on == date(2026, 12, 5)


def test_a_recorded_reminder_early_or_for_a_step_not_open_names_the_case():
    import pytest

    from app.domain.reminders import URGE_LETTER, ReminderRefused, check_recorded
    from tests.unit.test_reminders import COUNTY, complaint

    snapshot = {"reminder_step": "conclude", "reminder_due_on": "2026-11-24", "reminder_round": "1",
                "office_region": COUNTY, "case_no": "532322-2026-0007"}
    with pytest.raises(ReminderRefused) as caught:
        check_recorded(URGE_LETTER, snapshot, complaint(), date(2026, 11, 24))
    assert (caught.value.code, caught.value.params) == ("reminder_not_overdue", {"case_no": "532322-2026-0007"})
    rectify = {**snapshot, "reminder_step": "rectify"}  # the case is still with the department: nothing to rectify
    with pytest.raises(ReminderRefused) as caught:
        check_recorded(URGE_LETTER, rectify, complaint(), date(2026, 11, 30))
    assert (caught.value.code, caught.value.params) == ("reminder_not_overdue", {"case_no": "532322-2026-0007"})
