"""The lock screen 锁定: application-modal over the curtained windows. Only the same user's password
unlocks (the core's lockout counts the failures); anyone else chooses 切换用户, which ends this session
with its unsaved work kept as drafts for its owner. The dialog cannot be closed or escaped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.security.passwords import LOCK_MINUTES
from app.services.auth import unlock
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets.heading import Heading


class LockDialog(QDialog):
    unlocked = Signal(object)  # the Actor
    switch_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self._ctx = ctx
        self._busy = False
        self.setObjectName("session-lock")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Lvyue — locked"))
        actor = ctx.actor
        heading = Heading(self.tr("Locked"), self, scale=1.3)
        about = QLabel(self.tr("{name} ({user}) locked this session. What was typed stays as it was.").format(
            name=actor.display_name, user=actor.username), self, wordWrap=True)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(self, wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.switch_button = self.buttons.addButton(self.tr("Switch user…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.setToolTip(self.tr("Another officer logs in; the unsaved work of this session is kept "
                                              "as drafts for {name} only.").format(name=actor.display_name))
        self.switch_button.clicked.connect(self.switch_requested.emit)
        form = QFormLayout()
        form.addRow(self.tr("Password of {user}").format(user=actor.username), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 28)
        self.password.returnPressed.connect(self.try_unlock)
        self.password.setFocus()

    def try_unlock(self) -> None:
        if self._busy:
            return
        if not self.password.text():
            self._show(self.tr("Enter your password."))
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        self._ctx.tasks.run(unlock, self._ctx.profile, self._ctx.actor, self.password.text(), write=True,
                            on_done=self._unlocked, on_error=self._failed)

    def _unlocked(self, actor) -> None:
        self._busy = False
        self.unlocked.emit(actor)

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        text = failure.message
        error = failure.error
        if isinstance(error, DomainError) and error.code == "login_failed" and "remaining" in error.params:
            text = self.tr("Wrong password. {n} attempts left before the account is locked for {minutes} "
                           "minutes.").format(n=error.params["remaining"], minutes=LOCK_MINUTES)
        elif isinstance(error, DomainError) and error.code == "account_locked":
            text += self.tr(". Another officer can log in with Switch user.")
        self._show(text)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- it cannot be dismissed ---------------------------------------------------------------------
    def reject(self) -> None:  # Esc
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # Alt+F4
        event.ignore()

    def release(self) -> None:
        """Take the lock screen away for good (unlocked, or the session ended)."""
        self.hide()
        self.deleteLater()
