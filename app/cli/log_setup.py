"""The command line's log 命令行日志: each command that works on a profile writes to its log file
(``app.common.log_file``: ``<profile>/logs/lvyue.log``) — what ran, how it ended, and the traceback of an
internal error, which the console shows as one Chinese line. A scheduled ``sync`` has no console at all:
the file is where its result is read.

The console stays exactly as it was: no stream handler is added. Without a handler of its own, logging
prints warnings on stderr through ``logging.lastResort``; once the file handler is on the root logger that
would stop, so ``lastResort`` itself joins the root logger for the command (warnings and above, as before).
A profile folder that does not exist is not created for a log (``init`` makes it; ``version`` has none).
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.common import log_file

PROGRAM = "cli"


class CommandLog:
    def __init__(self, handler: log_file.QuietRotatingFileHandler, console: logging.Handler | None) -> None:
        self.handler, self.console = handler, console

    def started(self, argv: list[str]) -> None:
        log_file.write(self.handler, logging.INFO, "命令开始：%s", " ".join(argv), name="app.cli")

    def finished(self, code: int, text: str = "") -> None:
        log_file.write(self.handler, logging.INFO, "命令结束：退出码 %s%s", code, f"（{text}）" if text else "",
                       name="app.cli")

    def refused(self, code: str, text: str) -> None:
        log_file.write(self.handler, logging.INFO, "拒绝：%s %s", code, text, name="app.cli")

    def failed(self, error: BaseException) -> None:
        log_file.write(self.handler, logging.ERROR, "程序内部错误", exc_info=(type(error), error, error.__traceback__),
                       name="app.cli")

    def close(self) -> None:
        root = logging.getLogger()
        if self.console is not None:
            root.removeHandler(self.console)
        log_file.detach(self.handler)


def profile_home(args) -> Path | None:
    """The profile folder the command works on, when it exists already."""
    from app.services.profile import resolve_home

    try:
        home = resolve_home(getattr(args, "home", None) or None)
    except (OSError, RuntimeError, ValueError):
        return None
    return home if home.is_dir() else None


def start(args, argv: list[str]) -> CommandLog | None:
    home = profile_home(args)
    if home is None:
        return None
    root = logging.getLogger()
    console = None
    if not root.handlers and logging.lastResort is not None:  # what printed warnings until now keeps doing so
        console = logging.lastResort
        root.addHandler(console)
    log = CommandLog(log_file.attach(home, PROGRAM), console)
    log.started(argv)
    return log


def wanted(args) -> bool:
    """Commands that work on a profile (not ``version``, not the parser's help)."""
    handler = getattr(args, "handler", None)
    return handler is not None and getattr(handler, "__name__", "") != "version"
