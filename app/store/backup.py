"""Database copies with SQLite's online backup API (consistent even while the app writes), their
checks, and the mark a damaged database leaves beside itself.

A copy is written to ``<name>.part`` and renamed when complete: a full disk or a killed process never
leaves a half backup under a real name (the part file is removed on failure).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.common.sqlite_copy import readonly_uri, restore_file  # noqa: F401 (restore_file: used from here by services and sync)

DAMAGE_SUFFIX = ".damaged"  # lvyue.sqlite.damaged: the database failed a read; check it fully at start


# Tables every profile has had since migration 0001: a restore without one of them is not a profile.
CORE_TABLES = frozenset({"complaints", "complaint_data", "events", "meta", "number_blocks", "users"})


def table_names(path: Path) -> set[str]:
    """The tables of the database at ``path`` (empty when it cannot be read)."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            return {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return set()


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` passes, else its first complaint."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        from app.store.faults import sqlite_reason

        return sqlite_reason(error, path)
    if result == "ok":
        return None
    from app.store.faults import integrity_reason

    return integrity_reason(result, path)


def database_problem(path: Path, *, thorough: bool = False) -> str | None:
    """None when the profile database at ``path`` opens and reads (cheap: header, schema and ``meta``,
    milliseconds at any size); else what SQLite said about the damage. ``thorough`` adds ``PRAGMA
    integrity_check`` (reads every page: seconds on a large file). A file that cannot be opened for
    another reason (locked, unreadable folder) raises: that is not damage."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
            con.execute("SELECT value FROM meta WHERE key = 'initialised'").fetchone()
            if thorough:
                result = con.execute("PRAGMA integrity_check").fetchone()[0]
                if result != "ok":
                    from app.store.faults import integrity_reason

                    return integrity_reason(result, path)
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        from app.store.faults import is_corruption, sqlite_reason

        if is_corruption(error):
            return sqlite_reason(error, path)
        if "no such table" in str(error):  # empty or foreign: not damaged, just not a profile
            return None
        raise  # locked, read-only, unreadable: a fault of the PC, not of the file
    return None


def marked_initialised(path: Path) -> bool:
    """Whether the database at ``path`` says it is a set-up profile (``meta.initialised``); False for an
    empty, foreign or unreadable file."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'initialised'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "1"


def mark_damaged(database: Path, detail: str) -> None:
    """Leave ``lvyue.sqlite.damaged`` beside the database (best effort: the folder may be read-only)."""
    with contextlib.suppress(OSError):
        database.with_name(database.name + DAMAGE_SUFFIX).write_text(detail, encoding="utf-8")


def damage_mark(database: Path) -> str | None:
    mark = database.with_name(database.name + DAMAGE_SUFFIX)
    try:
        return mark.read_text(encoding="utf-8") or "damaged"
    except OSError:
        return None


def clear_damage_mark(database: Path) -> None:
    with contextlib.suppress(OSError):
        database.with_name(database.name + DAMAGE_SUFFIX).unlink(missing_ok=True)


@dataclass(frozen=True)
class BackupCopy:
    """One backup file of a profile and, once checked, what it holds."""

    path: Path
    taken_at: datetime  # when the copy was written (file time, UTC)
    size: int
    problem: str | None = None  # integrity_check's complaint; None = good (or not checked yet)
    checked: bool = False
    events: int = 0
    last_event_at: str | None = None  # the newest record in the copy (device time, ISO UTC)
    enrolled: bool = False


def list_backups(folder: Path) -> list[BackupCopy]:
    """The database copies in ``folder``, newest first (not yet checked)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file():
            found.append(BackupCopy(path, datetime.fromtimestamp(stat.st_mtime, tz=UTC), stat.st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def check_backup(copy: BackupCopy) -> BackupCopy:
    """``copy`` after ``PRAGMA integrity_check`` and a look at what it holds (a foreign or empty file
    counts as bad: it is not a profile)."""
    from dataclasses import replace

    problem = integrity_problem(copy.path)
    events, last, enrolled = 0, None, False
    if problem is None:
        try:
            con = sqlite3.connect(readonly_uri(copy.path), uri=True)
            try:
                values = dict(con.execute("SELECT key, value FROM meta").fetchall())
                events, last = con.execute("SELECT count(*), max(device_time) FROM events").fetchone()
            finally:
                con.close()
            if values.get("initialised") != "1":
                problem = "不是履约系统的配置档案"
            enrolled = bool(values.get("sync.hub_url"))
        except sqlite3.DatabaseError as error:
            from app.store.faults import sqlite_reason

            problem = sqlite_reason(error, copy.path)
    return replace(copy, problem=problem, checked=True, events=events or 0, last_event_at=last, enrolled=enrolled)


def set_aside(database: Path, moment: datetime) -> Path:
    """Move a damaged database (and its -wal/-shm) aside under a dated name; never deletes it."""
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.stem}-damaged-{stamp}{database.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = database.with_name(f"{database.stem}-damaged-{stamp}-{n}{database.suffix}")
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(database, target)
    return target
