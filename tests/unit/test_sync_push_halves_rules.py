"""A push the hub finds too large (413 ``body_too_large``) is sent again in halves until each part fits,
and every event still gets its own answer, in order (found by mutation testing, issue 17). Another
refusal is not split: it reaches the sync as it is."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from app.sync.transport import HubClient, SyncError


class _HubTakingTwoEventsARequest:
    def __init__(self, refusal: str = "body_too_large") -> None:
        self.refusal = refusal
        self.batches: list[list[str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        raw = request.content
        if request.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        ids = [event["id"] for event in json.loads(raw)["events"]]
        self.batches.append(ids)
        if len(ids) > 2:
            return httpx.Response(413, json={"error": self.refusal, "message": "too large",
                                             "params": {"limit_mb": 1}})
        return httpx.Response(200, json={
            "results": [{"id": i, "status": "accepted", "server_seq": 100 + int(i[1:])} for i in ids],
            "chain": {"device_seq": int(ids[-1][1:]), "hash": ids[-1] * 8}})


def test_a_push_too_large_for_the_hub_goes_in_halves_and_every_event_is_answered_in_order():
    hub = _HubTakingTwoEventsARequest()
    events = [{"id": f"e{n}"} for n in range(1, 6)]
    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(hub), retries=False) as client:
        answer = client.push(events)
    assert [(r.id, r.server_seq) for r in answer.results] == [(f"e{n}", 100 + n) for n in range(1, 6)]
    assert answer.chain.device_seq == 5  # the chain head after the last part
    assert hub.batches == [["e1", "e2", "e3", "e4", "e5"], ["e1", "e2"], ["e3", "e4", "e5"], ["e3"], ["e4", "e5"]]


def test_another_refusal_of_a_push_is_not_split():
    hub = _HubTakingTwoEventsARequest(refusal="blob_too_large")
    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(hub), retries=False) as client, \
            pytest.raises(SyncError) as refused:
        client.push([{"id": f"e{n}"} for n in range(1, 4)])
    assert refused.value.code == "blob_too_large" and refused.value.status == 413
    assert len(hub.batches) == 1
