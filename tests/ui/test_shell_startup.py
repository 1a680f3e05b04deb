"""Start-up as a new user meets it: wizard → login → main window → logout; and the ``--demo`` start."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QWizard

import ui.startup
from app.services.open_folder import OpenFolder
from ui.application import home_for, parse_arguments
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.startup import Startup

PASSWORD = "Shuangbai#26"


def _session_actions(home) -> list[str]:
    with sqlite3.connect(home / "lvyue.sqlite") as db:
        return [a for (a,) in db.execute("SELECT action FROM events WHERE stream = 'session' ORDER BY seq")]


def _log_in(qtbot, startup: Startup, password: str) -> MainWindow:
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog) and startup.dialog.login_button.isEnabled(),
                    timeout=60000)
    dialog = startup.dialog
    dialog.password.setText(password)
    with qtbot.waitSignal(startup.ready, timeout=10000) as ready:
        dialog.login_button.click()
    window = ready.args[0]
    qtbot.addWidget(window)
    return window


def test_first_start_runs_the_wizard_then_login_then_the_window(qtbot, tmp_path, tasks, ui_settings):
    home = tmp_path / "fresh"
    startup = Startup(home, tasks, ui_settings)
    startup.open_folder = OpenFolder(tmp_path)  # not the system's temporary folder
    startup.start()
    wizard = startup.dialog
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    wizard.office_page.region.setCurrentIndex(wizard.office_page.region.findText("武定县（532329）"))
    wizard.next()
    wizard.admin_page.display_name.setText("李四")
    wizard.admin_page.passwords.password.setText(PASSWORD)
    wizard.admin_page.passwords.confirm.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.CommitButton).click()  # 创建
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10000)  # next: officers' accounts
    wizard.button(QWizard.WizardButton.FinishButton).click()  # 去登录
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog), timeout=10000)
    assert startup.dialog.username.text() == "admin"
    qtbot.addWidget(startup.dialog)
    window = _log_in(qtbot, startup, PASSWORD)
    assert window.profile_label.text() == "武定县发展和改革局 · 武定县（532329）"
    assert window.user_label.text() == "用户：李四（系统管理员）"
    assert window.ctx.open_folder is startup.open_folder
    opened = window.ctx.open_folder.path / "0123456789ab" / "合同.pdf"  # a copy opened during the session
    opened.parent.mkdir()
    opened.write_bytes(b"%PDF")
    startup.close()
    assert _session_actions(home) == ["login", "logout"]
    assert not opened.parent.parent.exists()  # the session's copies go with it


def test_quitting_the_wizard_ends_the_start(qtbot, tmp_path, tasks, ui_settings):
    startup = Startup(tmp_path / "fresh", tasks, ui_settings)
    startup.start()
    qtbot.addWidget(startup.dialog)
    with qtbot.waitSignal(startup.finished) as finished:
        startup.dialog.reject()
    assert finished.args == [0]


def test_demo_start_fills_a_separate_profile_and_shows_the_demo_login(qtbot, tmp_path, tasks, ui_settings,
                                                                     monkeypatch):
    pytest.importorskip("app.services.demo")
    monkeypatch.setattr(ui.startup, "DEMO_COMPLAINTS", 40)
    home = tmp_path / "demo"
    startup = Startup(home, tasks, ui_settings, demo=True)
    startup.start()
    qtbot.addWidget(startup.dialog)  # the progress dialog
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog), timeout=60000)
    login = startup.dialog
    qtbot.addWidget(login)
    assert login.username.text() == "officer"
    assert "Demo#2026" in login.demo.text()
    window = _log_in(qtbot, startup, "Demo#2026")
    window.go(1)
    page = window.cases.list_page
    qtbot.waitUntil(lambda: page.model.total == 40, timeout=10000)
    startup.close()
    again = Startup(home, tasks, ui_settings, demo=True)  # the second time: no new data, same login help
    again.start()
    assert isinstance(again.dialog, LoginDialog)
    qtbot.addWidget(again.dialog)
    assert again.dialog.username.text() == "officer"
    assert "Demo#2026" in again.dialog.demo.text()
    qtbot.waitUntil(lambda: again.profile is not None, timeout=10000)
    again.close()


def test_demo_home_sits_beside_the_normal_profile(monkeypatch, tmp_path):
    monkeypatch.setenv("LVYUE_HOME", str(tmp_path / "profiles" / "default"))
    options, rest = parse_arguments(["--demo", "-style", "fusion"])
    assert home_for(options) == tmp_path / "profiles" / "demo"
    assert rest == ["-style", "fusion"]
    options, _ = parse_arguments(["--home", str(tmp_path / "x")])
    assert home_for(options) == tmp_path / "x"
