"""An attachment upload resumes where the hub says it stands (found by mutation testing, issue 17): when
another device sent part of the same file meanwhile, the hub answers 409 ``blob_offset_mismatch`` with
the bytes it holds, and the upload goes on from there instead of starting again at the stale offset."""

from __future__ import annotations

import hashlib
import json

import httpx
from sqlalchemy import insert, select

from app.sync import blobs
from app.sync.tables import blob_queue
from app.sync.transport import HubClient


class _HubHoldingPartOfTheFile:
    """The hub's blob endpoints for one file: its status still says 0 bytes (asked a moment before the
    other device's chunk landed), but it holds ``already`` bytes when the upload's first chunk arrives."""

    def __init__(self, content: bytes, already: int) -> None:
        self.content = content
        self.held = content[:already]
        self.puts: list[int] = []  # the offset of every chunk sent

    def __call__(self, request: httpx.Request) -> httpx.Response:
        sha = hashlib.sha256(self.content).hexdigest()
        if request.method == "GET":
            return self._status(sha, received=0)
        offset = int(request.url.params["offset"])
        self.puts.append(offset)
        assert len(self.puts) <= 5, f"the upload keeps resending at offsets {self.puts}"
        if offset != len(self.held):
            return httpx.Response(409, json={"error": "blob_offset_mismatch", "message": "续传位置不一致",
                                             "params": {"received": len(self.held)}})
        self.held += request.content
        return self._status(sha, received=len(self.held), exists=self.held == self.content)

    def _status(self, sha: str, received: int, exists: bool = False) -> httpx.Response:
        return httpx.Response(200, content=json.dumps({"sha256": sha, "exists": exists, "received": received,
                                                       "max_size": 10 * 1024 * 1024}).encode(),
                              headers={"Content-Type": "application/json"})


def test_an_upload_the_hub_partly_holds_goes_on_from_the_hubs_offset(office):
    content = "验收单扫描件".encode() * 50
    sha = hashlib.sha256(content).hexdigest()
    profile = office.profile
    path = blobs.blob_file(profile.files.blobs, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with profile.store.unit_of_work() as uow:
        uow.session.execute(insert(blob_queue).values(sha256=sha, direction="up", attempts=0))
        uow.commit()
    hub = _HubHoldingPartOfTheFile(content, already=100)

    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(hub), retries=False) as client:
        outcome = blobs.upload_all(profile.store, profile.files.blobs, client, lambda: False)

    assert hub.held == content  # the hub has the whole file, once, in order
    assert hub.puts == [0, 100]
    assert (outcome.done, outcome.failed, outcome.missing) == (1, 0, [])
    with profile.store.read() as session:
        assert session.execute(select(blob_queue)).all() == []  # nothing left to upload
