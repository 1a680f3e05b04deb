"""Ctrl+C and the window (``ui.interrupt``, issue 16): a real SIGINT reaches the event loop through the wakeup
socket; the real window started by ``main.py`` quits with 已取消 and 130, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ui.interrupt import CtrlC

ROOT = Path(__file__).resolve().parents[2]


def test_a_sigint_in_the_event_loop_reaches_the_handler_and_close_restores(qapp, qtbot):
    before = signal.getsignal(signal.SIGINT)
    seen: list[str] = []
    ctrl_c = CtrlC(qapp, lambda: seen.append("interrupted"))
    try:
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: seen == ["interrupted"])
    finally:
        ctrl_c.close()
        ctrl_c.setParent(None)
    assert signal.getsignal(signal.SIGINT) is before
    assert signal.set_wakeup_fd(-1) == -1  # no wakeup socket left behind


def blocked_in_poll(pid: int, deadline_s: float = 120.0) -> bool:
    """Whether the main thread of ``pid`` waits in poll/ppoll (Qt's idle event loop), read from
    ``/proc/PID/syscall``; polled against a deadline, no sleep."""
    import time

    end, seen = time.monotonic() + deadline_s, 0
    while time.monotonic() < end:
        try:
            number = Path(f"/proc/{pid}/syscall").read_text().split()[0]
        except (OSError, IndexError):
            return False
        seen = seen + 1 if number in ("7", "271") else 0
        if seen >= 50:  # idle, not a passing poll during start-up
            return True
        os.sched_yield()
    return False


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
def test_ctrl_c_closes_the_real_window_quietly(tmp_path):
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           "LVYUE_HOME": str(tmp_path / "profile")}
    window = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        assert blocked_in_poll(window.pid), "the window never reached its event loop"
        window.send_signal(signal.SIGINT)
        _out, err = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    text = err.decode("utf-8", "replace")
    assert window.returncode == 130, text
    assert "已取消" in text and "Traceback" not in text and "KeyboardInterrupt" not in text
