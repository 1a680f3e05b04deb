"""Attachments travel by SHA-256: uploaded before their events, resumable, within a size limit,
downloaded by devices in scope."""

from __future__ import annotations

import hashlib
import os

import pytest

from app.services.attachments import attach_file
from app.sync.blobs import CHUNK, blob_file
from app.sync.transport import SyncError
from tests.sync_fixtures import COUNTY_A, PREFECTURE, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def scan(tmp_path, name: str, size: int):
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_attachment_reaches_the_prefecture_after_a_resumed_upload(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    cid = register(a)
    source, sha = scan(tmp_path, "协议扫描件.pdf", int(2.5 * CHUNK))
    attach_file(a.profile, a.officer, cid, source)
    hub.faults.add("500", "PUT", "/v1/blobs/", times=3, after=1)  # the second chunk fails, retries too
    with pytest.raises(SyncError):
        a.sync()
    partial = hub.settings.blobs_path / ".partial" / f"{sha}-532322"
    assert partial.stat().st_size == CHUNK  # one chunk arrived
    assert a.status().pending_events > 0  # the attach event waits for its file
    a.sync()  # resumes at the first missing byte
    assert not partial.exists() and blob_file(hub.settings.blobs_path, sha).exists()
    p.sync()
    assert blob_file(p.profile.files.blobs, sha).read_bytes() == source.read_bytes()
    assert p.status().blobs_pending == 0


def test_a_file_over_the_hub_limit_does_not_hold_back_its_event(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    hub.database.settings.max_blob_bytes = 4096
    cid = register(a)
    source, _sha = scan(tmp_path, "现场录像.mp4", 20_000)
    attach_file(a.profile, a.officer, cid, source)
    report = a.sync()
    assert report.blobs_failed == 1 and report.pushed >= 1
    status = a.status()
    assert status.pending_events == 0 and status.blobs_pending == 1


def test_a_refused_upload_leaves_no_file_behind(hub, tmp_path):
    """Found by fuzzing the hub: an upload refused for its offset (409) or for a chunk larger than the
    size it named (413) used to leave an empty partial file, one per hash asked for."""
    from app.sync import credentials
    from app.sync.transport import HubClient

    a = device(hub, tmp_path / "sb", COUNTY_A)
    data = os.urandom(1000)
    sha = hashlib.sha256(data).hexdigest()
    partial = hub.settings.blobs_path / ".partial" / f"{sha}-532322"
    with HubClient(hub.url, credentials.load_token(a.profile.device_id), retries=False) as client:
        with pytest.raises(SyncError) as stale:
            client.blob_upload(sha, 500, len(data), data[500:])
        assert stale.value.code == "blob_offset_mismatch" and not partial.exists()
        with pytest.raises(SyncError) as large:
            client.blob_upload(sha, 0, 10, data)
        assert large.value.code == "blob_too_large" and not partial.exists()
        assert client.blob_upload(sha, 0, len(data), data[:400]).received == 400  # a real start still works
        with pytest.raises(SyncError) as stale:
            client.blob_upload(sha, 0, len(data), data[:400])
        assert stale.value.code == "blob_offset_mismatch" and partial.stat().st_size == 400
        assert client.blob_upload(sha, 400, len(data), data[400:]).exists
