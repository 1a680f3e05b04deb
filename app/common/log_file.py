"""The log file 日志文件 of a profile: ``<profile>/logs/lvyue.log``, for support.

Written by the window, the command line and the sync client running in either: UTF-8, rotated at 1 MB
with 5 older files kept (``lvyue.log.1`` … ``.5``), owner-only (0600; the folder 0700), every record
masked (phones, ID numbers: ``app.security.log_masking``). Each line names the program and its process,
since the window and a scheduled ``sync`` may write at the same time.

A log must never stop the work or change what the user sees: when the disk is full, the folder is
read-only or Windows keeps the file open in another process (no rotation then: the file grows until the
next try), the record is dropped without a word — ``handleError`` prints nothing, unlike logging's own.
"""

from __future__ import annotations

import logging
import os
import stat
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.security import log_masking

FOLDER, NAME = "logs", "lvyue.log"
MAX_BYTES, BACKUPS = 1_000_000, 5
FORMAT = "%(asctime)s [{program} %(process)d] %(levelname)s %(name)s: %(message)s"
OWN_LOGGERS = ("app", "ui")  # our own modules log at INFO into the file; libraries from WARNING


def log_path(home: Path) -> Path:
    return Path(home) / FOLDER / NAME


class QuietRotatingFileHandler(RotatingFileHandler):
    """A ``RotatingFileHandler`` that creates its folder and file owner-only and never complains."""

    def __init__(self, path: Path, program: str) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", errors="backslashreplace",
                         delay=True)
        self.setFormatter(logging.Formatter(FORMAT.format(program=program)))
        self.addFilter(log_masking.FILTER)
        self.setLevel(logging.INFO)
        self.previous_levels: dict[str, int] = {}

    def _open(self):
        folder = os.path.dirname(self.baseFilename)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            if os.name != "nt" and stat.S_ISREG(os.fstat(fd).st_mode):
                os.fchmod(fd, 0o600)  # a file made before with a wider mode
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:  # Windows: another Lvyue process has the file open; keep appending, rotate later
            if self.stream is None:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """Full disk, read-only folder, file locked: the record is lost, silently (never a traceback)."""

    def flush(self) -> None:
        try:
            super().flush()
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):
            pass


def attach(home: Path, program: str) -> QuietRotatingFileHandler:
    """Log to ``home``'s file from now on: on the root logger, and our own loggers at INFO (the level
    other handlers see is theirs: a console handler at WARNING shows what it showed before)."""
    handler = QuietRotatingFileHandler(log_path(home), program)
    for name in OWN_LOGGERS:
        logger = logging.getLogger(name)
        handler.previous_levels[name] = logger.level
        if logger.getEffectiveLevel() > logging.INFO:
            logger.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    return handler


def detach(handler: QuietRotatingFileHandler | None) -> None:
    """Undo ``attach``: the handler off the root logger and closed, the level as it was."""
    if handler is None:
        return
    logging.getLogger().removeHandler(handler)
    for name, level in handler.previous_levels.items():
        logging.getLogger(name).setLevel(level)
    handler.close()


def write(handler: QuietRotatingFileHandler | None, level: int, message: str, *args,
          exc_info=None, name: str = "app") -> None:
    """A record for the file alone (not for the console's handlers): a command's start and end, the
    traceback of an internal error that the console shows as one Chinese line."""
    if handler is None:
        return
    record = logging.getLogger(name).makeRecord(name, level, "(log)", 0, message, args, exc_info)
    handler.handle(record)
