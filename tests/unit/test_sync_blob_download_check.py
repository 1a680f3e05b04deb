"""A downloaded attachment is kept only when its bytes hash to the name the record gives it
(``app.sync.blobs.download_all``): bytes changed on the way (a proxy, a damaged file on the hub) are thrown
away, the file stays queued with the reason, and the next sync that gets the right bytes keeps them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import insert, select

from app.messages import message
from app.sync.blobs import blob_file, download_all, failure_reason
from app.sync.tables import blob_queue

CONTENT = "双柏县绿源农业科技有限公司 验收单".encode() * 100
SHA = hashlib.sha256(CONTENT).hexdigest()


class _Hub:
    def __init__(self, served: bytes) -> None:
        self.served = served

    def blob_download(self, sha: str, path: Path) -> None:
        path.write_bytes(self.served)


def _queued(office):
    with office.profile.store.read() as session:
        return session.execute(select(blob_queue.c.attempts, blob_queue.c.last_error)
                               .where(blob_queue.c.sha256 == SHA)).all()


def test_bytes_that_do_not_match_their_hash_are_thrown_away_and_tried_again(office):
    profile = office.profile
    with profile.store.unit_of_work() as uow:
        uow.session.execute(insert(blob_queue).values(sha256=SHA, direction="down", attempts=0))
        uow.commit()
    blobs = profile.files.blobs
    blobs.mkdir(parents=True, exist_ok=True)

    outcome = download_all(profile.store, blobs, _Hub(CONTENT[:-1] + b"!"), lambda: False)
    assert (outcome.done, outcome.failed) == (0, 1)
    assert not blob_file(blobs, SHA).exists()
    assert not list(blobs.glob(".download-*"))  # the bad copy is not left behind either
    [(attempts, last_error)] = _queued(office)
    assert attempts == 1
    code, params = failure_reason(last_error)
    assert code == "blob_download_mismatch"
    assert message(code, params) == "下载的附件内容与摘要不符（传输中被改动，或中心的文件已损坏），已丢弃，下次同步再试"

    outcome = download_all(profile.store, blobs, _Hub(CONTENT), lambda: False)
    assert (outcome.done, outcome.failed) == (1, 0)
    assert blob_file(blobs, SHA).read_bytes() == CONTENT
    assert _queued(office) == []
