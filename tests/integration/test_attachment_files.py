"""Attachment files written on this PC: safe names only, copies to open only inside the session's own
folder, never a program type; a hash that is not 64 hex digits never becomes a path (issue 8)."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from app.domain.clock import iso_utc
from app.domain.errors import DomainError
from app.domain.events import GENESIS, Event
from app.domain.ids import uuid7
from app.services.attachments import attach_file, blob_path, copy_for_opening, export_blob, store_blob
from app.services.intake import register
from app.services.open_folder import OpenFolder
from app.services.queries import get_complaint
from app.sync import blobs
from app.sync.protocol import BlobStatus, PullResponse, WireEvent
from app.sync.runner import SyncRun
from app.sync.tables import blob_queue
from tests.factories import intake

HOSTILE_HASHES = ["../../../../evil", "/tmp/lvyue-evil", "..\\..\\evil", "ab", "AB" * 32, "g" * 64]


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


@pytest.fixture
def stored(office, tmp_path):
    """A scan in the blob store: (profile, sha256, content)."""
    source = tmp_path / "验收单.pdf"
    source.write_bytes(b"%PDF-1.7 acceptance note")
    sha, _size = store_blob(office.profile, source)
    return office.profile, sha, source.read_bytes()


def test_a_file_is_recorded_under_its_safe_name(office, tmp_path):
    complaint_id = register(office.profile, office.clerk, intake()).complaint_id
    source = tmp_path / "invoice\u202efdp.exe"  # shows as "invoiceexe.pdf" in a file list
    source.write_bytes(b"MZ not really a program")
    attach_file(office.profile, office.clerk, complaint_id, source)
    attachment = get_complaint(office.profile, office.clerk, complaint_id).complaint.attachments[0]
    assert attachment["filename"] == "invoicefdp.exe"
    assert attachment["media_type"] == mimetypes.guess_type("invoicefdp.exe")[0]  # judged on the safe name


@pytest.mark.parametrize("sha", HOSTILE_HASHES)
def test_a_hash_that_is_not_hex_never_becomes_a_path(stored, tmp_path, sha):
    profile, _good, _content = stored
    before = files_under(tmp_path)
    for attempt in (lambda: blob_path(profile, sha), lambda: blobs.blob_file(profile.files.blobs, sha),
                    lambda: copy_for_opening(profile, sha, "a.pdf", tmp_path / "open"),
                    lambda: export_blob(profile, sha, tmp_path / "out.pdf")):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "attachment_hash_invalid"
    assert not blobs.blob_present(profile.files.blobs, sha)
    assert files_under(tmp_path) == before  # not a directory made anywhere


@pytest.mark.parametrize(("sent", "written"), [
    ("../../x.pdf", "x.pdf"), ("C:\\Windows\\System32\\合同.pdf", "合同.pdf"), ("con.txt", "_con.txt"),
    ("report.pdf:Zone.Identifier", "report.pdf"), ("..", "附件"), ("/etc/passwd", "passwd"),
])
def test_a_copy_to_open_lands_inside_the_session_folder_under_a_safe_name(stored, tmp_path, sent, written):
    profile, sha, content = stored
    folder = OpenFolder(tmp_path)
    before = files_under(tmp_path)
    copy = copy_for_opening(profile, sha, sent, folder.path)
    assert copy.name == written and copy.read_bytes() == content
    assert copy.parent == folder.path / sha[:12]
    made = {tmp_path / name for name in files_under(tmp_path) - before}
    assert made == {folder.path, folder.path / ".session", copy.parent, copy}  # nothing written anywhere else
    folder.remove()
    assert files_under(tmp_path) == before


@pytest.mark.parametrize("sent", ["x.bat", "setup.EXE", "a.txt\u202eexe.bat", "../../run.ps1", "short.lnk",
                                  "宏.docm", "x.bat. "])
def test_a_program_type_is_never_copied_to_be_opened(stored, tmp_path, sent):
    profile, sha, _content = stored
    with pytest.raises(DomainError) as refused:
        copy_for_opening(profile, sha, sent, tmp_path / "open")
    assert refused.value.code == "attachment_not_opened"
    assert not (tmp_path / "open").exists()


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need extra rights on Windows")
def test_a_link_planted_in_the_folder_is_not_followed(stored, tmp_path):
    profile, sha, _content = stored
    folder, outside = tmp_path / "open", tmp_path / "elsewhere"
    outside.mkdir()
    (folder / sha[:12]).mkdir(parents=True)
    (folder / sha[:12] / "合同.pdf").symlink_to(outside / "合同.pdf")
    with pytest.raises(DomainError) as refused:
        copy_for_opening(profile, sha, "合同.pdf", folder)
    assert refused.value.code == "attachment_path_unsafe"
    (folder / sha[:12] / "合同.pdf").unlink()
    (folder / sha[:12]).rmdir()
    (folder / sha[:12]).symlink_to(outside, target_is_directory=True)
    with pytest.raises(DomainError):
        copy_for_opening(profile, sha, "合同.pdf", folder)
    assert list(outside.iterdir()) == []


def test_opening_again_reuses_the_copy_and_a_changed_copy_is_replaced(stored, tmp_path):
    profile, sha, content = stored
    first = copy_for_opening(profile, sha, "验收单.pdf", tmp_path)
    stamp = first.stat().st_mtime_ns
    assert copy_for_opening(profile, sha, "验收单.pdf", tmp_path) == first and first.stat().st_mtime_ns == stamp
    first.write_bytes(b"edited in the viewer")
    assert copy_for_opening(profile, sha, "验收单.pdf", tmp_path).read_bytes() == content
    assert [p.name for p in first.parent.iterdir()] == ["验收单.pdf"]  # no temporary file left behind


def test_save_as_writes_the_chosen_place_under_a_safe_name(stored, tmp_path):
    profile, sha, content = stored
    saved = export_blob(profile, sha, tmp_path / "out" / "con.txt")
    assert saved == tmp_path / "out" / "_con.txt" and saved.read_bytes() == content


class FakeHub:
    """The blob routes of a hub holding ``files`` (sha256 -> bytes); records what was asked."""

    def __init__(self, files: dict[str, bytes], pulled: list[WireEvent] | None = None) -> None:
        self.files = files
        self.pulled = pulled or []
        self.asked: list[str] = []

    def pull(self, cursor: int, limit: int) -> PullResponse:
        events = [w for w in self.pulled if w.server_seq > cursor][:limit]
        last = events[-1].server_seq if events else cursor
        return PullResponse(events=events, next_cursor=last, more=False, head=len(self.pulled))

    def blob_download(self, sha256: str, target: Path) -> None:
        self.asked.append(sha256)
        target.write_bytes(self.files[sha256])

    def blob_status(self, sha256: str) -> BlobStatus:
        self.asked.append(sha256)
        return BlobStatus(sha256=sha256, exists=True, received=0, max_size=1 << 20)


def queue(profile, direction: str, *shas: str) -> None:
    with profile.store.unit_of_work() as uow:
        uow.session.execute(insert(blob_queue), [{"sha256": s, "direction": direction, "attempts": 0} for s in shas])
        uow.commit()


def queued(profile) -> list[tuple[str, str]]:
    with profile.store.read() as session:
        return sorted(tuple(row) for row in session.execute(select(blob_queue.c.direction, blob_queue.c.sha256)))


@pytest.mark.parametrize("direction", ["down", "up"])
def test_a_malformed_hash_in_the_queue_is_dropped_with_a_reason_and_the_sync_goes_on(office, caplog, direction):
    profile = office.profile
    content = b"scan of the contract"
    good = hashlib.sha256(content).hexdigest()
    if direction == "up":
        blobs_dir = profile.files.blobs
        (blobs_dir / good[:2]).mkdir(parents=True)
        (blobs_dir / good[:2] / good).write_bytes(content)
    queue(profile, direction, good, *HOSTILE_HASHES)
    hub = FakeHub({good: content})
    run = blobs.download_all if direction == "down" else blobs.upload_all
    with caplog.at_level(logging.WARNING, logger="app.sync.blobs"):
        outcome = run(profile.store, profile.files.blobs, hub, lambda: False)
    assert outcome.done == 1 and outcome.failed == 0
    assert hub.asked == [good] and queued(profile) == []
    assert sorted(path.name for path in profile.files.blobs.iterdir()) == [good[:2]]
    assert len([r for r in caplog.records if "attachment_hash_invalid" in r.getMessage()]) == len(HOSTILE_HASHES)
    assert "../../../../evil" in caplog.text


def test_a_pulled_attachment_with_a_path_for_a_hash_never_reaches_the_disk_or_the_hub(office):
    """The pull stores the event and goes on; the download never asks the hub for it nor makes a folder."""
    profile = office.profile
    complaint_id = register(profile, office.clerk, intake()).complaint_id
    hostile = Event(id=uuid7(), stream=complaint_id, action="attach", actor=office.handler.user_id,
                    payload={"sha256": "../../../../evil", "filename": "../../x.bat", "size": 9},
                    device_id="hostile-device", device_seq=1, device_time=iso_utc(profile.now()), base=None,
                    prev_hash=GENESIS).sealed()
    wire = WireEvent(**{k: v for k, v in hostile.__dict__.items() if k != "server_seq"}, server_seq=1)
    hub = FakeHub({}, pulled=[wire])
    run = SyncRun(profile, hub, None, None)
    run.pull()
    run.download()
    assert run.report.blobs_failed == 0
    assert hub.asked == [] and queued(profile) == []
    assert not (profile.files.blobs / "..").resolve().joinpath("../../../evil").resolve().exists()
