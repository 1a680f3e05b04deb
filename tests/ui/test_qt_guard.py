"""The guard of ``tests/ui/qt_guard.py`` itself: tiny sample test modules, run once in a child pytest with
the guard as a plugin. Those that leave work behind must fail and name the test that left it; the clean
ones must pass."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = {
    # the issue-13 flake: a timer outliving its test fires into a later one
    "test_single_shot.py": """
        from PySide6.QtCore import QTimer

        fired = []

        def boom():
            fired.append(1)
            raise RuntimeError("EnrolDialog already deleted")

        def test_leaves_a_timer(qtbot):
            QTimer.singleShot(50, boom)

        def test_runs_after_the_timer(qtbot):
            before = len(fired)
            qtbot.wait(300)
            assert len(fired) == before  # disarmed when the test that started it ended
    """,
    # work handed to a thread: its result reaches the event loop only after the test ended
    "test_pool.py": """
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
    """,
    # conftest.py below posts a failing call once test_first has completely finished (after the
    # guard's own check), as a late result from something it left behind would arrive
    "test_between.py": """
        def test_first(qtbot):
            pass

        def test_second(qtbot):
            pass
    """,
    "test_kept_timer.py": """
        from PySide6.QtCore import QTimer

        kept = []

        def test_keeps_a_timer(qtbot):
            timer = QTimer(interval=1000)
            timer.timeout.connect(lambda: None)
            timer.start()
            kept.append(timer)
    """,
    "test_clean.py": """
        import threading
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

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

        def test_a_timer_started_by_a_signal_with_arguments(qtbot):
            box = QLineEdit()
            qtbot.addWidget(box)
            debounce = QTimer(box, singleShot=True, interval=10)
            box.textChanged.connect(debounce.start)  # start() ignores the text, as Qt's slot does
            box.setText("双发改函")
            qtbot.waitUntil(lambda: not debounce.isActive())
    """,
}

CONFTEST = """
    from PySide6.QtCore import QTimer

    def late():
        raise RuntimeError("late result for a closed window")

    def pytest_runtest_logfinish(nodeid, location):
        if nodeid.endswith("test_first"):
            QTimer.singleShot(0, late)
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("guard-samples")
    for name, source in SAMPLES.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
    (folder / "conftest.py").write_text(textwrap.dedent(CONFTEST), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.ui.qt_guard", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-p", "no:randomly", "-rA", "--rootdir", str(folder), "-c", os.devnull, *SAMPLES],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    return out


def test_a_single_shot_left_running_fails_the_test_that_left_it_and_never_fires(run):
    assert "ERROR at teardown of test_leaves_a_timer" in run, run
    if "EnrolDialog already deleted" not in run:  # on a loaded machine it may fire in the teardown itself
        assert "test_single_shot.py::test_leaves_a_timer left work behind that outlives it" in run, run
        assert "QTimer.singleShot(50 ms, boom) still pending, started at" in run, run
        assert "test_single_shot.py:11 in test_leaves_a_timer" in run, run
    assert "PASSED test_single_shot.py::test_runs_after_the_timer" in run, run  # nothing fired into it


def test_an_exception_raised_in_the_event_loop_after_the_test_names_the_test(run):
    assert "ERROR at teardown of test_leaves_work_in_the_pool" in run, run
    assert "test_pool.py::test_leaves_work_in_the_pool left work behind" in run, run
    assert "an exception was raised in the Qt event loop after the test" in run, run
    assert "result delivered to a deleted widget" in run, run


def test_an_exception_arriving_between_two_tests_fails_the_next_setup_naming_the_one_before(run):
    assert "PASSED test_between.py::test_first" in run, run
    assert "ERROR at setup of test_second" in run, run
    assert "an exception was raised in the Qt event loop after test_between.py::test_first ended" in run, run
    assert "late result for a closed window" in run, run


def test_a_timer_kept_running_by_the_test_fails_it(run):
    assert "test_kept_timer.py::test_keeps_a_timer left work behind" in run, run
    assert "active QTimer '' of no parent (interval 1000 ms), started at" in run, run


def test_timers_threads_and_windows_that_end_with_the_test_pass(run):
    for name in ("test_parented_timers_die_with_the_window",
                 "test_a_window_the_test_did_not_register_is_closed_and_deleted",
                 "test_a_fired_single_shot_and_a_joined_thread", "test_a_timer_started_by_a_signal_with_arguments"):
        assert f"PASSED test_clean.py::{name}" in run, run
    assert "ERROR test_clean.py" not in run and "FAILED test_clean.py" not in run, run
