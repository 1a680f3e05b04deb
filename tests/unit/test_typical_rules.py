"""The typical-case criteria (app.domain.typical) and the masking of personal data (app.domain.masking)."""

from __future__ import annotations

import pytest

from app.domain import typical
from app.domain.errors import DomainError
from app.domain.masking import (
    mask_address,
    mask_credit_code,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_text,
)
from app.domain.payloads import MarkTypicalPayload, validate_payload
from app.domain.typical import CaseFigures, Thresholds, evaluate, new_facts, thresholds_from

PLAIN = CaseFigures(claim_yuan=300_000, refused_outright=False, duration_days=40, body_breaches=1,
                    body_complaints=1, body_channels=1, body_complainants=1)


def test_a_plain_breach_meets_no_criterion():
    assert evaluate(PLAIN, Thresholds()) == {}


@pytest.mark.parametrize(("change", "met"), [
    ({"claim_yuan": 1_000_000}, {"amount": 1_000_000}),  # the threshold itself counts
    ({"claim_yuan": 999_999}, {}),
    ({"claim_yuan": None}, {}),
    ({"refused_outright": True}, {"refused": 1}),
    ({"duration_days": 180}, {"duration": 180}),
    ({"duration_days": None}, {}),
    ({"body_breaches": 2}, {"repeated_breaches": 2}),
    ({"body_complaints": 3}, {"repeated_complaints": 3}),
    ({"body_complaints": 2}, {}),
    ({"body_channels": 2}, {"channels": 2}),
    ({"body_complainants": 3}, {"complainants": 3}),
])
def test_each_criterion_at_its_threshold(change, met):
    assert evaluate(CaseFigures(**{**PLAIN.__dict__, **change}), Thresholds()) == met


def test_ranking_puts_more_groups_first():
    three = {"amount": 1, "repeated_breaches": 2, "channels": 2}
    two_serious = {"amount": 1, "refused": 1, "duration": 200}
    assert typical.score(three) > typical.score(two_serious)


def test_new_facts_are_a_new_criterion_or_a_larger_figure():
    declined = {"repeated_breaches": 2, "channels": 2}
    assert not new_facts({"repeated_breaches": 2, "channels": 2}, declined)
    assert not new_facts({"channels": 2}, declined)
    assert new_facts({"repeated_breaches": 3, "channels": 2}, declined)
    assert new_facts({"repeated_breaches": 2, "channels": 2, "amount": 5_000_000}, declined)


def test_threshold_table_checks_its_values():
    assert thresholds_from({"_comment": "x", "repeated_breaches": 4}).repeated_breaches == 4
    for bad in ({"repeated_breaches": 0}, {"unknown": 3}, {"window_days": "730"}, {"window_days": True}, []):
        with pytest.raises(DomainError) as raised:
            thresholds_from(bad)
        assert raised.value.code == "typical_criteria_invalid"


def test_installed_table_loads():
    assert typical.load_thresholds() == Thresholds()


def test_old_mark_typical_events_still_validate():
    assert validate_payload(MarkTypicalPayload, {"typical": True, "reason": "多次反复失信"}).criteria is None
    full = validate_payload(MarkTypicalPayload, {"reason": "金额大", "criteria": {"amount": 2_000_000},
                                                 "summary": "双柏县财政局……"})
    assert full.criteria == {"amount": 2_000_000}


@pytest.mark.parametrize(("name", "masked"), [
    ("张三", "张*"), ("张三丰", "张**"), ("欧阳娜娜", "欧阳**"), ("欧阳修", "欧阳*"), ("司马光", "司马*"),
    ("欧阳", "欧*"),  # a two-character name that looks like a compound surname is a surname plus name
    ("李", "*"), ("", ""), (None, ""), (" 王喆 ", "王*"),
])
def test_names(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"), ("138 1234 5678", "138****5678"), ("+8613812345678", "138****5678"),
    ("0878-3117257", "0878-***7257"), ("010-12345678", "010-****5678"), ("", ""),
])
def test_phones(phone, masked):
    assert mask_phone(phone) == masked


def test_id_numbers_and_codes():
    assert mask_id_number("53232319800101193X") == "5323**********193X"
    assert mask_credit_code("91532322MA6K3XY01B") == "9153**********Y01B"
    assert mask_id_number("1234") == "****"


@pytest.mark.parametrize(("address", "masked"), [
    ("云南省楚雄州双柏县妥甸镇团结路8号", "云南省楚雄州双柏县"),
    ("云南省楚雄彝族自治州楚雄市鹿城镇龙江路12号", "云南省楚雄彝族自治州楚雄市"),
    ("楚雄州禄丰市金山镇", "楚雄州禄丰市"),
    ("昆明市五华区青年路1号", "昆明市五华区"),
    ("团结路8号", "（详细地址不公开）"),
    ("", ""),
])
def test_addresses_cut_to_the_county(address, masked):
    assert mask_address(address) == masked


def test_free_text():
    text = "联系人欧阳娜娜，电话13887012345或0878-3117257，身份证53232319800101193X，代码91532322MA6K3XY01B；欧阳娜"
    masked = mask_text(text, ["欧阳娜娜", "欧阳娜"])
    for clear in ("欧阳娜娜", "13887012345", "3117257", "53232319800101193X", "91532322MA6K3XY01B"):
        assert clear not in masked
    assert "欧阳**" in masked and "138****2345" in masked and masked.endswith("欧阳*")


@pytest.mark.parametrize(("state", "allowed"), [
    ("registered", False), ("forwarded", False), ("unsubstantiated", False), ("disputed", False),
    ("rectifying", True), ("rectified", True), ("breach_confirmed", True), ("repaired", True),
])
def test_a_typical_case_needs_a_substantiated_finding(state, allowed):
    from app.domain.facts import check_facts
    from app.domain.vocabulary import Action, State
    from server.services.event_checks import FACT_CHECKED
    from tests.unit.test_workflow import in_state

    assert Action.MARK_TYPICAL in FACT_CHECKED  # the hub checks the same rule on a push
    c = in_state(State(state))
    try:
        check_facts(c, Action.MARK_TYPICAL, {"typical": True, "reason": "多次反复失信"}, c.registered_on)
        refused = False
    except Exception as error:  # ValidationFailed
        assert error.errors[0].code == "typical_needs_substantiated"
        refused = True
    assert refused is not allowed
    check_facts(c, Action.MARK_TYPICAL, {"typical": False, "reason": "不列入"}, c.registered_on)  # always allowed


def test_the_leak_search_finds_names_codes_and_addresses():
    from app.services.typical_export import leaks

    text = "投诉企业联系人欧阳娜娜，电话 138 8701 2345，住云南省楚雄州双柏县妥甸镇团结路8号"
    values = [("姓名", "欧阳娜娜"), ("姓名", "王喆"), ("电话", "138 8701 2345"), ("电话", "13887012345"),
              ("地址", "云南省楚雄州双柏县妥甸镇团结路8号"), ("身份证号", "53232319800101193X")]
    assert leaks([text], values) == [("地址", "云南省楚雄州双柏县妥甸镇团结路8号"), ("姓名", "欧阳娜娜"),
                                     ("电话", "138 8701 2345")]
    assert leaks(["欧阳**，138****2345"], values) == []
