"""Starting the window where it cannot open (issue 13): no display → a Chinese message and exit 1, never
Qt's abort (exit 134); an unknown command → a Chinese usage message (exit 2) and no window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.application import NO_DISPLAY_EXIT, display_problem

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET",
                                                              "QT_QPA_PLATFORM")}
    base.update(LVYUE_NO_BOOTSTRAP="1", PYTHONIOENCODING="utf-8", **env)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=base,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.mark.parametrize("platform", ["xcb", ""])
def test_without_a_display_the_window_says_so_in_chinese_and_exits(tmp_path, platform):
    if not sys.platform.startswith("linux"):
        pytest.skip("X11/Wayland displays are a Linux matter")
    env = {"QT_QPA_PLATFORM": platform} if platform else {}
    done = _run(["--home", str(tmp_path / "home")], tmp_path, **env)
    assert done.returncode == NO_DISPLAY_EXIT, done.stderr
    assert "图形界面" in done.stderr and "DISPLAY" in done.stderr
    assert not (tmp_path / "home").exists()  # nothing was started


def test_an_unknown_command_is_a_chinese_usage_error_without_a_window(tmp_path):
    done = _run(["report"], tmp_path, QT_QPA_PLATFORM="xcb")
    assert done.returncode == 2
    assert "用法" in done.stderr and "错误" in done.stderr


def test_help_names_the_window_options(tmp_path):
    done = _run(["--help"], tmp_path)
    assert done.returncode == 0
    assert "桌面程序" in done.stdout and "--home" in done.stdout and "--demo" in done.stdout
    assert "演示" in done.stdout


def test_start_timing_quits_once_the_first_window_is_shown(tmp_path):
    """bench/bench_bundle.py's hook: a new profile's first window is the first-run wizard."""
    import time

    started = time.time()
    done = _run(["--home", str(tmp_path / "home")], tmp_path, QT_QPA_PLATFORM="offscreen",
                LVYUE_QUIT_WHEN_SHOWN=repr(started))
    assert done.returncode == 0, done.stderr
    name, seconds = done.stderr.strip().splitlines()[-1].removeprefix("shown ").removesuffix(" s").split()
    assert name == "FirstRunWizard"
    assert 0 < float(seconds) <= time.time() - started


def test_display_problem_on_linux():
    assert display_problem([], {}, "linux") is not None
    assert display_problem([], {"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem(["-platform", "offscreen"], {"QT_QPA_PLATFORM": "xcb"}, "linux") is None
    assert display_problem([], {"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert "WAYLAND_DISPLAY" in display_problem([], {"QT_QPA_PLATFORM": "wayland"}, "linux")
    assert "DISPLAY=:4711" in display_problem([], {"DISPLAY": ":4711", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert display_problem([], {}, "win32") is None
