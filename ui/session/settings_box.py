"""The 会话 box of the 设置 page: after how many idle minutes the window locks (every user sees it; the
system administrator changes it, ``app.services.session_settings``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.domain.vocabulary import Role
from app.services.session_settings import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    idle_lock_minutes,
    set_idle_lock_minutes,
)
from ui.appearance import as_hint
from ui.context import UiContext
from ui.tasks import TaskFailure


class SessionSettingsBox(QGroupBox):
    changed = Signal(int)  # the new idle minutes, saved

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Screen lock"), parent)
        self._ctx = ctx
        self.minutes = QSpinBox(self)
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setValue(idle_lock_minutes(ctx.profile))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        admin = ctx.actor.has(Role.ADMIN)
        self.minutes.setEnabled(admin)
        self.save_button.setVisible(admin)
        self.message = QLabel(self, wordWrap=True)
        self.message.hide()
        hint = QLabel(self.tr("With no key press or mouse use for this long, the window locks; the same user's "
                              "password unlocks it (Ctrl+L locks at once). Set by the system administrator."), self)
        hint.setWordWrap(True)
        as_hint(hint)
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(self.save_button)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Lock when idle for"), row)
        form.addRow("", hint)
        form.addRow("", self.message)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self._ctx.tasks.run(set_idle_lock_minutes, self._ctx.profile, self._ctx.actor, self.minutes.value(),
                            write=True, on_done=self._saved, on_error=self._failed)

    def _saved(self, minutes: int) -> None:
        self.save_button.setEnabled(True)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Saved: the window locks after {n} idle minutes.").format(n=minutes))
        self.message.show()
        self.changed.emit(minutes)

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(failure.message)
        self.message.show()
