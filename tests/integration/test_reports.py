"""Supervision figures over known cases, each figure recomputed here by hand (docs/figures.md).

Nine complaints of 双柏县 around 中秋 and 国庆 2026 go through the services with a fixed clock; the
expected figures are worked out in this file from the same dates, with its own working-day count
(the State Council's 2026 notice written out below, not ``app.domain.workdays``).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from app.common.days import day_of
from app.domain.errors import DomainError
from app.reports import supervision
from app.services import act, intake, reports
from app.services.maintenance import rebuild_projections
from app.store.tables import (
    received_month,
    sanction_spells,
    stage_deadlines,
    stage_month_counts,
    stage_month_days,
    state_spells,
)
from tests.factories import china_noon
from tests.factories import intake as make_intake

# 国办发明电〔2025〕7号: days off and the weekend days worked (调休), for the months used here.
OFF = {date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)} | {date(2026, 10, d) for d in range(1, 8)}
WORKED = {date(2026, 9, 20), date(2026, 10, 10)}
D = date


def is_working(day: date) -> bool:
    return day in WORKED or (day.weekday() < 5 and day not in OFF)


def wd(a: date, b: date) -> int:
    """Working days after ``a`` up to and including ``b``."""
    return sum(1 for i in range(1, (b - a).days + 1) if is_working(a + timedelta(days=i)))


def plus(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        n -= is_working(day)
    return day


def test_the_calendar_written_here_is_the_notice():
    assert plus(D(2026, 9, 30), 1) == D(2026, 10, 8)  # 国庆: Oct 1–7 off
    assert plus(D(2026, 10, 9), 1) == D(2026, 10, 10)  # Saturday Oct 10 is worked
    assert wd(D(2026, 9, 28), D(2026, 10, 8)) == 3


FROM, TO = D(2026, 9, 1), D(2026, 10, 31)
AGRI, HOUSING = "双柏县农业农村局", "双柏县住房和城乡建设局"
GOV, FINANCE = "双柏县人民政府", "双柏县财政局"

SUBSTANTIATED = {"finding": "substantiated", "explanation": "经核实情况属实", "requirements": "限期兑现"}
UNSUBSTANTIATED = {"finding": "unsubstantiated", "explanation": "经核实情况不属实"}


def conclude_substantiated(due: date) -> dict:
    return {**SUBSTANTIATED, "rectify_due": due.isoformat()}


def refuse(day: date) -> dict:
    return {"confirmed_by": GOV, "confirmed_on": day.isoformat(), "facts": "逾期未整改", "ground": "overdue"}


FEEDBACK = {"method": "letter", "summary": "已书面反馈核实情况"}
CLOSE = {"summary": "办结"}

# (day, case, action, payload); a case's first row is its registration (payload: intake overrides).
IN_PERIOD = [
    (D(2026, 8, 20), "H", "register", {}),
    (D(2026, 8, 20), "H", "forward", {"department": FINANCE}),
    (D(2026, 9, 1), "F", "register", {"respondent": HOUSING, "channel": "credit_website"}),
    (D(2026, 9, 2), "F", "forward", {"department": GOV}),
    (D(2026, 9, 4), "F", "conclude", conclude_substantiated(D(2026, 9, 18))),
    (D(2026, 9, 7), "G", "register", {"respondent": HOUSING, "channel": "credit_website"}),
    (D(2026, 9, 7), "G", "forward", {"department": GOV}),
    (D(2026, 9, 8), "G", "conclude", conclude_substantiated(D(2026, 9, 15))),
    (D(2026, 9, 16), "G", "refuse", refuse(D(2026, 9, 16))),
    (D(2026, 9, 21), "F", "refuse", refuse(D(2026, 9, 21))),
    (D(2026, 9, 22), "F", "sanction", {"measures": ["public_criticism"], "imposed_by": GOV,
                                       "start_on": "2026-09-22", "end_on": "2026-10-15"}),
    (D(2026, 9, 23), "F", "sanction", {"measures": ["restrict_procurement"], "imposed_by": GOV,
                                       "start_on": "2026-09-23"}),
    (D(2026, 9, 24), "F", "feedback", FEEDBACK),
    (D(2026, 9, 28), "A", "register", {"sector": "procurement"}),
    (D(2026, 9, 30), "B", "register", {}),
    (D(2026, 9, 30), "B", "forward", {"department": GOV}),
    (D(2026, 10, 8), "A", "forward", {"department": GOV}),
    (D(2026, 10, 9), "C", "register", {}),
    (D(2026, 10, 10), "C", "forward", {"department": GOV}),
    (D(2026, 10, 12), "A", "conclude", conclude_substantiated(D(2026, 10, 20))),
    (D(2026, 10, 12), "D", "register", {}),
    (D(2026, 10, 12), "D", "forward", {"department": GOV}),
    (D(2026, 10, 13), "D", "conclude", conclude_substantiated(D(2026, 10, 20))),
    (D(2026, 10, 14), "E", "register", {}),
    (D(2026, 10, 15), "E", "reject", {"reason": "不属于政府违约失信投诉受理范围"}),
    (D(2026, 10, 15), "C", "conclude", conclude_substantiated(D(2026, 10, 22))),
    (D(2026, 10, 16), "A", "rectify", {"evidence": "已兑现采购款"}),
    (D(2026, 10, 20), "G", "repair", {"evidence": "已足额兑现", "fulfilled_on": "2026-10-20"}),
    (D(2026, 10, 21), "C", "extend", {"new_due": "2026-11-05", "reason": "资金拨付需走程序"}),
    (D(2026, 10, 21), "G", "feedback", FEEDBACK),
    (D(2026, 10, 23), "A", "feedback", FEEDBACK),
    (D(2026, 10, 23), "A", "close", CLOSE),
    (D(2026, 10, 29), "I", "register", {"received_on": "2026-10-26"}),
    (D(2026, 10, 30), "B", "conclude", UNSUBSTANTIATED),
]
# Recorded after the period: none of it may change the period's figures.
LATER = [
    (D(2026, 11, 2), "D", "extend", {"new_due": "2026-11-30", "reason": "补充材料"}),
    (D(2026, 11, 2), "J", "register", {}),
    (D(2026, 11, 3), "D", "rectify", {"evidence": "已整改"}),
    (D(2026, 11, 5), "H", "conclude", UNSUBSTANTIATED),
    (D(2026, 11, 10), "C", "refuse", refuse(D(2026, 11, 10))),
    (D(2026, 11, 12), "F", "repair", {"evidence": "已履约", "fulfilled_on": "2026-11-12"}),
    (D(2026, 11, 16), "C", "sanction", {"measures": ["public_criticism"], "imposed_by": GOV,
                                        "start_on": "2026-11-16"}),
    (D(2026, 11, 20), "B", "feedback", FEEDBACK),
    (D(2026, 11, 23), "I", "forward", {"department": GOV}),
]


def run(office, steps, cases):
    for day, key, action, payload in steps:
        office.clock.now = china_noon(day.year, day.month, day.day)
        if action == "register":
            extra = dict(payload)
            respondent = extra.pop("respondent", AGRI)
            cases[key] = intake.register(office.profile, office.officer,
                                         make_intake(respondent=respondent, **extra)).case_no
        else:
            act.act(office.profile, office.officer, cases[key], action, payload)


def report(office, **extra):
    office.clock.now = china_noon(2026, 11, 1) if office.clock.now < china_noon(2026, 11, 1) else office.clock.now
    return reports.supervision(office.profile, office.leader, FROM, TO, **extra)


@pytest.fixture
def cases(office):
    made: dict[str, str] = {}
    run(office, IN_PERIOD, made)
    return made


def counts(items) -> dict:
    return {c.key: c.count for c in items}


def nearest_rank(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[math.ceil(share * len(ordered)) - 1]


def test_received_and_states_at_the_periods_end(office, cases):
    r = report(office)
    assert r.received == 8  # A B C D E F G I; H came in August
    assert counts(r.received_by_channel) == {"hotline_12345": 6, "credit_website": 2}
    assert counts(r.received_by_sector) == {"industrial_support": 7, "procurement": 1}
    assert counts(r.received_by_county) == {"532322": 8}
    assert counts(r.received_by_respondent) == {AGRI: 6, HOUSING: 2}
    assert counts(r.states_at_end) == {"closed": 2, "unsubstantiated": 1, "rectifying": 2, "sanctioned": 1,
                                       "repaired": 1, "forwarded": 1, "registered": 1}
    assert r.as_of == TO and not r.provisional


def test_timeliness_and_working_days_across_the_national_day(office, cases):
    r = report(office)
    forward_limit, conclude_limit, feedback_limit = 1, 15, 5
    # (received or forwarded, done) per case, due date from the limit
    forwards = {"A": (D(2026, 9, 28), D(2026, 10, 8)), "B": (D(2026, 9, 30), D(2026, 9, 30)),
                "C": (D(2026, 10, 9), D(2026, 10, 10)), "D": (D(2026, 10, 12), D(2026, 10, 12)),
                "F": (D(2026, 9, 1), D(2026, 9, 2)), "G": (D(2026, 9, 7), D(2026, 9, 7))}
    concludes = {"A": (D(2026, 10, 8), D(2026, 10, 12)), "B": (D(2026, 9, 30), D(2026, 10, 30)),
                 "C": (D(2026, 10, 10), D(2026, 10, 15)), "D": (D(2026, 10, 12), D(2026, 10, 13)),
                 "F": (D(2026, 9, 2), D(2026, 9, 4)), "G": (D(2026, 9, 7), D(2026, 9, 8))}
    rectified = {"A": (D(2026, 10, 12), D(2026, 10, 16), D(2026, 10, 20))}
    refused = {"F": (D(2026, 9, 4), D(2026, 9, 21), D(2026, 9, 18)), "G": (D(2026, 9, 8), D(2026, 9, 16), D(2026, 9, 15))}
    feedbacks = {"A": (D(2026, 10, 16), D(2026, 10, 23)), "F": (D(2026, 9, 21), D(2026, 9, 24)),
                 "G": (D(2026, 9, 16), D(2026, 10, 21))}  # G: owed from the breach, given after the repair
    assert wd(*forwards["A"]) == 3 and wd(*concludes["C"]) == 4  # 国庆 off, Saturday Oct 10 worked
    t = {x.stage: x for x in r.timeliness}

    def on_time(pairs, limit):
        return sum(done <= plus(start, limit) for start, done in pairs.values())

    assert (t["forward"].finished, t["forward"].on_time) == (6, on_time(forwards, forward_limit)) == (6, 5)
    assert (t["conclude"].finished, t["conclude"].on_time) == (6, on_time(concludes, conclude_limit)) == (6, 5)
    assert (t["rectify"].finished, t["rectify"].on_time) == (3, 1)  # A by its due date; F and G refused
    assert (t["feedback"].finished, t["feedback"].on_time) == (3, on_time(feedbacks, feedback_limit)) == (3, 2)
    assert t["forward"].rate.value == round(5 / 6, 4)
    durations = {d.stage: d for d in r.durations}
    for stage, pairs in (("forward", forwards), ("conclude", concludes), ("feedback", feedbacks),
                         ("rectify", {k: v[:2] for k, v in rectified.items()})):
        days = [wd(a, b) for a, b in pairs.values()]
        assert (durations[stage].count, durations[stage].median, durations[stage].p90) == (
            len(days), nearest_rank(days, 0.5), nearest_rank(days, 0.9)), stage
    assert durations["conclude"].median == 2 and durations["conclude"].p90 == wd(*concludes["B"]) == 18
    assert r.breaches_confirmed == len(refused) == 2


def test_findings_sanctions_repairs_and_repeat_respondents(office, cases):
    r = report(office)
    assert counts(r.conclusions) == {"substantiated": 5, "unsubstantiated": 1, "disputed": 0}
    assert (r.substantiated.numerator, r.substantiated.denominator) == (5, 6)
    s = r.sanctions
    assert (s.decided, s.in_force_at_end, s.expired, s.lifted) == (2, 1, 1, 0)
    assert r.credit_repaired == 1  # G on Oct 20 (F's repair comes later)
    repeats = {x.respondent_name: (x.complaints, x.breaches) for x in r.repeat_respondents}
    assert repeats == {AGRI: (6, 0), HOUSING: (2, 2)}


def test_overdue_at_the_periods_end_by_county_and_department(office, cases):
    r = report(office)
    expected = {  # case: (stage, due date in force on Oct 31)
        cases["D"]: ("rectify", D(2026, 10, 20)),
        cases["H"]: ("conclude", plus(D(2026, 8, 20), 15)),
        cases["I"]: ("forward", plus(D(2026, 10, 26), 1)),  # counted from receipt, before registration
    }  # C was extended to Nov 5 on Oct 21; B's feedback is due Nov 6
    assert {i.case_no: (i.stage, date.fromisoformat(i.due_on)) for i in r.overdue} == expected
    assert {i.case_no: i.working_days_over for i in r.overdue} == {k: wd(due, TO) for k, (_, due) in expected.items()}
    assert counts_of(r.overdue_by_department) == {GOV: 2, FINANCE: 1}
    assert counts_of(r.overdue_by_county) == {"532322": 3}
    assert r.overdue[0].case_no == cases["H"]  # most working days over first



def test_a_limited_overdue_list_is_the_head_of_the_whole_list(office, cases):
    whole = report(office, overdue_limit=None).overdue
    assert len(whole) == 3
    for limit in (0, 1, 2, 3, 4):
        r = report(office, overdue_limit=limit)
        assert r.overdue == whole[:limit]  # 0: no list at all (the 统计 page shows the counts only)
        assert r.overdue_total == 3 and r.overdue_by_department == report(office).overdue_by_department


def test_leaving_out_the_respondents_changes_nothing_else(office, cases):
    """The 统计 page asks for the report without the figures by respondent (it does not show them)."""
    from dataclasses import replace

    from app.domain.clock import china_date
    from app.services.reports import report_scope

    whole = report(office)
    assert whole.received_by_respondent and whole.repeat_respondents
    region, scope = report_scope(office.profile, office.leader, FROM, TO, None, None)
    with office.profile.store.read() as session:
        lean = supervision.supervision_report(session, period_from=FROM, period_to=TO, region_code=region,
                                              scope=scope, today=china_date(office.profile.now()),
                                              calendar=office.profile.calendar, respondents=False)
    assert lean.received_by_respondent == () and lean.repeat_respondents == ()
    assert replace(lean, received_by_respondent=whole.received_by_respondent,
                   repeat_respondents=whole.repeat_respondents) == whole

def counts_of(groups) -> dict:
    return {g.key: g.count for g in groups}


def test_a_closed_period_does_not_change_when_later_events_arrive(office, cases):
    before = report(office).to_json()
    run(office, LATER, cases)
    after = report(office).to_json()
    assert after == before
    november = reports.supervision(office.profile, office.leader, D(2026, 11, 1), D(2026, 11, 30))
    assert november.breaches_confirmed == 1 and november.credit_repaired == 1  # the later events count in theirs


def test_an_open_period_is_provisional_and_read_as_of_today(office, cases):
    office.clock.now = china_noon(2026, 10, 31)
    r = reports.supervision(office.profile, office.leader, D(2026, 10, 1), D(2026, 12, 31))
    assert r.provisional and r.as_of == D(2026, 10, 31)


def test_department_and_region_filters(office, cases):
    r = report(office, department=FINANCE)
    assert r.received == 0 and [i.case_no for i in r.overdue] == [cases["H"]]
    assert counts(r.states_at_end) == {"forwarded": 1}
    with pytest.raises(DomainError, match="region_out_of_scope"):
        reports.supervision(office.profile, office.leader, FROM, TO, region_code="532301")
    with pytest.raises(DomainError, match="report_period_invalid"):
        reports.supervision(office.profile, office.leader, TO, FROM)


def milestone_rows(office):
    """Every row of the three tables, dates as ISO text (the first two store day numbers, migration 0021)."""
    def iso(name, value):
        return day_of(value).isoformat() if name.endswith("_on") and isinstance(value, int) else value

    with office.profile.store.read() as session:
        return [sorted(tuple(iso(name, v) for name, v in zip(t.c.keys(), r, strict=True))
                       for r in session.execute(select(t)).all())
                for t in (state_spells, stage_deadlines, sanction_spells)]


def monthly_sums(office):
    with office.profile.store.read() as session:
        return [sorted(tuple(r) for r in session.execute(select(t).where(t.c.n != 0)).all())
                for t in (stage_month_counts, stage_month_days, received_month)]


def test_a_rebuild_gives_identical_milestone_rows(office, cases):
    run(office, LATER, cases)
    live, sums = milestone_rows(office), monthly_sums(office)
    assert all(live) and all(sums)
    rebuild_projections(office.profile)
    assert milestone_rows(office) == live
    assert monthly_sums(office) == sums


@pytest.mark.parametrize(("start", "end"), [(FROM, TO), (D(2026, 9, 15), D(2026, 10, 20)),
                                              (D(2026, 8, 1), D(2026, 11, 30)), (D(2026, 10, 2), D(2026, 10, 9))])
def test_monthly_sums_give_what_the_detail_rows_give(office, cases, monkeypatch, start, end):
    """Whole months are read from the sums the triggers keep, the days around them from the rows."""
    run(office, LATER, cases)
    act.act(office.profile, office.officer, cases["B"], "amend", {"changes": {"channel": "letter"}, "reason": "更正"})
    from_sums = reports.supervision(office.profile, office.leader, start, end).to_json()
    monkeypatch.setattr(supervision, "split_months", lambda a, b: (None, [(a, b)]))
    assert reports.supervision(office.profile, office.leader, start, end).to_json() == from_sums


def test_state_spells_follow_each_other_in_time(office, cases):
    """Spells only move forward in time: every spell is entered on or after the previous one."""
    run(office, LATER, cases)
    spells, _, _ = milestone_rows(office)
    by_case: dict[int, list] = {}
    for num, seq, _state, entered, left, *_ in spells:
        by_case.setdefault(num, []).append((seq, entered, left))
    for rows in by_case.values():
        for (_, entered, left), (_, next_entered, _) in pairwise(rows):
            assert entered <= next_entered == left


def test_returns_redirections_and_reopening_start_new_stages(office):
    """退回 ends the verification and the complaint waits to be forwarded again, from that day; 改派 and
    重新核实 start a new verification (the latter with the date it was given)."""
    cases: dict[str, str] = {}
    run(office, [
        (D(2026, 11, 2), "K", "register", {}),
        (D(2026, 11, 2), "K", "forward", {"department": GOV}),
        (D(2026, 11, 4), "K", "return", {"reason": "不属于本部门职责"}),
        (D(2026, 11, 5), "K", "forward", {"department": FINANCE}),
        (D(2026, 11, 6), "K", "redirect", {"department": GOV, "reason": "应由县政府核实"}),
        (D(2026, 11, 10), "K", "conclude", {"finding": "disputed", "explanation": "双方对验收标准存在分歧",
                                            "dispute_path": "mediation"}),
        (D(2026, 11, 11), "K", "feedback", FEEDBACK),
        (D(2026, 11, 11), "K", "close", CLOSE),
        (D(2026, 11, 12), "K", "reopen", {"reason": "投诉人提供新证据", "back_to": "forwarded",
                                          "due_on": "2026-11-30"}),
    ], cases)
    _, deadlines, _ = milestone_rows(office)
    stages = [(stage, started, due, ended, outcome, worked)
              for _, _, _, stage, started, due, _, _, ended, outcome, worked, *_ in deadlines]
    n2, n4, n5, n6, n10, n11 = (D(2026, 11, d) for d in (2, 4, 5, 6, 10, 11))
    iso = date.isoformat
    assert stages == [
        ("forward", iso(n2), iso(plus(n2, 1)), iso(n2), "forwarded", 0),
        ("conclude", iso(n2), iso(plus(n2, 15)), iso(n4), "returned", wd(n2, n4)),
        ("forward", iso(n4), iso(plus(n4, 1)), iso(n5), "forwarded", wd(n4, n5)),
        ("conclude", iso(n5), iso(plus(n5, 15)), iso(n6), "redirected", wd(n5, n6)),
        ("conclude", iso(n6), iso(plus(n6, 15)), iso(n10), "disputed", wd(n6, n10)),
        ("feedback", iso(n10), iso(plus(n10, 5)), iso(n11), "given", wd(n10, n11)),
        ("conclude", "2026-11-12", "2026-11-30", None, None, None),
    ]
    november = reports.supervision(office.profile, office.leader, D(2026, 11, 1), D(2026, 11, 30))
    t = {x.stage: x for x in november.timeliness}
    assert (t["forward"].finished, t["conclude"].finished, t["feedback"].finished) == (2, 1, 1)


def test_a_period_ending_today_is_still_provisional_and_one_ending_yesterday_is_not(office, cases):
    """Today's work is not finished: a report up to today may still change; up to yesterday it may not."""
    office.clock.now = china_noon(2026, 10, 31)
    assert reports.supervision(office.profile, office.leader, D(2026, 10, 1), D(2026, 10, 31)).provisional
    assert not reports.supervision(office.profile, office.leader, D(2026, 10, 1), D(2026, 10, 30)).provisional
