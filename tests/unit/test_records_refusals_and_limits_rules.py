"""Records, refusals and text limits, from the survivors of the fourth check of app/domain's other files
(mutation testing, issue 17, seed 131; written after that check was recorded): a closed complaint keeps
the state it was closed from through its JSON form; a forwarding letter without a department goes to the
respondent's competent department; the audit page masks an address to its region and a one-character
name entirely; a refusal for a role names the action; a typical case refused names its field; the dates
a refusal for lateness allows are explained by the deadline and today; an attachment hash refused keeps
its code; a regions file with no list names line 1; a period of 2000 is a period; a recorded supervision
notice on overdue feedback is accepted; a local number beginning with 86 is searched as typed; a
document with no personal data is known to need no sealing; limits are found inside optional parts."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import BaseModel

from app.domain.audit_records import mask_payload
from app.domain.complaint import Complaint
from app.domain.document_kinds import recipient_body
from app.domain.errors import DomainError, ValidationFailed
from app.domain.event_fact import Fact
from app.domain.event_rules import ActorFacts, EventRefused, check_actor
from app.domain.facts import DateBounds, check_facts, refusal_bounds
from app.domain.filenames import require_sha256
from app.domain.masking import mask_address
from app.domain.personal_data import may_hold_personal_data, personal_number_digits
from app.domain.regions import RegionRegistry
from app.domain.reminders import SUPERVISION_NOTICE, availability, check_recorded
from app.domain.schema import LongText, OptLongText
from app.domain.submissions import parse_period
from app.domain.text_limits import field_limit, too_long
from app.domain.vocabulary import Action, State
from app.messages import describe
from tests.unit.test_reminders import CAL, PREFECTURE, RULES, complaint
from tests.unit.test_workflow import S, in_state


def test_a_closed_complaint_keeps_the_state_it_was_closed_from_through_json():
    closed = in_state(S.CLOSED)
    assert closed.state_before_close is not None
    data = json.loads(json.dumps(closed.to_json()))
    assert data["state_before_close"] == closed.state_before_close.value
    again = Complaint.from_json(data)
    assert again.state_before_close == closed.state_before_close and again == closed


def test_a_forwarding_letter_without_a_department_goes_to_the_competent_department():
    c = in_state(S.REGISTERED)
    c.department = None
    c.intake["respondent"]["competent_department"] = "双柏县财政局"
    assert recipient_body("forward_letter", c) == ("双柏县财政局", None)
    c.department = "双柏县农业农村局"  # once forwarded, the department it went to
    assert recipient_body("forward_letter", c) == ("双柏县农业农村局", None)


def test_the_audit_page_masks_an_address_to_its_region_and_a_one_character_name_entirely():
    address = "云南省楚雄彝族自治州楚雄市鹿城南路12号3栋"
    masked = mask_payload({"complainant": {"address": address}, "contact_person": "张"})
    assert masked["complainant"]["address"] == mask_address(address) == "云南省楚雄彝族自治州楚雄市"
    assert masked["contact_person"] == "*"


def test_a_refusal_for_a_role_names_the_action_and_the_roles_needed():
    c = in_state(S.FORWARDED)
    fact = Fact(id="e-1", complaint_id=c.id, action=Action.CONCLUDE, actor="u-clerk", at="2026-11-26T03:00:00Z",
                on=date(2026, 11, 26), payload={"finding": "substantiated", "explanation": "属实"})
    with pytest.raises(EventRefused) as refused:
        check_actor(fact, c.id, ActorFacts(user_id="u-clerk", roles=frozenset({"clerk"})))
    assert refused.value.code == "role_not_permitted"
    assert refused.value.params["action"] == Action.CONCLUDE
    assert "核实认定" in describe(refused.value)


def test_a_typical_case_refused_names_its_field():
    c = in_state(S.FORWARDED)
    with pytest.raises(ValidationFailed) as refused:
        check_facts(c, Action.MARK_TYPICAL, {"typical": True, "reason": "多次反复失信"}, date(2026, 12, 4))
    assert [(e.field, e.code) for e in refused.value.errors] == [("typical", "typical_needs_substantiated")]


def test_a_refusal_for_lateness_is_dated_between_the_day_after_the_deadline_and_today():
    c = in_state(S.RECTIFYING)
    c.rectify_due = date(2026, 11, 25)
    today = date(2026, 12, 4)
    assert refusal_bounds(c, "overdue", today) == DateBounds(date(2026, 11, 26), today, "rectify_due", "today")


@pytest.mark.parametrize("value", ["../../etc/passwd", "A" * 64, 7, None])
def test_an_attachment_hash_refused_keeps_its_code(value):
    with pytest.raises(DomainError) as refused:
        require_sha256(value)
    assert refused.value.code == "attachment_hash_invalid"
    assert "64位十六进制" in describe(refused.value)


def test_a_regions_file_with_no_list_names_line_one(tmp_path):
    path = tmp_path / "regions.json"
    path.write_text(json.dumps({"version": 2}), encoding="utf-8")
    with pytest.raises(DomainError) as refused:
        RegionRegistry.load_default().merged_with_file(path)
    assert (refused.value.code, refused.value.params) == ("region_file_invalid", {"line": 1, "reason": "no_regions"})
    assert describe(refused.value).startswith("地区文件第1行有误")


def test_a_period_of_2000_is_a_period_and_1999_is_not():
    assert parse_period("2000-01").start == date(2000, 1, 1)
    with pytest.raises(DomainError):
        parse_period("1999-12")


def test_a_recorded_supervision_notice_on_overdue_feedback_is_accepted():
    c = complaint(State.UNSUBSTANTIATED, state_entered_on=date(2026, 11, 13))
    today = date(2026, 12, 1)
    step = availability(SUPERVISION_NOTICE, c, PREFECTURE, today, CAL, RULES)
    snapshot = {"reminder_step": "feedback", "reminder_due_on": step.due_on.isoformat(), "reminder_round": "1",
                "office_region": PREFECTURE, "case_no": c.case_no}
    check_recorded(SUPERVISION_NOTICE, snapshot, c, today)  # no refusal: the notice stands on every device
    c.feedback_given = True  # once the complainant has had the answer, the step is no longer open
    with pytest.raises(DomainError) as refused:
        check_recorded(SUPERVISION_NOTICE, snapshot, c, today)
    assert refused.value.code == "reminder_not_overdue"


@pytest.mark.parametrize(("phone", "digits"), [
    ("+86 138 8701 2345", ["13887012345"]), ("8613887012345", ["13887012345"]),
    ("86123456", ["86123456"]),  # a local number that happens to begin with 86
    ("0878-8612345", ["08788612345"]), ("", []),
])
def test_the_complainants_phone_is_searched_as_officers_type_it(phone, digits):
    assert personal_number_digits({"complainant": {"phone": phone}}) == digits


def test_a_document_without_personal_data_needs_no_sealing():
    assert may_hold_personal_data(json.dumps({"case_no": "532322-2026-0001", "text": "已转办"})) is False
    assert may_hold_personal_data(json.dumps({"phone": "13887012345"}, ensure_ascii=False)) is True


class _Inner(BaseModel):
    text: LongText


class _Outer(BaseModel):
    inner: _Inner | None = None
    note: OptLongText = None


def test_limits_are_found_inside_optional_parts():
    assert field_limit(_Outer, "inner.text") == 500
    assert field_limit(_Outer, "note") == 500
    errors = too_long(_Outer, {"inner": {"text": "字" * 501}, "note": "字" * 501})
    assert [(e.field, e.params) for e in errors] == [("inner.text", {"max_length": 500, "length": 501}),
                                                    ("note", {"max_length": 500, "length": 501})]
