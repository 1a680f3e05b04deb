"""Assessment figures 考核指标 per county and department, over known cases of a prefecture office.

Five complaints in three units of 楚雄州 (双柏县, 楚雄市 and the prefecture's own bodies) around 国庆 2026
go through the services with a fixed clock. Every expected figure is worked out here from the dates,
with the working-day calendar written out in ``test_reports`` (the State Council's notice, not
``app.domain.workdays``); then the county rows must add up to the supervision report of the whole
prefecture, and so must the department rows.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.services import act, auth, intake, office_settings, reports, users
from app.services.profile import create_profile
from tests.factories import PASSWORD, FixedClock, china_noon
from tests.factories import intake as make_intake
from tests.integration.test_reports import CLOSE, FEEDBACK, conclude_substantiated, plus, refuse, wd

D = date
FROM, TO = D(2026, 9, 1), D(2026, 10, 31)
SHUANGBAI, CHUXIONG, PREFECTURE = "532322", "532301", "532300"
SB_GOV, CX_GOV, PREF_FINANCE = "双柏县人民政府", "楚雄市人民政府", "楚雄州财政局"
UNSUBSTANTIATED = {"finding": "unsubstantiated", "explanation": "经核实情况不属实"}

# (day, case, action, payload); a registration's payload: (region, respondent, competent department)
STEPS = [
    (D(2026, 8, 20), "P5", "register", (SHUANGBAI, "双柏县农业农村局", SB_GOV)),
    (D(2026, 8, 20), "P5", "forward", {"department": SB_GOV}),
    (D(2026, 9, 28), "P1", "register", (SHUANGBAI, "双柏县农业农村局", SB_GOV)),
    (D(2026, 9, 30), "P2", "register", (CHUXIONG, "楚雄市住房和城乡建设局", CX_GOV)),
    (D(2026, 9, 30), "P2", "forward", {"department": CX_GOV}),
    (D(2026, 10, 8), "P1", "forward", {"department": SB_GOV}),  # due Sep 29: late across 国庆
    (D(2026, 10, 9), "P3", "register", (CHUXIONG, "楚雄市教育体育局", CX_GOV)),
    (D(2026, 10, 10), "P3", "forward", {"department": CX_GOV}),  # Saturday Oct 10 is a working day
    (D(2026, 10, 12), "P1", "conclude", conclude_substantiated(D(2026, 10, 20))),
    (D(2026, 10, 12), "P4", "register", (PREFECTURE, "楚雄州工业和信息化局", PREF_FINANCE)),
    (D(2026, 10, 15), "P3", "conclude", conclude_substantiated(D(2026, 10, 22))),
    (D(2026, 10, 16), "P1", "rectify", {"evidence": "已兑现扶持资金"}),
    (D(2026, 10, 20), "P1", "mark_typical", {"typical": True, "reason": "拖欠扶持资金逾一年，经督办后兑现"}),
    (D(2026, 10, 23), "P1", "feedback", FEEDBACK),
    (D(2026, 10, 23), "P1", "close", CLOSE),
    (D(2026, 10, 26), "P3", "refuse", refuse(D(2026, 10, 26))),
    (D(2026, 10, 27), "P3", "sanction", {"measures": ["public_criticism"], "imposed_by": CX_GOV,
                                         "start_on": "2026-10-27", "end_on": "2026-12-31"}),
    (D(2026, 10, 30), "P2", "conclude", UNSUBSTANTIATED),
]


@pytest.fixture
def prefecture(tmp_path):
    """A standalone profile of 楚雄州发展和改革委员会 with one officer who holds every working role."""
    clock = FixedClock(china_noon(2026, 8, 20))
    profile = create_profile(tmp_path / "pref", region_code=PREFECTURE, office_name="楚雄州发展和改革委员会",
                             clock=clock)
    users.add_user(profile, None, username="admin", display_name="系统管理员", roles=["admin"], password=PASSWORD)
    admin = auth.login(profile, "admin", PASSWORD)
    users.add_user(profile, admin, username="officer", display_name="王颖", roles=["clerk", "handler", "leader"],
                   password=PASSWORD)
    office_settings.update(profile, admin, {"contact_person": "王颖", "contact_phone": "0878-3117257"})
    officer = auth.login(profile, "officer", PASSWORD)
    cases: dict[str, str] = {}
    for day, key, action, payload in STEPS:
        clock.now = china_noon(day.year, day.month, day.day)
        if action == "register":
            region, respondent, department = payload
            data = make_intake(region, respondent=respondent)
            data["respondent"]["competent_department"] = department
            cases[key] = intake.register(profile, officer, data).case_no
        else:
            act.act(profile, officer, cases[key], action, payload)
    clock.now = china_noon(2026, 11, 26)
    yield profile, officer, cases
    profile.close()


def test_per_county_figures_worked_out_by_hand(prefecture):
    profile, officer, _ = prefecture
    a = reports.assessment(profile, officer, FROM, TO)
    rows = {u.key: u for u in a.by_county}
    assert len(rows) == 11 and rows[PREFECTURE].name == "州本级" and rows["532328"].is_empty  # 元谋县: nothing
    sb, cx, pref = rows[SHUANGBAI], rows[CHUXIONG], rows[PREFECTURE]
    assert (sb.received, cx.received, pref.received) == (1, 2, 1)  # P5 came in August
    # 转办: P1 received Sep 28, due the next working day Sep 29, forwarded Oct 8 after 国庆: late
    assert plus(D(2026, 9, 28), 1) == D(2026, 9, 29) and wd(D(2026, 9, 28), D(2026, 10, 8)) == 3
    assert (sb.stage("forward").finished, sb.stage("forward").on_time) == (1, 0)
    # P2 the same day; P3 received Friday Oct 9, due Saturday Oct 10 (调休), forwarded that day: on time
    assert plus(D(2026, 10, 9), 1) == D(2026, 10, 10)
    assert (cx.stage("forward").finished, cx.stage("forward").on_time) == (2, 2)
    # 核实认定 within 15 working days of the forward
    p2_due = plus(D(2026, 9, 30), 15)
    assert (cx.stage("conclude").finished, cx.stage("conclude").on_time) == (2, 1 + (D(2026, 10, 30) <= p2_due))
    assert (sb.stage("conclude").finished, sb.stage("conclude").on_time) == (1, 1)
    assert (cx.concluded, cx.substantiated, sb.concluded, sb.substantiated) == (2, 1, 1, 1)
    # 整改: P1 rectified before its due date; P3's refusal finishes the stage, never on time
    assert (sb.stage("rectify").finished, sb.stage("rectify").on_time) == (1, 1)
    assert (cx.stage("rectify").finished, cx.stage("rectify").on_time) == (1, 0)
    # 反馈: P1 owed from the rectification (Oct 16), given Oct 23 = the 5th working day
    assert plus(D(2026, 10, 16), 5) == D(2026, 10, 23)
    assert (sb.stage("feedback").finished, sb.stage("feedback").on_time) == (1, 1)
    assert sb.on_time.numerator == 3 and sb.on_time.denominator == 4
    assert (sb.closed, cx.closed) == (1, 0)
    assert (cx.breaches_confirmed, cx.sanctions.decided, cx.sanctions.in_force_at_end) == (1, 1, 1)
    # overdue on Oct 31: P5 waits for its conclusion (双柏), P4 to be forwarded (州本级)
    p5_due, p4_due = plus(D(2026, 8, 20), 15), plus(D(2026, 10, 12), 1)
    assert (sb.overdue, sb.overdue_working_days) == (1, wd(p5_due, TO))
    assert (pref.overdue, pref.overdue_working_days) == (1, wd(p4_due, TO))
    assert cx.overdue == 0  # P2's feedback is due after the period, P3's too


def test_department_rows(prefecture):
    profile, officer, _ = prefecture
    a = reports.assessment(profile, officer, FROM, TO)
    rows = {u.key: u for u in a.by_department}
    assert set(rows) == {SB_GOV, CX_GOV, PREF_FINANCE}
    assert (rows[CX_GOV].received, rows[CX_GOV].breaches_confirmed) == (2, 1)
    assert (rows[PREF_FINANCE].received, rows[PREF_FINANCE].overdue) == (1, 1)


def test_county_rows_and_department_rows_add_up_to_the_prefecture_report(prefecture):
    profile, officer, _ = prefecture
    r = reports.supervision(profile, officer, FROM, TO)
    a = reports.assessment(profile, officer, FROM, TO)
    for units in (a.by_county, a.by_department):
        assert sum(u.received for u in units) == r.received == 4
        for stage in ("forward", "conclude", "rectify", "feedback"):
            mine = next(t for t in r.timeliness if t.stage == stage)
            assert sum(u.stage(stage).finished for u in units) == mine.finished
            assert sum(u.stage(stage).on_time for u in units) == mine.on_time
        assert sum(u.concluded for u in units) == sum(c.count for c in r.conclusions)
        assert sum(u.overdue for u in units) == r.overdue_total
        assert sum(u.overdue_working_days for u in units) == sum(i.working_days_over for i in r.overdue)
        assert sum(u.breaches_confirmed for u in units) == r.breaches_confirmed
        assert sum(u.credit_repaired for u in units) == r.credit_repaired
        for name in ("decided", "in_force_at_end", "expired", "lifted"):
            assert sum(getattr(u.sanctions, name) for u in units) == getattr(r.sanctions, name)
    assert a.total.received == r.received and a.total.overdue == r.overdue_total


def test_a_county_is_one_row_and_a_county_outside_scope_is_refused(prefecture):
    profile, officer, _ = prefecture
    a = reports.assessment(profile, officer, FROM, TO, region_code=CHUXIONG)
    assert [u.key for u in a.by_county] == [CHUXIONG] and a.total.received == 2


def test_typical_cases_of_the_period(prefecture):
    profile, officer, cases = prefecture
    figures = reports.period_figures(profile, officer, FROM, TO)
    assert [(c.case_no, c.reason) for c in figures.typical] == [(cases["P1"], "拖欠扶持资金逾一年，经督办后兑现")]
    assert reports.period_figures(profile, officer, D(2026, 11, 1), D(2026, 11, 30)).typical == ()
