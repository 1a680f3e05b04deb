"""``schedule install | remove | show``: the daily sync in Windows Task Scheduler 每日自动同步计划任务.

One task per Windows user and profile (``app.platform.task_scheduler``), created from XML with
``schtasks /Create /XML``, so it runs only while the user is logged on (Credential Manager needs the
logon session), starts late when the PC was off, and runs ``sync --home <profile>`` from the install (or
checkout) folder. The installer calls ``lvyue-cli.exe schedule install --time HH:MM`` and ``schedule
remove``. On other systems ``install`` and ``remove`` refuse (exit 1); ``show --xml`` prints the task
that would be installed.

``schtasks`` runs through ``RUNNER`` (``run_schtasks``), which tests replace.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.cli.output import Output
from app.common.lazy import lazy_module
from app.domain.errors import DomainError
from app.platform import task_scheduler as ts

_profile = lazy_module("app.services.profile")


def run_schtasks(args: list[str]) -> tuple[int, str]:
    """``schtasks.exe`` with ``args``: (exit code, its output). Its text is in the console's code page."""
    system = os.environ.get("SystemRoot", r"C:\Windows")
    program = str(Path(system) / "System32" / "schtasks.exe")
    try:
        done = subprocess.run([program, *args], capture_output=True, timeout=120,
                              creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except OSError as error:
        return 1, str(error)
    raw = done.stdout + done.stderr
    for encoding in ("utf-8", "oem" if os.name == "nt" else "gb18030"):
        try:
            return done.returncode, raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return done.returncode, raw.decode("latin-1")


RUNNER: Callable[[list[str]], tuple[int, str]] = run_schtasks


def on_windows() -> bool:
    return os.name == "nt"


def register(sub, common) -> None:
    from app.cli.arguments import ChineseParser

    schedule = sub.add_parser("schedule", parents=[common],
                              help="Windows 任务计划中的每日自动同步（创建、删除、查看）").add_subparsers(
        title="计划任务命令", metavar="命令", parser_class=ChineseParser)
    p = schedule.add_parser("install", parents=[common],
                            help="创建（或更新）每天自动同步本配置档案的计划任务：只在本用户登录时运行")
    p.add_argument("--time", default=ts.DEFAULT_TIME, metavar="时:分", help=f"每天同步的时间（默认 {ts.DEFAULT_TIME}）")
    p.set_defaults(handler=install)
    p = schedule.add_parser("remove", parents=[common], help="删除本配置档案的自动同步计划任务")
    p.set_defaults(handler=remove)
    p = schedule.add_parser("show", parents=[common], help="查看计划任务：名称、时间、命令行、上次运行结果")
    p.add_argument("--xml", action="store_true", help="只输出将要创建的任务定义（XML，任何系统都可用）")
    p.add_argument("--time", default=ts.DEFAULT_TIME, metavar="时:分", help="与 --xml 一起用：任务的时间")
    p.set_defaults(handler=show)


def _user() -> str:
    import getpass

    return os.environ.get("USERNAME") or getpass.getuser()


def _user_id() -> str | None:
    user, domain = os.environ.get("USERNAME"), os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if user and domain else user


def _planned(args) -> tuple[Path, str, ts.TaskAction]:
    home = _profile.resolve_home(args.home)
    name = ts.task_name(_user(), home, _profile.default_home())
    return home, name, ts.sync_action(home)


def _windows_only() -> None:
    if not on_windows():
        raise DomainError("schedule_windows_only", system=sys.platform)


def install(args, out: Output) -> int:
    at = ts.parse_time(args.time)
    _windows_only()
    home, name, action = _planned(args)
    text = ts.task_xml(name, action, at, user_id=_user_id())
    handle, path = tempfile.mkstemp(prefix="lvyue-task-", suffix=".xml")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(ts.task_xml_bytes(text))
        code, output = RUNNER(["/Create", "/XML", path, "/TN", name, "/F"])
    finally:
        os.unlink(path)
    if code != 0:
        raise DomainError("schedule_failed", action="创建", name=name, status=code, detail=output.strip() or "—")
    log = home / "logs" / "lvyue.log"
    out.result({"task": name, "time": f"{at:%H:%M}", "command_line": action.command_line(),
                "working_dir": action.working_dir, "home": str(home), "log": str(log)},
               f"已创建计划任务“{name}”：每天 {at:%H:%M} 同步配置档案 {home}\n"
               f"（只在本用户登录 Windows 时运行；电脑当时关机则开机后补做）\n"
               f"命令：{action.command_line()}\n起始于：{action.working_dir}\n日志：{log}")
    return 0


def remove(args, out: Output) -> int:
    _windows_only()
    _home, name, _action = _planned(args)
    code, output = RUNNER(["/Delete", "/TN", name, "/F"])
    if code != 0:
        present, _ = RUNNER(["/Query", "/TN", name])
        if present != 0:  # there was none: nothing to do
            out.result({"task": name, "removed": False}, f"没有计划任务“{name}”，无需删除")
            return 0
        raise DomainError("schedule_failed", action="删除", name=name, status=code, detail=output.strip() or "—")
    out.result({"task": name, "removed": True}, f"已删除计划任务“{name}”")
    return 0


LAST_RUN = ("Last Run Time", "上次运行时间")
LAST_RESULT = ("Last Result", "上次结果", "上次运行结果")


def show(args, out: Output) -> int:
    if args.xml:
        _home, name, action = _planned(args)
        text = ts.task_xml(name, action, ts.parse_time(args.time), user_id=_user_id())
        out.result({"task": name, "xml": text}, text.rstrip("\n"))
        return 0
    home, name, action = _planned(args)
    data = {"task": name, "home": str(home), "installed": False, "time": None,
            "command_line": action.command_line(), "working_dir": action.working_dir,
            "last_run": None, "last_result": None}
    if not on_windows():
        out.result(data, f"计划任务：{name}（本机不是 Windows，没有任务计划；可用 schedule show --xml 查看任务定义）\n"
                         f"命令：{action.command_line()}\n起始于：{action.working_dir}")
        return 0
    code, xml_text = RUNNER(["/Query", "/TN", name, "/XML"])
    if code != 0:
        out.result(data, f"没有计划任务“{name}”。创建：schedule install --time 17:30")
        return 0
    task = ts.read_task(xml_text)
    _code, listing = RUNNER(["/Query", "/TN", name, "/FO", "LIST", "/V"])
    facts = _list_values(listing)
    data.update(installed=True, time=task["time"], working_dir=task["working_dir"],
                command_line=f"{task['command']} {task['arguments']}".strip(),
                last_run=_first(facts, LAST_RUN), last_result=_first(facts, LAST_RESULT),
                logon_type=task["logon_type"])
    lines = [f"计划任务：{name}", f"时间：每天 {task['time']}", f"命令：{data['command_line']}",
             f"起始于：{task['working_dir']}", f"上次运行：{data['last_run'] or '从未'}",
             f"上次结果：{_result_text(data['last_result'])}"]
    if task["logon_type"] and task["logon_type"] != "InteractiveToken":
        lines.append("注意：任务不是“只在用户登录时运行”，无法读取 Windows 凭据管理器（错误 1312）；"
                     "请重新执行 schedule install")
    out.result(data, "\n".join(lines))
    return 0


def _list_values(listing: str) -> dict[str, str]:
    values = {}
    for line in listing.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            values.setdefault(key.strip(), value.strip())
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[k] for k in keys if values.get(k)), None)


RESULTS = {"0": "成功", "1": "被拒绝（如未加入同步，见日志）", "4": "中心不可达或正在同步，稍后自动再试",
           "5": "已同步，但中心拒收了部分记录（sync --status）", "267009": "正在运行", "267011": "尚未运行"}


def _result_text(value: str | None) -> str:
    if not value:
        return "—"
    return f"{value}（{RESULTS[value]}）" if value in RESULTS else value
