"""The scheduled sync task (app.platform.task_scheduler): the command line Windows hands the program is
read back with a pure-Python ``CommandLineToArgvW`` (tests/windows_argv.py) and must give the exact argv
for hostile paths; ``%NAME%`` patterns (which Task Scheduler expands) are refused in Chinese; the XML has
the settings a working daily sync needs and is the UTF-16 file ``schtasks /XML`` reads."""

from __future__ import annotations

from datetime import time
from pathlib import Path, PureWindowsPath

import pytest

from app.domain.errors import DomainError
from app.messages import describe
from app.platform import task_scheduler as ts
from tests.windows_argv import command_line_to_argv

HOSTILE = [
    r"C:\Users\杨喆\AppData\Local\Lvyue\profiles\default",
    r"D:\履约 数据\备份#1\配置 档案",
    r"C:\Program Files\Lvyue",
    r"E:\a&b;c\h%41 x",
    r"C:\quote\say ""hi""",
    "C:\\trailing\\",
    "C:\\trailing space\\",
    "C:\\two\\\\",
    'back\\"slash',
    "",
    "tab\there",
    r"\\server\share\县 局\x",
    "ꆈ𠮷\\",
]


def test_the_reference_parser_is_windows_own_examples():
    """Microsoft's documented examples, so the round trips below test against the real rules."""
    examples = {
        'prog "abc" d e': ["prog", "abc", "d", "e"],
        r'prog a\\\b d"e f"g h': ["prog", r"a\\\b", "de fg", "h"],
        r'prog a\\\"b c d': ["prog", r"a\"b", "c", "d"],
        r'prog a\\\\"b c" d e': ["prog", "a\\\\b c", "d", "e"],
        r'prog a"b"" c d': ["prog", 'ab" c d'],
        '"C:\\Program Files\\x.exe" sync': ["C:\\Program Files\\x.exe", "sync"],
    }
    for line, argv in examples.items():
        assert command_line_to_argv(line) == argv, line


@pytest.mark.parametrize("arg", HOSTILE)
def test_every_argument_comes_back_exactly(arg):
    args = ["sync", "--home", arg, "--x", arg + "tail", arg]
    line = "prog " + ts.join_arguments(args)
    assert command_line_to_argv(line)[1:] == args


@pytest.mark.parametrize("folder", [r"C:\Program Files\Lvyue", r"D:\履约#1\程序", r"C:\a&b;c\%41", r"C:\Lvyue"])
@pytest.mark.parametrize("home", HOSTILE[:5] + HOSTILE[11:])
def test_the_installed_bundle_task_gives_back_its_argv(folder, home):
    cli = str(PureWindowsPath(folder) / "lvyue-cli.exe")
    action = ts.sync_action(Path(home), executable=cli, frozen=True, windows=True)
    assert action.command == cli and action.working_dir == folder
    assert command_line_to_argv(action.command_line()) == [cli, "sync", "--home", str(Path(home))]


def test_the_window_exe_schedules_its_console_sibling():
    action = ts.sync_action(Path("D:/p"), executable=r"C:\Program Files\Lvyue\Lvyue.exe", frozen=True, windows=True)
    assert PureWindowsPath(action.command).name == "lvyue-cli.exe"


def test_a_checkout_runs_main_py_with_pythonw(tmp_path):
    checkout = tmp_path / "履约 #1 & 源码"
    scripts = checkout / ".venv" / "Scripts"
    scripts.mkdir(parents=True)
    for name in ("python.exe", "pythonw.exe"):
        (scripts / name).write_bytes(b"")
    main = checkout / "main.py"
    action = ts.sync_action(Path("D:/数据 #2"), executable=str(scripts / "python.exe"), frozen=False,
                            main_script=main, windows=False)
    assert action.command == str(scripts / "pythonw.exe")  # no console window at 17:30
    assert action.working_dir == str(checkout)
    argv = command_line_to_argv(action.command_line())
    assert argv == [str(scripts / "pythonw.exe"), str(main), "sync", "--home", str(Path("D:/数据 #2"))]


@pytest.mark.parametrize("path", [r"C:\Users\%USERNAME%\x", r"D:\%TEMP%", r"C:\a%b c%d"])
def test_paths_that_task_scheduler_would_expand_are_refused(path):
    with pytest.raises(DomainError) as refused:
        ts.sync_action(Path(path), executable=r"C:\Lvyue\lvyue-cli.exe", frozen=True, windows=True)
    assert refused.value.code == "schedule_path_expands"
    assert "环境变量" in describe(refused.value) and path in describe(refused.value)
    with pytest.raises(DomainError):
        ts.sync_action(Path("D:/ok"), executable=path + r"\lvyue-cli.exe", frozen=True, windows=True)


def test_a_single_percent_is_fine():
    action = ts.sync_action(Path(r"D:\h%41 x"), executable=r"C:\50%\lvyue-cli.exe", frozen=True, windows=True)
    assert command_line_to_argv(action.command_line())[-1] == str(Path(r"D:\h%41 x"))


def test_the_xml_has_what_a_working_daily_sync_needs():
    action = ts.sync_action(Path(r"D:\数据 & <备份>"), executable=r"C:\Program Files\Lvyue\lvyue-cli.exe",
                            frozen=True, windows=True)
    text = ts.task_xml("履约每日同步-wang", action, time(17, 30), user_id=r"CXZ\wang")
    assert text.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    for fragment in ("<LogonType>InteractiveToken</LogonType>", "<StartWhenAvailable>true</StartWhenAvailable>",
                     "<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>",
                     "<ExecutionTimeLimit>PT1H</ExecutionTimeLimit>", "<DaysInterval>1</DaysInterval>",
                     r"<UserId>CXZ\wang</UserId>", r"<WorkingDirectory>C:\Program Files\Lvyue</WorkingDirectory>",
                     "&amp; &lt;备份&gt;"):
        assert fragment in text, fragment
    assert "Password" not in text and "S4U" not in text
    read = ts.read_task(text)
    assert read["time"] == "17:30" and read["logon_type"] == "InteractiveToken"
    line = f"{read['command']} {read['arguments']}"  # what Task Scheduler starts
    assert command_line_to_argv(line) == [action.command, "sync", "--home", str(Path(r"D:\数据 & <备份>"))]
    raw = ts.task_xml_bytes(text)
    assert raw[:2] == b"\xff\xfe" and raw.decode("utf-16") == text.replace("\n", "\r\n")
    assert ts.read_task(raw.decode("utf-16"))["working_dir"] == r"C:\Program Files\Lvyue"


@pytest.mark.parametrize(("text", "ok"), [("17:30", True), ("07:05", True), ("23:59", True), ("24:00", False),
                                          ("7:30", False), ("17:60", False), ("5pm", False)])
def test_the_time(text, ok):
    if ok:
        assert ts.parse_time(text).strftime("%H:%M") == text
    else:
        with pytest.raises(DomainError) as refused:
            ts.parse_time(text)
        assert "时:分" in describe(refused.value)


def test_one_task_per_windows_user_and_profile():
    default = Path(r"C:\Users\wang\AppData\Local\Lvyue\profiles\default")
    assert ts.task_name("wang", default, default) == "履约每日同步-wang"  # the installer's name
    other = ts.task_name("wang", Path(r"D:\demo"), default)
    assert other.startswith("履约每日同步-wang-") and other != ts.task_name("li", Path(r"D:\demo"), default)
    assert other != ts.task_name("wang", Path(r"D:\demo2"), default)
    assert ts.task_name(r"CXZ\wang li", default, default) == "履约每日同步-CXZ_wang li"  # no folder, the space kept
    assert ts.task_name("Wang Li", default, default) == "履约每日同步-Wang Li"  # as the installer's %USERNAME%
