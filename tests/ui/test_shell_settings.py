"""Settings: the font size applies at once and is remembered; office, calendar; user management."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.services.auth import login
from app.services.users import list_users
from ui.appearance import FONT_SIZE_KEY, apply_font_size
from ui.dialogs.user_dialogs import AddUserDialog, PasswordDialog
from ui.pages.settings import SettingsPage
from ui.widgets.heading import Heading


def test_font_size_applies_at_once_and_is_remembered(qtbot, ctx):
    apply_font_size(ctx.settings)
    heading = Heading("标题", scale=1.5)
    qtbot.addWidget(heading)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.font_size.currentData() == 10
    page.font_size.setCurrentIndex(page.font_size.findData(14))
    assert QApplication.font().pointSize() == 14
    assert page.font_size.currentText() == "14 磅"
    qtbot.waitUntil(lambda: heading.font().pointSizeF() == 21.0, timeout=2000)  # headings follow
    assert int(ctx.settings.value(FONT_SIZE_KEY)) == 14
    QApplication.setFont(QApplication.font().__class__("Sans", 9))
    assert apply_font_size(ctx.settings) == 14  # next start
    assert QApplication.font().pointSize() == 14
    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.font_size.currentData() == 14


def test_unknown_font_size_falls_back_to_the_default(ctx):
    ctx.settings.setValue(FONT_SIZE_KEY, "huge")
    assert apply_font_size(ctx.settings) == 10


def test_office_and_calendar_are_shown(qtbot, ctx):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(type(page.calendar_years))]
    assert "双柏县发展和改革局" in texts
    assert "双柏县（532322）" in texts
    assert page.calendar_years.text() == "2020—2026年"
    assert any("2027年节假日安排尚未录入" in text for text in texts)


def test_user_management_is_for_administrators_only(qtbot, make_ctx):
    assert SettingsPage(make_ctx("officer")).user_admin is None
    page = SettingsPage(make_ctx("admin"))
    qtbot.addWidget(page)
    assert page.user_admin is not None
    page.refresh()
    qtbot.waitUntil(lambda: page.user_admin.table.topLevelItemCount() == 6, timeout=5000)
    names = [page.user_admin.table.topLevelItem(i).text(1) for i in range(6)]
    assert "杨喆" in names
    officer = next(i for i in range(6) if page.user_admin.table.topLevelItem(i).text(0) == "officer")
    assert page.user_admin.table.topLevelItem(officer).text(2) == "登记员、承办人、审核人"


def test_add_user_dialog(qtbot, make_ctx, office):
    ctx = make_ctx("admin")
    dialog = AddUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText("liuyang")
    dialog.display_name.setText("刘洋")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "请至少选择一个角色。" in dialog.problem.text()
    assert "密码不符合下方所列规则。" in dialog.problem.text()
    dialog.roles[next(r for r in dialog.roles if r.value == "handler")].setChecked(True)
    dialog.passwords.password.setText("Liu#2026yang")
    dialog.passwords.confirm.setText("Liu#2026yang")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    added = {u.username: u for u in list_users(office.profile)}["liuyang"]
    assert added.roles == ("handler",) and added.region_code == "532322"
    assert login(office.profile, "liuyang", "Liu#2026yang").display_name == "刘洋"


def test_taken_user_name_is_refused_in_chinese(qtbot, make_ctx):
    dialog = AddUserDialog(make_ctx("admin"))
    qtbot.addWidget(dialog)
    dialog.username.setText("clerk")
    dialog.display_name.setText("重名者")
    dialog.roles[next(iter(dialog.roles))].setChecked(True)
    dialog.passwords.password.setText("Dup#2026name")
    dialog.passwords.confirm.setText("Dup#2026name")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog) and "已被使用" in dialog.problem.text(), timeout=5000)
    assert dialog.result() != 1


def test_reset_password_and_deactivate(qtbot, make_ctx, office, monkeypatch):
    ctx = make_ctx("admin")
    clerk = {u.username: u for u in list_users(office.profile)}["clerk"]
    dialog = PasswordDialog(ctx, clerk)
    qtbot.addWidget(dialog)
    dialog.passwords.password.setText("Reset#2026pw")
    dialog.passwords.confirm.setText("Reset#2026pw")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    clerk_now = login(office.profile, "clerk", "Reset#2026pw")
    assert clerk_now.username == "clerk" and clerk_now.must_change_password  # the administrator's is temporary

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    admin = page.user_admin
    page.refresh()
    qtbot.waitUntil(lambda: admin.table.topLevelItemCount() == 6, timeout=5000)
    row = next(i for i in range(6) if admin.table.topLevelItem(i).text(0) == "clerk")
    admin.table.setCurrentItem(admin.table.topLevelItem(row))
    assert admin.active_button.text() == "停用"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    admin.active_button.click()
    qtbot.waitUntil(lambda: admin.table.topLevelItemCount() == 6
                    and any(admin.table.topLevelItem(i).text(4) == "已停用，待改临时密码" for i in range(6)),
                    timeout=5000)
    assert not {u.username: u for u in list_users(office.profile)}["clerk"].active
    own = next(i for i in range(6) if admin.table.topLevelItem(i).text(0) == "admin")
    admin.table.setCurrentItem(admin.table.topLevelItem(own))
    assert not admin.active_button.isEnabled()  # nobody deactivates themselves
