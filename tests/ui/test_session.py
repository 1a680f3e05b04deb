"""The session in the window: logout and switch of user back to the login, the idle lock over every
window and dialog, unlock only with the same user's password, drafts that survive a switch for their
owner only, a temporary password replaced at login, and the 三员分立 account rules in the dialogs."""

from __future__ import annotations

import json
import sqlite3

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.common.packing import unpacked
from app.services import auth, intake, users
from app.services.profile import create_profile
from tests import factories
from tests.factories import PASSWORD
from ui.dialogs.login import LoginDialog
from ui.dialogs.user_dialogs import AddUserDialog
from ui.main_window import MainWindow
from ui.session.controller import LOGOUT, SWITCH_USER
from ui.session.curtain import Curtain
from ui.startup import Startup

NEW_PW = "Neu#2026word"


@pytest.fixture
def home(tmp_path):
    """A 双柏县 profile with an administrator, a three-role officer, a clerk and one registered complaint."""
    path = tmp_path / "profile"
    profile = create_profile(path, region_code="532322", office_name="双柏县发展和改革局")
    users.add_user(profile, None, username="admin", display_name="系统管理员", roles=["admin"], password=PASSWORD)
    admin = auth.login(profile, "admin", PASSWORD)
    for name, display, roles in [("officer", "杨喆", ["clerk", "handler", "leader"]), ("clerk", "李登记", ["clerk"])]:
        users.add_user(profile, admin, username=name, display_name=display, roles=roles, password=PASSWORD)
    officer = auth.login(profile, "officer", PASSWORD)
    intake.register(profile, officer, factories.intake())
    profile.close()
    return path


@pytest.fixture
def startup(qtbot, home, tasks, ui_settings, tmp_path):
    from app.services.open_folder import OpenFolder

    made = Startup(home, tasks, ui_settings)
    made.open_folder = OpenFolder(tmp_path / "opened")
    made.idle_ms = 60_000  # never reached unless a test shortens it
    made.start()
    yield made
    if made.session is not None:
        made.session.stop()
    if made.window is not None:
        made.window.close()
    made.close()
    QApplication.setQuitOnLastWindowClosed(True)  # as the application's start-up leaves it


def log_in(qtbot, startup: Startup, username: str, password: str = PASSWORD) -> MainWindow:
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog) and startup.dialog.isVisible()
                    and startup.dialog.login_button.isEnabled(), timeout=60000)
    dialog = startup.dialog
    dialog.username.setText(username)
    dialog.password.setText(password)
    with qtbot.waitSignal(startup.ready, timeout=10000) as ready:
        dialog.login_button.click()
    window = ready.args[0]
    qtbot.addWidget(window)
    return window


def session_events(home) -> list[tuple[str, dict]]:
    with sqlite3.connect(home / "lvyue.sqlite") as db:
        rows = db.execute("SELECT action, payload FROM events WHERE stream = 'session' ORDER BY seq").fetchall()
    return [(a, json.loads(unpacked(p))) for a, p in rows]  # stored packed (``app.common.packing``)


def test_logout_returns_to_the_login_and_another_user_logs_in(qtbot, startup, home):
    window = log_in(qtbot, startup, "officer")
    assert [a.text() for a in startup.session.menu.actions() if a.text()] == [
        "修改密码(&P)…", "锁定(&L)", "切换用户(&S)…", "注销(&O)"]  # Alt+A, then the letter
    assert startup.session.end(LOGOUT)
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog) and startup.dialog.isVisible(), timeout=5000)
    assert not window.isVisible()
    assert QApplication.quitOnLastWindowClosed() is False  # the login is up: closing the window did not quit
    second = log_in(qtbot, startup, "clerk")
    assert second.user_label.text() == "用户：李登记（登记员）"
    startup.tasks.wait_idle()
    logouts = [p for a, p in session_events(home) if a == "logout"]
    assert logouts == [{"via": "desktop", "reason": "logout"}]


def test_idle_lock_covers_every_window_and_only_the_same_password_unlocks(qtbot, startup, home):
    startup.idle_ms = 300
    window = log_in(qtbot, startup, "officer")
    session = startup.session
    session.change_password()  # an open dialog with something typed in it
    dialog = session.password_dialog
    dialog.old.setText("typed before the lock")
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    lock = session.lock_dialog
    assert lock.isVisible()
    assert window.findChild(Curtain) is not None and window.findChild(Curtain).isVisible()
    assert dialog.findChild(Curtain) is not None  # the open dialog is covered too
    lock.reject()  # Esc does nothing
    assert session.locked and lock.isVisible()

    lock.password.setText("Wrong#2026pw")
    lock.unlock_button.click()
    qtbot.waitUntil(lambda: lock.error.isVisibleTo(lock), timeout=5000)
    assert "密码错误" in lock.error.text() and "4" in lock.error.text()
    assert session.locked

    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(session.lock_changed, timeout=5000) as changed:
        lock.unlock_button.click()
    assert changed.args == [False]
    assert window.findChild(Curtain) is None or not window.findChild(Curtain).isVisible()
    assert dialog.isVisible() and dialog.old.text() == "typed before the lock"  # the work stayed
    assert session.idle.running  # counting again
    dialog.reject()
    session.stop()
    startup.tasks.wait_idle()
    actions = [(a, p.get("reason")) for a, p in session_events(home)]
    assert ("lock", "idle") in actions
    assert [a for a, _ in actions][-3:] == ["lock", "unlock_failed", "unlock"]


def test_ctrl_l_locks_at_once(qtbot, startup):
    window = log_in(qtbot, startup, "officer")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert startup.session.locked
    startup.session.stop()


def test_drafts_survive_a_switch_and_stay_with_their_owner(qtbot, startup, home):
    window = log_in(qtbot, startup, "officer")
    window.new_complaint()
    form = window.cases.currentWidget()
    form.rows["complainant.name"].field.set_value("双柏县青山建材有限公司")
    window.open_complaint(_first_case(home))
    view = window.cases.currentWidget()
    qtbot.waitUntil(lambda: getattr(view, "detail", None) is not None, timeout=10000)
    from app.domain.vocabulary import Action

    view.start_action(Action.FORWARD)
    action = view.dialog
    action.rows["department"].field.set_value("双柏县财政局")

    startup.session.lock("manual")
    with qtbot.waitSignal(startup.session.ended, timeout=5000) as ended:
        startup.session.lock_dialog.switch_button.click()  # another officer walks up
    assert ended.args == [SWITCH_USER]

    clerk_window = log_in(qtbot, startup, "clerk")
    clerk_window.new_complaint()
    clerk_form = clerk_window.cases.currentWidget()
    assert clerk_form.rows["complainant.name"].field.value() == ""  # never the officer's draft
    assert startup.session.end(LOGOUT)

    again = log_in(qtbot, startup, "officer")
    again.new_complaint()
    restored = again.cases.currentWidget()
    assert restored.rows["complainant.name"].field.value() == "双柏县青山建材有限公司"
    assert restored.draft_bar.isVisibleTo(restored)
    again.open_complaint(_first_case(home))
    view = again.cases.currentWidget()
    qtbot.waitUntil(lambda: getattr(view, "detail", None) is not None, timeout=10000)
    view.start_action(Action.FORWARD)
    assert view.dialog.rows["department"].field.value() == "双柏县财政局"
    assert "恢复" in view.dialog.summary.text()
    view.dialog.reject()


def _first_case(home) -> str:
    with sqlite3.connect(home / "lvyue.sqlite") as db:
        return db.execute("SELECT id FROM complaints LIMIT 1").fetchone()[0]


def test_a_temporary_password_is_replaced_before_the_window_opens(qtbot, startup, home):
    profile = startup.profile
    qtbot.waitUntil(lambda: startup.profile is not None, timeout=60000)
    profile = startup.profile
    admin = auth.login(profile, "admin", PASSWORD)
    _info, temporary = users.reset_password(profile, admin, "clerk")
    qtbot.waitUntil(lambda: startup.dialog.login_button.isEnabled(), timeout=10000)
    login = startup.dialog
    login.username.setText("clerk")
    login.password.setText(temporary)
    login.login_button.click()
    qtbot.waitUntil(lambda: login.password_dialog is not None and login.password_dialog.isVisible(), timeout=10000)
    forced = login.password_dialog
    assert not forced.old.isVisible()  # the temporary password was just typed
    forced.reject()  # not now: logged out again, the login stays
    qtbot.waitUntil(lambda: "临时密码" in login.error.text(), timeout=5000)
    assert startup.window is None
    login.password.setText(temporary)
    login.login_button.click()
    qtbot.waitUntil(lambda: login.password_dialog is not None and login.password_dialog.isVisible(), timeout=10000)
    forced = login.password_dialog
    forced.passwords.password.setText(NEW_PW)
    forced.passwords.confirm.setText(NEW_PW)
    with qtbot.waitSignal(startup.ready, timeout=10000) as ready:
        forced.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.addWidget(ready.args[0])
    assert not auth.login(profile, "clerk", NEW_PW).must_change_password


def test_add_user_refuses_an_administrator_with_business_roles(qtbot, make_ctx):
    dialog = AddUserDialog(make_ctx("admin"))
    qtbot.addWidget(dialog)
    dialog.username.setText("mixed")
    dialog.display_name.setText("合用账户")
    for role, box in dialog.roles.items():
        box.setChecked(role.value in ("admin", "clerk"))
    dialog.passwords.password.setText(NEW_PW)
    dialog.passwords.confirm.setText(NEW_PW)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "三员分立" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    assert dialog.result() != 1


def test_the_administrator_generates_a_temporary_password(qtbot, make_ctx, office):
    from ui.dialogs.user_dialogs import PasswordDialog

    clerk = {u.username: u for u in users.list_users(office.profile)}["clerk"]
    dialog = PasswordDialog(make_ctx("admin"), clerk)
    qtbot.addWidget(dialog)
    dialog.generate_button.click()
    temporary = dialog.passwords.password.text()
    assert dialog.passwords.valid and len(temporary) == 12
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert auth.login(office.profile, "clerk", temporary).must_change_password


def test_the_tour_follows_the_first_login_once_and_not_after_do_not_show_again(qtbot, startup, monkeypatch):
    import ui.help.tour

    monkeypatch.setattr(ui.help.tour, "AT_LOGIN", True)
    window = log_in(qtbot, startup, "officer")
    tour = startup.tour
    assert tour is not None and tour.isVisible() and tour.windowTitle() == "新手导览"
    tour.never.setChecked(True)
    tour.close()
    assert startup.session.end(SWITCH_USER)  # no question about the tour: nothing was typed there
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    log_in(qtbot, startup, "officer")
    assert startup.tour is None  # 不再显示
    assert startup.session.end(SWITCH_USER)
    log_in(qtbot, startup, "clerk")
    tour = startup.tour
    assert tour is not None and tour.isVisible()  # another user: their own first time
    assert startup.session.end(LOGOUT)  # the open tour closes with the window, unasked
    assert not shiboken6.isValid(tour) or not tour.isVisible()
