"""Checks, rows and stages, from the survivors of the sixth check of app/domain's other files (mutation
testing, issue 17, seed 139; written after that check was recorded): an event's envelope and an
amendment's paths are refused with their codes and action; the first moment of 2000 is a valid device
time; a kept conflict names the device it came from; a closed complaint read back from JSON can be
written again; the register row's change date is the breach's own when nothing followed it; a same-parties
duplicate is scored from its text; a forwarding or redirection with its own due date gives the conclusion
stage that date; a corrected receipt date moves the forwarding clock; a history with no stages has no
deadlines; a ten-digit landline is sealed; a blank amount is no amount; a domain check keeps its
parameters; a submission value of the wrong format is named; a field table that cannot be read names its
path; a record for the province carries the confirmation date; the audit page reads an amendment of an
unknown path."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from app.domain.audit_records import readable
from app.domain.breach_register import breach_record_row
from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules
from app.domain.duplicates import SAME_PARTIES_SCORE, Reason, Side, judge
from app.domain.errors import DomainError, ValidationFailed
from app.domain.event_rules import TIME_FROM, EventRefused, accept, check_envelope
from app.domain.intake import parse_intake
from app.domain.intake_changes import apply_changes
from app.domain.milestones import milestone_rows
from app.domain.personal_data import seal_document
from app.domain.submission_fields import SubmissionField, format_value, load_table
from app.domain.submissions import ItemKind, record_values
from app.domain.workdays import WorkCalendar
from app.domain.workflow import apply
from app.messages import describe
from tests.factories import intake
from tests.unit.test_breach_register_row_rules import _complaint, _row
from tests.unit.test_fold import FORWARD, REJECT, ev, folded, register
from tests.unit.test_submission_record_values_rules import _record
from tests.unit.test_workflow import PAYLOADS, A, S, fact, in_state, registered

KIND, START, OPENED, DUE = range(4)


def test_an_event_whose_payload_is_not_an_object_is_refused_with_its_code():
    event = replace(ev("note", {"text": "x"}), payload=["not", "an", "object"])
    with pytest.raises(EventRefused) as refused:
        check_envelope(event)
    assert (refused.value.code, refused.value.params) == (
        "payload_invalid", {"action": "note", "path": "(root)", "problem": "not_an_object"})


def test_an_amendment_of_a_path_that_cannot_be_amended_names_the_action():
    with pytest.raises(EventRefused) as refused:
        accept(ev("amend", {"changes": {"case_no": "x"}, "reason": "改"}))
    assert refused.value.params == {"action": "amend", "path": "changes.case_no", "problem": "not_amendable"}
    with pytest.raises(ValidationFailed) as failed:
        apply_changes(intake(), {"nosection.name": "x"})
    assert [(e.field, e.code) for e in failed.value.errors] == [("nosection.name", "field_not_amendable")]


def test_the_first_moment_of_2000_is_a_valid_device_time():
    accept(ev("note", {"text": "x"}, time=TIME_FROM.strftime("%Y-%m-%dT%H:%M:%SZ")))  # no refusal
    with pytest.raises(EventRefused) as refused:
        accept(ev("note", {"text": "x"}, time="1999-12-31T23:59:59Z"))
    assert refused.value.code == "device_time_invalid"


def test_a_kept_conflict_names_the_device_it_came_from():
    fold = folded((register(), 0), (ev("forward", FORWARD, device="B", seq=2), 1),
                  (ev("reject", REJECT, device="A", seq=3), 1))
    assert [(k["device_id"], k["reason"]) for k in fold.complaint.conflicts] == [("A", "concurrent")]


def test_a_closed_complaint_read_back_from_json_can_be_written_again():
    closed = in_state(S.CLOSED)
    again = Complaint.from_json(json.loads(json.dumps(closed.to_json())))
    assert again.to_json() == closed.to_json()


def test_the_register_rows_change_date_is_the_breachs_own_when_nothing_followed():
    row = _row(_complaint(sanctions=[], milestones={}))
    assert row["changed_on"] == "2026-02-11"


def _side(text: str, complainant: str = "c-1", respondent: str = "r-1") -> Side:
    return Side(complainant, "某公司", respondent, text, date(2026, 11, 2))


def test_a_same_parties_duplicate_is_scored_from_its_text():
    unrelated = judge(_side("工程款拖欠三年未付"), _side("土地出让金返还争议"))
    assert (unrelated.reasons, unrelated.score) == ((Reason.SAME_PARTIES,), SAME_PARTIES_SCORE)
    half = judge(_side("采购货款拖欠未付，多次催要无果"), _side("采购货款拖欠，另有工程款纠纷待核"))
    assert (half.reasons, half.text_similarity, half.score) == ((Reason.SAME_PARTIES,), 0.385, 0.692)  # 0.5 + text / 2
    text = "双柏县农业农村局拖欠高原特色农业产业扶持资金三十万元，多次催要无果"
    similar = judge(_side(text), _side(text.replace("三十", "二十"), "c-2", "r-2"))  # other parties, close text
    assert (similar.reasons, similar.text_similarity, similar.score) == ((Reason.SIMILAR_TEXT,), 0.933, 0.933)


def test_a_forwarding_or_redirection_with_its_own_due_date_gives_the_conclusion_stage_that_date():
    c = apply(registered(), fact(A.FORWARD, {**PAYLOADS[A.FORWARD], "due_on": "2026-12-18"}))
    assert c.milestones["stages"][-1][KIND] == "conclude" and c.milestones["stages"][-1][DUE] == "2026-12-18"
    c = apply(c, fact(A.REDIRECT, {**PAYLOADS[A.REDIRECT], "due_on": "2026-12-25"}, on=date(2026, 11, 23)))
    assert c.milestones["stages"][-1][DUE] == "2026-12-25"


def test_a_corrected_receipt_date_moves_the_forwarding_clock():
    c = registered()  # received and registered 2026-11-20
    c = apply(c, fact(A.AMEND, {"changes": {"received_on": "2026-11-16"}, "reason": "收件日期有误"}))
    assert c.milestones["stages"][-1][:OPENED + 1] == ["forward", "2026-11-16", "2026-11-20"]


def test_a_history_with_no_stages_has_no_deadlines():
    c = SimpleNamespace(milestones={"spells": [["registered", "2026-03-02"]]}, sanctions=[], breach=None)
    rows = milestone_rows(c, WorkCalendar.load_default(), DeadlineRules())
    assert rows.deadlines == () and rows.spells == ((0, "registered", "2026-03-02", None),)


def test_a_ten_digit_landline_in_free_text_is_sealed():
    sealed = seal_document({"note": "0871234567"}, lambda text, key: f"<{key}>")
    assert sealed == {"note": "<note>"}


def test_a_blank_amount_is_no_amount():
    data = intake()
    data["claim"]["amount"] = "   "
    assert parse_intake(data).claim.amount is None


def test_a_domain_check_keeps_its_parameters():
    data = intake()
    data["complainant"]["phone"] = "12345"
    with pytest.raises(ValidationFailed) as failed:
        parse_intake(data)
    assert [(e.field, e.code, e.params) for e in failed.value.errors] == [
        ("complainant.phone", "phone_invalid", {"value": "12345"})]


def test_a_submission_value_of_the_wrong_format_is_named():
    field = SubmissionField("confirmed_on", "认定日期", "confirmed_on", None, "date", True)
    with pytest.raises(DomainError) as refused:
        format_value(field, "2026年2月10日")
    assert refused.value.code == "submission_value_invalid"
    assert describe(refused.value).startswith("认定日期“2026年2月10日”不符合格式")


def test_a_field_table_that_cannot_be_read_names_its_path(tmp_path):
    with pytest.raises(DomainError) as refused:
        load_table(tmp_path)  # a folder: the read fails with an OS error
    assert refused.value.params["path"] == str(tmp_path)


def test_a_record_for_the_province_carries_the_confirmation_date():
    assert record_values(_record(), ItemKind.NEW)["confirmed_on"] == "2026-02-10"


def test_the_audit_page_reads_an_amendment_of_an_unknown_path():
    shown = readable("01a2f000-0000-7000-8000-000000000001", "amend",
                     {"changes": {"claim.amount.cents": "1", "respondent.kind": "organ"}, "reason": "改"})
    assert shown["changes"]["claim.amount.cents"] == "1" and shown["changes"]["respondent.kind"] != "organ"


def test_a_breach_row_exists_only_for_a_confirmed_breach():
    assert breach_record_row(in_state(S.RECTIFYING)) is None


def test_a_repair_is_dated_between_the_breach_confirmation_and_today():
    from app.domain.facts import DateBounds, breach_confirmed_on, date_bounds
    from app.domain.vocabulary import Action

    c = in_state(S.SANCTIONED)
    today = date(2026, 12, 4)
    confirmed = breach_confirmed_on(c)
    assert confirmed is not None
    assert date_bounds(c, Action.REPAIR, today)["fulfilled_on"] == DateBounds(
        confirmed, today, "breach_confirmed_on", "today")
