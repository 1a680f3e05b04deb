"""The login dialog 登录: offline, against the profile's local users; the lockout is the core's
(5 failures lock the account for 15 minutes). Checking the password runs on the write worker.

A temporary password (set by the administrator: ``app.services.users.reset_password``) must be
replaced before the window opens: the dialog asks for a new one at once; cancelling logs out again.
Accounts holding a system role together with another (made before the separation of duties) log in;
the window warns them (``ui.session.controller``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.security.passwords import LOCK_MINUTES
from app.services.auth import login, logout
from app.services.profile import Profile
from app.services.users import Actor
from ui.tasks import TaskFailure, Tasks
from ui.widgets.heading import Heading
from ui.widgets.wrapping import WrappingLabel


class LoginDialog(QDialog):
    """Accepted with ``actor`` set. ``set_profile`` enables it once the profile has been opened."""

    def __init__(self, tasks: Tasks, parent: QWidget | None = None, *, username: str = "",
                 demo_password: str | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.profile: Profile | None = None
        self.actor: Actor | None = None
        self.password_dialog = None
        self._typed = ""
        self._busy = False
        self.setWindowTitle(self.tr("Lvyue — log in"))
        title = Heading(self.tr("Lvyue · complaints about government breach of contract"), self, scale=1.3)
        self.office = QLabel(self.tr("Opening the data…"), self)
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.error = WrappingLabel("", self)  # balanced lines: never "钟。" alone on the last one
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.demo = QLabel(self, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        if demo_password:
            self.demo.setText(self.tr("Demo data. User name: {user}   password: {password}").format(
                user=username, password=demo_password))
        self.demo.setVisible(bool(demo_password))
        self.buttons = QDialogButtonBox(self)
        self.login_button = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._login)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.office)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)
        (self.password if username else self.username).setFocus()
        self._enable()

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        region = profile.regions.find(profile.office.region_code)
        self.office.setText(f"{profile.office.name}（{region.name if region else profile.office.region_code}）")
        self._enable()

    def show_rebuild(self, done: int, total: int, _text: str = "") -> None:
        """The one rebuild of the case data after an upgrade (it can take minutes on a large profile)."""
        percent = 100 * done // total if total else 0
        self.office.setText(self.tr("Updating the case data for this version (only once after an upgrade): "
                                    "{percent}%").format(percent=percent))

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _enable(self) -> None:
        ready = self.profile is not None and not self._busy
        self.login_button.setEnabled(ready)
        self.username.setEnabled(not self._busy)
        self.password.setEnabled(not self._busy)

    def _login(self) -> None:
        if self.profile is None or self._busy:
            return
        if not self.username.text().strip() or not self.password.text():
            self.show_problem(self.tr("Enter your user name and password."))
            return
        self._busy = True
        self._enable()
        self.show_problem("")
        self._typed = self.password.text()
        self._tasks.run(login, self.profile, self.username.text(), self._typed, write=True,
                        on_done=self._logged_in, on_error=self._failed)

    def _logged_in(self, actor: Actor) -> None:
        self._busy = False
        if actor.must_change_password:
            self._replace_temporary(actor)
            return
        self._finish(actor)

    def _finish(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _replace_temporary(self, actor: Actor) -> None:
        """Ask for the user's own password now; cancelled: logged out again, the login stays."""
        from ui.dialogs.user_dialogs import OwnPasswordDialog

        assert self.profile is not None
        dialog = OwnPasswordDialog(self._tasks, self.profile, actor, self, current_password=self._typed)
        self.password_dialog = dialog  # tests drive it
        dialog.finished.connect(lambda result: self._temporary_replaced(dialog, actor, result))
        dialog.open()

    def _temporary_replaced(self, dialog, actor: Actor, result: int) -> None:
        self.password_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._finish(dialog.actor)
            return
        assert self.profile is not None
        self._tasks.run(logout, self.profile, actor, write=True, on_error=lambda _f: None)
        self.password.clear()
        self._enable()
        self.show_problem(self.tr("A temporary password must be replaced by your own before you can continue."))

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        self._enable()
        self.password.clear()
        self.password.setFocus()
        self.show_problem(self.login_message(failure))

    def login_message(self, failure: TaskFailure) -> str:
        error = failure.error
        text = failure.message
        if isinstance(error, DomainError):
            if error.code == "login_failed" and "remaining" in error.params:
                text += self.tr(". {n} attempts left before the account is locked for {minutes} minutes.").format(
                    n=error.params["remaining"], minutes=LOCK_MINUTES)
            elif error.code == "account_locked":
                text += self.tr(". Try again after that time, or ask the administrator to reset the password.")
        return text
