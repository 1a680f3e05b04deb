"""How the auditor reads a record (found by mutation testing, issue 17): codes in Chinese where a
vocabulary names them and as stored where none does, and the one-line gist of a payload masked,
persons' names included wherever the payload mentions them, cut at its limit with an ellipsis."""

from __future__ import annotations

from app.domain.audit_records import action_label, readable, summary_text
from tests.factories import intake

PAYLOAD = {"complainant": {"name": "双柏县绿源农业科技有限公司", "contact_person": "王喆", "phone": "13887012345"},
           "note": "已电话联系王喆核实", "measures": ["甲", "乙"], "empty": ""}


def test_the_gist_masks_phones_and_persons_names_even_in_free_text_and_keeps_a_company_name():
    assert summary_text(PAYLOAD) == ("complainant.name：双柏县绿源农业科技有限公司；complainant.contact_person：王*；"
                                     "complainant.phone：138****2345；note：已电话联系王*核实；measures：甲、乙")


def test_the_gist_masks_a_name_the_complaint_gives_elsewhere_in_a_note_without_digits():
    assert summary_text({"text": "请王喆补充材料"}, names=frozenset({"王喆"})) == "text：请王*补充材料"


def test_the_gist_is_cut_only_when_it_does_not_fit():
    assert summary_text({"a": "1234", "b": "5678", "c": "9"}, limit=14) == "a：1234；b：5678"
    assert summary_text({"a": "1234", "b": "5678", "c": "9"}, limit=12) == "a：1234；b：56…"


def test_session_codes_in_chinese_and_an_unknown_one_as_stored():
    assert readable("session", "login_failed", {"via": "desktop", "reason": "wrong_password"}) == \
        {"via": "桌面客户端", "reason": "密码错误"}
    assert readable("session", "login_failed", {"via": "tablet", "reason": "cosmic_ray"}) == \
        {"via": "tablet", "reason": "cosmic_ray"}


def test_complaint_codes_in_chinese_down_to_the_intake_and_an_unknown_one_as_stored():
    assert readable("c1", "conclude", {"finding": "unsubstantiated", "explanation": "经核实"}) == \
        {"finding": "情况不属实", "explanation": "经核实"}
    assert readable("c1", "conclude", {"finding": "a_new_code", "explanation": "经核实"})["finding"] == "a_new_code"
    registered = readable("c1", "register", {"intake": intake()})["intake"]
    assert (registered["respondent"]["kind"], registered["channel"]) == ("机关", "12345政务服务热线")
    assert readable("c1", "sanction", {"measures": ["public_criticism"], "imposed_by": "州发展改革委"}) == \
        {"measures": ["公开通报批评"], "imposed_by": "州发展改革委"}  # a list of codes, each named
    assert readable("c1", "amend", {"changes": {"respondent.kind": "organ"}, "reason": "更正"}) == \
        {"changes": {"respondent.kind": "机关"}, "reason": "更正"}


def test_an_action_nobody_named_shows_as_its_code():
    assert (action_label("forward"), action_label("login"), action_label("brand_new")) == ("转办", "登录", "brand_new")
