"""Idle detection 空闲检测: an application-wide event filter notes every key press, click, wheel turn and
mouse move in any window of the application; ``idle`` fires once no input came for ``interval_ms``.

The filter only stores a time stamp (no timer restarted per mouse move); one single-shot timer wakes up at
the earliest moment the interval could have elapsed and checks. Tests pass a short interval and call
``stop()`` at the end.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_ms = interval_ms
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._installed = False

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_interval(self, interval_ms: int) -> None:
        self._interval_ms = interval_ms
        if self._timer.isActive():
            self._schedule()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last = time.monotonic()
        self._schedule()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._last = time.monotonic()
        return False

    def _schedule(self) -> None:
        left = self._interval_ms - int((time.monotonic() - self._last) * 1000)
        self._timer.start(max(left, 1))

    def _check(self) -> None:
        if (time.monotonic() - self._last) * 1000 >= self._interval_ms:
            self.idle.emit()  # the owner locks, then ``start()``s again after the unlock
        else:
            self._schedule()
