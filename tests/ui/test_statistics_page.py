"""The 统计 page: pickers, the counties side by side, the charts' values, and numbers that open exactly
their complaints — for a 双柏县 office (the ``office`` fixture) and a demo prefecture with a county user."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.reports import drill as d
from app.services import auth
from app.services.demo import DEMO_PASSWORD
from app.services.statistics import Area, StatisticsRequest, drill_down, statistics_data
from tests.demo_prefecture import demo_prefecture
from tests.factories import china_noon
from ui.context import UiContext
from ui.pages.complaints import ComplaintsPage
from ui.pages.statistics import StatisticsPage

NOW = china_noon(2026, 11, 26)


def shown(qtbot, page: StatisticsPage):
    """Wait until the page shows the figures of what its pickers say."""
    qtbot.waitUntil(lambda: page.data is not None and page.data.request == page.request(), timeout=10000)
    return page.data


def opened(qtbot, page: StatisticsPage, click) -> tuple:
    with qtbot.waitSignal(page.open_list, timeout=10000) as signal:
        click()
    return tuple(signal.args)


@pytest.fixture
def county_page(qtbot, ctx, add_complaint):
    add_complaint(at=date(2026, 11, 3), channel="hotline_12345", sector="procurement")
    add_complaint(at=date(2026, 11, 10), channel="hotline_12345", sector="ppp")
    add_complaint(at=date(2026, 8, 12), channel="letter", sector="procurement")
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    shown(qtbot, page)
    return page


def test_pickers_change_the_period(qtbot, county_page):
    page = county_page
    assert (page.data.request.period_from, page.data.request.period_to) == (date(2026, 10, 1), date(2026, 12, 31))
    assert page.heading.text() == "2026年第四季度 · 双柏县"
    assert page.summary.buttons["received"].text() == "2"
    qtbot.mouseClick(page.period.previous, Qt.MouseButton.LeftButton)
    assert shown(qtbot, page).request.period_from == date(2026, 7, 1)
    assert page.summary.buttons["received"].text() == "1"  # the August letter
    qtbot.mouseClick(page.period.buttons["month"], Qt.MouseButton.LeftButton)
    data = shown(qtbot, page)
    assert (data.request.period_from, data.request.period_to) == (date(2026, 11, 1), date(2026, 11, 30))
    assert page.heading.text() == "2026年11月 · 双柏县"
    qtbot.mouseClick(page.period.buttons["year"], Qt.MouseButton.LeftButton)
    assert shown(qtbot, page).report.received == 3
    page.period.set_custom(date(2026, 8, 1), date(2026, 11, 5))
    data = shown(qtbot, page)
    assert data.report.received == 2 and page.heading.text() == "2026-08-01 至 2026-11-05 · 双柏县"


def test_a_newer_request_wins_over_an_older_one(qtbot, county_page):
    page = county_page
    seen = []
    page.loaded.connect(lambda data: seen.append(data.request))
    page.period.choose("month")
    page.period.choose("year")  # before the month's figures came back
    data = shown(qtbot, page)
    page._ctx.tasks.wait_idle()
    qtbot.wait(50)  # deliver anything still queued
    assert page.data is data and data.request.period_from == date(2026, 1, 1)
    assert seen[-1] == data.request and all(r.period_from != date(2026, 11, 1) for r in seen)


def test_a_county_office_sees_only_its_county(county_page):
    page = county_page
    assert page.area.count() == 1 and not page.area.isEnabled()
    assert page.counties_box.isHidden()
    assert page.data.areas == ()


def test_charts_show_the_report(qtbot, county_page):
    page = county_page
    page.period.choose("year")
    data = shown(qtbot, page)
    assert dict(zip(page.channels.keys, page.channels.values, strict=True)) == {"hotline_12345": 2, "letter": 1}
    assert dict(zip(page.sectors.keys, page.sectors.values, strict=True)) == {"procurement": 2, "ppp": 1}
    months = dict(zip(page.trend.months, [page.trend.received.at(i) for i in range(12)], strict=True))
    assert months == {f"2026-{m:02d}": {8: 1, 11: 2}.get(m, 0) for m in range(1, 13)}
    assert [p.received for p in data.trend] == [months[m] for m in page.trend.months]


def test_a_number_opens_exactly_its_complaints(qtbot, county_page, ctx):
    page = county_page
    f, heading = opened(qtbot, page, lambda: page.channels._clicked(page.channels.keys.index("hotline_12345")))
    assert heading == "2026年第四季度 · 双柏县 · 渠道 12345政务服务热线：2 件"
    assert len(f.nums) == 2
    f, heading = opened(qtbot, page, lambda: page.summary.buttons["received"].click())
    assert heading.endswith("受理：2 件")
    listing = ComplaintsPage(ctx)
    qtbot.addWidget(listing)
    with qtbot.waitSignal(listing.model.total_changed, timeout=10000, check_params_cb=lambda n: n == 2):
        listing.show_filter(f, heading, back=True)
    assert listing.filter_bar.preset_label.text() == heading and listing.back.isVisibleTo(listing)
    listing.filter_bar.clear_preset()
    assert not listing.back.isVisibleTo(listing)


# -- a demo prefecture ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def prefecture(tmp_path_factory):
    yield from demo_prefecture(tmp_path_factory, NOW, complaints=600, seed=11, county_user=("chuxiong", "李楚雄", "532301"))


def page_for(qtbot, profile, username, tasks, ui_settings) -> StatisticsPage:
    ctx = UiContext(profile, auth.login(profile, username, DEMO_PASSWORD), tasks, ui_settings)
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    page.period.choose("year")
    shown(qtbot, page)
    return page


def test_the_prefecture_sees_its_counties_side_by_side(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "officer", tasks, ui_settings)
    data = page.data
    counties = prefecture.regions.counties("532300")
    assert page.area.count() == len(counties) + 2 and page.area.isEnabled()
    table = page.counties
    assert table.rowCount() == len(counties) + 2  # each county, the prefecture's own level, the total
    assert [table.item(i, 0).text() for i in range(len(counties))] == [c.name for c in counties]
    assert table.item(len(counties), 0).text() == "楚雄彝族自治州（本级）"
    assert table.item(table.rowCount() - 1, 0).text() == "合计"
    for i, figures in enumerate(data.areas):
        assert table.item(i, 1).text() == f"{figures.figures.received:,}"
        assert table.item(i, 9).text() == f"{figures.figures.overdue:,}"
    assert table.item(table.rowCount() - 1, 1).text() == f"{data.report.received:,}"
    # a county's cell opens that county's complaints
    row = next(i for i, a in enumerate(data.areas) if a.figures.overdue)
    f, heading = opened(qtbot, page, lambda: table.cellClicked.emit(row, 9))
    area = data.areas[row]
    assert len(f.nums) <= area.figures.overdue
    assert heading.startswith(f"2026年 · {table.item(row, 0).text()} · 期末超期未办：")
    found = drill_down(prefecture, page._ctx.actor, data.request, d.Figure(d.OVERDUE), area.area)
    assert f.nums == found.nums and found.items == area.figures.overdue


def test_choosing_a_county_narrows_the_figures(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "officer", tasks, ui_settings)
    page.area.setCurrentIndex(next(i for i in range(page.area.count()) if page.area.itemData(i) == Area("532322")))
    data = shown(qtbot, page)
    expected = statistics_data(prefecture, page._ctx.actor, StatisticsRequest(
        date(2026, 1, 1), date(2026, 12, 31), Area("532322"))).report
    assert data.report == expected and page.counties_box.isHidden()
    assert page.summary.buttons["received"].text() == f"{expected.received:,}"


def test_a_county_user_of_the_prefecture_profile_sees_only_that_county(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "chuxiong", tasks, ui_settings)
    assert [page.area.itemText(i) for i in range(page.area.count())] == ["楚雄市"]
    assert page.counties_box.isHidden()
    assert {c.key for c in page.data.report.received_by_county} == {"532301"}
    f, _ = opened(qtbot, page, lambda: page.summary.buttons["received"].click())
    assert len(f.nums) == page.data.report.received


def test_the_key_figures_take_the_columns_that_fit(qtbot, county_page, ui_settings):
    from ui.appearance import apply_font_size

    page = county_page
    apply_font_size(ui_settings, 14)
    page.resize(1400, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.summary.columns == 5)
    page.resize(560, 700)  # 150 % and 14 pt leave about this much
    qtbot.waitUntil(lambda: page.summary.columns < 5)
    panel = page.summary
    assert panel.width() >= panel.columns * panel._cell_width() - 8
    qtbot.waitUntil(lambda: all(panel.rect().contains(b.geometry()) for b in panel.buttons.values()))
    page.resize(1400, 700)
    qtbot.waitUntil(lambda: page.summary.columns == 5)
