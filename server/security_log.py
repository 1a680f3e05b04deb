"""The hub's security log 安全日志: one JSON line per security-relevant happening, rotated by size.

What goes in: every refused request with its reason (auth, scope, limits, rate, version), failed
tokens, enrolments and device replacements, revocations, quarantines, refused events of a push.
Each line is ``{"at": ISO UTC, "event": kind, ...fields}``; fields are plain values, never tokens,
codes or passwords (only their first characters or hashes). The file is
``{data_dir}/logs/security.log`` (``LVYUE_HUB_SECURITY_LOG`` overrides), rotated at
``security_log_bytes`` into ``security.log.1``, ``.2`` … (the higher, the older). An old file is removed
only when there are more than ``security_log_backups`` of them AND its last line is older than
``security_log_retention_days`` (never fewer than 180: ``app.domain.retention``), so the log keeps at
least six months of records whatever its size (等保 2.0 8.1.4.3).

Several workers (processes) write the same file: each line is one append, and rotation happens under
an exclusive lock on ``security.log.lock`` after checking the file's real size, so workers neither
rotate twice nor keep writing into a file another worker has already rotated away (``_SharedFile``).

``configure(path, max_bytes, backups)`` is called once per worker at start-up
(``server.app.create_app``); ``record(event, **fields)`` may be called from any thread or coroutine
(the ``logging`` module serialises writers). Before
``configure`` (tests that build services alone) records go to the ``lvyue.hub.security`` logger
with no handler of ours, i.e. nowhere unless a test captures them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
import os
import threading
from pathlib import Path
from typing import Any

from app.common.permissions import private_dir, private_file
from app.domain import retention
from app.domain.clock import iso_utc, utc_now

LOGGER_NAME = "lvyue.hub.security"
_lock = threading.Lock()
_handler: logging.Handler | None = None


class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


try:
    import fcntl
except ImportError:  # Windows: one worker only, no lock needed
    fcntl = None


class _SharedFile(logging.handlers.RotatingFileHandler):
    """A rotating file that several processes append to: size and rotation are decided under a lock
    from the file on disk, and a stream whose file was rotated by another process is reopened. Old
    files go only past ``backupCount`` and the retention period (``clock`` is injectable for tests)."""

    def __init__(self, *args, retention_days: int = retention.MIN_DAYS, clock=utc_now, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.retention_days = retention.check_days(retention_days)
        self.clock = clock

    def _numbered(self) -> list[tuple[int, str]]:
        """The rotated files as (number, path), oldest (highest number) first."""
        folder, name = os.path.split(self.baseFilename)
        found = []
        for entry in os.listdir(folder or "."):
            suffix = entry[len(name) + 1:] if entry.startswith(name + ".") else ""
            if suffix.isdigit():
                found.append((int(suffix), os.path.join(folder, entry)))
        return sorted(found, reverse=True)

    def doRollover(self) -> None:
        """Shift every rotated file up by one (none is dropped here), then prune (``prune``)."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for number, path in self._numbered():
            os.replace(path, f"{self.baseFilename}.{number + 1}")
        if os.path.exists(self.baseFilename):
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.prune()

    def prune(self) -> list[str]:
        """Remove the rotated files beyond ``backupCount`` whose last line is older than the retention
        period; returns their paths. Files are numbered by age, so the first young one ends the scan."""
        from datetime import datetime

        removed = []
        now = self.clock()
        for number, path in self._numbered():
            if number <= self.backupCount:
                break
            written = datetime.fromtimestamp(os.stat(path).st_mtime, tz=now.tzinfo)
            if not retention.expired(written, now, self.retention_days):
                break
            os.remove(path)
            removed.append(path)
        return removed

    @contextlib.contextmanager
    def _locked(self):
        if fcntl is None:
            yield
            return
        with open(private_file(Path(self.baseFilename + ".lock")), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _current(self) -> None:
        """Reopen if the file on disk is not the one our stream writes to (rotated elsewhere)."""
        if self.stream is None:
            return
        try:
            on_disk = os.stat(self.baseFilename)
        except FileNotFoundError:
            on_disk = None
        mine = os.fstat(self.stream.fileno())
        if on_disk is None or (on_disk.st_ino, on_disk.st_dev) != (mine.st_ino, mine.st_dev):
            self.stream.close()
            self.stream = None

    def _open(self):
        private_file(Path(self.baseFilename))  # the log names devices and addresses: the hub's account only
        return super()._open()

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self.maxBytes <= 0:
            return False
        try:
            size = os.stat(self.baseFilename).st_size
        except FileNotFoundError:
            return False
        return size + len(self.format(record).encode("utf-8")) + 1 > self.maxBytes and size > 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            with self._locked():
                self._current()
                if self.shouldRollover(record):
                    if self.stream is not None:
                        self.stream.close()
                        self.stream = None
                    self.doRollover()
                if self.stream is None:
                    self.stream = self._open()
                logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)


def configure(path: Path, max_bytes: int = 10 * 1024 * 1024, backups: int = 10,
              retention_days: int = retention.MIN_DAYS) -> Path:
    """Send records to ``path`` (rotated, kept ``retention_days``); idempotent for the same path."""
    global _handler
    path = Path(path)
    with _lock:
        logger = logging.getLogger(LOGGER_NAME)
        if _handler is not None:
            if getattr(_handler, "baseFilename", None) == str(path.resolve()):
                return path
            logger.removeHandler(_handler)
            _handler.close()
        private_dir(path.parent)
        handler = _SharedFile(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True,
                              retention_days=retention_days)
        handler.setFormatter(_JsonLines())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        _handler = handler
    return path


def close() -> None:
    """Detach and close the file (tests, shutdown)."""
    global _handler
    with _lock:
        if _handler is not None:
            logging.getLogger(LOGGER_NAME).removeHandler(_handler)
            _handler.close()
            _handler = None


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def record(event: str, /, **fields: Any) -> None:
    """One line in the security log: ``event`` is a stable kind such as ``request_refused``."""
    line = {**{k: _plain(v) for k, v in fields.items()}, "at": iso_utc(utc_now()), "event": event}
    logging.getLogger(LOGGER_NAME).info(json.dumps(line, ensure_ascii=False, sort_keys=True))
