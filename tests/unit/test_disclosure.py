"""The personal-data policy: what is masked, who may reveal, what documents may print (issue 12)."""

from __future__ import annotations

import pytest

from app.domain import disclosure as pd
from app.domain.event_rules import ActorFacts, EventRefused, validate_event
from app.domain.events import SESSION_STREAM
from app.domain.masking import mask_personal_text
from app.store.events import Draft

ID = "53232219800101193X"  # a valid 居民身份证号 (birth date and check character)
GOV_CODE = "115323220151782840"  # an all-digit credit code of a government body: not an ID number


def test_free_text_masks_phones_and_id_numbers_but_not_codes_or_case_numbers():
    text = f"联系人王喆，手机13887012345，座机0878-3117257，身份证{ID}；主体代码{GOV_CODE}，案号532322-2026-0007，金额1200000元"
    shown = mask_personal_text(text)
    assert "138****2345" in shown and "0878-***7257" in shown and "5323**********193X" in shown
    assert "13887012345" not in shown and ID not in shown and "3117257" not in shown
    assert GOV_CODE in shown and "532322-2026-0007" in shown and "1200000元" in shown


def test_only_case_officers_may_reveal():
    assert pd.may_reveal(["clerk"]) and pd.may_reveal(["handler"]) and pd.may_reveal(["leader"])
    assert not pd.may_reveal(["admin"]) and not pd.may_reveal(["auditor"]) and not pd.may_reveal([])
    assert pd.may_reveal(["admin", "leader"])  # a second role that works cases


def intake():
    return {"complainant": {"name": "双柏县绿源农业科技有限公司", "phone": "13887012345", "contact_id_number": ID,
                            "address": "云南省楚雄州双柏县妥甸镇团结路8号", "contact_person": "王喆"},
            "description": f"联系人电话13887012345，身份证号{ID}。", "claim": {"text": "兑现资金"}}


def test_masked_intake_leaves_the_original_alone():
    original = intake()
    shown = pd.masked_intake(original)
    assert shown["complainant"]["phone"] == "138****2345"
    assert shown["complainant"]["contact_id_number"] == "5323**********193X"
    assert shown["complainant"]["address"] == "云南省楚雄州双柏县"
    assert "13887012345" not in shown["description"] and ID not in shown["description"]
    assert shown["complainant"]["contact_person"] == "王喆"
    assert original["complainant"]["phone"] == "13887012345"


def test_masked_json_masks_payloads_of_any_shape():
    payload = {"intake": intake(), "changes": {"complainant.phone": "13912345678", "complainant.address": "云南省楚雄州双柏县妥甸镇1号"},
               "snapshot": {"complainant_phone": "13887012345", "office_address": "双柏县妥甸镇1号"}}
    shown = pd.masked_json(payload)
    text = str(shown)
    for clear in ("13887012345", ID, "13912345678", "团结路8号"):
        assert clear not in text
    assert shown["changes"]["complainant.address"] == "云南省楚雄州双柏县"
    assert shown["snapshot"]["office_address"] == "双柏县妥甸镇1号"  # the office's, not personal


def test_masked_json_leaves_ids_and_hashes_alone():
    digest = "ab13812345678cd" + "0" * 49  # a run of digits that reads like a mobile number
    event_id = "01a24882-4dee-71c8-959b-13812345678f"
    shown = pd.masked_json({"sha256": digest, "event_id": event_id, "note": "回电13812345678"})
    assert shown == {"sha256": digest, "event_id": event_id, "note": "回电138****5678"}


def test_documents_print_no_phone_address_or_id_of_the_complainant(monkeypatch):
    values = {"complainant_phone": "13887012345", "complainant_address": "云南省楚雄州双柏县妥甸镇团结路8号",
              "description": f"请回电138 8701 2345，身份证{ID}", "contact_phone": "0878-7721234",
              "copy_to": [f"身份证{ID}"]}
    for kind in ("forward_letter", "receipt", "rectification_notice", "feedback_letter"):
        shown = pd.printable(kind, values, intake())
        assert shown["complainant_phone"] == "" and shown["complainant_address"] == ""
        assert ID not in str(shown) and "8701 2345" not in shown["description"] and "138****2345" in shown["description"]
        assert shown["contact_phone"] == "0878-7721234"  # the office's own telephone prints
    monkeypatch.setitem(pd.DOCUMENT_FIELDS, "forward_letter", frozenset({"complainant_phone"}))
    shown = pd.printable("forward_letter", values, intake())  # a kind allowed the phone prints it, never the ID
    assert shown["complainant_phone"] == "13887012345" and "138 8701 2345" in shown["description"]
    assert ID not in shown["description"] and shown["complainant_address"] == ""


def reveal_event(fields, actor="u1"):
    return Draft(id="01J0000000000000000000000A", stream=SESSION_STREAM, action=pd.REVEAL_ACTION,
                 payload={"complaint_id": "c1", "case_no": "532322-2026-0001", "fields": fields, "via": "desktop"},
                 actor=actor, device_time="2026-11-26T04:00:00Z", base=None)


def test_the_reveal_event_is_accepted_for_case_officers_and_refused_for_admin():
    validate_event(reveal_event(["complainant.phone"]), None, ActorFacts("u1", frozenset({"handler"})))
    with pytest.raises(EventRefused) as refused:
        validate_event(reveal_event(["complainant.phone"]), None, ActorFacts("u1", frozenset({"admin"})))
    assert refused.value.code == "role_not_permitted"
    with pytest.raises(EventRefused) as refused:
        validate_event(reveal_event(["complainant.name"]), None, None)
    assert refused.value.code == "payload_invalid"


def test_what_is_masked_on_screen_is_what_is_sealed_at_rest():
    """One list of personal data: every field the screen masks is also encrypted in the database."""
    from app.domain.disclosure import PERSONAL_FIELDS
    from app.domain.personal_data import SEALED_KEYS

    for path in PERSONAL_FIELDS:
        assert path in SEALED_KEYS and path.rsplit(".", 1)[-1] in SEALED_KEYS
