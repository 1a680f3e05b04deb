"""Masking of persons' names in an audit record and codes the record's model does not know (found by
mutation testing, issue 17, second check): a name the complaint gives elsewhere is masked in the detail
and the export too, down into nested free text; a key of a registration this version's intake does not
have is shown as stored, not a failure of the whole page."""

from __future__ import annotations

from app.domain.audit_records import mask_payload, readable
from tests.factories import intake


def test_a_name_given_elsewhere_is_masked_in_nested_free_text():
    payload = {"note": {"text": "请王喆补充材料"}, "reason": "王喆来电"}
    assert mask_payload(payload, frozenset({"王喆"})) == {"note": {"text": "请王*补充材料"}, "reason": "王*来电"}


def test_a_name_the_payload_gives_is_masked_in_its_free_text():
    payload = {"complainant": {"contact_person": "王喆"}, "note": {"text": "已联系王喆"}}
    assert mask_payload(payload) == {"complainant": {"contact_person": "王*"}, "note": {"text": "已联系王*"}}


def test_a_registration_key_this_version_does_not_know_is_shown_as_stored():
    shown = readable("c-1", "register", {"intake": {**intake(), "legacy_field": "旧版本字段"}})
    assert shown["intake"]["legacy_field"] == "旧版本字段"
    assert shown["intake"]["channel"] == "12345政务服务热线"
