"""Nothing a window test starts may outlive it (issue 13: a 30-second timer fired into later tests).

pytest-qt fails a test on an exception raised in the Qt event loop only while that test's own setup,
call or teardown runs. This guard covers what a test leaves behind, and names the test that left it:

- every ``QTimer.start`` and ``QTimer.singleShot`` made during a test is registered (where it was
  started, what it calls);
- after the test's teardown (every fixture is finalised by then) the guard closes and deletes the
  test's remaining top-level widgets, delivers deferred deletes and posted events, waits for the
  global thread pool, and then fails the test's teardown if a registered timer is still active, a
  single shot is still pending (it is disarmed so it never fires into a later test), a thread the
  test started is still running, or an exception was raised in the event loop meanwhile;
- a persistent ``sys.excepthook`` records exceptions raised while pytest-qt is not capturing
  (between tests); the next test's setup flushes the event loop and fails, naming the test that ran
  before.

``tests/ui/conftest.py`` wires the hooks for every test under ``tests/ui``. The module is also a pytest
plugin (``-p tests.ui.qt_guard``), which is how ``test_qt_guard.py`` runs it on tiny sample tests.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
import weakref
from dataclasses import dataclass, field
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

THREAD_GRACE_S = 5.0  # a thread the test started may take this long to end after the teardown
POOL_WAIT_MS = 30000

_ORIGINAL_START = QTimer.start
_ORIGINAL_SINGLE_SHOT = QTimer.singleShot


def _caller() -> str:
    """The first frame outside this module, as ``path:line in function``."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    if frame is None:
        return "?"
    return f"{frame.f_code.co_filename}:{frame.f_lineno} in {frame.f_code.co_name}"


def _name(fn: Any) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)


@dataclass
class _Shot:
    msec: int
    what: str
    where: str
    context: weakref.ref | None  # Qt drops the call when its context object is deleted
    fired: bool = False
    disarmed: bool = False

    @property
    def pending(self) -> bool:
        if self.fired or self.disarmed:
            return False
        if self.context is not None:
            target = self.context()
            return target is not None and shiboken6.isValid(target)
        return True


@dataclass
class _Started:
    timer: weakref.ref
    where: str
    what: str

    def active(self) -> QTimer | None:
        timer = self.timer()
        if timer is not None and shiboken6.isValid(timer) and timer.isActive():
            return timer
        return None


@dataclass
class _TestState:
    nodeid: str
    shots: list[_Shot] = field(default_factory=list)
    started: list[_Started] = field(default_factory=list)
    threads: set[threading.Thread] = field(default_factory=set)
    widgets: set[int] = field(default_factory=set)


class Guard:
    """One per test process: the timer registry, the persistent excepthook, the checks."""

    def __init__(self) -> None:
        self.state: _TestState | None = None
        self.last_test: str | None = None  # the test that ended last (for exceptions between tests)
        self.stray: list[tuple[str | None, str]] = []  # (test that ran before, formatted exception)
        self._installed = False

    # -- installation ------------------------------------------------------------------------------
    def install(self) -> None:
        if self._installed:
            return
        self._installed = True
        guard = self

        def start(timer: QTimer, *args: Any) -> None:
            guard._register_start(timer)
            # start() or start(msec); connected to a signal (textChanged → start) it also gets the
            # signal's arguments, which Qt's own slot would ignore
            if args and isinstance(args[0], int) and not isinstance(args[0], bool):
                _ORIGINAL_START(timer, args[0])
            else:
                _ORIGINAL_START(timer)

        def single_shot(msec: int, *args: Any) -> None:
            guard._single_shot(msec, *args)

        QTimer.start = start
        QTimer.singleShot = staticmethod(single_shot)
        sys.excepthook = self._excepthook  # pytest-qt puts this one back after each phase it captures

    def _excepthook(self, kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        self.stray.append((self.state.nodeid if self.state else self.last_test, text))
        sys.stderr.write(text)

    def _register_start(self, timer: QTimer) -> None:
        if self.state is None:
            return
        parent = timer.parent()
        what = (f"{'single-shot ' if timer.isSingleShot() else ''}QTimer {timer.objectName()!r} of "
                f"{type(parent).__name__ if parent is not None else 'no parent'}")
        self.state.started.append(_Started(weakref.ref(timer), _caller(), what))

    def _single_shot(self, msec: int, *args: Any) -> None:
        rest = list(args)
        timer_type = rest.pop(0) if rest and isinstance(rest[0], Qt.TimerType) else None
        if len(rest) == 1 and callable(rest[0]):
            context, fn = None, rest[0]
        elif len(rest) == 2 and isinstance(rest[0], QObject) and callable(rest[1]):
            context, fn = rest
        else:  # a receiver and a member name: leave it to Qt
            _ORIGINAL_SINGLE_SHOT(msec, *args)
            return
        owner = getattr(fn, "__self__", None)
        if context is None and isinstance(owner, QObject):
            context = owner  # as Qt does for a bound method: no call once the object is deleted
        shot = _Shot(msec, _name(fn), _caller(), weakref.ref(context) if context is not None else None)
        if self.state is not None:
            self.state.shots.append(shot)

        def fire() -> None:
            if shot.disarmed:
                return
            shot.fired = True
            fn()

        call: list[Any] = [msec]
        if timer_type is not None:
            call.append(timer_type)
        if context is not None:
            call.append(context)
        _ORIGINAL_SINGLE_SHOT(*call, fire)

    # -- around each test --------------------------------------------------------------------------
    def before(self, item: pytest.Item) -> str | None:
        """Setup: flush what the previous test left and start watching. Returns the failure to report
        (an exception raised after the previous test ended), naming that test."""
        self.install()
        self.state = None
        self._flush()
        failure = None
        if self.stray:
            stray, self.stray = self.stray, []
            culprits = sorted({name or "(before the first test)" for name, _ in stray})
            failure = (f"an exception was raised in the Qt event loop after {', '.join(culprits)} ended "
                       f"(something it left behind):\n" + "\n".join(text for _, text in stray))
        self.state = _TestState(item.nodeid, threads=set(threading.enumerate()),
                                widgets={id(w) for w in QApplication.topLevelWidgets()})
        return failure

    def after(self, item: pytest.Item) -> None:
        """After the teardown: delete what is left, wait for workers, fail the test if anything survives."""
        state, self.state = self.state, None
        self.last_test = item.nodeid
        if state is None:
            return
        for widget in QApplication.topLevelWidgets():
            if id(widget) not in state.widgets and shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()
        self._flush()
        QThreadPool.globalInstance().waitForDone(POOL_WAIT_MS)
        self._flush()
        problems = self._leftovers(state)
        if problems:
            gc.collect()  # an object only a reference cycle kept alive is not a leak: collect and look again
            self._flush()
            problems = self._leftovers(state)
        for shot in state.shots:
            shot.disarmed = True  # never fires into a later test
        for started in state.started:
            timer = started.active()
            if timer is not None:
                timer.stop()
        stray, self.stray = self.stray, []
        problems += [f"an exception was raised in the Qt event loop after the test:\n{text}" for _, text in stray]
        if problems:
            pytest.fail(f"{item.nodeid} left work behind that outlives it:\n- " + "\n- ".join(problems),
                        pytrace=False)

    def _flush(self) -> None:
        """Deliver posted events and deferred deletes (``processEvents`` alone does not delete), with
        this guard's excepthook: whatever raises now was left by a test, not raised by the running one
        (pytest-qt may be capturing for the current test when the hooks are ordered the other way)."""
        app = QCoreApplication.instance()
        if app is None:
            return
        hook, sys.excepthook = sys.excepthook, self._excepthook
        try:
            for _ in range(3):
                app.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        finally:
            sys.excepthook = hook

    def _leftovers(self, state: _TestState) -> list[str]:
        problems = [f"QTimer.singleShot({shot.msec} ms, {shot.what}) still pending, started at {shot.where}"
                    for shot in state.shots if shot.pending]
        problems += [f"active {started.what} (interval {timer.interval()} ms), started at {started.where}"
                     for started in state.started if (timer := started.active()) is not None]
        deadline = time.monotonic() + THREAD_GRACE_S
        for thread in threading.enumerate():
            if thread in state.threads or isinstance(thread, threading._DummyThread):
                continue
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                problems.append(f"thread {thread.name!r} still running ({_name(getattr(thread, '_target', None))})")
        return problems


GUARD = Guard()


def drain(tasks, timeout_s: float = 60) -> None:
    """Wait for an app task runner (``ui.tasks.Tasks``) and deliver its results until nothing is left:
    a result's callback may queue more work (a sync reads the status after it), so waiting once is not
    enough. For fixtures' teardown, so no job finishes into a later test or after its profile closed."""
    deadline = time.monotonic() + timeout_s
    while True:
        assert tasks.wait_idle(), "background work still running 30 s after the test"
        QCoreApplication.processEvents()
        if not tasks.busy:
            return
        assert time.monotonic() < deadline, f"background work kept queueing more work for {timeout_s} s"
        time.sleep(0.005)  # results are signalled from the workers: let them arrive


# -- hooks (also re-exported by tests/ui/conftest.py) ---------------------------------------------------
def pytest_configure(config):
    GUARD.install()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    failure = GUARD.before(item)  # before pytest-qt starts capturing: what arrives now is not this test's
    result = yield
    if failure:
        pytest.fail(failure, pytrace=False)  # after pytest-qt's own setup, so its teardown still works
    return result


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    result = yield
    GUARD.after(item)
    return result
