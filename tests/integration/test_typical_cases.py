"""Typical cases 典型案例 through the services: proposals from the record with the plan's criteria, the
leader's decision (accept with a summary, decline kept until new facts), the fact rule, and the export
for 信用云南 searched byte by byte for clear personal data."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta

import pytest

from app.domain.errors import DomainError, ValidationFailed
from app.services import act, intake, typical_cases, typical_export
from tests.factories import china_noon, credit_code
from tests.factories import intake as make_intake

FINANCE = "双柏县财政局"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def citizen_id(body17: str) -> str:
    total = sum(int(d) * w for d, w in zip(body17, _WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


CONTACT_ID = citizen_id("53232219800101193")


def _register(office, *, channel="hotline_12345", complainant="双柏县绿源农业科技有限公司", claim="300000",
              contact="王喆", phone="13887012345"):
    data = make_intake(complainant=complainant, respondent=FINANCE, channel=channel,
                       claim={"amount": claim, "text": "请求兑现扶持资金。"})
    data["complainant"] |= {"contact_person": contact, "phone": phone, "contact_id_number": CONTACT_ID,
                            "credit_code": credit_code("91", "532322")}
    return intake.register(office.profile, office.clerk, data).case_no


def _breach(office, case, ground="overdue"):
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    payload = {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02", "ground": ground,
               "facts": "逾期未兑现扶持资金，联系人欧阳娜娜（电话 13887012345）多次催告无果"}
    if ground == "refused":
        payload["ground_detail"] = "书面答复拒绝支付"
    act.act(p, o.leader, case, "refuse", payload)


@pytest.fixture
def cases(office):
    """Three complaints on 双柏县财政局 by three enterprises through two channels; two confirmed breaches,
    one of them large and refused outright, with a responsible official held to account."""
    o = office
    o.clock.now = china_noon(2026, 5, 6)
    big = _register(o, claim="2500000", contact="欧阳娜娜", complainant="双柏县恒达建筑工程有限公司")
    small = _register(o, channel="credit_website", complainant="双柏县彝绣文化传播有限公司")
    other = _register(o, complainant="双柏县云岭茶业有限公司")
    _breach(o, big, ground="refused")
    _breach(o, small)
    act.act(o.profile, o.leader, big, "hold_accountable", {
        "decided_by": "中共双柏县纪律检查委员会", "decided_on": "2026-12-02",
        "persons": [{"name": "司马建国", "position": "县财政局副局长", "responsibility": "main", "outcome": "诫勉谈话"}]})
    return {"big": big, "small": small, "other": other}


def test_proposals_rank_confirmed_breaches_by_the_criteria_met(office, cases):
    result = typical_cases.propose(office.profile, office.officer)
    assert [p.case_no for p in result.rows] == [cases["big"], cases["small"]]  # "other" has no breach
    big, small = result.rows
    assert big.criteria == {"amount": 2_500_000, "refused": 1, "duration": 210, "repeated_breaches": 2,
                            "repeated_complaints": 3, "channels": 2, "complainants": 3}
    assert "amount" not in small.criteria and "refused" not in small.criteria
    assert small.criteria["repeated_breaches"] == 2
    assert big.groups_text == "失信情形严重、多次反复失信、人民群众反映强烈"
    assert "涉及金额大（2,500,000元）" in big.criteria_text


def test_thresholds_come_from_the_operator_table(office, cases):
    (office.profile.files.home / "typical_criteria.json").write_text(
        '{"repeated_breaches": 3, "repeated_complaints": 9, "reported_channels": 5, "reported_complainants": 9,'
        ' "serious_duration_days": 999}', encoding="utf-8")
    result = typical_cases.propose(office.profile, office.officer)
    assert [(p.case_no, p.criteria) for p in result.rows] == [(cases["big"], {"amount": 2_500_000, "refused": 1})]
    (office.profile.files.home / "typical_criteria.json").write_text('{"window_days": 0}', encoding="utf-8")
    with pytest.raises(DomainError) as raised:
        typical_cases.propose(office.profile, office.officer)
    assert raised.value.code == "typical_criteria_invalid"


def test_a_declined_case_comes_back_only_with_new_facts(office, cases):
    o = office
    typical_cases.decide(o.profile, o.leader, cases["small"], accept=False, reason="情节较轻，暂不列入")
    result = typical_cases.propose(o.profile, o.officer)
    assert [p.case_no for p in result.rows] == [cases["big"]] and result.declined_hidden == 1
    assert typical_cases.view(o.profile, o.officer, cases["small"]).decisions[0].reason == "情节较轻，暂不列入"
    o.clock.now = china_noon(2026, 12, 3)
    _register(o, channel="online_petition", complainant="双柏县新华农机有限公司")  # a fourth complaint
    result = typical_cases.propose(o.profile, o.officer)
    again = next(p for p in result.rows if p.case_no == cases["small"])
    assert again.declined_before and again.criteria["repeated_complaints"] == 4


def test_accept_marks_the_case_with_criteria_and_summary(office, cases):
    o = office
    view = typical_cases.view(o.profile, o.officer, cases["big"])
    assert "双柏县财政局" in view.draft and "明确拒绝整改" in view.draft and "250万元" in view.draft
    assert "双柏县人民政府于2026年12月2日确认其违约失信" in view.draft
    typical_cases.decide(o.profile, o.leader, cases["big"], accept=True, reason="金额大且明确拒绝整改",
                         summary=view.draft + "经督促仍未履约。")
    (published,) = typical_cases.published(o.profile, o.officer)
    assert published.case_no == cases["big"] and published.summary.endswith("经督促仍未履约。")
    assert published.criteria["amount"] == 2_500_000
    assert cases["big"] not in [p.case_no for p in typical_cases.propose(o.profile, o.officer).rows]


def test_a_case_not_found_true_cannot_be_typical(office, cases):
    o = office
    with pytest.raises(ValidationFailed) as raised:
        act.act(o.profile, o.leader, cases["other"], "mark_typical", {"typical": True, "reason": "群众反映强烈"})
    assert raised.value.errors[0].code == "typical_needs_substantiated"
    act.act(o.profile, o.leader, cases["other"], "mark_typical", {"typical": False, "reason": "不列入"})


def test_the_export_holds_no_clear_personal_data(office, cases, tmp_path):
    o = office
    typical_cases.decide(o.profile, o.leader, cases["big"], accept=True, reason="金额大",
                         summary="投诉企业联系人欧阳娜娜（13887012345，身份证 " + CONTACT_ID + "）反映，"
                                 "县财政局副局长司马建国被诫勉谈话。")
    typical_cases.decide(o.profile, o.leader, cases["small"], accept=True, reason="多次失信")
    result = typical_export.export(o.profile, o.officer, tmp_path / "out")
    assert result.cases == 2 and len(result.files) == 2
    texts = []
    for path in result.files:
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        else:
            texts.append(data.decode("utf-8-sig"))
    every = "\n".join(texts)
    complainant = o.profile and typical_cases.view(o.profile, o.officer, cases["big"]).complaint.intake["complainant"]
    for clear in ("欧阳娜娜", "王喆", "李明", "司马建国", "13887012345", "138 8701 2345", CONTACT_ID,
                  complainant["credit_code"], complainant["address"]):
        assert clear not in every, clear
    for masked in ("欧阳**", "王*", "司马**", "138****2345", CONTACT_ID[:4] + "*" * 10 + CONTACT_ID[-4:],
                   "双柏县财政局", "双柏县恒达建筑工程有限公司", "云南省楚雄州双柏县"):
        assert masked in every, masked


def test_the_export_stops_when_a_clear_value_would_leak(office, cases, tmp_path, monkeypatch):
    o = office
    typical_cases.decide(o.profile, o.leader, cases["big"], accept=True, reason="金额大")
    monkeypatch.setattr(typical_export.masking, "mask_phone", lambda phone: phone)  # a masking bug
    with pytest.raises(DomainError) as raised:
        typical_export.export(o.profile, o.officer, tmp_path / "out")
    assert raised.value.code == "typical_masking_leak" and not (tmp_path / "out").exists()


def test_a_period_of_one_day_is_allowed_and_an_inverted_one_is_refused(office, cases):
    """Proposals for breaches confirmed on one day (from = to) hold that day's; a period ending before it
    starts is refused with the message naming both dates."""
    day = date(2026, 12, 2)  # the day the fixture's breaches were confirmed
    one_day = typical_cases.propose(office.profile, office.officer, period_from=day, period_to=day)
    assert [p.case_no for p in one_day.rows] == [cases["big"], cases["small"]]
    assert {p.confirmed_on for p in one_day.rows} == {"2026-12-02"}
    with pytest.raises(DomainError) as raised:
        typical_cases.propose(office.profile, office.officer, period_from=day + timedelta(days=1), period_to=day)
    assert (raised.value.code, raised.value.params) == ("register_period_invalid",
                                                        {"start": "2026-12-03", "end": "2026-12-02"})
