"""Blobs 附件文件 by SHA-256: existence check, resumable upload, size limit, scope.

Files live under the blob directory (``ab/abcd...``), which every worker must share. An upload is
appended to a partial file per (blob, region) at the offset the client names; when complete the hub
checks the hash and records that the uploader's region holds it. A device may read a blob its
region uploaded, or one attached to a complaint in its scope by a region that uploaded it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.sync.protocol import BlobStatus
from server.auth import Device, prefix_range
from server.db import insert_ignore
from server.errors import HubError
from server.tables import blob_holders, blob_refs, blobs, stream_grants

try:
    import fcntl
except ImportError:  # pragma: no cover - the hub runs on Linux; Windows keeps working without the lock
    fcntl = None


def check_sha(sha256: str) -> str:
    if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
        raise HubError(422, "request_invalid", where="sha256", detail=sha256[:80])
    return sha256


class BlobFiles:
    def __init__(self, root: Path, max_size: int) -> None:
        self.root = root
        self.max_size = max_size

    def final(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def partial(self, sha256: str, region: str) -> Path:
        return self.root / ".partial" / f"{sha256}-{region}"

    def received(self, sha256: str, region: str) -> int:
        path = self.partial(sha256, region)
        return path.stat().st_size if path.exists() else 0

    def append(self, sha256: str, region: str, offset: int, chunk: bytes, size: int) -> int:
        """Append ``chunk`` at ``offset``; returns the bytes received so far (409 if the offset is stale)."""
        path = self.partial(sha256, region)
        if not path.exists():  # refuse before creating a file: a refused request leaves nothing behind
            self._check(0, offset, chunk, size)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            current = handle.seek(0, os.SEEK_END)
            self._check(current, offset, chunk, size)
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
            return current + len(chunk)

    def _check(self, current: int, offset: int, chunk: bytes, size: int) -> None:
        if current != offset:
            raise HubError(409, "blob_offset_mismatch", received=current)
        if current + len(chunk) > size:
            raise HubError(413, "blob_too_large", limit_mb=self.max_size // 1024 // 1024)

    def finish(self, sha256: str, region: str) -> None:
        """Check the complete upload's hash and move it into place (a duplicate is just dropped)."""
        path = self.partial(sha256, region)
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != sha256:
            path.unlink(missing_ok=True)
            raise HubError(422, "blob_hash_mismatch")
        target = self.final(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            path.unlink(missing_ok=True)
        else:
            os.replace(path, target)


def holds(session: Session, sha256: str, region: str) -> bool:
    return session.execute(select(blob_holders.c.sha256).where(
        blob_holders.c.sha256 == sha256, blob_holders.c.region == region)).first() is not None


def readable(session: Session, device: Device, sha256: str) -> bool:
    if holds(session, sha256, device.region_code):
        return True
    lo, hi = prefix_range(device.prefix)
    r, g, h = blob_refs.c, stream_grants.c, blob_holders.c
    query = (select(r.sha256).join(stream_grants, g.stream == r.stream)
             .join(blob_holders, and_(h.sha256 == r.sha256, h.region == r.pusher_region))
             .where(r.sha256 == sha256, g.region >= lo, g.region < hi).limit(1))
    return session.execute(query).first() is not None


def status(session: Session, files: BlobFiles, device: Device, sha256: str) -> BlobStatus:
    exists = holds(session, sha256, device.region_code) and files.final(sha256).exists()
    return BlobStatus(sha256=sha256, exists=exists, received=0 if exists else files.received(sha256, device.region_code),
                      max_size=files.max_size)


def upload(session: Session, files: BlobFiles, device: Device, sha256: str, offset: int, size: int,
           chunk: bytes) -> BlobStatus:
    if size > files.max_size or size < 0:
        raise HubError(413, "blob_too_large", limit_mb=files.max_size // 1024 // 1024)
    if holds(session, sha256, device.region_code) and files.final(sha256).exists():
        return BlobStatus(sha256=sha256, exists=True, received=0, max_size=files.max_size)
    received = files.append(sha256, device.region_code, offset, chunk, size)
    if received < size:
        return BlobStatus(sha256=sha256, exists=False, received=received, max_size=files.max_size)
    files.finish(sha256, device.region_code)
    insert_ignore(session, blobs, {"sha256": sha256, "size": size, "stored_at": iso_utc(utc_now())})
    insert_ignore(session, blob_holders, {"sha256": sha256, "region": device.region_code})
    return BlobStatus(sha256=sha256, exists=True, received=0, max_size=files.max_size)


def open_for(session: Session, files: BlobFiles, device: Device, sha256: str) -> Path:
    path = files.final(sha256)
    if not readable(session, device, sha256) or not path.exists():
        raise HubError(404, "blob_not_found", sha256=sha256)  # out of scope looks the same as absent
    return path


