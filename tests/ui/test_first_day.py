"""The first day (issue 13): what the administrator is told when Ctrl+N is not theirs, the first-run
tour, the 帮助 menu (user guide, shortcuts, about)."""

from __future__ import annotations

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
