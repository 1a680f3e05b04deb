"""One window per profile 单窗口锁: the window holds ``<profile>/window.lock`` while it is open.

A second window on the same profile is refused with ``profile_in_use``, naming the program that has it
(written into the lock file by its holder: program, process, Windows user, since when). The command line
shares the lock without taking it: ``restore`` (which replaces the database under the window's feet)
refuses while a window has the profile, whereas a scheduled ``sync`` runs beside an open window — two
syncs at once are kept apart by the sync lock (``app.sync.lock``: ``sync_busy``, exit 4). The operating
system drops the lock when the window's process ends, even by a crash.
"""

from __future__ import annotations

import getpass
import os
from datetime import datetime
from pathlib import Path

from app.common.file_lock import FileLock
from app.domain.errors import DomainError

NAME = "window.lock"


def _who(program: str) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in this environment: the rest still says enough
        user = "?"
    return f"{program}，进程 {os.getpid()}，用户 {user}，{datetime.now():%Y-%m-%d %H:%M} 起"


def hold_for_window(home: Path, program: str = "履约桌面程序") -> FileLock:
    """The profile's window lock, held until ``release`` or the process's end; ``profile_in_use`` when
    another window has it. The folder must exist (a first run makes it later, unguarded)."""
    lock = FileLock(Path(home) / NAME)
    if not lock.acquire(_who(program)):
        raise DomainError("profile_in_use", home=str(home), holder=lock.holder() or "另一个履约窗口")
    return lock


def refuse_if_window_open(home: Path) -> None:
    """For commands that must not run under an open window (``restore``): ``profile_in_use`` if one is."""
    path = Path(home) / NAME
    if not path.exists():
        return
    lock = FileLock(path)
    if not lock.acquire():
        raise DomainError("profile_in_use", home=str(home), holder=lock.holder() or "另一个履约窗口")
    lock.release()
