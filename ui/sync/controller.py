"""One sync at a time for the window: the 同步 page's button, the daily timer and the first sync after
enrolment all start it here, and the page, the status-bar indicator and settings read its state.

``sync_now`` runs on the task pool (network work never blocks the window or the write queue) with
``progress`` and ``cancel`` from ``ui.tasks``; the service takes an OS file lock, so a scheduled
``main.py sync`` running at the same moment makes this one fail with ``sync_busy`` (shown, harmless).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.context import UiContext
from ui.sync.background import read_status, run_sync
from ui.tasks import Job, TaskFailure

if TYPE_CHECKING:
    from app.services.sync import SyncStatus

REFRESH_DELAY_MS = 300  # writes come in bursts (a login writes twice): one status read for the burst


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    failed_to_read = Signal(object)  # TaskFailure: the status itself could not be read
    started = Signal()
    progressed = Signal(int, int, str)  # done, total (0: unknown), Chinese text from the service
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # TaskFailure (cancelled, hub unreachable, refused…)
    changed = Signal()  # the status or ``running`` changed (the indicator listens)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.status: SyncStatus | None = None
        self.job: Job | None = None
        self.cancelling = False
        self.pending_before: int | None = None  # unsent records when the running sync started
        self._reading = False
        self._read_again = False
        self._soon = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._soon.timeout.connect(self.refresh)

    @property
    def running(self) -> bool:
        return self.job is not None

    # -- status --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the status now (one read at a time; a request during a read reads once more after it)."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self._ctx.tasks.run(read_status, self._ctx.profile, on_done=self._read, on_error=self._read_failed,
                            owner=self)

    def refresh_soon(self) -> None:
        """After a write: the unsent count changed. Coalesces bursts of writes into one read."""
        self._soon.start()

    def _read(self, status: SyncStatus) -> None:
        self._reading = False
        self.status = status
        self.status_changed.emit(status)
        self.changed.emit()
        self._again()

    def _read_failed(self, failure: TaskFailure) -> None:
        self._reading = False
        self.failed_to_read.emit(failure)
        self._again()

    def _again(self) -> None:
        if self._read_again:
            self._read_again = False
            self.refresh()

    # -- syncing -------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start a sync unless one is running or this profile is not enrolled; True when started."""
        if self.running or (self.status is not None and not self.status.enrolled):
            return False
        self.cancelling = False
        self.pending_before = self.status.pending_events if self.status is not None else None
        self.job = self._ctx.tasks.run(run_sync, self._ctx.profile, cancellable=True, on_progress=self.progressed.emit,
                                       on_done=self._done, on_error=self._failed, owner=self)
        self.started.emit()
        self.changed.emit()
        return True

    def start_first_sync(self) -> bool:
        """Right after this profile enrolled: the status read before says standalone, so do not wait for it."""
        self.status = None
        self.refresh()
        return self.start()

    def cancel(self) -> None:
        """Ask the running sync to stop at its next safe point (every step commits on its own)."""
        if self.job is not None and not self.cancelling:
            self.cancelling = True
            self.job.cancel()
            self.changed.emit()

    def _done(self, report) -> None:
        self.job = None
        self.finished.emit(report)
        self.changed.emit()
        self.refresh()

    def _failed(self, failure: TaskFailure) -> None:
        self.job = None
        self.failed.emit(failure)
        self.changed.emit()
        self.refresh()
