"""The main window: navigation and keys, status bar, complaint tabs, the last-save time, pages with real data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.auth import login
from tests.factories import PASSWORD
from ui.main_window import (
    AUDIT,
    BREACHES,
    COMPLAINTS,
    CREDIT,
    DOCUMENTS,
    SETTINGS,
    STATISTICS,
    SYNC,
    TYPICAL,
    WORKBENCH,
    MainWindow,
)
from ui.pages.case_tabs import ID_PROPERTY, REGISTRATION_PROPERTY


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # shortcuts go to the active window
    return window


def test_navigation_and_keys(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()] == [
        "工作台", "投诉案件", "文书", "统计", "失信记录", "信用核查", "典型案例", "同步", "设置"]  # 审计: auditors only
    assert window.stack.currentIndex() == WORKBENCH
    for number, page in ((2, COMPLAINTS), (3, DOCUMENTS), (4, STATISTICS), (5, BREACHES), (6, CREDIT), (7, TYPICAL),
                         (8, SYNC), (9, SETTINGS),
                         (1, WORKBENCH)):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == COMPLAINTS
    assert QApplication.focusWidget() is window.cases.list_page.filter_bar.search


def test_the_auditor_has_the_audit_page_and_settings_only(qtbot, make_ctx):
    window = _window(qtbot, make_ctx("auditor"))
    visible = [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
    assert visible == ["审计", "设置"]  # 三员分立: no case page, no sync
    assert window.stack.currentIndex() == AUDIT
    for number, page in ((2, SETTINGS), (1, AUDIT)):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == page
    window.go(AUDIT)
    qtbot.waitUntil(lambda: window.audit.model.rowCount() > 0, timeout=10000)  # read when first shown
    assert window.nav.item(AUDIT).toolTip() == "审计 (Ctrl+1)"


def test_status_bar_names_user_office_and_mode(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert window.user_label.text() == "用户：杨喆（登记员、承办人、审核人）"
    assert window.profile_label.text() == "双柏县发展和改革局 · 双柏县（532322）"
    assert window.windowTitle().startswith("履约 — 双柏县发展和改革局")
    qtbot.waitUntil(lambda: window.sync_label.text() == "单机模式", timeout=5000)


def test_last_save_follows_writes(qtbot, ctx, office):
    window = _window(qtbot, ctx)
    office.clock.advance(minutes=5)
    with qtbot.waitSignal(ctx.tasks.saved, timeout=5000):
        ctx.tasks.run(login, office.profile, "clerk", PASSWORD, write=True)
    assert window.saved_label.text() == "最近保存：2026-11-26 12:05:00"


def test_ctrl_n_opens_one_registration_tab(qtbot, ctx):
    window = _window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == COMPLAINTS
    assert window.cases.count() == 2
    assert window.cases.tabText(1) == "登记投诉"
    assert window.cases.currentWidget().property(REGISTRATION_PROPERTY)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.count() == 2  # the same form again, not a second one


def test_ctrl_n_is_refused_without_the_clerk_role(qtbot, make_ctx):
    window = _window(qtbot, make_ctx("handler"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.count() == 1
    notice = window.role_notice  # a lasting explanation, not a status-bar flash
    assert notice.isVisible() and "登记员" in notice.text() and notice.users_button is None
    assert window.statusBar().currentMessage() == ""
    notice.close()


def test_opening_a_complaint_twice_keeps_one_tab_and_ctrl_w_closes_it(qtbot, ctx, add_complaint):
    made = add_complaint()
    window = _window(qtbot, ctx)
    window.open_complaint(made.complaint_id, made.case_no)
    window.open_complaint(made.complaint_id, made.case_no)
    assert window.cases.count() == 2
    assert window.cases.tabText(1) == made.case_no
    assert window.cases.widget(1).property(ID_PROPERTY) == made.complaint_id
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.count() == 1


def test_complaint_opened_by_id_gets_its_case_number(qtbot, ctx, add_complaint):
    made = add_complaint()
    window = _window(qtbot, ctx)
    window.cases.open_complaint(made.complaint_id)
    qtbot.waitUntil(lambda: window.cases.tabText(1) == made.case_no, timeout=5000)


def test_list_tab_cannot_be_closed(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.cases.close_tab(0)
    assert window.cases.count() == 1


def test_pages_show_real_data(qtbot, ctx, add_complaint):
    add_complaint(sector="procurement")
    add_complaint(sector="procurement")
    add_complaint(sector="ppp")
    window = _window(qtbot, ctx)
    window.go(STATISTICS)
    page = window.statistics
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    sectors = dict(zip(page.sectors.keys, page.sectors.values, strict=True))
    assert sectors == {"procurement": 2, "ppp": 1}
    assert page.summary.buttons["received"].text() == "3"
    window.go(SYNC)
    # users added (6 admin events), logins (6 session events), the office contact set by the fixture
    # (documents need it, issue 9), 3 registrations: all unsent
    qtbot.waitUntil(lambda: window.sync.pending.text() == "16 条记录", timeout=5000)
    assert window.sync_label.text() == "单机模式"
    assert not window.sync.sync_button.isEnabled()
    assert window.sync.mode.text() == "单机模式，未接入州级中心"


def test_documents_page_is_built_when_first_shown(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert window._documents is None  # the PDF engine is not loaded to open the window
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    from ui.documents import DocumentsPage

    assert isinstance(window.stack.currentWidget(), DocumentsPage)
    assert window.stack.currentWidget() is window.documents
    assert window.stack.count() == len(window.pages)  # the placeholder was replaced, not added to


def test_the_credit_check_page_follows_the_statistics(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert window.nav.item(CREDIT).text() == "信用核查"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.credit


def test_changes_refresh_the_list(qtbot, ctx, add_complaint):
    window = _window(qtbot, ctx)
    window.go(COMPLAINTS)
    page = window.cases.list_page
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=5000)
    made = add_complaint()
    window.cases.changed.emit(made.complaint_id)  # what the complaint view says after an action
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)


def test_window_geometry_is_remembered(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.resize(760, 540)  # the offscreen screen is 800 × 600
    window.close()
    again = _window(qtbot, ctx)
    assert (again.width(), again.height()) == (760, 540)


def test_the_breach_register_is_read_when_shown_and_opens_the_complaint(qtbot, ctx, add_complaint):
    made = add_complaint()
    window = _window(qtbot, ctx)
    page = window.breach_register
    assert page.count_label.text() == ""  # nothing read to open the window
    with qtbot.waitSignal(page.model.totals_changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == BREACHES and page.model.rowCount() == 0  # no confirmed breach yet
    page.open_complaint.emit(made.complaint_id, made.case_no)
    assert window.stack.currentIndex() == COMPLAINTS and window.cases.tabText(1) == made.case_no
