"""三员分立 in the window: the administrator sees no way to change a complaint, the auditor sees only
what is not case work; business roles keep everything."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import AUDIT, COMPLAINTS, SETTINGS, WORKBENCH, MainWindow


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def _visible_pages(window: MainWindow) -> list[str]:
    return [window.nav.item(r).text() for r in range(window.nav.count()) if not window.nav.item(r).isHidden()]


def test_the_administrator_reads_cases_but_is_offered_no_change(qtbot, make_ctx, add_complaint):
    made = add_complaint()
    window = _window(qtbot, make_ctx("admin"))
    assert not window.workbench.new_button.isVisibleTo(window)
    assert not window.submission_action.isVisible()
    assert "信用" not in [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]
    window.open_complaint(made.complaint_id, made.case_no)
    view = window.cases.widget(1)
    qtbot.waitUntil(lambda: getattr(view, "detail", None) is not None, timeout=10000)
    assert view.offered_actions() == [] and view.issue_button is None
    window.cases.setCurrentIndex(0)
    window.cases.list_page  # noqa: B018
    assert not window.cases.list_page.import_button.isVisibleTo(window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.count() == 2  # Ctrl+N opened no registration form


def test_the_auditor_sees_no_case_pages(qtbot, make_ctx):
    window = _window(qtbot, make_ctx("auditor"))
    assert _visible_pages(window) == ["审计", "设置"]
    assert window.stack.currentIndex() == AUDIT
    window.go(COMPLAINTS)
    assert window.stack.currentIndex() == AUDIT  # a hidden page does not open
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == SETTINGS


def test_business_roles_keep_every_page(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert len(_visible_pages(window)) == window.nav.count() - 1  # all but 审计 (auditors only)
    assert "审计" not in _visible_pages(window)
    assert window.submission_action.isVisible()
    assert window.stack.currentIndex() == WORKBENCH


def test_duplicate_review_offers_merge_and_dismissal_only_to_case_roles(qtbot, make_ctx, ctx):
    from ui.pages.duplicates import DuplicatesPage

    for who, shown in ((make_ctx("admin"), False), (ctx, True)):
        page = DuplicatesPage(who)
        qtbot.addWidget(page)
        page.show()
        assert page.merge_button.isVisible() is shown and page.dismiss_button.isVisible() is shown
        who.tasks.wait_idle()
