"""What one breach record puts into a submission to the province (found by mutation testing, issue 17):
the case number, the ground in Chinese (an unknown one as stored), the sanctions, and the accountability
decisions written out with each person's position and outcome, numbers in the officers' words masked."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from app.domain.breach_register import sanction_lines
from app.domain.submissions import ItemKind, record_values


def _record(**changes) -> SimpleNamespace:
    values = dict(
        case_no="双发改投〔2026〕7号", respondent_name="双柏县农业农村局", respondent_code="11532322MB0000000X",
        respondent_kind="organ", region_code="532322", region_name="双柏县", department="双柏县人民政府",
        complainant_name="双柏县绿源农业科技有限公司", agreement_title="产业扶持协议", claim_yuan="300000.00",
        ground="refused", ground_detail="拒不整改", confirmed_by="双柏县人民政府", confirmed_on="2026-02-10",
        recorded_on="2026-02-11", facts="扶持资金未兑现", document_ref="双发改失信〔2026〕1号", status="in_force",
        status_label="有效", repaired_on=None, repair_recorded_on=None, repair_evidence=None, repair_document=None,
        sanctions=sanction_lines([{"measures": ["public_criticism"], "imposed_by": "州发展改革委",
                                   "start_on": "2026-03-01", "end_on": "2027-02-28"}], date(2026, 5, 1)),
        accountability=[{"decided_by": "县纪委监委", "decided_on": "2026-03-05",
                         "persons": [{"position": "局长", "outcome": "诫勉谈话"},
                                     {"position": "科长", "outcome": "电话13887012345通知本人"}]},
                        {"decided_on": "2026-04-01", "persons": []}],
        changed_on="2026-03-05", digest="d" * 64)
    values.update(changes)
    return SimpleNamespace(**values)


def test_a_records_values_for_the_province():
    values = record_values(_record(), ItemKind.NEW)
    assert (values["case_no"], values["submission_kind"], values["ground_label"]) == (
        "双发改投〔2026〕7号", "新增", "明确拒不整改")
    assert values["accountability_text"] == "县纪委监委 2026-03-05：局长（诫勉谈话）、科长（电话138****2345通知本人）；2026-04-01："
    assert (values["sanction_measures"], values["sanction_bodies"], values["sanction_periods"]) == (
        "公开通报批评", "州发展改革委", "2026-03-01 至 2027-02-28")


def test_a_ground_this_version_does_not_name_is_written_as_stored():
    assert record_values(_record(ground="new_ground"), ItemKind.CHANGED)["ground_label"] == "new_ground"
