"""The breach register 政务失信记录台账 over a case taken through the services: the record appears when
the breach is confirmed, follows sanctions, accountability and the repair, survives a rebuild, and is
found by name, pinyin initials, credit code and case number, within the user's scope only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.sanctions import SanctionStatus
from app.services import act, credit_register, intake
from app.services.credit_register import RegisterFilter
from app.services.maintenance import rebuild_projections
from app.store.tables import breach_records
from tests.factories import china_noon, credit_code
from tests.factories import intake as make_intake

FINANCE = "双柏县财政局"


def _breached(office, respondent: str = FINANCE, **overrides):
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    data = make_intake(respondent=respondent, **overrides)
    case = intake.register(p, o.clerk, data).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02",
                                          "facts": "逾期未兑现扶持资金", "ground": "overdue"})
    return case


def _rows(profile):
    with profile.store.read() as session:
        return [tuple(r) for r in session.execute(select(breach_records).order_by(breach_records.c.num)).all()]


def test_a_record_follows_the_case_from_confirmation_to_repair(office):
    p, o = office.profile, office
    case = _breached(office)
    record = credit_register.register_record(p, o.officer, case)
    assert (record.respondent_name, record.confirmed_by, record.confirmed_on, record.recorded_on) == (
        FINANCE, "双柏县人民政府", "2026-12-02", "2026-12-02")
    assert (record.status, record.status_label, record.sanctions, record.claim_yuan) == (
        "in_force", "有效", (), "300,000.00")
    first = record.digest

    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, case, "sanction", {"measures": ["public_criticism", "restrict_procurement"],
                                            "imposed_by": "双柏县人民政府", "start_on": "2026-12-03",
                                            "end_on": "2027-12-02"})
    record = credit_register.register_record(p, o.officer, case)
    assert record.digest != first and record.changed_on == "2026-12-03"
    (line,) = record.sanctions
    assert line.measures == ("公开通报批评", "限制参加政府采购")
    assert (line.imposed_by, line.start_on, line.end_on, line.status) == (
        "双柏县人民政府", "2026-12-03", "2027-12-02", SanctionStatus.IN_FORCE)
    assert len(record.sanctions_in_force) == 1

    before = record.digest
    act.act(p, o.leader, case, "hold_accountable", {
        "persons": [{"name": "张某某", "position": "副局长", "responsibility": "direct", "outcome": "诫勉谈话"}],
        "decided_by": "中共双柏县纪委", "decided_on": "2026-12-03"})
    record = credit_register.register_record(p, o.officer, case)
    assert record.digest != before and record.accountability[0]["persons"][0]["outcome"] == "诫勉谈话"

    o.clock.now = china_noon(2026, 12, 4)
    act.act(p, o.leader, case, "repair", {"evidence": "已足额兑现扶持资金", "fulfilled_on": "2026-12-04"})
    record = credit_register.register_record(p, o.officer, case)
    assert (record.status, record.repaired_on, record.repair_recorded_on) == ("repaired", "2026-12-04", "2026-12-04")
    assert record.sanctions[0].status == SanctionStatus.LIFTED and record.sanctions_in_force == ()

    rows = _rows(p)
    rebuild_projections(p)
    assert _rows(p) == rows, "a rebuild gives the same register rows"


def test_no_record_without_a_confirmed_breach(office):
    p, o = office.profile, office
    intake.register(p, o.clerk, make_intake())
    assert credit_register.register_page(p, o.officer).total == 0
    with pytest.raises(DomainError) as caught:
        credit_register.register_record(p, o.officer, "532322-2026-0001")
    assert caught.value.code == "breach_record_not_found"


def test_filters_search_and_counts(office):
    p, o = office.profile, office
    finance = _breached(office)
    water = _breached(office, respondent="双柏县水务局")
    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, water, "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县人民政府",
                                             "start_on": "2026-12-03"})
    page = credit_register.register_page(p, o.officer)
    assert (page.total, page.in_force, page.sanctioned_now) == (2, 2, 1)

    def found(**kw):
        return [r.case_no for r in credit_register.register_page(p, o.officer, RegisterFilter(**kw)).rows]

    assert found(search="sbxczj") == [finance]  # pinyin initials of 双柏县财政局
    assert found(search="shuiwu") == [water]
    assert found(search="财政") == [finance]
    assert found(search=water[-4:]) == [water]
    assert found(sanctioned_now=True) == [water]
    assert found(status="repaired") == []
    assert found(confirmed_from=date(2026, 12, 3)) == []
    assert sorted(found(confirmed_to=date(2026, 12, 2))) == sorted([finance, water])
    assert found(sort="respondent", ascending=True) == [water, finance]  # by code point, as SQLite sorts
    with pytest.raises(DomainError):
        credit_register.register_page(p, o.officer, RegisterFilter(region_code="532301"))
    with pytest.raises(DomainError):
        credit_register.register_page(p, o.officer, RegisterFilter(status="bogus"))


def test_the_body_is_found_by_its_credit_code(office):
    p, o = office.profile, office
    data = make_intake(respondent=FINANCE)
    data["respondent"]["credit_code"] = code = credit_code("11", "532322")
    case = intake.register(p, o.clerk, data).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "属实",
                                             "requirements": "兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02",
                                          "facts": "逾期未整改"})
    assert [r.case_no for r in credit_register.register_page(p, o.officer, RegisterFilter(search=code[:8])).rows] == [case]
    assert [r.case_no for r in credit_register.records_of_body(p, o.officer, code=code.lower())] == [case]
    assert [r.case_no for r in credit_register.records_of_body(p, o.officer, name=FINANCE)] == [case]
    assert credit_register.records_of_body(p, o.officer, name="双柏县水务局") == ()


def test_pages_sorts_and_sanction_filter(office):
    p, o = office.profile, office
    cases = [_breached(office, respondent=name) for name in ("双柏县财政局", "双柏县水务局", "双柏县教育体育局")]
    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, cases[1], "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县人民政府",
                                                "start_on": "2026-12-03"})
    act.act(p, o.leader, cases[2], "sanction", {"measures": ["restrict_procurement"], "imposed_by": "双柏县人民政府",
                                                "start_on": "2026-12-02", "end_on": "2026-12-02"})
    whole = [r.case_no for r in credit_register.register_page(p, o.officer, limit=None).rows]
    assert sorted(whole) == sorted(cases)
    paged = [r.case_no for offset in (0, 2) for r in credit_register.register_page(
        p, o.officer, offset=offset, limit=2, count=False).rows]
    assert paged == whole, "the pages together are the whole list in its order"
    assert credit_register.register_page(p, o.officer, limit=2, count=False).total == -1  # not counted

    def found(**kw):
        return [r.case_no for r in credit_register.register_page(p, o.officer, RegisterFilter(**kw)).rows]

    assert found(sanction="in_force") == [cases[1]]
    assert found(sanction="ended") == [cases[2]]
    assert found(sanction="none") == [cases[0]]
    assert found(sort="amount") == sorted(cases, reverse=True)  # same amounts: by case number
    with pytest.raises(DomainError) as caught:
        found(sanction="sometimes")
    assert caught.value.code == "register_sanction_unknown"


def test_the_export_holds_the_selection_in_list_order(office, tmp_path):
    from openpyxl import load_workbook

    from app.reports.register_workbook import header
    from app.services import register_export

    p, o = office.profile, office
    cases = [_breached(office, respondent=name) for name in ("双柏县财政局", "双柏县水务局")]
    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, cases[0], "sanction", {"measures": ["public_criticism", "restrict_procurement"],
                                                "imposed_by": "双柏县人民政府", "start_on": "2026-12-03"})
    act.act(p, o.leader, cases[0], "sanction", {"measures": ["refuse_project_funds"],
                                                "imposed_by": "双柏县发展和改革局", "start_on": "2026-12-03"})
    target = tmp_path / "register.xlsx"
    written = register_export.export_register(p, o.officer, RegisterFilter(search="caizheng"), target)
    assert written.records == 1
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == header() and len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["案号"], row["失信主体"], row["地区"], row["诉求金额（元）"], row["状态"], row["惩戒次数"]) == (
        cases[0], FINANCE, "双柏县", 300000, "有效", 2)
    first, second = row["惩戒措施（每项一行）"].splitlines()
    assert "公开通报批评、限制参加政府采购" in first and "双柏县人民政府" in first and "实施中" in first
    assert "双柏县发展和改革局" in second
    with pytest.raises(DomainError) as caught:
        register_export.export_register(p, o.officer, RegisterFilter(), target)
    assert caught.value.code == "file_exists"
    assert register_export.export_register(p, o.officer, RegisterFilter(), target, force=True).records == 2


def test_a_phone_typed_into_the_facts_is_masked_in_the_register_and_nowhere_in_clear(office):
    """The register (its table, exports, submissions) keeps a phone or ID number typed into the facts
    masked; the event keeps it sealed; the database file holds it nowhere in clear (issue 12)."""
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    case = intake.register(p, o.clerk, make_intake(respondent=FINANCE)).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02",
                                          "facts": "经办人（电话13987124466，身份证532322198803152312）拒不兑现",
                                          "ground": "overdue"})
    with p.store.read() as session:
        facts = session.execute(select(breach_records.c.facts)).scalar_one()
    assert facts == "经办人（电话139****4466，身份证5323**********2312）拒不兑现"
    data = b"".join(f.read_bytes() for f in p.files.home.rglob("lvyue.sqlite*") if f.is_file())
    assert b"13987124466" not in data and b"532322198803152312" not in data


def test_a_confirmation_period_of_one_day_finds_that_days_records(office):
    p, o = office.profile, office
    finance = _breached(office)
    day = date(2026, 12, 2)  # _breached confirms on this day
    rows = credit_register.register_page(p, o.officer, RegisterFilter(confirmed_from=day, confirmed_to=day)).rows
    assert [r.case_no for r in rows] == [finance]
    with pytest.raises(DomainError) as raised:
        credit_register.register_page(p, o.officer, RegisterFilter(confirmed_from=day, confirmed_to=day - timedelta(days=1)))
    assert raised.value.code == "register_period_invalid"
