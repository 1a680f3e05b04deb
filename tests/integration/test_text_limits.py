"""Issue 13: how long a free text may be — one limit for new input (window, CLI, import, hub), never for
what is already stored; and at the limit a 转办函 stays within four pages."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationFailed
from app.domain.intake import CLAIM_CHARS, DESCRIPTION_CHARS
from app.domain.schema import LONG_TEXT_CHARS, STORED_TEXT_CHARS
from app.domain.text_limits import intake_limit, payload_too_long
from app.messages import describe_field_error
from app.services import maintenance
from app.services.act import act
from app.services.documents import page_count, preview
from app.services.intake import register
from app.services.queries import get_complaint
from tests.factories import intake
from tests.ui.case_fixtures import receive_event

SENTENCE = "被投诉主体未按合同约定支付工程款，经多次催告仍未履行付款义务，企业经营困难。"


def text(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length]


def test_the_limits_are_read_from_the_input_types():
    assert intake_limit("description") == DESCRIPTION_CHARS == 1000
    assert intake_limit("claim.text") == CLAIM_CHARS == 300
    assert intake_limit("complainant.name") is None
    assert LONG_TEXT_CHARS < STORED_TEXT_CHARS
    found = payload_too_long("hold_accountable", {"persons": [{"name": "张三", "outcome": text(501)}]})
    assert [(e.field, e.code) for e in found] == [("persons.0.outcome", "text_too_long")]


def test_a_registration_over_the_limit_is_refused_in_chinese_and_at_the_limit_accepted(office):
    data = intake(description=text(DESCRIPTION_CHARS + 1))
    data["claim"]["text"] = text(CLAIM_CHARS + 5)
    with pytest.raises(ValidationFailed) as caught:
        register(office.profile, office.clerk, data)
    errors = {e.field: describe_field_error(e) for e in caught.value.errors}
    assert set(errors) == {"description", "claim.text"}
    assert "已输入 1001 字，最多 1000 字" in errors["description"]
    data = intake(description=text(DESCRIPTION_CHARS))
    data["claim"]["text"] = text(CLAIM_CHARS)
    register(office.profile, office.clerk, data)


def test_an_action_over_the_limit_is_refused(office):
    complaint_id = register(office.profile, office.clerk, intake()).complaint_id
    with pytest.raises(ValidationFailed) as caught:
        act(office.profile, office.clerk, complaint_id, "note", {"text": text(LONG_TEXT_CHARS + 1)})
    assert [(e.field, e.code) for e in caught.value.errors] == [("text", "text_too_long")]
    with pytest.raises(ValidationFailed) as caught:
        act(office.profile, office.handler, complaint_id, "amend",
            {"changes": {"description": text(DESCRIPTION_CHARS + 1)}, "reason": "补充"})
    assert [(e.field, e.code) for e in caught.value.errors] == [("changes.description", "text_too_long")]
    act(office.profile, office.clerk, complaint_id, "note", {"text": text(LONG_TEXT_CHARS)})


def test_texts_stored_before_the_limit_still_fold_rebuild_and_may_be_worked_on(office):
    """History is never refused: an old device's 3,000-character description and note (within the stored
    ceiling) are accepted, folded and rebuilt; a later amendment that does not touch them goes through."""
    profile = office.profile
    complaint_id = register(profile, office.clerk, intake()).complaint_id
    long_description = text(3000)
    receive_event(profile, complaint_id, "amend", {"changes": {"description": long_description}, "reason": "旧版本"},
                  actor=office.handler.user_id)
    receive_event(profile, complaint_id, "note", {"text": text(3000)}, actor=office.clerk.user_id)
    assert get_complaint(profile, office.clerk, complaint_id).complaint.intake["description"] == long_description
    report = maintenance.rebuild_projections(profile)
    assert report.complaints >= 1
    assert get_complaint(profile, office.clerk, complaint_id).complaint.intake["description"] == long_description
    act(profile, office.handler, complaint_id, "amend", {"changes": {"complainant.phone": "0878-7721234"},
                                                         "reason": "电话变更"})
    act(profile, office.handler, complaint_id, "forward", {"department": "双柏县人民政府"})


def test_a_forward_letter_at_the_limits_stays_within_four_pages(office):
    data = intake(description=text(DESCRIPTION_CHARS))
    data["claim"]["text"] = text(CLAIM_CHARS)
    complaint_id = register(office.profile, office.clerk, data).complaint_id
    act(office.profile, office.handler, complaint_id, "forward", {"department": "双柏县人民政府"})
    pdf = preview(office.profile, office.handler, complaint_id, "forward_letter")
    assert page_count(pdf) <= 4

