"""Details of a record on the auditor's page (found by mutation testing, issue 17, second check): which
personal fields a reveal showed, a document named with its variant, the one-line gist cut where the
limit says, its list items numbered from 1 and a phone masked wherever a list holds it."""

from __future__ import annotations

from app.domain.audit_records import readable, summary_text

FIELD_NAMES = {"complainant.phone": "投诉人电话", "complainant.id_number": "投诉人身份证号"}


def test_a_reveal_lists_the_fields_it_showed_by_their_chinese_names():
    payload = {"complaint_id": "c-1", "case_no": "双发改投〔2026〕7号",
               "fields": ["complainant.phone", "complainant.id_number"], "via": "desktop"}
    shown = readable("session", "personal_data_revealed", payload, FIELD_NAMES.get)
    assert shown["fields"] == ["投诉人电话", "投诉人身份证号"]
    assert (shown["case_no"], shown["via"]) == ("双发改投〔2026〕7号", "桌面客户端")


def test_an_issued_document_is_named_with_its_variant():
    shown = readable("c-1", "issue_document", {"kind": "feedback_letter", "variant": "rectified",
                                                "number": "双发改函〔2026〕3号"})
    assert (shown["kind"], shown["variant"], shown["number"]) == ("核实情况反馈函", "已整改", "双发改函〔2026〕3号")
    unknown = readable("c-1", "issue_document", {"kind": "new_kind", "variant": "new_variant"})
    assert (unknown["kind"], unknown["variant"]) == ("new_kind", "new_variant")


def test_the_gist_stops_at_the_first_value_past_the_limit_and_marks_the_cut():
    # three values of three characters: the third starts inside the limit of 10, so it is shown and cut
    assert summary_text({"a": 1, "b": 2, "c": 3}, limit=10) == "a：1；b：2；c…"
    assert summary_text({"a": 1, "b": 2, "c": 3}, limit=12) == "a：1；b：2；c：3"


def test_the_gist_numbers_list_items_from_one():
    payload = {"persons": [{"position": "局长", "outcome": "诫勉谈话"}, {"position": "科长", "outcome": "批评教育"}]}
    assert summary_text(payload) == ("persons[1].position：局长；persons[1].outcome：诫勉谈话；"
                                     "persons[2].position：科长；persons[2].outcome：批评教育")


def test_the_gist_masks_a_phone_in_a_list_that_also_holds_other_lists():
    payload = {"phone": ["13887012345", ["13987012346"]]}
    text = summary_text(payload)
    assert "13887012345" not in text and "13987012346" not in text
    assert text == "phone[1]：138****2345；phone[2]：139****2346"
