"""Sync 同步: whether this office is enrolled with the prefecture hub, how many recorded events wait to
be sent, the last sync, refusals and conflicts — all from ``app.services.sync.status``. Once enrolled,
“Sync now” runs ``sync_now`` on the task pool (network work never blocks the window or the write queue).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.services.queries import local_time
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets.heading import Heading

if TYPE_CHECKING:
    from app.services.profile import Profile
    from app.services.sync import SyncStatus


def sync_status(profile: Profile) -> SyncStatus:
    """``app.services.sync.status``, imported on the task pool: the sync client (HTTP, keyring) costs
    ~200 ms to import and is not needed to show the main window."""
    from app.services.sync import status

    return status(profile)


def sync_once(profile: Profile):
    from app.services.sync import sync_now

    return sync_now(profile)


class SyncPage(QWidget):
    state_changed = Signal(str)  # short text for the status bar
    synced = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._running = False
        self.mode = Heading(self.tr("Standalone mode: not connected to the prefecture hub"), self, scale=1.3)
        self.pending = QLabel(self.tr("Counting…"), self, wordWrap=True)
        self.details = QLabel(self, wordWrap=True)
        self.details.hide()
        self.explanation = QLabel(self.tr(
            "Everything is saved on this computer and works without a network. When this office is enrolled with "
            "the prefecture hub, the records waiting here are sent at the end-of-day sync and nothing is lost."),
            self, wordWrap=True)
        self.explanation.setEnabled(False)
        self.sync_button = QPushButton(self.tr("Sync now"), self, enabled=False)
        self.sync_button.setToolTip(self.tr("Available once this office is enrolled with the prefecture hub"))
        self.sync_button.clicked.connect(self.sync)
        refresh = QPushButton(self.tr("Refresh (F5)"), self)
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addWidget(self.pending)
        layout.addWidget(self.details)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def refresh(self) -> None:
        self._ctx.tasks.run(sync_status, self._ctx.profile, on_done=self._show, on_error=self._failed)

    def sync(self) -> None:
        if self._running:
            return
        self._running = True
        self.sync_button.setEnabled(False)
        self.state_changed.emit(self.tr("Syncing…"))
        self._ctx.tasks.run(sync_once, self._ctx.profile, on_done=self._synced, on_error=self._sync_failed)

    def _synced(self, _report) -> None:
        self._running = False
        self.synced.emit()
        self.refresh()

    def _sync_failed(self, failure: TaskFailure) -> None:
        self._running = False
        self.refresh()
        QMessageBox.warning(self, self.tr("Sync"), failure.message)

    def _failed(self, failure: TaskFailure) -> None:
        self.pending.setText(failure.message)

    def _show(self, s: SyncStatus) -> None:
        pending = f"{s.pending_events:,}"
        self.pending.setText(self.tr("{pending} records wait to be sent.").format(pending=pending))
        if s.enrolled:
            self.mode.setText(self.tr("Enrolled with the prefecture hub: {hub}").format(hub=s.hub_url or ""))
            self.explanation.setText(self.tr("Sync at the end of each working day. Nothing unsent is ever lost."))
            self.details.setText("\n".join(self._details(s)))
            self.state_changed.emit(self.tr("Hub · {pending} unsent").format(pending=pending))
        else:
            self.state_changed.emit(self.tr("Standalone · {pending} unsent").format(pending=pending))
        self.details.setVisible(s.enrolled)
        self.sync_button.setEnabled(s.enrolled and not self._running)

    def _details(self, s: SyncStatus) -> list[str]:
        lines = []
        if s.scope_name:
            lines.append(self.tr("Scope: {scope}").format(scope=s.scope_name))
        lines.append(self.tr("Last successful sync: {time}").format(
            time=local_time(s.last_success_at) if s.last_success_at else self.tr("never")))
        if s.last_error_message:
            lines.append(self.tr("Last problem: {message}").format(message=s.last_error_message))
        if s.rejected:
            lines.append(self.tr("{n} records were refused by the hub; they stay on this computer with the reason.").format(
                n=len(s.rejected)))
        if s.conflicts:
            lines.append(self.tr("{n} complaints are marked to be checked.").format(n=len(s.conflicts)))
        if s.clock_warning:
            lines.append(s.clock_warning)
        return lines
