"""``main.py schedule install|remove|show`` (issue 16 item 3) and the scheduled sync's keyring failure.

Real ``main.py`` children where the system allows it: ``show --xml`` prints the task for a hostile profile
path (its command line read back with ``CommandLineToArgvW``'s rules), ``install``/``remove`` refuse on
Linux in Chinese, and a ``sync`` whose keyring raises ``pywintypes.error`` 1312 (a task set to "run whether
the user is logged on or not") says what to change, exit 1, no traceback. The Windows path (schtasks) runs
in process with ``RUNNER`` replaced by a recorder that reads the XML file schtasks would get.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.cli import schedule_commands
from app.platform import task_scheduler as ts
from tests.sync_fixtures import process_env
from tests.windows_argv import command_line_to_argv

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Lvyue-2026!"


def run(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def env(tmp_path):
    return process_env(tmp_path / "keyring.json", LVYUE_PASSWORD=PASSWORD)


def test_show_xml_prints_the_task_for_a_hostile_path(env, tmp_path):
    home = tmp_path / "履约 数据" / "备份#1 & h%41;x"
    shown = run(env, "schedule", "show", "--xml", "--time", "18:05", "--home", str(home), "--json")
    assert shown.returncode == 0, shown.stderr
    text = json.loads(shown.stdout)["xml"]
    task = ts.read_task(text)
    assert task["time"] == "18:05" and task["logon_type"] == "InteractiveToken"
    assert task["working_dir"] == str(ROOT)
    argv = command_line_to_argv(f"{task['command']} {task['arguments']}")
    assert argv[1:] == [str(ROOT / "main.py"), "sync", "--home", str(home)]
    plain = run(env, "schedule", "show", "--xml", "--home", str(home))
    assert plain.stdout.startswith('<?xml version="1.0" encoding="UTF-16"?>') and "<StartWhenAvailable>true" in plain.stdout


def test_install_and_remove_are_windows_only(env, tmp_path):
    for args in (["install", "--time", "17:30"], ["remove"]):
        refused = run(env, "schedule", *args, "--home", str(tmp_path / "p"))
        assert refused.returncode == 1
        assert "只能在 Windows" in refused.stderr and "Traceback" not in refused.stderr
    bad = run(env, "schedule", "install", "--time", "25:00", "--home", str(tmp_path / "p"))
    assert bad.returncode == 1 and "时:分" in bad.stderr
    shown = run(env, "schedule", "show", "--home", str(tmp_path / "p"))
    assert shown.returncode == 0 and "履约每日同步-" in shown.stdout and "sync --home" in shown.stdout


def test_a_path_task_scheduler_would_expand_is_refused(env, tmp_path):
    refused = run(env, "schedule", "show", "--xml", "--home", str(tmp_path / "%USERNAME%"))
    assert refused.returncode == 1 and "环境变量" in refused.stderr and "Traceback" not in refused.stderr


class Schtasks:
    """Stands in for schtasks.exe: records the calls, keeps the created task's XML as Windows would."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.tasks: dict[str, str] = {}

    def __call__(self, args: list[str]) -> tuple[int, str]:
        self.calls.append(args)
        name = args[args.index("/TN") + 1]
        if args[0] == "/Create":
            raw = Path(args[args.index("/XML") + 1]).read_bytes()
            assert raw[:2] == b"\xff\xfe"  # UTF-16 with its byte order mark
            self.tasks[name] = raw.decode("utf-16")
            return 0, "成功: 成功创建计划任务。"
        if name not in self.tasks:
            return 1, "错误: 系统找不到指定的文件。"
        if args[0] == "/Delete":
            del self.tasks[name]
            return 0, "成功: 计划的任务被成功删除。"
        if "/XML" in args:
            return 0, self.tasks[name]
        return 0, f"任务名:   \\{name}\n上次运行时间:   2026/12/5 17:30:02\n上次结果:   4\n"


@pytest.fixture
def windows(monkeypatch):
    schtasks = Schtasks()
    monkeypatch.setattr(schedule_commands, "RUNNER", schtasks)
    monkeypatch.setattr(schedule_commands, "on_windows", lambda: True)
    monkeypatch.setenv("USERNAME", "wang")
    monkeypatch.setenv("USERDOMAIN", "CXZ")
    return schtasks


def test_install_show_remove_through_schtasks(windows, tmp_path, capsys):
    home = tmp_path / "配置 #1"
    assert cli_main(["schedule", "install", "--time", "17:45", "--home", str(home)]) == 0
    done = capsys.readouterr().out
    (name, text), = windows.tasks.items()
    assert name.startswith("履约每日同步-wang-") and f"“{name}”" in done and "17:45" in done
    assert windows.calls[0][0] == "/Create" and windows.calls[0][-1] == "/F"
    assert not Path(windows.calls[0][2]).exists()  # the temporary XML file is gone
    assert r"<UserId>CXZ\wang</UserId>" in text and "<LogonType>InteractiveToken</LogonType>" in text
    assert str(home / "logs" / "lvyue.log") in done

    assert cli_main(["schedule", "show", "--home", str(home), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["installed"] and shown["time"] == "17:45" and shown["last_result"] == "4"
    assert command_line_to_argv(shown["command_line"])[-3:] == ["sync", "--home", str(home)]
    assert cli_main(["schedule", "show", "--home", str(home)]) == 0
    assert "中心不可达" in capsys.readouterr().out

    assert cli_main(["schedule", "remove", "--home", str(home)]) == 0
    assert "已删除" in capsys.readouterr().out and windows.tasks == {}
    assert cli_main(["schedule", "remove", "--home", str(home)]) == 0  # none left: nothing to do
    assert "无需删除" in capsys.readouterr().out
    assert cli_main(["schedule", "show", "--home", str(home)]) == 0
    assert "没有计划任务" in capsys.readouterr().out


def test_schtasks_refusing_is_reported_in_chinese(windows, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(schedule_commands, "RUNNER", lambda args: (1, "错误: 拒绝访问。"))
    assert cli_main(["schedule", "install", "--home", str(tmp_path / "p")]) == 1
    err = capsys.readouterr().err
    assert "未能创建计划任务" in err and "拒绝访问" in err and "返回 1" in err


def test_a_scheduled_sync_without_a_logon_session_says_what_to_change(env, tmp_path):
    """Credential Manager in a task run "whether the user is logged on or not": every keyring call raises
    ``pywintypes.error`` 1312. The profile's data key cannot be read: Chinese advice, exit 1."""
    home = tmp_path / "配置 #1"
    made = run(env, "init", "--home", str(home), "--region", "532322", "--office", "双柏县发展和改革局",
               "--admin", "admin")
    assert made.returncode == 0, made.stderr
    failing = {**env, "PYTHON_KEYRING_BACKEND": "tests.failing_keyring.NoLogonSessionKeyring"}
    synced = run(failing, "sync", "--home", str(home))
    assert synced.returncode == 1, synced.stderr
    assert "1312" in synced.stderr and "只在用户登录时运行" in synced.stderr and "schedule install" in synced.stderr
    assert "Traceback" not in synced.stderr and "程序内部错误" not in synced.stderr
    as_json = run(failing, "sync", "--home", str(home), "--json")
    assert json.loads(as_json.stderr.strip().splitlines()[-1])["error"] == "keyring_failed"
    assert os.environ.get("PYTHON_KEYRING_BACKEND") != failing["PYTHON_KEYRING_BACKEND"]


HOLD = """
import sys
from pathlib import Path
from app.services.profile_lock import hold_for_window
from app.sync.lock import sync_lock
home = Path(sys.argv[2])
if sys.argv[1] == "window":
    held = hold_for_window(home)
    print("held", flush=True)
    sys.stdin.read()
else:
    with sync_lock(home):
        print("held", flush=True)
        sys.stdin.read()
"""


def holding(env, what: str, home: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLD, what, str(home)], cwd=ROOT, env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


def release(process: subprocess.Popen) -> None:
    process.stdin.close()  # the holder reads to the end of its input, then exits
    process.wait(timeout=60)
    process.stdout.close()


def test_the_scheduled_sync_runs_beside_an_open_window_and_waits_for_a_syncing_one(tmp_path, monkeypatch):
    """A real hub: with a window open (its lock held by another process) the scheduled ``sync`` syncs (0);
    while another process syncs (the sync lock) it exits 4 and says so; the log has both runs."""
    from tests.sync_fixtures import file_keyring_env, start_hub_process

    data, home = tmp_path / "hub-data", tmp_path / "双柏 #1"
    with file_keyring_env(tmp_path, monkeypatch, proxies=False, LVYUE_HUB_PASSWORD=PASSWORD,
                          LVYUE_PASSWORD=PASSWORD) as env:
        hub, url = start_hub_process(data, env)
        try:
            made = subprocess.run([sys.executable, "-m", "server", "admin", "--data", str(data), "--json", "code",
                                   "create", "--region", "532322", "--office", "双柏县发展和改革局"], cwd=ROOT, env=env,
                                  capture_output=True, text=True, encoding="utf-8", timeout=120)
            code = json.loads(made.stdout)["code"]
            enrolled = run(env, "enroll", "--hub", url, "--code", code, "--home", str(home))
            assert enrolled.returncode == 0, enrolled.stderr

            window = holding(env, "window", home)
            try:
                beside = run(env, "sync", "--home", str(home))
            finally:
                release(window)
            assert beside.returncode == 0, beside.stderr
            assert "同步完成" in beside.stdout

            syncing = holding(env, "sync", home)
            try:
                busy = run(env, "sync", "--home", str(home))
            finally:
                release(syncing)
            assert busy.returncode == 4 and "正在同步中" in busy.stderr and "Traceback" not in busy.stderr
        finally:
            hub.terminate()
            hub.wait(timeout=30)
    log = (home / "logs" / "lvyue.log").read_text(encoding="utf-8")
    assert "sync done: pushed" in log and "sync_busy" in log and "命令结束：退出码 4" in log
