"""The breach register's row of a complaint, column by column, and the sanctions as the register shows
them (found by mutation testing, issue 17: nothing at unit level read the row). The row is what the
register table, its exports and the submissions to the province carry; its digest is how a submission
finds changed records, so its form is pinned: a new form would send every record again as changed."""

from __future__ import annotations

import json
from datetime import date

from app.domain.breach_register import COLUMNS, breach_record_row, sanction_lines
from app.domain.complaint import Complaint
from app.domain.sanctions import SanctionStatus
from app.domain.vocabulary import State
from tests.factories import intake

SANCTION = {"event": "ev-sanction", "measures": ["restrict_procurement", "hold_accountable"],
            "other_measures": ["约谈主要负责人"], "imposed_by": "州发展改革委", "start_on": "2026-03-01",
            "end_on": "2027-02-28", "lifted_on": None, "note": "联系人电话13887012345"}


def _complaint(**changes) -> Complaint:
    data = intake()
    data["complainant"]["name"] = "双柏县绿源农业科技有限公司"
    data["respondent"]["credit_code"] = "11532322MB0000000X"
    values = dict(
        id="c-1", case_no="双发改投〔2026〕7号", office_code="532322", region_code="532322", state=State.SANCTIONED,
        intake=data, registered_at="2026-01-05T02:00:00Z", registered_on=date(2026, 1, 5),
        registered_by="u-1", received_on=date(2026, 1, 5), department="双柏县人民政府",
        breach={"ground": "refused", "ground_detail": "拒不履行，经办人电话13887012345",
                "confirmed_by": "双柏县人民政府", "confirmed_on": "2026-02-10", "facts": "协议约定的扶持资金未兑现",
                "document_ref": None, "on": "2026-02-11"},
        sanctions=[SANCTION],
        accountability=[{"decided_by": "县纪委监委", "decided_on": "2026-03-05", "document_ref": "双纪〔2026〕3号",
                         "persons": [{"position": "局长", "responsibility": "主要领导责任", "outcome": "诫勉谈话",
                                      "name": "张某"}]}],
        documents=[{"kind": "breach_determination", "number": "双发改失信〔2026〕1号"},
                   {"kind": "repair_notice", "number": "双发改修复〔2026〕2号"}],
        milestones={"sanctions": {"ev-sanction": "2026-03-02"}},
    )
    values.update(changes)
    return Complaint(**values)


def _row(c: Complaint) -> dict:
    return dict(zip(COLUMNS, breach_record_row(c), strict=True))


def test_a_confirmed_breach_becomes_a_register_row_with_every_column():
    row = _row(_complaint())
    assert {k: v for k, v in row.items() if k not in ("sanctions", "accountability", "digest")} == {
        "case_no": "双发改投〔2026〕7号", "complaint_id": "c-1", "region_code": "532322", "office_code": "532322",
        "department": "双柏县人民政府", "respondent_name": "双柏县农业农村局", "respondent_code": "11532322MB0000000X",
        "respondent_kind": "organ", "complainant_name": "双柏县绿源农业科技有限公司",
        "agreement_title": "高原特色农业产业扶持协议", "claim_cents": 30_000_000, "ground": "refused",
        "ground_detail": "拒不履行，经办人电话138****2345", "confirmed_by": "双柏县人民政府",
        "confirmed_on": "2026-02-10", "recorded_on": "2026-02-11", "facts": "协议约定的扶持资金未兑现",
        "document_ref": "双发改失信〔2026〕1号", "status": "in_force", "repaired_on": None,
        "repair_recorded_on": None, "repair_evidence": None, "repair_document": None, "sanction_count": 1,
        "changed_on": "2026-03-02"}
    assert json.loads(row["sanctions"]) == [{
        "event": "ev-sanction", "measures": ["restrict_procurement", "hold_accountable"],
        "other_measures": ["约谈主要负责人"], "imposed_by": "州发展改革委", "start_on": "2026-03-01",
        "end_on": "2027-02-28", "lifted_on": None, "recorded_on": "2026-03-02", "note": "联系人电话138****2345"}]
    assert json.loads(row["accountability"]) == [{
        "decided_by": "县纪委监委", "decided_on": "2026-03-05", "document_ref": "双纪〔2026〕3号",
        "persons": [{"position": "局长", "responsibility": "主要领导责任", "outcome": "诫勉谈话", "name": "张某"}]}]
    assert "约谈主要负责人" in row["sanctions"]  # kept readable, not \\u-escaped


def test_a_repaired_record_carries_its_repair_and_the_repair_notice():
    repaired = _complaint(repair={"fulfilled_on": "2026-06-01", "evidence": "已兑现，收款人电话13887012345",
                                  "on": "2026-06-03"}, state=State.REPAIRED)
    row = _row(repaired)
    assert (row["status"], row["repaired_on"], row["repair_recorded_on"], row["repair_document"]) == (
        "repaired", "2026-06-01", "2026-06-03", "双发改修复〔2026〕2号")
    assert row["repair_evidence"] == "已兑现，收款人电话138****2345"
    assert row["changed_on"] == "2026-06-03"  # the repair is the latest change
    assert row["digest"] != _row(_complaint())["digest"]  # the province receives the repair as a change


def test_no_confirmed_breach_means_no_row_and_a_missing_ground_reads_overdue():
    assert breach_record_row(_complaint(breach=None)) is None
    row = _row(_complaint(breach={"confirmed_on": "2026-02-10", "on": "2026-02-11"}))
    assert row["ground"] == "overdue"


def test_the_digest_form_is_pinned_across_versions():
    row = _row(_complaint())
    assert row["digest"] == DIGEST


DIGEST = "91c7cb1f2deecc8d23694ad8f1373cb3c208b73e899286bf2744858d647467a4"  # sha256 of the content as sorted JSON, UTF-8 unescaped


def test_sanction_lines_show_the_seeds_measures_in_chinese_then_the_others_as_written():
    [line] = sanction_lines([SANCTION], date(2026, 5, 1))
    assert line.measures == ("限制参加政府采购", "约谈主要负责人")
    assert (line.imposed_by, line.start_on, line.end_on, line.lifted_on) == (
        "州发展改革委", "2026-03-01", "2027-02-28", None)
    assert line.status == SanctionStatus.IN_FORCE and line.period == "2026-03-01 至 2027-02-28"
    [bare] = sanction_lines([{"measures": ["public_criticism"], "start_on": "2026-03-01"}], date(2026, 5, 1))
    assert (bare.imposed_by, bare.end_on, bare.period) == ("", None, "2026-03-01 起（未定期限）")


def test_a_lifted_sanction_shows_the_day_it_was_lifted():
    lifted = {**SANCTION, "lifted_on": "2026-09-30"}
    row = _row(_complaint(sanctions=[lifted]))
    assert [s["lifted_on"] for s in json.loads(row["sanctions"])] == ["2026-09-30"]
    assert [s["lifted_on"] for s in json.loads(_row(_complaint())["sanctions"])] == [None]
