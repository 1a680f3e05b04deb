"""File permissions 文件权限: a profile folder (and the hub's data folder) readable by its user only.

On Linux and macOS folders are 0700 and files 0600: set when they are made (``private_dir``,
``private_file``) and repaired when the folder is opened (``secure_tree``: the group's and others'
permissions are taken away, the owner's are never widened), so a profile made by an older version, or
a file copied in by hand, is fixed at the next start. On Windows the folder's ACL is
cut down to the current user and SYSTEM, inherited by everything inside (``icacls``); the command is
built by ``icacls_command`` and run through an injectable runner so it can be tested anywhere.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SYSTEM_SID = "*S-1-5-18"  # NT AUTHORITY\SYSTEM, by SID: the name is translated on some Windows versions
ACL_MARKER = ".acl-private"  # written after icacls succeeded, so it is not rerun at every start

Runner = Callable[[Sequence[str]], int]


def posix() -> bool:
    return os.name != "nt"


def private_dir(path: Path) -> Path:
    """Make ``path`` (and any missing parents) as 0700 folders; an existing ``path`` loses the group's
    and others' permissions. Parents that already exist are left alone (they are not ours)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:  # another process made it meanwhile
            pass
    if posix() and path not in missing:
        _restrict(path)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty as 0600 if it is missing, or take the group's and others' permissions from
    an existing one (never truncates it, never adds a permission: a read-only file stays read-only)."""
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE))
            return path
        except FileExistsError:  # made meanwhile by another process
            pass
    if posix():
        _restrict(path)
    return path


def secure_tree(root: Path, *, runner: Runner | None = None) -> int:
    """Repair a whole folder: 0700 folders and 0600 files on POSIX (symbolic links are not followed),
    the user-only ACL on Windows. Returns how many entries were changed (0 when all was in order)."""
    if not root.exists():
        return 0
    if not posix():
        return 1 if restrict_acl(root, runner=runner) else 0
    changed = 0
    stack = [root]
    changed += _restrict(root)
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                changed += _restrict(Path(entry.path), entry)
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                changed += _restrict(Path(entry.path), entry)
    return changed


def secure_home(home: Path, *, runner: Runner | None = None) -> int:
    """Repair a profile folder at opening. A folder that is not yet private (made by an older version)
    gets the whole walk, once; otherwise only the folder itself and two levels below it are checked
    (the database, its -wal/-shm, the backups; the whole walk costs ~0.4 s at 100,000 files)."""
    if not home.exists():
        return 0
    if not posix():
        return secure_tree(home, runner=runner)
    if _restrict(home):
        return 1 + secure_tree(home)
    return _shallow(home, depth=2)


def open_private_home(home: Path, *, runner: Runner | None = None) -> int:
    """A profile folder as the opening needs it: repaired if it exists (an older version's first), made
    0700 if not, and on Windows given its user-only ACL at once (also when just made)."""
    changed = secure_home(home, runner=runner)
    private_dir(home)
    if not posix():
        changed += secure_home(home, runner=runner)  # a no-op when done before (the marker)
    return changed


def _shallow(folder: Path, depth: int) -> int:
    changed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir(follow_symlinks=False):
            changed += _restrict(Path(entry.path), entry)
            if depth > 1:
                changed += _shallow(Path(entry.path), depth - 1)
        elif entry.is_file(follow_symlinks=False):
            changed += _restrict(Path(entry.path), entry)
    return changed


def current_user() -> str:
    """The Windows account as ``DOMAIN\\user`` (or ``user``) for icacls."""
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain and user else user


def icacls_command(folder: Path, user: str) -> list[str]:
    """icacls: drop inherited entries, then grant full control to ``user`` and SYSTEM only, inherited by
    every file (OI) and folder (CI) below; ``/T`` applies it to what is already inside, ``/C`` goes on
    past a file it cannot change, ``/Q`` keeps it quiet."""
    return ["icacls", str(folder), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F", f"{SYSTEM_SID}:(OI)(CI)F",
            "/T", "/C", "/Q"]


def restrict_acl(folder: Path, *, runner: Runner | None = None, user: str | None = None,
                 force: bool = False) -> bool:
    """Restrict a folder's ACL on Windows (once: a marker file records it). True when icacls ran and
    succeeded; False when it was done before or failed (the data stays usable either way)."""
    marker = folder / ACL_MARKER
    if marker.exists() and not force:
        return False
    user = user or current_user()
    if not user:
        return False
    run = runner or _run
    if run(icacls_command(folder, user)) != 0:
        return False
    marker.write_text("icacls\n", encoding="utf-8")
    return True


def _run(command: Sequence[str]) -> int:
    creation = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        return subprocess.run(list(command), capture_output=True, timeout=300, creationflags=creation).returncode
    except (OSError, subprocess.SubprocessError):
        return -1


def _restrict(path: Path, entry: os.DirEntry | None = None) -> int:
    """Take the group's and others' permissions away (0755 -> 0700, 0644 -> 0600, 0400 stays); 1 if
    something changed. The owner's own bits are never widened: a folder made read-only stays so."""
    try:
        current = stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode if entry else path.stat().st_mode)
    except OSError:
        return 0
    wanted = current & PRIVATE_DIR
    if current == wanted:
        return 0
    try:
        os.chmod(path, wanted)
    except OSError:
        return 0  # not ours (another user's file in a shared folder): nothing to repair from here
    return 1
