"""The first day (issue 13): what the administrator is told when Ctrl+N is not theirs, the first-run
tour, the 帮助 menu (user guide, shortcuts, about)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.session.role_notice import IMPORT, RoleNotice, explain


def test_the_role_notice_says_who_registers_and_what_comes_next(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = []
    admin = explain(parent, ["admin"], open_users=lambda: opened.append(True))
    assert admin.isVisible() and admin.windowTitle() == "本账户不能登记投诉"
    assert "登记员" in admin.text() and "三员分立" in admin.text()
    assert "设置 → 用户管理" in admin.informativeText() and "切换用户" in admin.informativeText()
    assert admin.users_button.text() == "添加工作人员账户…"
    admin.users_button.click()
    assert opened == [True] and not admin.isVisible()
    auditor = RoleNotice(parent, ["auditor"], IMPORT, open_users=lambda: None)
    qtbot.addWidget(auditor)
    assert auditor.users_button is None and "审计员" in auditor.text()
    handler = RoleNotice(parent, ["handler"])
    qtbot.addWidget(handler)
    assert "登记员" in handler.informativeText() and handler.users_button is None


# -- the help windows, on their own -------------------------------------------------------------------
def test_the_user_guide_renders_inside_the_app_and_missing_screenshots_become_a_note(qtbot, tmp_path):
    from ui.help.guide import GuideDialog, find_user_guide

    guide = find_user_guide()
    assert guide is not None and guide.name == "user-guide.md"
    dialog = GuideDialog(None)
    qtbot.addWidget(dialog)
    assert "登录" in dialog.headings() and "快捷键一览" in dialog.headings()
    assert dialog.show_heading("快捷键一览")
    copy = tmp_path / "user-guide.md"  # a copy without its screenshots folder
    copy.write_text("# 使用说明\n\n![登录窗口](screenshots/03-login.png)\n\n## 登录\n", encoding="utf-8")
    bare = GuideDialog(None, copy)
    qtbot.addWidget(bare)
    text = bare.browser.toPlainText()
    assert "截图未随程序提供：登录窗口" in text and bare.headings() == ["使用说明", "登录"]
    missing = GuideDialog(None, None)
    missing.path = None
    missing._load()
    qtbot.addWidget(missing)
    assert "未找到用户手册" in missing.browser.toPlainText()


def test_about_shows_the_version_and_opens_the_data_folder(qtbot, tmp_path):
    from app import __version__
    from ui.help.about import AboutDialog, program_version

    opened = []
    dialog = AboutDialog(tmp_path, None, opener=lambda folder: opened.append(folder) or True)
    qtbot.addWidget(dialog)
    assert program_version() == __version__ == dialog.version.text()
    assert dialog.folder.text() == str(tmp_path)
    dialog.open_button.click()
    assert opened == [tmp_path]


def test_the_tour_has_five_steps_and_remembers_do_not_show_again(qtbot, ui_settings):
    from ui.help.tour import TourDialog, tour_done

    tour = TourDialog(ui_settings, "officer", ["clerk", "handler", "leader"])
    qtbot.addWidget(tour)
    tour.show()
    assert tour.stack.count() == 5 and not tour.back_button.isEnabled() and tour.position.text() == "第 1 步，共 5 步"
    for _ in range(4):
        tour.next_button.click()
    assert tour.finish_button.isVisible() and not tour.next_button.isVisible()
    tour.back_button.click()
    assert tour.stack.currentIndex() == 3
    tour.reject()  # closed half-way: shown again next time
    assert not tour_done(ui_settings, "officer")
    again = TourDialog(ui_settings, "officer", ["clerk"])
    qtbot.addWidget(again)
    again.never.setChecked(True)
    again.reject()
    assert tour_done(ui_settings, "officer") and not tour_done(ui_settings, "clerk")
    admin = TourDialog(ui_settings, "admin", ["admin"])
    qtbot.addWidget(admin)
    assert any("用户管理" in label.text() for label in admin.stack.widget(2).findChildren(QLabel))
    admin.go(4)
    admin.finish_button.click()
    assert tour_done(ui_settings, "admin")



# -- in the main window ---------------------------------------------------------------------------------
def _window(qtbot, ctx):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def test_the_administrators_ctrl_n_explains_and_leads_to_the_users(qtbot, make_ctx):
    from ui.main_window import SETTINGS

    window = _window(qtbot, make_ctx("admin"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    notice = window.role_notice
    assert notice is not None and notice.isVisible()
    assert window.statusBar().currentMessage() == ""  # no 4-second flash
    assert "系统管理员" in notice.text() and "登记员" in notice.text()
    assert "下一步" in notice.informativeText() and "切换用户" in notice.informativeText()
    qtbot.wait(10)
    assert notice.isVisible()  # it stays until closed
    notice.users_button.click()
    assert window.stack.currentIndex() == SETTINGS
    qtbot.waitUntil(lambda: window.settings_page.user_admin.add_button.hasFocus(), timeout=5000)
    assert window.cases.count() == 1  # no registration form
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.role_notice.windowTitle() == "本账户不能导入投诉"
    window.role_notice.close()


def test_the_auditors_ctrl_f_explains_instead_of_doing_nothing(qtbot, make_ctx):
    window = _window(qtbot, make_ctx("auditor"))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.role_notice.isVisible() and "审计员" in window.role_notice.text()
    assert window.role_notice.users_button is None
    window.role_notice.close()


def test_the_help_menu_opens_the_guide_with_f1(qtbot, ctx):
    window = _window(qtbot, ctx)
    menus = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert menus[-1] == "帮助(&H)"
    assert [a.text() for a in window.help.menu.actions() if a.text()] == [
        "用户手册(&U)", "快捷键(&K)", "新手导览(&G)", "关于履约(&A)"]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert "履约 · 政府违约失信投诉办理系统 使用说明" in guide.headings()
    assert "登记投诉" in guide.browser.toPlainText()
    guide.close()


def test_the_shortcut_table_is_read_from_the_window(qtbot, ctx):
    window = _window(qtbot, ctx)
    table = window.help.show_shortcuts()
    assert table.keys_for("登记投诉") == "Ctrl+N"
    assert table.keys_for("用户手册") == "F1"
    assert table.keys_for("切换到“工作台”") == "Ctrl+1"
    assert table.keys_for("锁定") is None  # the 账户 menu (Ctrl+L) comes with the session, not made here
    names = [table.table.item(r, 0).text() for r in range(table.table.rowCount())]
    assert len(names) == len(set(names)) and "page 1" not in " ".join(names)
    table.close()


def test_about_from_the_menu_shows_the_version_and_the_data_folder(qtbot, ctx):
    from ui.help.about import program_version

    window = _window(qtbot, ctx)
    window.help.about_action.trigger()
    about = window.help.about
    assert about.isVisible() and about.version.text() == program_version()
    assert about.folder.text() == str(ctx.profile.files.home)
    about.close()


def test_the_tour_reopens_from_help(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.help.tour_action.trigger()
    tour = window.help.tour
    assert tour.isVisible() and tour.stack.count() == 5
    tour.close()


def test_the_credit_check_says_why_the_administrator_cannot_issue(qtbot, make_ctx):
    from ui.pages.credit_check import CreditCheckPage

    for who, told in (("admin", True), ("auditor", True), ("officer", False)):
        page = CreditCheckPage(make_ctx(who))
        qtbot.addWidget(page)
        page.show()
        assert page.role_note.isVisible() is told
        if told:
            assert "三员分立" in page.role_note.text()
        make_ctx(who).tasks.wait_idle()
