"""List columns from font metrics: whole numbers, kinds and dates in the 文书 register, widths again after the
字号 changes, a column resized by hand kept (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from app.services import documents
from tests.document_cases import complaint_in
from ui.appearance import apply_font_size
from ui.widgets.column_fit import ElidingToolTips
from ui.widgets.heading import Heading


def drag_handle(qtbot, header: QHeaderView, column: int, by: int) -> None:
    """Resize ``column`` as a user does: press on its right edge in the header, move, release."""
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    qtbot.mouseMove(viewport, QPoint(x + by // 2, y))
    qtbot.mouseMove(viewport, QPoint(x + by, y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x + by, y))


def test_the_document_register_shows_numbers_kinds_cases_and_dates_whole(qtbot, office, make_ctx, ui_settings):
    from ui.documents import DocumentsPage

    forwarded = complaint_in(office, "forwarded")
    documents.issue(office.profile, office.handler, forwarded, "forward_letter")
    apply_font_size(ui_settings, 10)
    page = DocumentsPage(make_ctx("leader"))
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    table, header = page.table, page.table.horizontalHeader()
    delegate = table.itemDelegate()
    assert isinstance(delegate, ElidingToolTips)

    def elided(column: int) -> bool:
        return delegate.is_elided(table, page.model.index(0, column))

    assert not any(elided(c) for c in (0, 1, 2, 4, 5))
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch  # only 主送 takes the rest
    before = [header.sectionSize(c) for c in range(6)]
    assert before[3] >= before[0]  # with room to spare it is not squeezed either

    apply_font_size(ui_settings, 14)
    qtbot.waitUntil(lambda: header.sectionSize(0) > before[0])
    after = [header.sectionSize(c) for c in range(6)]
    heading = page.findChild(Heading)  # a heading inside a page follows too (not only a window's own)
    assert heading.font().pointSizeF() == pytest.approx(14 * 1.3)
    assert all(after[c] > before[c] for c in (0, 1, 2, 4))
    assert not any(elided(c) for c in (0, 1, 2, 4, 5))

    recipient = page.model.index(0, 3)  # the column that may elide: its full text as the tooltip
    assert page.model.data(recipient, Qt.ItemDataRole.ToolTipRole) == page.model.row_at(0).recipient


def test_a_font_change_resizes_the_complaint_list_but_keeps_a_hand_sized_column(qtbot, make_ctx, ui_settings,
                                                                               add_complaint):
    from ui.pages.complaints import HAND_SIZED_KEY, ComplaintsPage

    add_complaint()
    apply_font_size(ui_settings, 10)
    ctx = make_ctx("officer")
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.view.horizontalHeader()
    before = [header.sectionSize(c) for c in range(header.count())]
    drag_handle(qtbot, header, 1, 40)
    hand = header.sectionSize(1)
    assert hand >= before[1] + 30
    assert page.columns.hand == {1}
    assert [int(c) for c in ctx.settings.value(HAND_SIZED_KEY)] == [1]

    apply_font_size(ui_settings, 14)
    qtbot.waitUntil(lambda: header.sectionSize(0) > before[0])
    assert header.sectionSize(1) == hand  # the user's width
    assert all(header.sectionSize(c) > before[c] for c in range(header.count())
               if c != 1 and not header.isSectionHidden(c))

    again = ComplaintsPage(ctx)  # after a restart: still the user's
    qtbot.addWidget(again)
    assert again.columns.hand == {1}


def test_a_font_change_resizes_the_other_lists(qtbot, make_ctx, ui_settings):
    from ui.pages.audit import AuditPage
    from ui.pages.breach_register import BreachRegisterPage
    from ui.pages.credit_check import CreditCheckPage

    apply_font_size(ui_settings, 10)
    views = []
    for page, view in ((AuditPage(make_ctx("auditor"), load=False), "view"),
                       (BreachRegisterPage(make_ctx("leader"), load=False), "view"),
                       (CreditCheckPage(make_ctx("leader")), "records")):
        qtbot.addWidget(page)
        page.show()
        views.append(getattr(page, view))
    before = [v.header().sectionSize(0) if hasattr(v, "header") else v.horizontalHeader().sectionSize(0)
              for v in views]
    apply_font_size(ui_settings, 14)
    for view, width in zip(views, before, strict=True):
        header = view.header() if hasattr(view, "header") else view.horizontalHeader()
        qtbot.waitUntil(lambda header=header, width=width: header.sectionSize(0) > width)


def test_lists_sized_to_their_contents_follow_the_font_too(qtbot, make_ctx, ui_settings):
    """The typical-case, duplicate and sync lists size columns to their contents: Qt sizes them again at a
    font change, with no help (kept here so a change to fixed widths would be noticed)."""
    from ui.pages.duplicates import DuplicatesPage
    from ui.pages.typical import TypicalPage
    from ui.sync.tables import RefusedTable

    apply_font_size(ui_settings, 10)
    typical, duplicates, refused = TypicalPage(make_ctx("leader")), DuplicatesPage(make_ctx("leader")), RefusedTable()
    headers = [typical.proposals.header(), duplicates.table.header(), refused.header()]
    for widget in (typical, duplicates, refused):
        qtbot.addWidget(widget)
        widget.resize(1200, 500)
        widget.show()
    before = [header.sectionSize(0) for header in headers]
    apply_font_size(ui_settings, 14)
    for header, width in zip(headers, before, strict=True):
        qtbot.waitUntil(lambda header=header, width=width: header.sectionSize(0) > width)
