"""Intake and payload validation: every failure is a field path plus a code, collected together."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import ValidationFailed
from app.domain.intake import apply_changes, parse_intake
from app.domain.payloads import ConcludePayload, SanctionPayload, validate_payload
from app.messages import describe
from tests.factories import corrupt, credit_code, intake

TODAY = date(2026, 11, 26)


def errors_of(data, model=None):
    with pytest.raises(ValidationFailed) as failed:
        if model is None:
            parse_intake(data, today=TODAY)
        else:
            validate_payload(model, data, today=TODAY)
    return {(e.field, e.code) for e in failed.value.errors}


def test_valid_intake_is_normalised():
    data = intake()
    data["complainant"]["credit_code"] = " " + data["complainant"]["credit_code"].lower() + " "
    data["complainant"]["phone"] = "+86 138-8701-2345"
    data["claim"]["amount"] = "30万元"
    parsed = parse_intake(data, today=TODAY)
    assert parsed.complainant.credit_code == data["complainant"]["credit_code"].strip().upper()
    assert parsed.complainant.phone == "138 8701 2345"
    assert parsed.claim.amount == Decimal("300000.00")
    assert parsed.received_on == TODAY


def test_all_bad_fields_are_reported_at_once():
    data = intake()
    data["complainant"]["credit_code"] = corrupt(data["complainant"]["credit_code"])
    data["complainant"]["phone"] = "12345"
    data["agreement"]["amount"] = "-5"
    del data["description"]
    data["channel"] = "telegram"
    found = errors_of(data)
    assert ("complainant.credit_code", "credit_code_checksum") in found
    assert ("complainant.phone", "phone_invalid") in found
    assert ("agreement.amount", "money_negative") in found
    assert ("description", "missing") in found
    assert ("channel", "enum") in found


def test_checksum_override_needs_a_reason_and_is_recorded():
    data = intake()
    bad = corrupt(data["complainant"]["credit_code"])
    data["complainant"].update(credit_code=bad, credit_code_override=True)
    assert ("complainant.credit_code", "credit_code_override_reason_required") in errors_of(data)
    data["complainant"]["credit_code_override_reason"] = "2015年试点期间核发的代码，营业执照原件已核对"
    parsed = parse_intake(data, today=TODAY)
    assert parsed.complainant.credit_code == bad
    assert parsed.complainant.credit_code_override is True


def test_override_never_accepts_a_malformed_code():
    data = intake()
    data["complainant"].update(credit_code="91532322ABC", credit_code_override=True, credit_code_override_reason="x")
    assert ("complainant.credit_code", "credit_code_length") in errors_of(data)


def test_future_dates_and_unknown_fields_are_refused():
    data = intake(received_on="2026-12-01")
    data["agreement"]["signed_on"] = "2027-01-01"
    data["complainant"]["wechat"] = "x"
    found = errors_of(data)
    assert ("received_on", "date_in_future") in found
    assert ("agreement.signed_on", "date_in_future") in found
    assert ("complainant.wechat", "extra_forbidden") in found


def test_messages_are_chinese_and_name_the_field():
    data = intake()
    data["complainant"]["phone"] = "12345"
    with pytest.raises(ValidationFailed) as failed:
        parse_intake(data, today=TODAY)
    text = describe(failed.value)
    assert "投诉人·联系电话" in text and "无效" in text


def test_conclude_needs_what_its_finding_needs():
    assert ("requirements", "requirements_required") in errors_of(
        {"finding": "substantiated", "explanation": "属实", "rectify_due": "2026-12-31"}, ConcludePayload)
    assert ("dispute_path", "dispute_path_required") in errors_of(
        {"finding": "disputed", "explanation": "有分歧"}, ConcludePayload)
    ok = validate_payload(ConcludePayload, {"finding": "unsubstantiated", "explanation": "不属实"}, today=TODAY)
    assert ok.finding == "unsubstantiated"


def test_sanction_measures_come_from_the_seed_and_period_is_ordered():
    found = errors_of({"measures": ["jail"], "imposed_by": "县发改局", "start_on": "2026-11-01"}, SanctionPayload)
    assert ("measures.0", "enum") in found
    found = errors_of({"measures": [], "imposed_by": "县发改局", "start_on": "2026-11-01"}, SanctionPayload)
    assert ("measures", "measures_required") in found
    found = errors_of({"measures": ["public_criticism"], "imposed_by": "县发改局", "start_on": "2026-11-10",
                       "end_on": "2026-11-01"}, SanctionPayload)
    assert ("end_on", "period_reversed") in found


def test_amend_changes_only_known_fields():
    data = parse_intake(intake(), today=TODAY).model_dump(mode="json")
    changed = apply_changes(data, {"claim.amount": "5000", "description": "新的描述内容，补充了验收报告编号。"})
    assert changed["claim"]["amount"] == "5000" and data["claim"]["amount"] == "300000.00"
    with pytest.raises(ValidationFailed) as failed:
        apply_changes(data, {"case_no": "x"})
    assert failed.value.errors[0].code == "field_not_amendable"


def test_government_respondent_codes_are_optional_but_checked():
    data = intake()
    data["respondent"]["credit_code"] = credit_code("11", "532322")
    assert parse_intake(data, today=TODAY).respondent.credit_code.startswith("11")
    data["respondent"]["credit_code"] = corrupt(data["respondent"]["credit_code"])
    assert ("respondent.credit_code", "credit_code_checksum") in errors_of(data)
