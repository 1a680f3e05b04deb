"""The daily sync task 每日同步计划任务 of Windows Task Scheduler, as the XML ``schtasks /Create /XML`` takes.

Why these settings (docs/operator-guide.md, 计划任务):

- ``InteractiveToken``: the task runs in the user's logon session, while the user is logged on. The sync
  token and the profile's data key are in Windows Credential Manager, which needs that session; "run
  whether the user is logged on or not" makes every keyring call fail with error 1312.
- ``StartWhenAvailable``: a PC switched off at 17:30 syncs when it is next on; ``IgnoreNew``: a run still
  going is not doubled; ``ExecutionTimeLimit``: a sync hung on a dead network ends after an hour.
- ``WorkingDirectory``: the install (or checkout) folder; Task Scheduler starts elsewhere (system32).
- ``Command`` and ``Arguments`` are quoted for ``CommandLineToArgvW`` / the C runtime (no cmd.exe is
  involved, so ``&`` and ``;`` are plain characters), but Task Scheduler expands ``%NAME%`` in all three
  fields: a path with such a pattern is refused (``schedule_path_expands``) rather than run mangled.

The program is ``lvyue-cli.exe sync`` in the installed bundle, ``pythonw.exe main.py sync`` (the
virtual environment's, no console window) in a checkout.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from datetime import time
from pathlib import Path, PurePath, PureWindowsPath
from xml.etree import ElementTree

from app.domain.errors import DomainError

NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"
SCHEMA_VERSION = "1.2"  # Windows 7 and later; every element used here is in it
TASK_BASE = "履约每日同步"  # installer/lvyue-setup.nsi: TASK_BASE
EXECUTION_LIMIT = "PT1H"
DEFAULT_TIME = "17:30"
_EXPANDED = re.compile(r"%[^%]+%")  # what Task Scheduler (like cmd) replaces by an environment variable
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_NOT_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # a space is fine: the installer's name keeps it


@dataclass(frozen=True)
class TaskAction:
    """What the task starts: ``command`` with ``arguments`` in ``working_dir``."""

    command: str
    arguments: tuple[str, ...]
    working_dir: str

    def arguments_text(self) -> str:
        return join_arguments(self.arguments)

    def command_line(self) -> str:
        """The command line the program receives (Task Scheduler quotes a command with spaces)."""
        return f"{quote_program(self.command)} {self.arguments_text()}".rstrip()


def parse_time(text: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise DomainError("schedule_time_invalid", value=text)
    return time(int(match.group(1)), int(match.group(2)))


def task_name(user: str, home: Path, default_home: Path) -> str:
    """``履约每日同步-<Windows user>`` for the default profile (the installer's name), with a short
    digest of the folder for any other profile: one task per user and profile."""
    name = f"{TASK_BASE}-{_NOT_IN_NAME.sub('_', user).strip() or 'user'}"
    if _same_path(home, default_home):
        return name
    digest = hashlib.sha256(str(home).casefold().encode("utf-8")).hexdigest()[:8]
    return f"{name}-{digest}"


def _same_path(a: Path, b: Path) -> bool:
    return str(a).casefold().rstrip("\\/") == str(b).casefold().rstrip("\\/")


# ---- quoting: the inverse of CommandLineToArgvW -----------------------------------------------------
def quote_argument(arg: str) -> str:
    """One argument as the Microsoft C runtime and ``CommandLineToArgvW`` read it back: quoted when it
    has white space or a quote (or is empty); backslashes doubled only before a quote."""
    if arg and not any(ch in arg for ch in ' \t\n\v"'):
        return arg
    out, backslashes = ['"'], 0
    for ch in arg:
        if ch == "\\":
            backslashes += 1
        elif ch == '"':
            out.append("\\" * (2 * backslashes + 1) + '"')
            backslashes = 0
        else:
            out.append("\\" * backslashes + ch)
            backslashes = 0
    out.append("\\" * (2 * backslashes) + '"')
    return "".join(out)


def join_arguments(args: tuple[str, ...] | list[str]) -> str:
    return " ".join(quote_argument(arg) for arg in args)


def quote_program(path: str) -> str:
    """argv[0] has no escapes: quoted as a whole when it has white space (a path has no quote)."""
    return f'"{path}"' if any(ch in path for ch in " \t") else path


def check_not_expanded(*paths: str) -> None:
    for path in paths:
        if _EXPANDED.search(path):
            raise DomainError("schedule_path_expands", path=path)


# ---- the program to run -----------------------------------------------------------------------------
def sync_action(home: Path, *, executable: str | None = None, frozen: bool | None = None,
                main_script: Path | None = None, windows: bool | None = None) -> TaskAction:
    """``sync --home <home>`` run by this installation: the bundle's ``lvyue-cli.exe`` or the checkout's
    ``pythonw.exe main.py``. ``home`` is always given: the task has none of the shell's LVYUE_HOME.
    ``windows`` (default: this system) reads ``executable`` as a Windows path, so tests run anywhere."""
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    windows = os.name == "nt" if windows is None else windows
    program: PurePath = (PureWindowsPath if windows else PurePath)(executable)
    arguments: tuple[str, ...] = ("sync", "--home", str(home))
    if frozen:
        if not program.stem.lower().startswith("lvyue-cli"):
            program = program.with_name("lvyue-cli" + program.suffix)
        folder = program.parent
    else:
        main_script = main_script or Path(__file__).resolve().parents[2] / "main.py"
        if program.name.lower() == "python.exe" and Path(program.with_name("pythonw.exe")).is_file():
            program = program.with_name("pythonw.exe")  # no console window flashing at 17:30
        folder = main_script.parent
        arguments = (str(main_script), *arguments)
    action = TaskAction(str(program), arguments, str(folder))
    check_not_expanded(action.command, action.working_dir, *action.arguments)
    return action


# ---- the XML ----------------------------------------------------------------------------------------
def task_xml(name: str, action: TaskAction, at: time, *, user_id: str | None = None,
             description: str | None = None) -> str:
    """The task definition (text; ``task_xml_bytes`` for the UTF-16 file ``schtasks /XML`` reads)."""
    check_not_expanded(action.command, action.working_dir, *action.arguments)
    ElementTree.register_namespace("", NAMESPACE)

    def el(parent, tag: str, text: str | None = None, **attrs: str):
        node = ElementTree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    root = ElementTree.Element(f"{{{NAMESPACE}}}Task", {"version": SCHEMA_VERSION})
    info = el(root, "RegistrationInfo")
    el(info, "Description", description or f"履约：每天 {at:%H:%M} 与州级中心同步（sync）。由 schedule install 创建。")
    el(info, "URI", "\\" + name)
    trigger = el(el(root, "Triggers"), "CalendarTrigger")
    el(trigger, "StartBoundary", f"2026-01-01T{at:%H:%M}:00")  # local time, no zone: follows the PC's clock
    el(trigger, "Enabled", "true")
    el(el(trigger, "ScheduleByDay"), "DaysInterval", "1")
    principal = el(el(root, "Principals"), "Principal", id="Author")
    if user_id:
        el(principal, "UserId", user_id)
    el(principal, "LogonType", "InteractiveToken")  # never Password/S4U: Credential Manager needs the session
    el(principal, "RunLevel", "LeastPrivilege")
    settings = el(root, "Settings")
    for tag, text in (("MultipleInstancesPolicy", "IgnoreNew"), ("DisallowStartIfOnBatteries", "false"),
                      ("StopIfGoingOnBatteries", "false"), ("AllowHardTerminate", "true"),
                      ("StartWhenAvailable", "true"), ("RunOnlyIfNetworkAvailable", "false")):
        el(settings, tag, text)
    idle = el(settings, "IdleSettings")
    el(idle, "StopOnIdleEnd", "false")
    el(idle, "RestartOnIdle", "false")
    for tag, text in (("AllowStartOnDemand", "true"), ("Enabled", "true"), ("Hidden", "false"),
                      ("RunOnlyIfIdle", "false"), ("WakeToRun", "false"),
                      ("ExecutionTimeLimit", EXECUTION_LIMIT), ("Priority", "7")):
        el(settings, tag, text)
    exec_ = el(el(root, "Actions", Context="Author"), "Exec")
    el(exec_, "Command", quote_program(action.command))
    if action.arguments:
        el(exec_, "Arguments", action.arguments_text())
    el(exec_, "WorkingDirectory", action.working_dir)
    ElementTree.indent(root, space="  ")
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n"


def task_xml_bytes(text: str) -> bytes:
    """UTF-16 with a byte order mark and CRLF lines: what ``schtasks /Create /XML`` expects."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-16")


def read_task(xml_text: str) -> dict[str, str]:
    """From a task's XML (``schtasks /Query /XML``): time, command, arguments and working folder."""
    root = ElementTree.fromstring(_without_declaration(xml_text))
    ns = {"t": NAMESPACE}

    def text(path: str) -> str:
        node = root.find(path, ns)
        return (node.text or "").strip() if node is not None else ""

    boundary = text(".//t:CalendarTrigger/t:StartBoundary")
    return {"time": boundary[11:16] if len(boundary) >= 16 else "", "command": text(".//t:Exec/t:Command"),
            "arguments": text(".//t:Exec/t:Arguments"), "working_dir": text(".//t:Exec/t:WorkingDirectory"),
            "logon_type": text(".//t:Principal/t:LogonType")}


def _without_declaration(xml_text: str) -> str:
    """ElementTree refuses a str that declares an encoding; the declaration says nothing a str needs."""
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", xml_text, count=1)
