"""The complaint list against known data: filters, 1- and 2-character search, SQL sort, badges, Enter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.queries import ComplaintFilter
from ui.models.complaint_table import (
    COLUMN_INDEX,
    DEADLINE_ROLE,
    LOADED_ROLE,
    ROW_ROLE,
    ComplaintTableModel,
    ListQuery,
)
from ui.pages.complaints import ComplaintsPage
from ui.widgets.deadline_delegate import DUE_SOON, OVERDUE, badge_colours

NAMES = {
    "green": "双柏县绿源农业科技有限公司",
    "embroidery": "双柏县彝绣文化传播有限公司",
    "building": "双柏县恒通建材有限公司",
    "mountain": "双柏县山河旅游开发有限公司",
}


@pytest.fixture
def known(add_complaint, act):
    """Four complaints of 双柏县 with distinct names, sectors, claims, states and deadlines."""
    made = {
        "green": add_complaint(complainant=NAMES["green"], assignee="officer",
                               claim={"amount": "300000", "text": "兑现扶持资金"}),
        "embroidery": add_complaint(complainant=NAMES["embroidery"], sector="procurement", channel="letter",
                                    claim={"amount": "50000", "text": "支付采购款"}),
        "building": add_complaint(complainant=NAMES["building"], sector="bidding",
                                  claim={"amount": "1200000", "text": "退还保证金"}),
        "mountain": add_complaint(complainant=NAMES["mountain"], sector="investment_promotion", assignee="officer",
                                  at=date(2026, 11, 10), claim={"amount": "80000", "text": "兑现奖励"}),
    }
    act(made["building"].case_no, "forward", {"department": "双柏县人民政府"})
    return made


def _page(qtbot, ctx) -> ComplaintsPage:
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    return page


def _settled(qtbot, model: ComplaintTableModel, total: int) -> None:
    qtbot.waitUntil(lambda: model.total == total and (total == 0 or model.index(0, 0).data(LOADED_ROLE)),
                    timeout=5000)


def _column(model: ComplaintTableModel, key: str) -> list[str]:
    return [model.index(row, COLUMN_INDEX[key]).data() for row in range(model.rowCount())]


def _names(model: ComplaintTableModel) -> list[str]:
    column = COLUMN_INDEX["complainant"]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_list_shows_every_complaint_and_the_count(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    assert page.count_label.text() == "共 4 件"
    assert sorted(_names(page.model)) == sorted(NAMES.values())
    headers = page.model.headers()
    assert headers[:4] == ["案号", "办理状态", "投诉人", "被投诉主体"]


def test_filters_narrow_the_list(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    bar = page.filter_bar
    _settled(qtbot, page.model, 4)
    bar.state.setCurrentIndex(bar.state.findData("forwarded"))
    _settled(qtbot, page.model, 1)
    assert _names(page.model) == [NAMES["building"]]
    assert page.model.index(0, COLUMN_INDEX["state"]).data() == "已转办"
    bar.clear()
    _settled(qtbot, page.model, 4)
    bar.sector.setCurrentIndex(bar.sector.findData("procurement"))
    _settled(qtbot, page.model, 1)
    assert _names(page.model) == [NAMES["embroidery"]]
    assert page.count_label.text() == "共 1 件"
    bar.clear()
    bar.overdue.setChecked(True)
    _settled(qtbot, page.model, 1)
    assert _names(page.model) == [NAMES["mountain"]]
    bar.overdue.setChecked(False)
    bar.mine.setChecked(True)
    _settled(qtbot, page.model, 2)
    assert sorted(_names(page.model)) == sorted([NAMES["green"], NAMES["mountain"]])


def test_registration_dates_filter(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    bar = page.filter_bar
    _settled(qtbot, page.model, 4)
    bar.date_from.setDate(bar.date_from.date().fromString("2026-11-01", "yyyy-MM-dd"))
    bar.date_to.setDate(bar.date_to.date().fromString("2026-11-20", "yyyy-MM-dd"))
    bar.dated.setChecked(True)
    _settled(qtbot, page.model, 1)
    assert _names(page.model) == [NAMES["mountain"]]


@pytest.mark.parametrize(("term", "expected"), [("彝绣", "embroidery"), ("山河", "mountain"), ("绿", "green")])
def test_search_finds_one_and_two_character_terms(qtbot, ctx, known, term, expected):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    page.filter_bar.search.setText(term)  # debounced: the list follows after ~200 ms
    _settled(qtbot, page.model, 1)
    assert _names(page.model) == [NAMES[expected]]
    assert page.count_label.text() == "共 1 件"


def test_search_without_match_shows_zero(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    page.filter_bar.search.setText("昆明")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 0 件", timeout=5000)
    assert page.model.rowCount() == 0


def test_sort_is_done_by_sql_and_remembered(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    header = page.view.horizontalHeader()
    header.sectionClicked.emit(COLUMN_INDEX["complainant"])  # a click on the header
    _settled(qtbot, page.model, 4)
    assert _names(page.model) == sorted(NAMES.values())
    header.sectionClicked.emit(COLUMN_INDEX["complainant"])  # again: descending
    _settled(qtbot, page.model, 4)
    assert _names(page.model) == sorted(NAMES.values(), reverse=True)
    header.sectionClicked.emit(COLUMN_INDEX["claim"])  # amounts start with the largest
    _settled(qtbot, page.model, 4)
    claims = [page.model.index(r, COLUMN_INDEX["claim"]).data() for r in range(4)]
    assert claims == ["1,200,000.00", "300,000.00", "80,000.00", "50,000.00"]
    assert ctx.settings.value("complaints/sort") == "claim"
    again = _page(qtbot, ctx)
    _settled(qtbot, again.model, 4)
    assert again.model.query.sort == "claim" and again.model.query.descending


def test_unsortable_column_keeps_the_order(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    before = page.model.query
    with qtbot.waitSignal(page.status_message):
        page.view.horizontalHeader().sectionClicked.emit(COLUMN_INDEX["sector"])
    assert page.model.query == before
    assert page.view.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX["registered"]


def test_deadline_badges(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    column = COLUMN_INDEX["deadline"]
    by_name = {page.model.index(r, COLUMN_INDEX["complainant"]).data(): r for r in range(4)}
    overdue = page.model.index(by_name[NAMES["mountain"]], column)
    assert badge_colours(overdue.data(DEADLINE_ROLE)) == OVERDUE
    assert overdue.data() == "11-11 超期11个工作日"  # due 11-11, today 11-26
    assert "已超期" in overdue.data(Qt.ItemDataRole.ToolTipRole)
    fresh = page.model.index(by_name[NAMES["green"]], column)  # forward due the next working day
    assert badge_colours(fresh.data(DEADLINE_ROLE)) == DUE_SOON
    assert fresh.data() == "11-27 剩1个工作日"
    forwarded = page.model.index(by_name[NAMES["building"]], column)  # 15 working days to conclude
    assert badge_colours(forwarded.data(DEADLINE_ROLE)) is None


def test_enter_and_double_click_open_the_complaint(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    page.filter_bar.search.setText("彝绣")
    _settled(qtbot, page.model, 1)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [known["embroidery"].complaint_id, known["embroidery"].case_no]
    with qtbot.waitSignal(page.open_requested) as opened:
        rect = page.view.visualRect(page.model.index(0, 1))
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real one
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args[0] == known["embroidery"].complaint_id


def test_keyboard_moves_through_rows(qtbot, ctx, known):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 2
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.view.currentIndex().row() == 3
    assert page.view.currentIndex().data(ROW_ROLE) is not None


def test_refresh_shows_a_new_complaint(qtbot, ctx, known, add_complaint):
    page = _page(qtbot, ctx)
    _settled(qtbot, page.model, 4)
    add_complaint(complainant="双柏县新立商贸有限公司")
    page.refresh()
    _settled(qtbot, page.model, 5)
    qtbot.waitUntil(lambda: "双柏县新立商贸有限公司" in _names(page.model), timeout=5000)


def test_list_pages_in_blocks(qtbot, ctx, add_complaint, monkeypatch):
    """More rows than a block: rows past the first block are fetched when the view reaches them."""
    import ui.models.complaint_table as table

    monkeypatch.setattr(table, "BLOCK", 2)
    for i in range(5):
        add_complaint(complainant=f"双柏县分页测试{i}号有限公司")
    model = ComplaintTableModel(ctx)
    model.set_query(table.ListQuery(sort="complainant", descending=False))
    _settled(qtbot, model, 5)
    assert model.index(4, 0).data(LOADED_ROLE) is False  # not fetched yet
    model.index(4, COLUMN_INDEX["complainant"]).data()  # the view asks for it
    qtbot.waitUntil(lambda: model.index(4, 0).data(LOADED_ROLE), timeout=5000)
    assert _names(model)[2] == "…"  # the middle block is still not read: a placeholder, then the rows
    qtbot.waitUntil(lambda: "…" not in _names(model), timeout=5000)
    assert _names(model) == [f"双柏县分页测试{i}号有限公司" for i in range(5)]


def test_a_new_order_reuses_the_count_and_a_new_filter_counts_again(qtbot, ctx, known, monkeypatch):
    """Sorting shows the same complaints: the count is not read again; filtering reads it."""
    import app.services.list_blocks as list_blocks

    counted = []
    original = list_blocks.count_matches
    monkeypatch.setattr(list_blocks, "count_matches", lambda *args: counted.append(args[3]) or original(*args))
    model = ComplaintTableModel(ctx)
    model.set_query(ListQuery())
    _settled(qtbot, model, 4)
    assert len(counted) == 1
    totals = []
    model.total_changed.connect(totals.append)
    before = _names(model)
    model.set_query(ListQuery(sort="complainant", descending=False))
    assert model.total == 4 and totals == [4]  # known at once
    assert _names(model) == before and not model.index(0, 0).data(LOADED_ROLE)  # shown until re-read
    qtbot.waitUntil(lambda: model.index(0, 0).data(LOADED_ROLE) and "…" not in _names(model), timeout=5000)
    assert _names(model) == sorted(NAMES.values()) and len(counted) == 1
    model.set_query(ListQuery(ComplaintFilter(states=("forwarded",)), "complainant", False))
    assert model.total is None
    _settled(qtbot, model, 1)
    assert _names(model) == [NAMES["building"]] and len(counted) == 2


def test_cell_texts_match_the_general_formatting():
    """The list's shortcuts for dates and amounts give what ``local_time`` and ``format_money`` give."""
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal

    from app.domain.money import format_money
    from app.services.queries import local_time
    from ui.models.complaint_cells import claim_text, registered_day

    start = datetime(2025, 12, 31, 0, 0, tzinfo=UTC)
    for minutes in range(0, 3 * 24 * 60, 17):  # every hour of three days, across a year's end, both sides of 16:00
        instant = start + timedelta(minutes=minutes)
        stored = instant.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        assert registered_day(stored) == local_time(stored)[:10], stored
    for other in ("2026-03-01T20:00:00+00:00", "2026-03-01T01:00:00+08:00", "2026-03-01T16:00:00Z"):
        assert registered_day(other) == local_time(other)[:10], other
    for cents in (0, 1, 9, 10, 99, 100, 101, 123456, 100000000, 123456789012, -5, -123456):
        assert claim_text(cents) == format_money(Decimal(cents) / 100), cents
    assert claim_text(None) == "—"


def test_deadline_statuses_are_those_of_each_row(ctx, known, add_complaint):
    """One status per distinct deadline is shared by the rows that have it, and equals each row's own."""
    from app.domain.clock import china_date
    from app.domain.deadlines import Deadline, DueKind, deadline_status
    from app.services.queries import deadline_statuses, list_complaints

    add_complaint(complainant="双柏县同日登记有限公司")  # the same deadline as others registered today
    rows = list_complaints(ctx.profile, ctx.actor).rows
    statuses = deadline_statuses(ctx.profile, rows)
    today = china_date(ctx.profile.now())
    expected = {r.id: deadline_status(Deadline(DueKind(r.due_kind), date.fromisoformat(r.due_on)), today,
                                      ctx.profile.calendar) for r in rows if r.due_on and r.due_kind}
    assert statuses == expected and len(expected) == 5
    assert len({id(s) for s in statuses.values()}) < len(statuses)


def test_block_texts_sharing_deadline_texts_equal_each_rows_own(ctx, known, add_complaint):
    from app.services.queries import deadline_statuses, list_complaints
    from ui.models.complaint_cells import row_texts

    add_complaint(complainant="双柏县同日登记有限公司")
    rows = list_complaints(ctx.profile, ctx.actor).rows
    statuses = deadline_statuses(ctx.profile, rows)
    regions = {r.code: r.name for r in ctx.profile.regions.all()}
    names = {"officer": "杨喆"}
    shared: dict = {}
    together = [row_texts(r, statuses.get(r.id), regions, names, shared) for r in rows]
    assert together == [row_texts(r, statuses.get(r.id), regions, names) for r in rows]
    assert len(shared) < len(rows)  # some rows shared a deadline's texts


def test_a_block_formats_only_the_rows_asked_for_and_as_each_row_alone(qtbot, ctx, known):
    """Blocks arrive as the driver's tuples: a row's texts are made when the view first asks for it, and
    are those ``row_texts`` makes of its ``ComplaintRow`` with its own deadline status."""
    from app.services.queries import deadline_statuses, list_complaints
    from app.services.users import user_names
    from ui.models.complaint_cells import row_texts

    model = ComplaintTableModel(ctx)
    model.set_query(ListQuery(sort="complainant", descending=False))
    _settled(qtbot, model, 4)
    block = model._blocks[0]
    assert block.formatted() == 0  # nothing asked for yet (LOADED_ROLE needs no texts)
    assert model.index(1, COLUMN_INDEX["claim"]).data() and block.formatted() == 1
    rows = list_complaints(ctx.profile, ctx.actor, sort="complainant", descending=False).rows
    statuses = deadline_statuses(ctx.profile, rows)
    regions = {r.code: r.name for r in ctx.profile.regions.all()}
    names = user_names(ctx.profile)
    for i, row in enumerate(rows):
        expected = row_texts(row, statuses.get(row.id), regions, names)
        assert [model.index(i, column).data() for column in range(len(COLUMN_INDEX))] == list(expected.cells)
        assert model.index(i, COLUMN_INDEX["deadline"]).data(Qt.ItemDataRole.ToolTipRole) == expected.deadline_tip
        assert model.index(i, 0).data(ROW_ROLE) == row and model.index(i, 0).data(DEADLINE_ROLE) == statuses.get(row.id)
    assert block.formatted() == 4 and "杨喆" in _column(model, "assignee")
