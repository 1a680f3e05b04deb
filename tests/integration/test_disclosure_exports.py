"""Exports carry no phone or ID number in clear, even when officers typed one into free text (issue 12)."""

from __future__ import annotations

from openpyxl import load_workbook

from app.domain.submissions import ItemKind, record_values
from app.services import act, credit_register, intake, register_export
from app.services.credit_register import RegisterFilter
from tests.factories import china_noon
from tests.factories import intake as make_intake

ID = "53232219800101193X"


def breached(office):
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    case = intake.register(p, o.clerk, make_intake(respondent="双柏县财政局")).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {
        "confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02", "ground": "refused",
        "facts": f"逾期未兑现扶持资金，企业联系人王喆（13887012345，身份证{ID}）多次催要",
        "ground_detail": "经办人电话0878-3117257答复不予兑现"})
    return case


def test_the_register_workbook_and_the_submission_values_mask_typed_phones_and_ids(office, tmp_path):
    case = breached(office)
    target = tmp_path / "register.xlsx"
    register_export.export_register(office.profile, office.officer, RegisterFilter(), target)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["案号"] == case and row["失信主体"] == "双柏县财政局"
    assert "138****2345" in row["失信事实"] and "5323**********193X" in row["失信事实"]
    assert "0878-***7257" in row["拒不整改情形"]
    whole = "".join(str(v) for r in rows for v in r if v is not None)
    assert "13887012345" not in whole and ID not in whole and "3117257" not in whole
    record = credit_register.register_record(office.profile, office.officer, case)
    values = record_values(record, ItemKind.NEW)
    assert "13887012345" not in values["facts"] and ID not in values["facts"] and "138****2345" in values["facts"]
    assert values["respondent_code"] == record.respondent_code  # codes stay as they are
