"""One sync at a time per profile: an OS file lock (``app.common.file_lock``; released by the OS if the
process dies).

The window and a scheduled ``main.py sync`` may start together; the second gets ``sync_busy`` (the CLI's
exit code 4: try again later). A window merely open does not hold it (``app.services.profile_lock`` is
the window's own lock), so the scheduled sync runs beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.common.file_lock import FileLock
from app.domain.errors import DomainError

NAME = "sync.lock"


@contextmanager
def sync_lock(home: Path) -> Iterator[None]:
    lock = FileLock(home / NAME)
    if not lock.acquire():
        raise DomainError("sync_busy")
    try:
        yield
    finally:
        lock.release()
