"""Start-up 启动流程: (demo fill | first-run wizard) → open the profile → login → main window.

Each window gets a session (``ui.session.controller``: idle lock, 账户 menu); when its user logs out or
switches, the window closes and the login comes back on the same open profile.

Each step that touches the disk for long (demo data, migrations and the daily backup, password hashing)
runs through ``Tasks``; the GUI thread only shows dialogs. ``finished(code)`` ends the application
when the user quits before the main window opens.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app.services.auth import logout
from app.services.open_folder import OpenFolder
from app.services.profile import Profile, is_initialised, keep_checked_copy, make_daily_backup, open_profile
from app.services.users import Actor
from ui.context import UiContext
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.tasks import TaskFailure, Tasks

DEMO_COMPLAINTS = 2000
DEMO_USER_KEY = "demo/username"
DEMO_PASSWORD_KEY = "demo/password"


def demo_home(base: Path) -> Path:
    """The demo profile lives beside the normal one: ``<profiles>/demo``."""
    return base.parent / "demo"


def _enrolled_without_users(profile: Profile) -> bool:
    """Enrolled to a hub, but no account has arrived yet (the first sync did not finish)."""
    from app.services.sync import status
    from app.services.users import list_users

    return status(profile).enrolled and not any(user.active for user in list_users(profile))


class Startup(QObject):
    finished = Signal(int)  # exit code: the user quit before the main window opened
    ready = Signal(object)  # the MainWindow, shown

    def __init__(self, home: Path, tasks: Tasks, settings: QSettings, *, demo: bool = False) -> None:
        super().__init__()
        self.home, self.tasks, self.settings, self.demo = home, tasks, settings, demo
        self.profile: Profile | None = None
        self.actor: Actor | None = None
        self.window = None
        self.dialog = None  # the dialog on screen now (tests drive it)
        self.notice = None  # an information box shown beside it (after a restore)
        self.open_folder = OpenFolder()  # copies of attachments opened this session
        self.session = None  # ui.session.controller.SessionController of the window
        self.idle_ms: int | None = None  # tests set a short idle time; None: the profile's setting
        self.tour = None  # the first-run tour over the window (ui.help.tour), when shown

    def start(self) -> None:
        if self.demo and not is_initialised(self.home):
            self._fill_demo()
        elif not is_initialised(self.home):
            from app.services.maintenance import damaged_database

            try:
                problem = damaged_database(self.home)  # a file that is there but does not open: never the wizard
            except Exception as error:  # a read-only or locked folder: say so, and stop
                self._open_failed(TaskFailure(error))
                return
            if problem is not None:
                self._restore(problem)
            else:
                self._wizard()
        else:
            self._login()

    # -- a damaged database: the guided restore -------------------------------------------------------
    def _restore(self, problem: str) -> None:
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.home, problem, self.tasks)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._restore_done(dialog, result))
        dialog.show()

    def _restore_done(self, dialog, result: int) -> None:
        if not result:
            self.finished.emit(1)
            return
        self.notice = dialog.restored_note()
        self._login()

    # -- demo ----------------------------------------------------------------------------------------
    def _fill_demo(self) -> None:
        from app.services.demo import fill_demo

        dialog = QProgressDialog(self.tr("Creating demo data ({n} complaints)…").format(n=DEMO_COMPLAINTS),
                                 self.tr("Cancel"), 0, 0)
        dialog.setWindowTitle(self.tr("Lvyue demo"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        job = self.tasks.run(fill_demo, self.home, DEMO_COMPLAINTS, write=True, cancellable=True,
                             on_progress=lambda done, total, _t: (dialog.setMaximum(total), dialog.setValue(done)),
                             on_done=self._demo_filled, on_error=self._demo_failed)
        dialog.canceled.connect(job.cancel)
        dialog.show()

    def _demo_filled(self, result) -> None:
        self.dialog.close()
        officer = "officer" if "officer" in result.usernames else next(
            (u for u in result.usernames if u != "admin"), result.usernames[0])
        self.settings.setValue(DEMO_USER_KEY, officer)
        self.settings.setValue(DEMO_PASSWORD_KEY, result.password)
        self.settings.sync()
        self._login()

    def _demo_failed(self, failure: TaskFailure) -> None:
        cancelled = self.dialog.wasCanceled()
        self.dialog.close()
        for suffix in ("", "-wal", "-shm"):  # a half-filled demo must not count as a profile next time
            (self.home / f"lvyue.sqlite{suffix}").unlink(missing_ok=True)
        if not cancelled:
            QMessageBox.critical(None, self.tr("Lvyue demo"), failure.message)
        self.finished.emit(1)

    # -- first run -----------------------------------------------------------------------------------
    def _wizard(self) -> None:
        wizard = FirstRunWizard(self.home, self.tasks)
        self.dialog = wizard
        wizard.finished.connect(lambda _r: self._wizard_done(wizard))
        wizard.show()

    def _wizard_done(self, wizard: FirstRunWizard) -> None:
        if wizard.created_username is None:
            self.finished.emit(0)
            return
        self._login(username=wizard.created_username)

    # -- login ---------------------------------------------------------------------------------------
    def _login(self, username: str = "") -> None:
        password = None
        if self.demo:
            username = str(self.settings.value(DEMO_USER_KEY, "officer"))
            password = str(self.settings.value(DEMO_PASSWORD_KEY, "")) or None
        dialog = LoginDialog(self.tasks, username=username, demo_password=password)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._login_done(dialog, result))
        dialog.show()
        if self.profile is not None:
            dialog.set_profile(self.profile)
        else:
            self.tasks.run(open_profile, self.home, daily_backup=False, on_done=self._opened,
                           on_error=self._open_failed, on_progress=self._rebuilding)

    def _rebuilding(self, done: int, total: int, _text: str) -> None:
        if isinstance(self.dialog, LoginDialog) and shiboken6.isValid(self.dialog):
            self.dialog.show_rebuild(done, total)

    def _opened(self, profile: Profile) -> None:
        self.profile = profile
        if _enrolled_without_users(profile):  # the wizard's first sync never finished: fetch the accounts
            self._first_sync()
            return
        if isinstance(self.dialog, LoginDialog):
            self.dialog.set_profile(profile)

    # -- an enrolled profile whose first sync did not finish ------------------------------------------
    def _first_sync(self) -> None:
        from ui.sync.background import run_sync

        if self.dialog is not None:
            self.dialog.hide()
        progress = QProgressDialog(self.tr("Fetching the accounts of this office from the prefecture hub…"),
                                   self.tr("Cancel"), 0, 0)
        progress.setWindowTitle(self.tr("First synchronisation"))
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        job = self.tasks.run(run_sync, self.profile, cancellable=True, on_done=lambda _r: self._first_synced(progress),
                             on_error=lambda failure: self._first_sync_failed(progress, failure))
        progress.canceled.connect(job.cancel)
        progress.show()
        self._progress = progress

    def _first_synced(self, progress: QProgressDialog) -> None:
        progress.close()
        if isinstance(self.dialog, LoginDialog):
            self.dialog.show()
            self.dialog.set_profile(self.profile)

    def _first_sync_failed(self, progress: QProgressDialog, failure: TaskFailure) -> None:
        progress.close()
        answer = QMessageBox.warning(
            None, self.tr("First synchronisation"),
            self.tr("This computer has joined the prefecture hub, but the accounts could not be fetched yet, "
                    "so nobody can log in.\n\n%1\n\nTry again now?").replace("%1", failure.message),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
        if answer == QMessageBox.StandardButton.Retry:
            self._first_sync()
        else:
            self.close()
            self.finished.emit(1)

    def _open_failed(self, failure: TaskFailure) -> None:
        if failure.code == "database_damaged":  # found damaged while opening (e.g. marked by an earlier read)
            if self.dialog is not None:
                self.dialog.finished.disconnect()
                self.dialog.hide()
                self.dialog.deleteLater()
            self._restore(failure.error.params.get("detail", ""))
            return
        QMessageBox.critical(self.dialog, self.tr("The data could not be opened"), failure.message)
        self.finished.emit(1)

    def _login_done(self, dialog: LoginDialog, result: int) -> None:
        if not result or dialog.actor is None:
            self.close()
            self.finished.emit(0)
            return
        self.actor = dialog.actor
        from ui.main_window import MainWindow  # imported late: the login dialog shows sooner

        assert self.profile is not None
        ctx = UiContext(self.profile, self.actor, self.tasks, self.settings, self.open_folder)
        self.window = MainWindow(ctx)
        self._start_session(ctx)
        self.dialog = None
        self.window.show()
        self.session.warn_if_combined()
        from ui.help.tour import maybe_show_tour

        self.tour = maybe_show_tour(self.window)  # 新手导览, until this user finishes it or ticks 不再显示
        self.ready.emit(self.window)
        # the day's backup copy runs after login, on the writer queue, so nobody waits for it
        self.tasks.run(make_daily_backup, self.profile, check=False, write=True,  # a failure is shown like any other
                       on_done=self._backed_up)

    def _backed_up(self, copy: Path | None) -> None:
        """The day's copy is checked page by page off the write queue (a damaged database says so)."""
        if copy is not None and self.profile is not None:
            self.tasks.run(keep_checked_copy, self.profile, copy)

    # -- the session ---------------------------------------------------------------------------------
    def _start_session(self, ctx: UiContext) -> None:
        from ui.session.controller import SessionController
        from ui.session.settings_box import SessionSettingsBox

        self.session = SessionController(self.window, ctx, idle_ms=self.idle_ms)
        self.session.ended.connect(self._session_ended)
        for box in self.window.findChildren(SessionSettingsBox):
            box.changed.connect(self.session.set_idle_minutes)

    def _session_ended(self, reason: str) -> None:
        """Logged out (the controller audited it): back to the login, on the profile already open."""
        self.actor = None
        self.session = None
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
        self._login()

    # -- the end -------------------------------------------------------------------------------------
    def close(self) -> None:
        """Log out and close the profile once queued writes are done (application exit)."""
        self.tasks.wait_idle()
        if self.profile is not None:
            if self.actor is not None:
                try:
                    logout(self.profile, self.actor)
                except Exception:  # exiting anyway; the login event stays without its logout
                    pass
                self.actor = None
            self.profile.close()
            self.profile = None
        self.open_folder.remove()
