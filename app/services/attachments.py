"""Attachments 附件: files stored content-addressed (SHA-256) beside the database, recorded by events.

An attachment event may come from another device (an old or a hostile one): its hash is checked before
it becomes a path, and its file name is reduced to a safe base name (``app.domain.filenames``) every
time a file is written out. Copies for opening go only into the session's own temporary folder, and
program or script types are never copied there (they can only be saved elsewhere on purpose).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from app.common.permissions import private_dir
from app.domain.errors import DomainError
from app.domain.filenames import is_executable, require_sha256, safe_filename
from app.services.act import Acted, act
from app.services.profile import Profile
from app.services.users import Actor
from app.store.faults import fault_of
from app.store.partial_files import hold
from app.sync.blobs import attachment_owner

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def blob_path(profile: Profile, sha256: str) -> Path:
    """Where a file lives in the blob store; ``attachment_hash_invalid`` unless ``sha256`` is 64 hex digits."""
    sha256 = require_sha256(sha256)
    return profile.files.blobs / sha256[:2] / sha256


def store_blob(profile: Profile, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the blob store (atomically); returns (sha256, size)."""
    if not source.is_file():
        raise DomainError("file_not_found", path=str(source))
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise DomainError("attachment_too_large", path=str(source), limit_mb=MAX_ATTACHMENT_BYTES // 1024 // 1024)
    digest = hashlib.sha256()
    private_dir(profile.files.blobs)
    handle, tmp_name = tempfile.mkstemp(dir=profile.files.blobs, prefix=".incoming-")
    hold(handle)  # a copy left by a killed process is removed at the next opening (app.store.partial_files)
    try:
        with os.fdopen(handle, "wb") as tmp, source.open("rb") as src:
            for chunk in iter(lambda: src.read(1024 * 1024), b""):
                digest.update(chunk)
                tmp.write(chunk)
            tmp.flush()
            os.fsync(tmp.fileno())
        sha = digest.hexdigest()
        target = blob_path(profile, sha)
        private_dir(target.parent)
        if target.exists():
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return sha, size


def attach_file(profile: Profile, actor: Actor, ref: str, source: Path, description: str | None = None,
                *, expected_head: str | None = None) -> Acted:
    """Store the file and record an ``attach`` event on the complaint (under its safe name).

    A full disk or a read-only profile folder refuses with ``disk_full`` / ``storage_read_only`` and
    records nothing (a stored file without its event is harmless: the next attach of it reuses it)."""
    try:
        sha, size = store_blob(profile, source)
    except OSError as error:
        if error.filename and Path(error.filename) == source:  # reading the chosen file failed
            raise DomainError("file_unreadable", path=str(source), detail=error.strerror or str(error)) from error
        raise fault_of(error, path=str(profile.files.blobs)) or error from error
    filename = safe_filename(source.name)
    media_type = mimetypes.guess_type(filename)[0]
    return act(profile, actor, ref, "attach",
               {"sha256": sha, "filename": filename, "size": size, "media_type": media_type,
                "description": description}, expected_head=expected_head)


def missing_attachment(profile: Profile, sha256: str) -> DomainError:
    """``attachment_file_missing`` naming the complaint and the file name the attachment was recorded
    under (looked up from its ``attach`` event: this runs only when the file is gone)."""
    with profile.store.read() as session:
        case_no, filename = attachment_owner(session, sha256)
    return DomainError("attachment_file_missing", case_no=case_no or "（未知）",
                       filename=safe_filename(filename) if filename else sha256[:12], sha256=sha256)


def _stored(profile: Profile, sha256: str) -> Path:
    source = blob_path(profile, sha256)
    if not source.exists():
        raise missing_attachment(profile, sha256)
    return source


def export_blob(profile: Profile, sha256: str, destination: Path) -> Path:
    """Save an attachment where the user chose (另存为), under a safe version of the chosen name.

    Written to a temporary name beside it first: a full disk leaves no half file under the real name."""
    source = _stored(profile, sha256)
    destination = destination.parent / safe_filename(destination.name)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(dir=destination.parent, prefix=".lvyue-")
        os.close(handle)
        try:
            shutil.copyfile(source, tmp_name)
            os.replace(tmp_name, destination)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
    except OSError as error:
        raise fault_of(error, path=str(destination)) or error from error
    return destination


def _same_content(path: Path, sha256: str) -> bool:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest() == sha256


def copy_for_opening(profile: Profile, sha256: str, filename: str, folder: Path) -> Path:
    """A copy of the attachment in ``folder`` (the session's ``OpenFolder``, ``app.services.open_folder``)
    under its safe name, for the OS to open. Program and script types are refused
    (``attachment_not_opened``); so is a destination that resolves outside ``folder``
    (``attachment_path_unsafe``, e.g. through a planted link)."""
    name = safe_filename(filename)
    if is_executable(filename):
        raise DomainError("attachment_not_opened", filename=name)
    source = _stored(profile, sha256)
    root = folder.resolve()
    home = root / sha256[:12]  # two attachments with one name stay apart
    home.mkdir(parents=True, exist_ok=True)
    target = home / name
    if target.resolve().parent != home:  # inside ``folder``, not through a link to elsewhere
        raise DomainError("attachment_path_unsafe", filename=name)
    if target.is_file() and target.stat().st_size == source.stat().st_size and _same_content(target, sha256):
        return target  # opened before (and perhaps still open in its program): reuse it
    handle, tmp_name = tempfile.mkstemp(dir=home, prefix=".copy-")
    os.close(handle)
    try:
        shutil.copyfile(source, tmp_name)
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target
