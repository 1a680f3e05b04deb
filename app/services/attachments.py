"""Attachments 附件: files stored content-addressed (SHA-256) beside the database, recorded by events."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from app.domain.errors import DomainError
from app.services.act import Acted, act
from app.services.profile import Profile
from app.services.users import Actor

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def blob_path(profile: Profile, sha256: str) -> Path:
    return profile.files.blobs / sha256[:2] / sha256


def store_blob(profile: Profile, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the blob store (atomically); returns (sha256, size)."""
    if not source.is_file():
        raise DomainError("file_not_found", path=str(source))
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise DomainError("attachment_too_large", path=str(source), limit_mb=MAX_ATTACHMENT_BYTES // 1024 // 1024)
    digest = hashlib.sha256()
    profile.files.blobs.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=profile.files.blobs, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as tmp, source.open("rb") as src:
            for chunk in iter(lambda: src.read(1024 * 1024), b""):
                digest.update(chunk)
                tmp.write(chunk)
            tmp.flush()
            os.fsync(tmp.fileno())
        sha = digest.hexdigest()
        target = blob_path(profile, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
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
    """Store the file and record an ``attach`` event on the complaint."""
    sha, size = store_blob(profile, source)
    media_type = mimetypes.guess_type(source.name)[0]
    return act(profile, actor, ref, "attach",
               {"sha256": sha, "filename": source.name, "size": size, "media_type": media_type,
                "description": description}, expected_head=expected_head)


def export_blob(profile: Profile, sha256: str, destination: Path) -> Path:
    """Copy an attachment out of the store (for opening or saving)."""
    source = blob_path(profile, sha256)
    if not source.exists():
        raise DomainError("attachment_missing", sha256=sha256)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, destination)
    return destination
