"""One background job behind a window-modal progress dialog (exports, the audit chain's check).

``BusyDialog(owner).run(tasks, fn, title=…, label=…, cancel_text=…, on_done=…, on_error=…)`` shows the
dialog after 300 ms, passes the job's progress to ``moved(dialog, done, total)`` (default: a bar once the
total is known), wires 取消 to the job's cancellation, and closes the dialog before ``on_done`` or
``on_error`` runs. ``warn_unless_cancelled`` is the usual ``on_error`` of an export: a cancelled job says
nothing, any other failure its Chinese reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.domain.errors import DomainError
from ui.tasks import Job, TaskFailure, Tasks

Moved = Callable[[QProgressDialog, int, int], None]


def show_bar(dialog: QProgressDialog, done: int, total: int) -> None:
    if total > 0:
        dialog.setMaximum(total)
        dialog.setValue(done)


class BusyDialog:
    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.dialog: QProgressDialog | None = None

    @property
    def showing(self) -> bool:
        """A job is running behind the dialog (it may not be visible yet: it waits 300 ms)."""
        return self.dialog is not None

    def run(self, tasks: Tasks, fn: Callable[..., Any], *, title: str, label: str, on_done: Callable[[Any], None],
            on_error: Callable[[TaskFailure], None], cancel_text: str | None = None,
            moved: Moved | None = show_bar) -> Job:
        """``fn(progress=, cancel=)`` when ``cancel_text`` is given (a 取消 button), else ``fn()``."""
        self.close()
        dialog = QProgressDialog(label, cancel_text or "", 0, 0, self.owner)
        if cancel_text is None:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self.dialog = dialog

        def progressed(done: int, total: int, _text: str) -> None:
            if self.dialog is dialog and moved is not None:
                moved(dialog, done, total)

        def done(result: Any) -> None:
            self.close()
            on_done(result)

        def failed(failure: TaskFailure) -> None:
            self.close()
            on_error(failure)

        cancellable = cancel_text is not None
        job = tasks.run(fn, cancellable=cancellable, owner=self.owner, on_done=done, on_error=failed,
                        on_progress=progressed if cancellable else None)
        if cancellable:
            dialog.canceled.connect(job.cancel)
        return job

    def close(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()
            dialog.deleteLater()


def warn_unless_cancelled(owner: QWidget, title: str, failure: TaskFailure) -> None:
    if isinstance(failure.error, DomainError) and failure.error.code == "cancelled":
        return
    QMessageBox.warning(owner, title, failure.message)
