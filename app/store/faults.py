"""Faults of the PC 环境故障: a full disk, a read-only folder, a locked or damaged database file.

SQLite and the operating system report these as exceptions (``sqlite3.OperationalError``, SQLAlchemy's
wrapper of it, ``OSError``). ``fault_of`` turns one into a ``DomainError`` with a stable code, so the
window and the CLI say the same Chinese sentence (``app.messages``) instead of a stack trace. The
write in progress has been rolled back by then (a unit of work commits all or nothing; files are
written to a temporary name first), so every message can say that nothing saved was lost.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from pathlib import Path

from app.domain.errors import DomainError

# SQLite primary result codes (the low byte of an extended code)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
WINDOWS_DISK_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
WINDOWS_READ_ONLY = {5, 19}  # ERROR_ACCESS_DENIED, ERROR_WRITE_PROTECT


log = logging.getLogger(__name__)

# What a user reads for SQLite's (English) reasons; the English text goes to the log only.
SQLITE_REASONS = {
    SQLITE_NOTADB: "不是有效的数据库文件（文件头已损坏、被其他内容覆盖，或已加密而密钥不符）",
    SQLITE_CORRUPT: "数据库文件内容已损坏",
    SQLITE_BUSY: "文件正被其他程序使用（已锁定）",
    SQLITE_LOCKED: "文件正被其他程序使用（已锁定）",
    SQLITE_READONLY: "文件或所在文件夹是只读的",
    SQLITE_CANTOPEN: "无法打开文件（文件不存在、已被移走，或没有读取权限）",
    SQLITE_IOERR: "读写磁盘出错",
    SQLITE_FULL: "磁盘空间已满",
}
INTEGRITY_FAILED = "数据库文件内容已损坏（完整性检查未通过）"
NOT_A_PROFILE = "不是履约系统的数据库"
UNREADABLE = "数据库文件无法读取"

DATABASE_ATTRIBUTE = "lvyue_database"  # the file a SQLite error came from, when the store knows it
NEARLY_FULL_BYTES = 1024 * 1024


def _nearly_full(path: str) -> bool:
    """Whether the disk holding ``path`` has (almost) no room left."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder if folder.is_dir() else folder.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The ``sqlite3`` error itself, or the one SQLAlchemy wrapped (``.orig``)."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, sqlite3.Error):
            return error
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
        seen += 1
    return None


def sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code of ``error`` (from the code, or from the text on old Pythons)."""
    found = _sqlite_error(error)
    if found is None:
        return None
    code = getattr(found, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(found).lower()
    for words, primary in (("disk is full", SQLITE_FULL), ("readonly", SQLITE_READONLY),
                           ("is locked", SQLITE_BUSY), ("not a database", SQLITE_NOTADB),
                           ("malformed", SQLITE_CORRUPT), ("unable to open", SQLITE_CANTOPEN),
                           ("disk i/o", SQLITE_IOERR)):
        if words in text:
            return primary
    return None


def sqlite_reason(error: BaseException, path: object = "") -> str:
    """A Chinese reason for a SQLite failure (``file is not a database`` → 不是有效的数据库文件…); SQLite's
    English text is logged, never shown."""
    text = str(_sqlite_error(error) or error)
    log.warning("SQLite: %s%s", text, f" ({path})" if path else "")
    if "no such table" in text.lower():
        return NOT_A_PROFILE
    return SQLITE_REASONS.get(sqlite_code(error), UNREADABLE)


def integrity_reason(result: str, path: object = "") -> str:
    """A Chinese reason for what ``PRAGMA integrity_check`` found (its English lines go to the log)."""
    log.warning("integrity_check: %s%s", result, f" ({path})" if path else "")
    return INTEGRITY_FAILED


def is_corruption(error: BaseException) -> bool:
    return sqlite_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def fault_of(error: BaseException, *, path: str = "") -> DomainError | None:
    """The fault ``error`` stands for, as a ``DomainError`` (None: not a fault of the PC, e.g. a bug).

    ``path``: the file or folder being written, when the caller knows it (named in the message)."""
    if isinstance(error, DomainError):
        return error
    code = sqlite_code(error)
    if code is not None:
        found = _sqlite_error(error)
        path = path or getattr(found, DATABASE_ATTRIBUTE, "")  # set by ``Store`` (app.store.uow)
        detail = sqlite_reason(error, path)
        if code == SQLITE_IOERR and path and _nearly_full(path):
            code = SQLITE_FULL  # a write that failed for room (e.g. growing the -shm file) reads as I/O error
        if code == SQLITE_FULL:
            return DomainError("disk_full", path=path or "数据库")
        if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
            return DomainError("storage_read_only", path=path or "数据库", detail=detail)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return DomainError("database_busy")
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return DomainError("database_corrupt_found", detail=detail)
        if code == SQLITE_IOERR:
            return DomainError("disk_io_error", path=path or "数据库", detail=detail)
        return None
    if isinstance(error, OSError):
        where = path or error.filename or ""
        winerror = getattr(error, "winerror", None)
        if error.errno in DISK_FULL_ERRNOS or winerror in WINDOWS_DISK_FULL:
            return DomainError("disk_full", path=str(where) or "文件")
        if error.errno in READ_ONLY_ERRNOS or winerror in WINDOWS_READ_ONLY:
            return DomainError("storage_read_only", path=str(where) or "文件", detail=error.strerror or str(error))
        if error.errno == errno.EIO:
            return DomainError("disk_io_error", path=str(where) or "文件", detail=error.strerror or str(error))
    return None
