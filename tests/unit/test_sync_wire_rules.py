"""Small wire rules a hub and its devices must agree on across versions (found by mutation testing,
issue 17): the scope digest's exact form, a push answer read result by result, and a 429 that is not the
hub's own told to the officer with the time to wait."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import httpx
import pytest

from app.messages import describe
from app.sync.digest import ScopeDigest
from app.sync.outbox import record_results
from app.sync.protocol import ChainHead, PushResponse, PushResult
from app.sync.transport import HubClient, SyncError


def test_the_scope_digest_is_sha256_of_seq_colon_hash_lines_and_counts_every_row():
    rows = [(3, "a" * 64), (7, "b" * 64), (8, "c" * 64)]
    digest = ScopeDigest().extend(rows)
    assert digest.count == 3
    expected = hashlib.sha256(b"".join(f"{seq}:{h}\n".encode() for seq, h in rows)).hexdigest()
    assert digest.hexdigest == expected
    assert ScopeDigest().count == 0 and ScopeDigest().hexdigest == hashlib.sha256(b"").hexdigest()


class _Session:
    """Records what ``record_results`` writes instead of a database."""

    def __init__(self) -> None:
        self.statements: list = []

    def execute(self, statement, parameters=None):
        self.statements.append((statement, parameters))


def test_an_answer_for_an_event_not_sent_is_skipped_and_the_rest_still_recorded():
    rows = [SimpleNamespace(id=f"e{n}", stream="c1") for n in (1, 2, 3)]
    answer = PushResponse(chain=ChainHead(device_seq=3, hash="f" * 64), results=[
        PushResult(id="e1", status="accepted", server_seq=11),
        PushResult(id="not-sent", status="accepted", server_seq=12),  # a confused or hostile hub
        PushResult(id="e2", status="duplicate", server_seq=13),
        PushResult(id="e3", status="rejected", code="scope_violation", message="不在辖区内"),
    ])
    session = _Session()
    outcome = record_results(session, rows, {"e1": 5, "e2": 5, "e3": 5}, answer)
    assert (outcome.accepted, outcome.duplicates, outcome.rejected) == (1, 1, 1)
    assert outcome.refold == {"c1"}
    updates = [params for _statement, params in session.statements if isinstance(params, list)]
    assert updates == [[{"b_id": "e1", "b_seq": 11, "b_horizon": 5}, {"b_id": "e2", "b_seq": 13, "b_horizon": 5}]]


def _turned_away(response: httpx.Response) -> SyncError:
    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(lambda request: response),
                   retries=False) as client, pytest.raises(SyncError) as refused:
        client.push([{"id": "e1"}])
    return refused.value


def test_a_too_many_requests_answer_from_a_proxy_says_how_long_to_wait():
    """A 429 that is not the hub's own (a proxy's page, or a hub error without a wait): the officer is told
    to sync again after the time the answer's Retry-After gives, in minutes from a minute on, and the data
    stays on the device; without a time, "几分钟"."""
    later = _turned_away(httpx.Response(429, text="<html>Too Many Requests</html>", headers={"Retry-After": "90"}))
    assert (later.code, later.transient, later.params["retry_after"]) == ("rate_limited", True, 90)
    assert describe(later) == "向中心发送的请求过于频繁，请2分钟后再同步；数据仍完整保存在本机"
    soon = _turned_away(httpx.Response(429, json={"error": "rate_limited", "message": "", "params": {}},
                                       headers={"Retry-After": "20"}))
    assert "请20秒后再同步" in describe(soon)
    minute = _turned_away(httpx.Response(429, text="", headers={"Retry-After": "60"}))
    assert "请1分钟后再同步" in describe(minute)
    unknown = _turned_away(httpx.Response(429, text="slow down"))
    assert "请几分钟后再同步" in describe(unknown)


def test_a_pull_names_its_cursor_page_size_and_whether_own_events_come_back():
    """The hub reads ``cursor``, ``limit`` and ``include_own`` (server/routers/events.py): a page size under any other name
    would be ignored, and the device would get the hub's default page instead of what it asked for."""
    asked = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(dict(request.url.params))
        return httpx.Response(200, json={"events": [], "next_cursor": 12, "more": False, "head": 12})

    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(answer), retries=False) as client:
        page = client.pull(12, 7)
        client.pull(0, 1000, include_own=True)
    assert (page.next_cursor, page.more, page.events) == (12, False, [])
    assert asked == [{"cursor": "12", "limit": "7", "include_own": "false"},
                     {"cursor": "0", "limit": "1000", "include_own": "true"}]
