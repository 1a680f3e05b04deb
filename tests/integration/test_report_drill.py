"""Drill-down 数字明细: every number of the supervision report opens exactly the complaints it counts.

Two sets of known data: the nine 双柏县 cases of ``test_reports`` (hand-checked figures, two sanction
decisions on one complaint), and a demo prefecture profile (800 complaints over two years, every county)
read for a month, a quarter, a year, a custom span across a year's end, one county, the prefecture's own
level and one department. For each figure the drill's item count must equal the figure, the complaints
it names must be in the area, and the complaint list filtered to them must count the same.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.reports import drill as d
from app.services import auth
from app.services.demo import DEMO_PASSWORD
from app.services.queries import ComplaintFilter, list_complaints
from app.services.statistics import Area, StatisticsRequest, areas, drill_down, statistics_data
from tests.demo_prefecture import demo_prefecture
from tests.factories import china_noon
from tests.integration.test_reports import IN_PERIOD, LATER, run

NOW = china_noon(2026, 11, 26)


def check_every_figure(profile, actor, request: StatisticsRequest, area: Area | None = None) -> int:
    """Drill every figure of the report for ``request`` (or for ``area`` under it); returns how many."""
    data = statistics_data(profile, actor, request if area is None else
                           StatisticsRequest(request.period_from, request.period_to, area, request.department))
    checked = 0
    for figure in d.every_figure(data.report):
        found = drill_down(profile, actor, request, figure, area)
        expected = d.figure_value(data.report, figure)
        assert found.items == expected, (figure, request)
        assert found.complaints <= found.items and len(found.ids) == found.complaints
        if figure.kind in d.COMPLAINT_COUNTS:
            assert found.complaints == expected, figure
        if found.nums:
            listed = list_complaints(profile, actor, ComplaintFilter(nums=found.nums), limit=5)
            assert listed.total == found.complaints
            prefix = (area or request.area).region_code
            prefix = prefix if (area or request.area).own_level or not prefix.endswith("00") else prefix[:4]
            assert all(row.region_code.startswith(prefix) for row in listed.rows)
        checked += 1
    return checked


# -- the hand-checked 双柏县 cases ------------------------------------------------------------------------

@pytest.fixture
def county_cases(office):
    made: dict[str, str] = {}
    run(office, IN_PERIOD, made)
    run(office, LATER, made)
    office.clock.now = NOW
    return made


def test_the_known_cases_drill_to_their_figures(office, county_cases):
    request = StatisticsRequest(date(2026, 9, 1), date(2026, 10, 31), Area("532322"))
    assert check_every_figure(office.profile, office.leader, request) > 30
    sanctions = drill_down(office.profile, office.leader, request, d.Figure(d.SANCTIONS_DECIDED))
    assert (sanctions.items, sanctions.complaints) == (2, 1)  # F: two decisions, one complaint
    channel = drill_down(office.profile, office.leader, request, d.Figure(d.RECEIVED_BY_CHANNEL, "credit_website"))
    f_and_g = {county_cases["F"], county_cases["G"]}
    listed = list_complaints(office.profile, office.leader, ComplaintFilter(nums=channel.nums))
    assert {row.case_no for row in listed.rows} == f_and_g


def test_a_drill_that_finds_nothing_lists_nothing(office, county_cases):
    request = StatisticsRequest(date(2026, 9, 1), date(2026, 10, 31), Area("532322"))
    found = drill_down(office.profile, office.leader, request, d.Figure(d.RECEIVED_BY_CHANNEL, "letter"))
    assert found.items == 0 and found.nums == frozenset()
    assert list_complaints(office.profile, office.leader, ComplaintFilter(nums=found.nums)).total == 0


# -- a demo prefecture --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def prefecture(tmp_path_factory):
    yield from demo_prefecture(tmp_path_factory, NOW, complaints=800, seed=7, county_user=("shuangbai", "双柏县用户", "532322"))


PERIODS = [(date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 7, 1), date(2026, 9, 30)),
           (date(2026, 1, 1), date(2026, 12, 31)), (date(2025, 12, 15), date(2026, 2, 10))]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_every_figure_of_the_prefecture_drills_to_its_count(prefecture, start, end):
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    request = StatisticsRequest(start, end, Area("532300"))
    assert check_every_figure(prefecture, officer, request) > 40


def test_counties_own_level_and_a_department_drill_to_their_counts(prefecture):
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    request = StatisticsRequest(date(2026, 1, 1), date(2026, 12, 31), Area("532300"))
    for area in (Area("532322"), Area("532301"), Area("532300", own_level=True)):
        check_every_figure(prefecture, officer, request, area)
    data = statistics_data(prefecture, officer, request)
    department = data.report.overdue_by_department[0].key
    check_every_figure(prefecture, officer, StatisticsRequest(request.period_from, request.period_to,
                                                              Area("532300"), department))


def test_the_counties_side_by_side_add_up_to_the_prefecture(prefecture):
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    data = statistics_data(prefecture, officer, StatisticsRequest(date(2026, 1, 1), date(2026, 12, 31),
                                                                  Area("532300")))
    assert len(data.areas) == len(prefecture.regions.counties("532300")) + 1  # and the prefecture's own level
    assert sum(a.figures.received for a in data.areas) == data.report.received > 0
    assert sum(a.figures.overdue for a in data.areas) == data.report.overdue_total
    assert sum(a.figures.concluded for a in data.areas) == data.report.substantiated.denominator


def test_each_county_row_is_that_countys_own_report(prefecture):
    """The counties table comes from one grouped pass (the assessment figures); each row must still say
    what the county's own supervision report says."""
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    for first, last in ((date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 9, 15), date(2026, 11, 20))):
        request = StatisticsRequest(first, last, Area("532300"))
        data = statistics_data(prefecture, officer, request)
        assert data.areas
        for row in data.areas:
            own = statistics_data(prefecture, officer, StatisticsRequest(first, last, row.area)).report
            u = row.figures
            assert (u.received, u.concluded, u.substantiated, u.overdue, u.breaches_confirmed, u.credit_repaired) == (
                own.received, own.substantiated.denominator, own.substantiated.numerator, own.overdue_total,
                own.breaches_confirmed, own.credit_repaired), row.area
            assert u.sanctions == own.sanctions, row.area
            assert [(t.stage, t.finished, t.on_time) for t in u.timeliness] == [
                (t.stage, t.finished, t.on_time) for t in own.timeliness], row.area


def test_the_trend_bars_equal_each_months_report(prefecture):
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    request = StatisticsRequest(date(2026, 10, 1), date(2026, 10, 31), Area("532300"))
    trend = statistics_data(prefecture, officer, request).trend
    assert trend[0].month == "2025-11" and len(trend) == 12
    assert sum(p.received for p in trend) > 0
    for point in trend:
        start, end = d.month_range(point.month)
        month = statistics_data(prefecture, officer, StatisticsRequest(start, end, Area("532300"))).report
        assert (point.received, point.concluded) == (month.received, month.substantiated.denominator)
        drilled = drill_down(prefecture, officer, request, d.Figure(d.RECEIVED_IN_MONTH, point.month))
        assert drilled.items == point.received
        drilled = drill_down(prefecture, officer, request, d.Figure(d.CONCLUDED_IN_MONTH, point.month))
        assert drilled.items == point.concluded


def test_a_county_user_sees_only_their_county(prefecture):
    county = auth.login(prefecture, "shuangbai", DEMO_PASSWORD)
    assert areas(prefecture, county) == [Area("532322")]
    request = StatisticsRequest(date(2026, 1, 1), date(2026, 12, 31), Area("532322"))
    data = statistics_data(prefecture, county, request)
    assert data.areas == ()
    assert {c.key for c in data.report.received_by_county} == {"532322"}
    check_every_figure(prefecture, county, request)
    with pytest.raises(Exception, match="region_out_of_scope"):
        statistics_data(prefecture, county, StatisticsRequest(request.period_from, request.period_to,
                                                              Area("532300")))


def test_a_departments_trend_bars_equal_each_months_report_of_that_department(prefecture):
    """For one competent department the bars are counted from the detail rows (no monthly sums per
    department): each month's bar must still be that month's report of the department."""
    officer = auth.login(prefecture, "officer", DEMO_PASSWORD)
    year = StatisticsRequest(date(2026, 1, 1), date(2026, 12, 31), Area("532300"))
    department = statistics_data(prefecture, officer, year).report.overdue_by_department[0].key
    request = StatisticsRequest(date(2026, 10, 1), date(2026, 10, 31), Area("532300"), department)
    trend = statistics_data(prefecture, officer, request).trend
    assert sum(p.concluded for p in trend) > 0
    for point in trend:
        start, end = d.month_range(point.month)
        month = statistics_data(prefecture, officer,
                                StatisticsRequest(start, end, Area("532300"), department)).report
        assert (point.received, point.concluded) == (month.received, month.substantiated.denominator), point.month
