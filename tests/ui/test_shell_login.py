"""The login dialog: success, a wrong password in Chinese with the attempts left, lockout after 5."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.factories import PASSWORD
from ui.dialogs.login import LoginDialog


def _dialog(qtbot, office, tasks, username: str = "") -> LoginDialog:
    dialog = LoginDialog(tasks, username=username)
    qtbot.addWidget(dialog)
    dialog.set_profile(office.profile)
    dialog.show()
    return dialog


def _attempt(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() or dialog.result() == 1, timeout=5000)


def test_login_succeeds_and_names_the_office(qtbot, office, tasks):
    dialog = _dialog(qtbot, office, tasks)
    assert "双柏县发展和改革局" in dialog.office.text()
    assert dialog.login_button.text() == "登录"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.username.setText("Handler")  # user names are not case-sensitive
        dialog.password.setText(PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.username == "handler"
    assert dialog.actor.display_name == "王承办"


def test_login_waits_for_the_profile(qtbot, tasks):
    dialog = LoginDialog(tasks, username="officer")
    qtbot.addWidget(dialog)
    assert not dialog.login_button.isEnabled()
    assert dialog.office.text() == "正在打开数据…"
    assert dialog.password.hasFocus() or not dialog.isVisible()


def test_the_one_rebuild_after_an_upgrade_shows_how_far_it_is(qtbot, office, tasks):
    dialog = LoginDialog(tasks, username="officer")
    qtbot.addWidget(dialog)
    dialog.show_rebuild(50, 200)
    assert dialog.office.text() == "正在按新版本整理案件数据（升级后仅此一次）：25%"
    assert not dialog.login_button.isEnabled()  # no login until the profile is open
    dialog.set_profile(office.profile)
    assert "整理" not in dialog.office.text() and dialog.login_button.isEnabled()


def test_wrong_password_says_so_in_chinese_with_attempts_left(qtbot, office, tasks):
    dialog = _dialog(qtbot, office, tasks)
    _attempt(qtbot, dialog, "clerk", "wrong-password")
    assert dialog.result() != 1
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("登录名或密码错误")
    assert "还可尝试 4 次" in dialog.error.text()
    assert "15 分钟" in dialog.error.text()
    assert dialog.password.text() == ""


def test_unknown_user_gets_the_same_answer(qtbot, office, tasks):
    dialog = _dialog(qtbot, office, tasks)
    _attempt(qtbot, dialog, "nobody", "whatever1A!")
    assert dialog.error.text() == "登录名或密码错误"


def test_five_failures_lock_the_account_even_for_the_right_password(qtbot, office, tasks):
    dialog = _dialog(qtbot, office, tasks)
    for left in (4, 3, 2, 1):
        _attempt(qtbot, dialog, "leader", "Wrong#pass1")
        assert f"还可尝试 {left} 次" in dialog.error.text()
    _attempt(qtbot, dialog, "leader", "Wrong#pass1")
    locked = dialog.error.text()
    assert "账户已锁定至" in locked
    assert "12:15" in locked  # the fixed clock says 12:00 China time; locked for 15 minutes
    _attempt(qtbot, dialog, "leader", PASSWORD)
    assert dialog.result() != 1
    assert "账户已锁定至" in dialog.error.text()
    office.clock.advance(minutes=16)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _attempt(qtbot, dialog, "leader", PASSWORD)


def test_empty_fields_are_refused_without_asking_the_core(qtbot, office, tasks):
    dialog = _dialog(qtbot, office, tasks)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请输入登录名和密码。"
    assert not tasks.busy


def test_demo_login_shows_the_demo_password(qtbot, tasks):
    dialog = LoginDialog(tasks, username="officer", demo_password="Demo#2026")
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "officer"
    assert "Demo#2026" in dialog.demo.text()
    assert "演示数据" in dialog.demo.text()
