"""An OS file lock 文件锁 between processes: ``msvcrt.locking`` on Windows, ``fcntl.flock`` on POSIX.

Non-blocking: ``acquire`` says at once whether this process now holds the lock. The operating system
releases it when the process ends, however it ends (a crash, a kill, a power cut of the process), so a
lock left behind never blocks anyone. The file may carry a line saying who holds it (``holder``): on
Windows the locked byte lies far beyond that text, so others can still read it.
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK_OFFSET = 1 << 20  # the byte locked on Windows: past any holder text, which stays readable

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """``path`` locked by this process while held; ``release`` (or the process's end) frees it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, holder: str | None = None) -> bool:
        """True when the lock is now ours (writing ``holder`` into the file); False when another has it."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        if holder is not None:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                os.ftruncate(fd, 0)
                os.write(fd, holder.encode("utf-8") + b"\n")
            except OSError:  # a full disk: the lock holds all the same, without its note
                pass
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def holder(self) -> str:
        """What the holder wrote (empty when nothing could be read)."""
        try:
            with open(self.path, "rb") as file:
                return file.read(4096).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()
