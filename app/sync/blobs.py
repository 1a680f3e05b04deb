"""Attachment files 附件 in both directions, by SHA-256, resumable, one small transaction per file.

Uploads go first (an attachment event should not reach other devices before its file); a file that
cannot be uploaded for good (missing here, too large for the hub) is noted and its event still goes.
Downloads follow the pull; a file the hub does not have yet stays queued for the next sync.

A queued hash that is not 64 hex digits (an event from an old or a hostile device) never becomes a
path or a request: it is dropped from the queue with a logged reason, and the sync goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, insert, select, update

from app.common.permissions import private_dir
from app.domain.errors import DomainError
from app.domain.events import canonical_json
from app.domain.filenames import is_sha256_hex, require_sha256
from app.security.fieldcrypt import open_json
from app.store.partial_files import hold
from app.store.tables import complaints, events
from app.store.uow import Store
from app.sync.tables import blob_queue
from app.sync.transport import HubClient, SyncError

CHUNK = 1024 * 1024
Q = blob_queue.c
log = logging.getLogger(__name__)


def blob_file(blobs_dir: Path, sha256: str) -> Path:
    """Where a blob lives in a profile (the layout of ``app.services.attachments``);
    ``attachment_hash_invalid`` unless ``sha256`` is 64 hex digits."""
    sha256 = require_sha256(sha256)
    return blobs_dir / sha256[:2] / sha256


def blob_present(blobs_dir: Path, sha256: object) -> bool:
    """Whether a pulled attachment's file is here already. A malformed hash counts as absent: it is
    queued like any other and dropped, with its reason logged, when the download reaches it."""
    return is_sha256_hex(sha256) and blob_file(blobs_dir, sha256).exists()  # type: ignore[arg-type]


@dataclass
class BlobOutcome:
    done: int = 0
    failed: int = 0
    missing: list[str] = field(default_factory=list)  # hashes whose file is gone from this PC


def attachment_owner(session, sha256: str) -> tuple[str | None, str | None]:
    """(case number, file name as recorded) of the first complaint that attached ``sha256``; looked up
    only to name a missing file."""
    e, c = events.c, complaints.c  # payloads are stored packed (``app.common.packing``): no LIKE on them
    rows = session.execute(select(e.payload, c.case_no).outerjoin(complaints, c.id == e.stream)
                           .where(e.action == "attach").order_by(e.seq))
    for payload, case_no in rows:
        try:
            data = open_json(payload)
        except (ValueError, DomainError):
            continue
        if isinstance(data, dict) and data.get("sha256") == sha256:
            return case_no, str(data.get("filename") or "") or None
    return None, None


def failure_reason(last_error: str) -> tuple[str, dict]:
    """(code, params) of a queued attachment's last failure (rows written by earlier versions hold the
    bare code)."""
    try:
        value = json.loads(last_error)
    except ValueError:
        return last_error, {}
    if not isinstance(value, dict) or not isinstance(value.get("code"), str):
        return last_error, {}
    params = value.get("params")
    return value["code"], params if isinstance(params, dict) else {}


def missing_names(store: Store, shas: list[str]) -> list[str]:
    """“案号 文件名” for each missing attachment (for the sync report)."""
    names = []
    with store.read() as session:
        for sha in shas:
            case_no, filename = attachment_owner(session, sha)
            names.append(f"{case_no or '（未知案件）'}“{filename or sha[:12]}”")
    return names


def queue_uploads(session, rows) -> None:
    for row in rows:
        if row.action == "attach":
            sha = open_json(row.payload).get("sha256")
            if is_sha256_hex(sha):
                session.execute(insert(blob_queue).prefix_with("OR IGNORE").values(sha256=sha, direction="up",
                                                                                   attempts=0))


def _queued(store: Store, direction: str) -> list[str]:
    """The hashes waiting in one direction; malformed ones are dropped here, each with a logged reason."""
    with store.read() as session:
        queued = [r.sha256 for r in session.execute(select(Q.sha256).where(Q.direction == direction)
                                                    .order_by(Q.attempts, Q.sha256))]
    bad = [sha for sha in queued if not is_sha256_hex(sha)]
    if bad:
        with store.unit_of_work() as uow:
            uow.session.execute(delete(blob_queue).where(Q.direction == direction, Q.sha256.in_(bad)))
            uow.commit()
        for sha in bad:
            log.warning("attachment %s queue: dropped %r (attachment_hash_invalid: not 64 hex digits)",
                        direction, sha[:80])
    return [sha for sha in queued if is_sha256_hex(sha)]


def _finish(store: Store, sha: str, direction: str, error: str | SyncError | None) -> None:
    """Done: off the queue. Failed: one more try counted, and why (``last_error``: the code and its
    numbers as JSON, shown on the 同步 page through ``failure_reason``)."""
    if isinstance(error, SyncError):
        error = canonical_json({"code": error.code, "params": error.params})
    elif error is not None:
        error = canonical_json({"code": error, "params": {}})
    with store.unit_of_work() as uow:
        where = (Q.sha256 == sha) & (Q.direction == direction)
        if error is None:
            uow.session.execute(delete(blob_queue).where(where))
        else:
            uow.session.execute(update(blob_queue).where(where).values(attempts=Q.attempts + 1, last_error=error))
        uow.commit()


def upload_all(store: Store, blobs_dir: Path, client: HubClient, cancel: Callable[[], bool]) -> BlobOutcome:
    outcome = BlobOutcome()
    for sha in _queued(store, "up"):
        if cancel():
            break
        path = blob_file(blobs_dir, sha)
        if not path.exists():
            _finish(store, sha, "up", "missing_locally")
            outcome.failed += 1
            outcome.missing.append(sha)
            continue
        try:
            _upload(client, sha, path)
        except SyncError as error:
            if error.transient:
                raise
            _finish(store, sha, "up", error)
            outcome.failed += 1
            continue
        _finish(store, sha, "up", None)
        outcome.done += 1
    return outcome


def _upload(client: HubClient, sha: str, path: Path) -> None:
    size = path.stat().st_size
    status = client.blob_status(sha)
    offset = status.received
    with open(path, "rb") as handle:
        while not status.exists:
            handle.seek(offset)
            chunk = handle.read(CHUNK)
            try:
                status = client.blob_upload(sha, offset, size, chunk)
            except SyncError as error:
                if error.code != "blob_offset_mismatch":
                    raise
                offset = int(error.params.get("received", 0))
                continue
            offset = status.received


def download_all(store: Store, blobs_dir: Path, client: HubClient, cancel: Callable[[], bool]) -> BlobOutcome:
    outcome = BlobOutcome()
    for sha in _queued(store, "down"):
        if cancel():
            break
        target = blob_file(blobs_dir, sha)
        if target.exists():
            _finish(store, sha, "down", None)
            continue
        private_dir(target.parent)
        handle, tmp_name = tempfile.mkstemp(dir=blobs_dir, prefix=".download-")  # swept at opening if left
        if os.name == "nt":  # an open file cannot be renamed there (nor deleted: that is its lock)
            os.close(handle)
            handle = None
        else:
            hold(handle)
        try:
            client.blob_download(sha, Path(tmp_name))
            digest = hashlib.sha256()
            with open(tmp_name, "rb") as tmp:
                for block in iter(lambda: tmp.read(CHUNK), b""):
                    digest.update(block)
            if digest.hexdigest() != sha:  # changed on the way, or a damaged file on the hub
                raise SyncError("blob_download_mismatch")
            os.replace(tmp_name, target)
        except SyncError as error:
            if error.transient:
                raise
            _finish(store, sha, "down", error)
            outcome.failed += 1
            continue
        finally:
            if handle is not None:
                os.close(handle)
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
        _finish(store, sha, "down", None)
        outcome.done += 1
    return outcome
