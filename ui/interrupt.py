"""Ctrl+C in the console that started the window: the window quits as if closed (logging out), exit code 130,
"已取消" on stderr, no traceback.

Python runs a signal handler only when the interpreter gets control, and in Qt's event loop that may be
never: Ctrl+C did nothing, or raised KeyboardInterrupt inside some later slot. Here the C-level handler
writes a byte to a socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches: Qt wakes up, the
slot gives Python control, and the Python handler asks the application to exit. No timer, no thread.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

EXIT_CANCELLED = 130


class CtrlC(QObject):
    """Installed for the life of the event loop; ``close()`` puts the previous handler back."""

    def __init__(self, parent: QObject, on_interrupt: Callable[[], None]) -> None:
        super().__init__(parent)
        self.on_interrupt = on_interrupt
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous = signal.signal(signal.SIGINT, self._handle)
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        self._closed = False

    def _handle(self, _signum, _frame) -> None:
        self.on_interrupt()

    def _drain(self, *_args) -> None:  # Python has control here: the handler has run (or runs next)
        try:
            while self._read.recv(512):
                pass
        except OSError:
            pass

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.notifier.setEnabled(False)
        signal.signal(signal.SIGINT, self._previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()


def quit_on_ctrl_c(app: QApplication) -> CtrlC | None:
    """The window's Ctrl+C: "已取消", then ``app.exit(130)``. None off the main thread (no signals there)."""

    def cancel() -> None:
        if sys.stderr is not None:
            print("已取消。", file=sys.stderr, flush=True)
        app.exit(EXIT_CANCELLED)

    try:
        return CtrlC(app, cancel)
    except ValueError:  # signal only works in the main thread
        return None
