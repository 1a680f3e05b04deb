"""The optional daily sync time 每日定时同步: stored in the profile with ``set_daily_time``; while the
window is open, the main window checks once a minute (``daily_due``) and starts the sync.

A time that passed while the window was closed still counts that day: opening the window at 19:00
with 17:30 set and no attempt since 17:30 syncs once. When the window is not open, Windows Task
Scheduler runs ``python main.py sync`` (see the user guide).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTimeEdit, QWidget

from app.domain.clock import CHINA, parse_iso
from ui.appearance import as_hint
from ui.context import UiContext
from ui.sync.background import store_daily_time
from ui.tasks import TaskFailure

DEFAULT_TIME = QTime(17, 30)
SAVE_DELAY_MS = 600  # the time box changes on every arrow press: store the value once it settles


def daily_due(daily_time: str | None, last_attempt_at: str | None, now: datetime) -> bool:
    """True when today's sync time (China time) has come and no sync was attempted since."""
    if not daily_time:
        return False
    hour, minute = (int(part) for part in daily_time.split(":"))
    local = now.astimezone(CHINA)
    target = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if local < target:
        return False
    return last_attempt_at is None or parse_iso(last_attempt_at) < target


class DailySyncBox(QWidget):
    """A check box and a time; every change is stored (``saved`` says so, with the value or None)."""

    saved = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enabled = QCheckBox(self.tr("Sync every day at"), self)
        self.time = QTimeEdit(DEFAULT_TIME, self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setEnabled(False)
        self.note = QLabel(self)
        as_hint(self.note)
        self._delay = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._delay.timeout.connect(self.save)
        self.enabled.toggled.connect(self._changed)
        self.time.timeChanged.connect(self._changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.time)
        row.addWidget(self.note, 1)

    def value(self) -> str | None:
        return self.time.time().toString("HH:mm") if self.enabled.isChecked() else None

    def show_value(self, hhmm: str | None) -> None:
        """Show the stored time without storing it again (unless the officer is changing it now)."""
        if self._delay.isActive():
            return
        for widget in (self.enabled, self.time):
            widget.blockSignals(True)
        self.enabled.setChecked(bool(hhmm))
        if hhmm:
            self.time.setTime(QTime.fromString(hhmm, "HH:mm"))
        self.time.setEnabled(bool(hhmm))
        for widget in (self.enabled, self.time):
            widget.blockSignals(False)

    def _changed(self, *_args) -> None:
        self.time.setEnabled(self.enabled.isChecked())
        self._delay.start()

    def save(self) -> None:
        self._delay.stop()
        value = self.value()
        self._ctx.tasks.run(store_daily_time, self._ctx.profile, value, write=True, on_done=self._stored,
                            on_error=self._failed, owner=self)

    def _stored(self, value: str | None) -> None:
        self.note.setText(self.tr("Saved: every day at {time} while Lvyue is open.").format(time=value) if value
                          else self.tr("Saved: no daily sync."))
        self.saved.emit(value)

    def _failed(self, failure: TaskFailure) -> None:
        self.note.setText(failure.message)
