"""The hub's security log 安全日志: one JSON line per security-relevant happening, rotated by size.

What goes in: every refused request with its reason (auth, scope, limits, rate, version), failed
tokens, enrolments and device replacements, revocations, quarantines, refused events of a push.
Each line is ``{"at": ISO UTC, "event": kind, ...fields}``; fields are plain values, never tokens,
codes or passwords (only their first characters or hashes). The file is
``{data_dir}/logs/security.log`` (``LVYUE_HUB_SECURITY_LOG`` overrides), rotated at
``security_log_bytes`` keeping ``security_log_backups`` old files.

``configure(path, max_bytes, backups)`` is called once per worker at start-up (``server.app.create_app``); ``record(event, **fields)`` may be
called from any thread or coroutine (the ``logging`` module serialises writers). Before
``configure`` (tests that build services alone) records go to the ``lvyue.hub.security`` logger
with no handler of ours, i.e. nowhere unless a test captures them.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import threading
from pathlib import Path
from typing import Any

from app.domain.clock import iso_utc, utc_now

LOGGER_NAME = "lvyue.hub.security"
_lock = threading.Lock()
_handler: logging.Handler | None = None


class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


def configure(path: Path, max_bytes: int = 10 * 1024 * 1024, backups: int = 10) -> Path:
    """Send records to ``path`` (rotated); idempotent for the same path. Returns the path."""
    global _handler
    path = Path(path)
    with _lock:
        logger = logging.getLogger(LOGGER_NAME)
        if _handler is not None:
            if getattr(_handler, "baseFilename", None) == str(path.resolve()):
                return path
            logger.removeHandler(_handler)
            _handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                       encoding="utf-8", delay=True)
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


def record(event: str, **fields: Any) -> None:
    """One line in the security log: ``event`` is a stable kind such as ``request_refused``."""
    line = {"at": iso_utc(utc_now()), "event": event, **{k: _plain(v) for k, v in fields.items()}}
    logging.getLogger(LOGGER_NAME).info(json.dumps(line, ensure_ascii=False, sort_keys=True))
