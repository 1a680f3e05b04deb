"""One helper for background work (after Anki's CollectionOp): widgets never own threads.

``ctx.tasks.run(fn, *args, on_done=..., write=True)`` runs ``fn`` off the GUI thread — database writes
on a single worker (serialised, in submission order), everything else (reads, PDF, network) on a
small pool — and calls ``on_done(result)`` or ``on_error(error)`` back on the GUI thread.

Long work takes ``progress=True`` / ``cancellable=True``: ``fn`` then receives ``progress(done, total,
text)`` and ``cancel()`` keyword arguments (plain callables: the core never sees Qt).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import DomainError
from app.messages import describe
from app.store.faults import fault_of

log = logging.getLogger(__name__)


class TaskFailure:
    """What went wrong, ready to show: a Chinese message, and the exception for logs and tests."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        fault = error if isinstance(error, DomainError) else fault_of(error)  # full disk, read-only, locked…
        message = None
        if fault is not None:
            try:
                message = describe(fault)
            except Exception:  # a badly built error must still reach the window, never hang its job
                log.exception("cannot describe %r", fault)
        if message is not None:
            self.message = message
            self.expected = True
            self.code = fault.code
        else:
            self.message = f"程序内部错误：{type(error).__name__}: {error}"
            self.expected = False
            self.code = "internal_error"
        self.details = "".join(traceback.format_exception(error))

    def __repr__(self) -> str:
        return f"TaskFailure({self.message!r})"


def _while_alive(owner: QObject, callback: Callable | None) -> Callable | None:
    if callback is None:
        return None

    def guarded(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return guarded


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, *, progress: bool, cancellable: bool):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._fn, self._args, self._kwargs = fn, args, dict(kwargs)
        self._cancelled = threading.Event()
        self.finished = threading.Event()
        if progress:
            self._kwargs["progress"] = self.report
        if cancellable:
            self._kwargs["cancel"] = self._cancelled.is_set

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.signals.progressed.emit(int(done), int(total), text)

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as error:  # every failure must reach the GUI
            failure = TaskFailure(error)
            if not failure.expected:
                log.error("background task failed:\n%s", failure.details)
            self.signals.failed.emit(failure)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished.set()


class Tasks(QObject):
    """Background runner shared by the whole window (one per application)."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # failures nobody handled: the main window shows them

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._running: set[Job] = set()

    def run(
        self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None, write: bool = False,
        progress: bool = False, cancellable: bool = False, owner: QObject | None = None, **kwargs: Any,
    ) -> Job:
        """``owner``: the widget waiting for the result; callbacks are skipped once it is deleted."""
        if owner is not None:
            on_done, on_error, on_progress = (_while_alive(owner, cb) for cb in (on_done, on_error, on_progress))
        job = Job(fn, args, kwargs, progress=progress or on_progress is not None, cancellable=cancellable)
        if on_done is not None:
            job.signals.done.connect(on_done)
        job.signals.failed.connect(on_error if on_error is not None else self.failed.emit)
        if on_progress is not None:
            job.signals.progressed.connect(on_progress)
        job.signals.done.connect(lambda _r, j=job: self._finish(j))
        job.signals.failed.connect(lambda _f, j=job: self._finish(j))
        self._running.add(job)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        (self._writer if write else self._pool).start(job)
        return job

    def _finish(self, job: Job) -> None:
        self._running.discard(job)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Block until queued work finished (for shutdown and tests; signals still need the event loop)."""
        ok = self._writer.waitForDone(timeout_ms)
        return self._pool.waitForDone(timeout_ms) and ok
