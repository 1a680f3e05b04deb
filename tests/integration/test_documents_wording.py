"""Documents say only what the record shows, in the form the recipient calls for (issue 9).

Every document kind, in every variant, is issued from cases that differ where the wording must
follow: the ground of the refusal, who confirmed the breach, a subordinate respondent or the county's
own government, a department of the county, of the prefecture (after 改派) or the county government,
sanctions by this office, by the prefecture and expired ones, an accountability decision. The text
of each PDF is then checked against the case data.
"""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from app.domain.errors import DomainError
from app.messages import describe
from app.services import act as acting
from app.services import documents, office_settings
from app.services import intake as intake_service
from tests import document_cases as cases
from tests import factories

OFFICE = "双柏县发展和改革局"
PREFECTURE_DRC = "楚雄彝族自治州发展和改革委员会"
COUNTY_GOV = "双柏县人民政府"
BUREAU = "双柏县农业农村局"


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join((page.extract_text() or "").replace("\n", "").replace(" ", "") for page in doc.pages)


def on(office, day: date) -> None:
    office.clock.now = factories.china_noon(day.year, day.month, day.day)


def make_case(office, *, respondent: str = BUREAU, department: str = COUNTY_GOV, steps=(), breach_kind=None) -> str:
    on(office, date(2026, 11, 2))
    data = cases.complaint_intake()
    data["respondent"] = {**data["respondent"], "name": respondent, "competent_department": department}
    if breach_kind:
        data["breach_kind"] = breach_kind
    case_no = intake_service.register(office.profile, office.clerk, data).case_no
    for day, action, payload, who in steps:
        on(office, day)
        acting.act(office.profile, getattr(office, who), case_no, action, payload)
    return case_no


def forward(department=COUNTY_GOV):
    return (date(2026, 11, 3), "forward", {**cases.FORWARD, "department": department}, "handler")


def conclude(department=COUNTY_GOV):
    return (date(2026, 11, 13), "conclude", {**cases.CONCLUDE["substantiated"], "determined_by": department}, "handler")


REFUSE_OVERDUE = (date(2026, 12, 14), "refuse", cases.REFUSE, "leader")
REFUSE_EARLY = (date(2026, 12, 1), "refuse", {
    "confirmed_by": "楚雄州农业农村局", "confirmed_on": "2026-12-01", "ground": "refused",
    "ground_detail": "双柏县农业农村局于2026年11月28日书面答复不再兑现扶持资金",
    "facts": "双柏县农业农村局书面拒绝兑现产业扶持资金30万元"}, "leader")
OWN = (date(2026, 12, 15), "sanction", {"measures": ["public_criticism", "restrict_support_policies"],
                                        "imposed_by": OFFICE, "start_on": "2026-12-15"}, "leader")
PREFECTURE = (date(2026, 12, 15), "sanction", {"measures": ["restrict_financing_recommendation"],
                                               "imposed_by": PREFECTURE_DRC, "start_on": "2026-12-15"}, "leader")
EXPIRED = (date(2026, 12, 15), "sanction", {"measures": ["cancel_awards"], "imposed_by": COUNTY_GOV,
                                            "start_on": "2026-12-15", "end_on": "2026-12-18"}, "leader")
ACCOUNTABLE = (date(2026, 12, 16), "hold_accountable", {
    "decided_by": "中共双柏县纪律检查委员会", "decided_on": "2026-12-16",
    "persons": [{"name": "李某某", "position": "局长", "responsibility": "main", "outcome": "诫勉谈话"}]}, "leader")
REPAIR = (date(2026, 12, 22), "repair", cases.REPAIR, "leader")


def issue(office, case_no, kind):
    issued = documents.issue(office.profile, office.handler, case_no, kind)
    return issued, text_of(issued.path.read_bytes())


def test_receipt_states_the_time_limits_and_the_contact(office):
    case_no = make_case(office)
    issued, text = issue(office, case_no, "receipt")
    assert issued.variant is None
    # received Monday 2 November 2026: forward within 1 working day, conclusion 15, feedback 5
    assert "2026年11月3日前（收到投诉之日起1个工作日内）将投诉转交双柏县人民政府" in text
    assert "转交之日起15个工作日" in text and "作出后5个工作日内，本局将向你单位反馈" in text
    assert "联系人：王颖，电话：0878-7721234" in text


def test_without_the_office_contact_issuing_is_refused_and_takes_no_number(office):
    case_no = make_case(office)
    office_settings.update(office.profile, office.admin, {"contact_person": "", "contact_phone": ""})
    with pytest.raises(DomainError) as refused:
        documents.issue(office.profile, office.handler, case_no, "receipt")
    assert refused.value.code == "office_contact_missing" and "联系电话" in describe(refused.value)
    assert documents.contact_missing(office.profile, "receipt")
    office_settings.update(office.profile, office.admin, {"contact_phone": "0878-7721234"})
    assert documents.issue(office.profile, office.handler, case_no, "receipt").number.endswith("〔2026〕1号")


def test_forward_letter_follows_the_department(office):
    # the county government, the office's own: a 函, 贵单位, 商请, no order
    to_government = make_case(office, steps=[forward()])
    issued, text = issue(office, to_government, "forward_letter")
    assert issued.variant == "letter" and text.count("贵单位") >= 3 and "转你单位" not in text
    assert "商请贵单位" in text and "《优化营商环境条例》第三十一条" in text
    assert "保障中小企业款项支付条例" not in text  # not a breach of payment
    # a department of the county: the subordinate form, 你单位
    sub = make_case(office, respondent="双柏县农业技术推广中心", department=BUREAU, steps=[forward(BUREAU)],
                    breach_kind="unpaid")
    issued, text = issue(office, sub, "forward_letter")
    assert issued.variant is None and "转你单位核实认定" in text and "贵单位" not in text
    assert "《保障中小企业款项支付条例》" in text  # arrears
    # 改派 to a prefecture department: to the new department, said to be re-assigned
    redirected = make_case(office, steps=[forward(), (date(2026, 11, 5), "redirect", {
        "department": "楚雄州农业农村局", "reason": "该项目扶持资金由州级部门统筹管理"}, "handler")])
    issued, text = issue(office, redirected, "forward_letter")
    assert issued.variant == "letter" and text.startswith("双柏县发展和改革局")
    assert "楚雄州农业农村局：" in text and "原转双柏县人民政府核实认定" in text and "改转贵单位" in text
    assert "改转原因：该项目扶持资金由州级部门统筹管理。" in text


def test_rectification_notice_is_a_notice_to_a_subordinate_and_a_letter_to_the_government(office):
    case_no = make_case(office, steps=[forward(), conclude()])
    issued, text = issue(office, case_no, "rectification_notice")
    assert issued.variant is None and "你单位于2026年12月11日前完成整改" in text and "贵单位" not in text
    assert "经双柏县人民政府核实" in text and "核实意见：经调取协议" in text
    gov = make_case(office, respondent=COUNTY_GOV, department="楚雄州人民政府",
                    steps=[forward("楚雄州人民政府"), conclude("楚雄州人民政府")])
    issued, text = issue(office, gov, "rectification_notice")
    assert issued.variant == "letter" and "贵单位于2026年12月11日前完成整改" in text
    assert "你单位" not in text and "特此通知" not in text and "函" in text[:60]


@pytest.mark.parametrize("ground", ["overdue", "refused"])
def test_breach_determination_names_who_confirmed_and_the_recorded_ground(office, ground):
    refuse = REFUSE_OVERDUE if ground == "overdue" else REFUSE_EARLY
    case_no = make_case(office, steps=[forward(), conclude(), refuse])
    issued, text = issue(office, case_no, "breach_determination")
    confirmed_by = refuse[2]["confirmed_by"]
    assert issued.variant is None
    assert f"{confirmed_by}于{'2026年12月14日' if ground == 'overdue' else '2026年12月1日'}确认你单位上述行为构成违约失信" in text
    assert "本局认定" not in text and "认定你单位上述行为属于" not in text
    if ground == "overdue":
        assert "整改期限届满，你单位未完成整改" in text and "明确拒绝" not in text
    else:  # refused before the deadline of 11 December: never 未按要求完成整改 / 逾期
        assert "整改期限届满前，你单位明确拒绝整改" in text and "你单位于2026年11月28日书面答复" in text
        assert "未完成整改" not in text and "逾期" not in text
    assert "抄送" in text and PREFECTURE_DRC in text.split("抄送")[1]
    gov = make_case(office, respondent=COUNTY_GOV, department="楚雄州人民政府",
                    steps=[forward("楚雄州人民政府"), conclude("楚雄州人民政府"),
                           (date(2026, 12, 14), "refuse", {**cases.REFUSE, "confirmed_by": "楚雄州人民政府"}, "leader")])
    issued, text = issue(office, gov, "breach_determination")
    assert issued.variant == "letter" and "楚雄州人民政府于2026年12月14日确认贵单位" in text and "你单位" not in text


def test_repair_notice_ends_only_the_office_s_own_measures(office):
    case_no = make_case(office, steps=[forward(), conclude(), REFUSE_OVERDUE, OWN, PREFECTURE, EXPIRED,
                                       ACCOUNTABLE, REPAIR])
    issued, text = issue(office, case_no, "repair_notice")
    assert issued.variant is None
    assert "本局终止对你单位实施的公开通报批评、限制申请扶持政策" in text
    assert f"{PREFECTURE_DRC}实施的限制各类融资项目推荐，由实施机关依规终止" in text
    assert "双柏县人民政府实施的取消评优评先和试点示范资格（至2026年12月18日）已到期" in text
    assert "全部失信惩戒措施" not in text and "追究" not in text
    copied = text.split("抄送：")[1]
    assert PREFECTURE_DRC in copied and "双柏县人民政府" in copied
    gov = make_case(office, respondent=COUNTY_GOV, department="楚雄州人民政府",
                    steps=[forward("楚雄州人民政府"), conclude("楚雄州人民政府"),
                           (date(2026, 12, 14), "refuse", {**cases.REFUSE, "confirmed_by": "楚雄州人民政府"}, "leader"),
                           PREFECTURE, REPAIR])
    issued, text = issue(office, gov, "repair_notice")
    assert issued.variant == "letter" and "你单位" not in text and "贵单位" in text
    assert "本局终止" not in text and "由实施机关依规终止" in text


def test_feedback_letters_follow_the_record(office):
    unsub = make_case(office, steps=[forward(), (date(2026, 11, 13), "conclude", cases.CONCLUDE["unsubstantiated"],
                                                 "handler")])
    issued, text = issue(office, unsub, "feedback_letter")
    assert issued.variant == "unsubstantiated" and PREFECTURE_DRC in text.split("抄送：")[1]
    mediation = make_case(office, steps=[forward(), (date(2026, 11, 13), "conclude",
                                                     cases.CONCLUDE["disputed_mediation"], "handler")])
    issued, text = issue(office, mediation, "feedback_letter")
    assert issued.variant == "disputed" and "责成双柏县人民政府" not in text and "由双柏县人民政府组织双方协商解决" in text
    breach = make_case(office, steps=[forward(), conclude(), REFUSE_EARLY, PREFECTURE])
    issued, text = issue(office, breach, "feedback_letter")
    assert issued.variant == "breach" and "楚雄州农业农村局已于2026年12月1日确认其构成违约失信" in text
    assert "整改期限届满前明确拒绝整改" in text and "逾期" not in text
    assert f"{PREFECTURE_DRC}实施的限制各类融资项目推荐" in text
    repaired = make_case(office, steps=[forward(), conclude(), REFUSE_EARLY, OWN, REPAIR])
    issued, text = issue(office, repaired, "feedback_letter")
    assert issued.variant == "rectified" and "逾期未整改" not in text and "届满后未完成整改" not in text
    assert "本局已于2026年12月22日终止对其实施的公开通报批评、限制申请扶持政策" in text


def test_a_measure_in_force_until_the_day_of_the_repair_is_ended_by_it_not_said_to_have_run_out(office):
    """A sanction runs to its end date inclusive: one ending on the repair day (22 December) was still in
    force, so the repair notice ends it; one that ended the day before had run out (已到期)."""
    until_repair = (date(2026, 12, 15), "sanction", {"measures": ["cancel_awards"], "imposed_by": OFFICE,
                                                     "start_on": "2026-12-15", "end_on": "2026-12-22"}, "leader")
    case_no = make_case(office, steps=[forward(), conclude(), REFUSE_OVERDUE, until_repair, REPAIR])
    _, text = issue(office, case_no, "repair_notice")
    assert "本局终止对你单位实施的取消评优评先和试点示范资格" in text and "已到期" not in text
    day_before = (date(2026, 12, 15), "sanction", {"measures": ["cancel_awards"], "imposed_by": OFFICE,
                                                   "start_on": "2026-12-15", "end_on": "2026-12-21"}, "leader")
    case_no = make_case(office, steps=[forward(), conclude(), REFUSE_OVERDUE, day_before, REPAIR])
    _, text = issue(office, case_no, "repair_notice")
    assert "（至2026年12月21日）已到期" in text and "本局终止" not in text
