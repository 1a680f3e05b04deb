"""One window per profile, shared with the command line (issue 16 item 3), between real processes.

A child process takes the window lock exactly as the window does (``app.services.profile_lock``) and
waits: a real second window (``main.py`` offscreen) is refused naming it, exit 1; ``restore`` is refused;
a scheduled ``sync`` still runs beside the open window (it is the sync lock that says ``sync_busy``, exit
4: tests/integration/test_cli_encoding.py). Killed, the holder's lock is gone with it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.common.file_lock import FileLock
from app.domain.errors import DomainError
from app.messages import describe
from app.services.profile_lock import hold_for_window, refuse_if_window_open
from tests.sync_fixtures import process_env

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Lvyue-2026!"

HOLDER = """
import sys
from pathlib import Path
from app.services.profile_lock import hold_for_window
lock = hold_for_window(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


def cli(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("profile-lock")
    home = tmp / "配置 #1"
    env = process_env(tmp / "keyring.json", LVYUE_PASSWORD=PASSWORD)
    made = cli(env, "init", "--home", str(home), "--region", "532322", "--office", "双柏县发展和改革局",
               "--admin", "admin")
    assert made.returncode == 0, made.stderr
    return home, env


class Holder:
    """A process holding the profile's window lock, as an open window does."""

    def __init__(self, home: Path, env: dict) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(home)], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "held"  # the lock is taken once this is read

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        self.process.wait(timeout=60)
        self.process.stdin.close()
        self.process.stdout.close()


@pytest.fixture
def holder(profile):
    home, env = profile
    held = Holder(home, env)
    yield held
    if held.process.poll() is None:
        held.kill()


def test_a_second_window_in_process_is_refused_naming_the_first(profile, holder):
    home, _env = profile
    with pytest.raises(DomainError) as refused:
        hold_for_window(home)
    text = describe(refused.value)
    assert refused.value.code == "profile_in_use" and str(home) in text
    assert f"履约桌面程序，进程 {holder.process.pid}" in text and "关闭" in text


def test_the_lock_goes_with_a_killed_holder(profile, holder):
    home, _env = profile
    holder.kill()
    lock = hold_for_window(home)
    try:
        assert lock.held and f"进程 {os.getpid()}" in lock.holder()
    finally:
        lock.release()


def test_a_real_second_window_says_so_and_exits_1(profile, holder):
    home, env = profile
    window = {**env, "QT_QPA_PLATFORM": "offscreen", "LVYUE_QUIT_WHEN_SHOWN": "1"}
    refused = subprocess.run([sys.executable, "main.py", "--home", str(home)], cwd=ROOT, env=window,
                             capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert refused.returncode == 1, refused.stderr
    assert "已在另一个履约窗口中打开" in refused.stderr and f"进程 {holder.process.pid}" in refused.stderr
    assert "shown QMessageBox" in refused.stderr  # the windowed build has no console: a message box says it
    holder.kill()
    started = subprocess.run([sys.executable, "main.py", "--home", str(home)], cwd=ROOT, env=window,
                             capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert started.returncode == 0 and "shown LoginDialog" in started.stderr, started.stderr
    log = (home / "logs" / "lvyue.log").read_text(encoding="utf-8")  # the window's own log lines
    assert "[window " in log and "window refused: 配置档案" in log and "window started: profile" in log


def test_restore_is_refused_while_a_window_is_open_but_sync_runs(profile, holder, tmp_path):
    home, env = profile
    restore = cli(env, "restore", str(tmp_path / "any.sqlite"), "--home", str(home))
    assert restore.returncode == 1 and "已在另一个履约窗口中打开" in restore.stderr
    assert "Traceback" not in restore.stderr
    synced = cli(env, "sync", "--home", str(home))  # not enrolled: refused for that, not for the window
    assert synced.returncode == 1 and "尚未加入同步" in synced.stderr
    assert "正在同步中" not in synced.stderr and "另一个履约窗口" not in synced.stderr
    with pytest.raises(DomainError):
        refuse_if_window_open(home)
    holder.kill()
    refuse_if_window_open(home)  # free again


def test_a_lock_file_is_exclusive_between_handles_of_one_process(tmp_path):
    first, second = FileLock(tmp_path / "x.lock"), FileLock(tmp_path / "x.lock")
    assert first.acquire("first holder") and not second.acquire()
    assert second.holder() == "first holder"
    first.release()
    assert second.acquire() and second.holder() == "first holder"  # no new note: the old one stays readable
    second.release()
