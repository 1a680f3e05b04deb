"""The guard of ``tests/ui/qt_guard.py`` itself: a run of tiny test modules (in a child pytest) that leave
work behind must fail and name the test that left it; a clean module must pass."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_sample(tmp_path: Path, source: str) -> subprocess.CompletedProcess:
    sample = tmp_path / "test_sample.py"
    sample.write_text(textwrap.dedent(source), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ui.qt_guard", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-p", "no:randomly", "-q", "--rootdir", str(tmp_path), "-c", os.devnull, str(sample)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )


def test_a_single_shot_left_running_fails_the_test_that_left_it_and_never_fires(tmp_path):
    run = run_sample(tmp_path, """
        import time
        from PySide6.QtCore import QTimer

        fired = []

        def boom():
            fired.append(1)
            raise RuntimeError("EnrolDialog already deleted")

        def test_leaves_a_timer(qtbot):
            QTimer.singleShot(50, boom)

        def test_runs_after(qtbot):
            before = len(fired)
            qtbot.wait(300)
            assert len(fired) == before  # disarmed when the test that started it ended
    """)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "ERROR at teardown of test_leaves_a_timer" in out, out
    if "EnrolDialog already deleted" not in out:  # on a loaded machine it may fire in the teardown itself
        assert "test_sample.py::test_leaves_a_timer left work behind that outlives it" in out, out
        assert "QTimer.singleShot(50 ms, boom) still pending, started at" in out, out
        assert "test_sample.py:12 in test_leaves_a_timer" in out, out
    assert "2 passed, 1 error" in out, out  # test_runs_after passed: nothing fired into it


def test_an_exception_raised_in_the_event_loop_after_the_test_names_the_test(tmp_path):
    # work the test handed to a thread: its result reaches the event loop only after the test ended
    run = run_sample(tmp_path, """
        import time
        from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

        class Signals(QObject):
            done = Signal()

        class Late(QRunnable):
            def __init__(self, signals):
                super().__init__()
                self.signals = signals

            def run(self):
                time.sleep(0.3)
                self.signals.done.emit()

        kept = []

        def slot():
            raise RuntimeError("result delivered to a deleted widget")

        def test_leaves_work_in_the_pool(qtbot):
            signals = Signals()
            signals.done.connect(slot)
            kept.append(signals)
            QThreadPool.globalInstance().start(Late(signals))

        def test_runs_after(qtbot):
            pass
    """)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "ERROR at teardown of test_leaves_work_in_the_pool" in out, out
    assert "an exception was raised in the Qt event loop after the test" in out, out
    assert "result delivered to a deleted widget" in out, out
    assert "2 passed, 1 error" in out, out


def test_timers_threads_and_windows_that_end_with_the_test_pass(tmp_path):
    run = run_sample(tmp_path, """
        import threading
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QDialog, QWidget

        def test_parented_timers_die_with_the_window(qtbot):
            window = QWidget()
            qtbot.addWidget(window)
            QTimer(window, interval=30000).start()
            QTimer.singleShot(30000, window.close)  # a bound method: dropped when the window is deleted

        def test_a_window_the_test_did_not_register_is_closed_and_deleted(qtbot):
            dialog = QDialog()
            dialog.show()
            QTimer(dialog, singleShot=True, interval=30000).start()

        def test_a_fired_single_shot_and_a_joined_thread(qtbot):
            seen = []
            QTimer.singleShot(10, lambda: seen.append(1))
            qtbot.waitUntil(lambda: bool(seen))
            worker = threading.Thread(target=seen.append, args=(2,))
            worker.start()
            worker.join()
    """)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "3 passed" in out, out


def test_a_timer_kept_running_by_the_test_fails_it(tmp_path):
    run = run_sample(tmp_path, """
        from PySide6.QtCore import QTimer

        kept = []

        def test_keeps_a_timer(qtbot):
            timer = QTimer(interval=1000)
            timer.timeout.connect(lambda: None)
            timer.start()
            kept.append(timer)
    """)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "test_sample.py::test_keeps_a_timer left work behind" in out, out
    assert "active QTimer '' of no parent (interval 1000 ms), started at" in out, out
