"""The hub trusts no device (issue 8): body limits checked before authentication and parsing, gzip
bombs stopped while inflating, one error shape for every refusal, the version gate, rate limits
with Retry-After, lockouts after failed tokens or codes, and the security log. Against a live hub
over HTTP; the memory test runs the hub as its own process and reads its RSS."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
import socket
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app import __version__
from app.sync import credentials
from app.sync.protocol import CLIENT_HEADER
from app.sync.transport import HubClient, SyncError
from server.limits import OTHER, POLICIES, policy_for
from tests.sync_fixtures import COUNTY_A, LiveHub, device, process_env, register, start_hub_process

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures

CJK = re.compile(r"[\u4e00-\u9fff]")
HEADERS = {CLIENT_HEADER: __version__}
MB = 1024 * 1024


def bomb(inflated: int = 127 * MB) -> bytes:
    """A gzip body of a few hundred KB that inflates to ``inflated`` bytes of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    parts = [packer.compress(block) for _ in range(inflated // MB)]
    return b"".join(parts) + packer.flush()


def assert_error_shape(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message", "params"}, body
    assert body["error"] == code
    assert CJK.search(body["message"]), body["message"]
    assert isinstance(body["params"], dict)
    return body


def security_lines(hub: LiveHub) -> list[dict]:
    path = hub.settings.data_dir / "logs" / "security.log"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def token_of(d) -> str:
    return credentials.load_token(d.profile.device_id)


def raw_request(port: int, head: str, first_bytes: bytes) -> tuple[int, dict, dict]:
    """Send a request head and only the first part of its body, then read the answer: the hub must
    answer without waiting for the rest. Returns (status, headers, JSON body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head.encode("latin-1") + b"\r\n" + first_bytes)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            assert chunk, "the hub closed the connection without answering"
            data += chunk
        head_part, _, rest = data.partition(b"\r\n\r\n")
        lines = head_part.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        length = int(headers["content-length"])
        while len(rest) < length:
            chunk = sock.recv(65536)
            assert chunk
            rest += chunk
        return status, headers, json.loads(rest[:length])


def post_head(path: str, length: int, *, token: str | None = None, gzip_body: bool = False) -> str:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"{CLIENT_HEADER}: {__version__}",
             "Content-Type: application/json", f"Content-Length: {length}"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    if gzip_body:
        lines.append("Content-Encoding: gzip")
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture
def hub_with(tmp_path, memory_keyring):
    """``hub_with(**settings)``: a live hub with other settings (small limits)."""
    hubs: list[LiveHub] = []

    def make(**settings) -> LiveHub:
        live = LiveHub(tmp_path / "hub-data", **settings).start()
        hubs.append(live)
        live.add_user("sb_officer", "532322", name="杨喆")
        return live

    yield make
    for live in hubs:
        live.stop()


class FakeClock:
    """Starts an hour after the real monotonic clock (every bucket full), then moves only when told."""

    def __init__(self) -> None:
        self.now = time.monotonic() + 3600

    def __call__(self) -> float:
        return self.now


def fake_clock(hub: LiveHub) -> FakeClock:
    clock = FakeClock()
    hub.faults.app.state.rate_limits.set_clock(clock)
    return clock


# ---- every route is known to the gate ----------------------------------------------------------------
def test_every_v1_route_has_a_policy_and_every_policy_a_route(hub):
    paths = hub.faults.app.openapi()["paths"]
    routes = {(method.upper(), path) for path, methods in paths.items() if path.startswith("/v1/")
              for method in methods}
    assert routes == {(p.method, p.template) for p in POLICIES}
    for method, template in routes:
        concrete = template.replace("{sha256}", "a" * 64)
        assert policy_for(method, concrete).template == template
    assert policy_for("DELETE", "/v1/events") is OTHER


# ---- bodies: checked before authentication and parsing ---------------------------------------------
def test_a_large_body_without_a_token_is_refused_before_it_is_read(hub, tmp_path):
    status, _headers, body = raw_request(hub.port, post_head("/v1/events", 15 * MB), bytes(65536))
    assert status == 401 and body["error"] == "auth_required"
    status, _headers, body = raw_request(hub.port, post_head("/v1/events", 50 * MB), bytes(65536))
    assert status == 413 and body["error"] == "body_too_large"  # over the limit: refused before the token
    status, _headers, body = raw_request(hub.port, post_head("/v1/events", 10 * MB, token="x" * 43), bytes(65536))
    assert status == 401 and body["error"] == "token_invalid"
    assert body["message"] and "x" * 43 not in json.dumps(security_lines(hub))


def test_a_declared_length_over_the_limit_is_refused_at_once_even_with_a_token(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    status, _headers, body = raw_request(hub.port, post_head("/v1/events", 17 * MB, token=token_of(a)), b"{")
    assert status == 413 and body["error"] == "body_too_large"
    assert body["params"]["limit_bytes"] == 16 * MB
    status, _headers, body = raw_request(hub.port, post_head("/v1/numbers", 65 * 1024, token=token_of(a)), b"{")
    assert status == 413 and body["params"]["limit_bytes"] == 64 * 1024
    status, _headers, body = raw_request(hub.port, post_head("/v1/enrol", 1 * MB), b"{")
    assert status == 413


def test_a_gzip_bomb_with_a_valid_token_is_stopped_while_inflating(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    payload = bomb()
    assert len(payload) < 200 * 1024  # small on the wire, 127 MB inflated
    headers = {**HEADERS, "Authorization": f"Bearer {token_of(a)}", "Content-Encoding": "gzip",
               "Content-Type": "application/json"}
    answer = httpx.post(f"{hub.url}/v1/events", content=payload, headers=headers, timeout=60)
    body = assert_error_shape(answer, 413, "body_too_large")
    assert body["params"]["limit_bytes"] == 16 * MB
    small = {**headers}
    answer = httpx.post(f"{hub.url}/v1/integrity", content=gzip.compress(b" " * (65 * 1024)), headers=small)
    assert_error_shape(answer, 413, "body_too_large")
    answer = httpx.post(f"{hub.url}/v1/integrity", content=b"\x1f\x8b not gzip at all", headers=small)
    assert_error_shape(answer, 400, "request_invalid")
    answer = httpx.post(f"{hub.url}/v1/integrity", content=gzip.compress(b'{"cursor": 0}')[:-6], headers=small)
    assert_error_shape(answer, 400, "request_invalid")  # cut off
    refused = [line for line in security_lines(hub) if line["event"] == "request_refused"]
    assert any(line["status"] == 413 and line["device"] == a.profile.device_id for line in refused)


def test_honest_gzip_bodies_and_resumable_uploads_still_work(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    for _ in range(3):
        register(a)
    report = a.sync()  # the push of three registrations is gzip-compressed (over 2 KB)
    assert report.pushed >= 3 and report.rejected == 0
    data = b"scan" * 300_000  # 1.2 MB: two chunks
    sha = hashlib.sha256(data).hexdigest()
    with HubClient(hub.url, token_of(a), retries=False) as client:
        first = client.blob_upload(sha, 0, len(data), data[: MB])
        assert first.received == MB and not first.exists
        done = client.blob_upload(sha, MB, len(data), data[MB:])
        assert done.exists


def test_a_blob_chunk_over_max_blob_bytes_is_refused(hub_with, tmp_path):
    limited_hub = hub_with(max_blob_bytes=MB)
    a = device(limited_hub, tmp_path / "sb", COUNTY_A)
    data = bytes(MB + 1)
    sha = hashlib.sha256(data).hexdigest()
    with HubClient(limited_hub.url, token_of(a), retries=False) as client, pytest.raises(SyncError) as refused:
        client.blob_upload(sha, 0, MB, data)
    assert refused.value.code == "body_too_large" and refused.value.status == 413


def test_a_push_the_hub_finds_too_large_is_sent_again_in_halves(hub_with, tmp_path):
    hub = hub_with(max_push_bytes=12_000)  # a few registrations per request
    a = device(hub, tmp_path / "sb", COUNTY_A)
    made = [register(a) for _ in range(12)]
    pending = a.status().pending_events
    report = a.sync()
    assert report.pushed == pending and report.rejected == 0
    assert set(made) <= hub_complaints(hub)
    too_large = [line for line in security_lines(hub) if line.get("code") == "body_too_large"]
    assert too_large  # the first, whole batch was refused, its halves (and their halves) went through


# ---- one error shape ----------------------------------------------------------------------------------
def test_every_refusal_has_the_one_error_shape(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    auth = {**HEADERS, "Authorization": f"Bearer {token_of(a)}"}

    def boom() -> None:
        raise RuntimeError("a bug")

    hub.faults.app.add_api_route("/v1/test-boom", boom)
    with httpx.Client(base_url=hub.url) as http:
        assert_error_shape(http.get("/v1/nothing-here", headers=auth), 404, "route_not_found")
        assert_error_shape(http.get("/nothing", headers=auth), 404, "route_not_found")
        answer = http.delete("/v1/events", headers=auth)
        assert_error_shape(answer, 405, "method_not_allowed")
        assert answer.headers["allow"]
        assert_error_shape(http.get("/v1/events", params={"cursor": -1}, headers=auth), 422, "request_invalid")
        assert_error_shape(http.post("/v1/numbers", json={"series": 7}, headers=auth), 422, "request_invalid")
        assert_error_shape(http.post("/v1/numbers", content=b"{not json", headers={
            **auth, "Content-Type": "application/json"}), 422, "request_invalid")
        assert_error_shape(http.get("/v1/reference", headers=HEADERS), 401, "auth_required")
        assert_error_shape(http.get("/v1/reference", headers={**HEADERS, "Authorization": "Bearer nope"}),
                           401, "token_invalid")
        assert_error_shape(http.post("/v1/events", content=b"x", headers={
            **auth, "Content-Encoding": "br"}), 415, "request_invalid")
        assert_error_shape(http.get("/v1/test-boom"), 500, "hub_internal_error")
    codes = [(line["status"], line["code"]) for line in security_lines(hub) if line["event"] == "request_refused"]
    assert (404, "route_not_found") in codes and (500, "hub_internal_error") in codes and (401, "token_invalid") in codes


@pytest.mark.parametrize("which", ["hub", pytest.param("pg_hub", marks=pytest.mark.postgres)])
def test_a_cursor_past_the_largest_sequence_number_is_refused_not_a_500(which, request, tmp_path):
    """Found by fuzzing: a cursor of 2**63 overflowed the database's BIGINT (a 500 on both databases)."""
    live = request.getfixturevalue(which)
    a = device(live, tmp_path / "sb", COUNTY_A)
    auth = {**HEADERS, "Authorization": f"Bearer {token_of(a)}"}
    with httpx.Client(base_url=live.url) as http:
        for cursor in (2**63, 10**30):
            assert_error_shape(http.get("/v1/events", params={"cursor": cursor}, headers=auth), 422,
                               "request_invalid")
            assert_error_shape(http.post("/v1/integrity", json={"cursor": cursor, "count": 0, "digest": ""},
                                         headers=auth), 422, "request_invalid")
        assert http.get("/v1/events", params={"cursor": 2**63 - 1}, headers=auth).json()["events"] == []
        assert http.post("/v1/integrity", json={"cursor": 2**63 - 1, "count": 0, "digest": ""},
                         headers=auth).status_code == 200


# ---- the version gate -----------------------------------------------------------------------------
def test_a_missing_or_unreadable_client_version_counts_as_too_old_except_for_meta(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    auth = {"Authorization": f"Bearer {token_of(a)}"}
    with httpx.Client(base_url=hub.url) as http:
        assert http.get("/v1/meta").status_code == 200  # a too-old client can still learn the minimum
        assert_error_shape(http.get("/v1/reference", headers=auth), 426, "client_too_old")
        assert_error_shape(http.get("/v1/reference", headers={**auth, CLIENT_HEADER: "latest"}), 426,
                           "client_too_old")
        assert_error_shape(http.post("/v1/enrol", json={"code": "AAAA-BBBB", "device_name": "x"}), 426,
                           "client_too_old")
        assert http.get("/v1/reference", headers={**auth, **HEADERS}).status_code == 200


def test_our_client_learns_it_is_too_old_and_can_still_read_meta(hub_with, tmp_path):
    limited_hub = hub_with(min_client_version="99.0.0")
    with HubClient(limited_hub.url, "some-token", retries=False) as client:
        assert client.meta().min_client_version == "99.0.0"
        with pytest.raises(SyncError) as refused:
            client.reference()
    assert refused.value.code == "client_too_old" and not refused.value.transient
    assert refused.value.params["version"] == __version__


# ---- rate limits ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "content_type"), [
    (b"<html><body><h1>429 Too Many Requests</h1>nginx</body></html>", "text/html"),
    (b'{"detail": "slow down"}', "application/json"),
])
def test_a_429_from_a_proxy_is_try_later_too_and_not_retried_at_once(body, content_type):
    calls: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, content=body, headers={"content-type": content_type, "Retry-After": "120"})

    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(answer)) as client, \
            pytest.raises(SyncError) as limited:
        client.push([])
    assert limited.value.code == "rate_limited" and limited.value.transient and limited.value.status == 429
    assert limited.value.params == {"retry_after": 120, "wait": "2分钟"}
    assert len(calls) == 1 and calls[0].headers[CLIENT_HEADER] == __version__


def test_pushes_over_the_device_rate_get_429_and_the_sync_keeps_everything(hub_with, tmp_path, capsys):
    limited_hub = hub_with(push_burst=2, push_per_minute=1)
    hub = limited_hub
    a = device(hub, tmp_path / "sb", COUNTY_A)
    clock = fake_clock(hub)
    token = token_of(a)
    auth = {**HEADERS, "Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=hub.url, headers=auth) as http:
        for _ in range(2):
            assert http.post("/v1/events", json={"events": []}).status_code == 200
        answer = http.post("/v1/events", json={"events": []})
        body = assert_error_shape(answer, 429, "rate_limited")
        assert answer.headers["retry-after"] == "60" and body["params"]["retry_after"] == 60
        assert "1分钟" in body["message"]
        assert http.get("/v1/events").status_code == 200  # pulls have their own bucket
    made = [register(a) for _ in range(2)]
    pending = a.status().pending_events
    with pytest.raises(SyncError) as limited:
        a.sync()
    assert limited.value.code == "rate_limited" and limited.value.transient and limited.value.status == 429
    assert a.status().pending_events == pending  # nothing lost, nothing marked as sent

    from app.cli import main

    capsys.readouterr()
    assert main(["--home", str(a.home), "sync"]) == 4  # try later, like an unreachable hub
    assert "请1分钟后再同步" in capsys.readouterr().err

    clock.now += 120  # two pushes' worth refilled
    report = a.sync()
    assert report.pushed == pending and a.status().pending_events == 0
    assert {c for c in made} <= set(hub_complaints(hub))
    lines = [line for line in security_lines(hub) if line.get("status") == 429]
    assert lines and lines[0]["device"] == a.profile.device_id and lines[0]["retry_after"] == 60


def hub_complaints(hub: LiveHub) -> set[str]:
    from sqlalchemy import text

    with hub.database.reader() as session:
        return set(session.execute(text("SELECT DISTINCT stream FROM events")).scalars())


def test_the_address_limit_covers_every_request(hub_with):
    limited_hub = hub_with(address_burst=5, address_per_minute=1)
    with httpx.Client(base_url=limited_hub.url) as http:
        answers = [http.get("/v1/meta").status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]


def test_rate_limits_can_be_turned_off(hub_with):
    limited_hub = hub_with(rate_limits=False, address_burst=1, push_burst=1, auth_failures=1)
    with httpx.Client(base_url=limited_hub.url, headers={**HEADERS, "Authorization": "Bearer wrong"}) as http:
        assert [http.get("/v1/reference").status_code for _ in range(5)] == [401] * 5
        assert [http.get("/v1/meta").status_code for _ in range(5)] == [200] * 5


def test_repeated_failed_tokens_lock_the_address_out(hub_with, tmp_path):
    limited_hub = hub_with(auth_failures=3, auth_failure_window=900, lockout_seconds=600)
    hub = limited_hub
    a = device(hub, tmp_path / "sb", COUNTY_A)
    clock = fake_clock(hub)
    good = {**HEADERS, "Authorization": f"Bearer {token_of(a)}"}
    with httpx.Client(base_url=hub.url) as http:
        for guess in ("guess-1", "guess-2", "guess-3"):
            answer = http.get("/v1/reference", headers={**HEADERS, "Authorization": f"Bearer {guess}"})
            assert_error_shape(answer, 401, "token_invalid")
        # locked: even a valid token is refused (no oracle), and so is enrolment
        locked = http.get("/v1/reference", headers=good)
        body = assert_error_shape(locked, 429, "auth_locked_out")
        assert locked.headers["retry-after"] == "600" and "10分钟" in body["message"]
        enrol = http.post("/v1/enrol", headers=HEADERS, json={"code": hub.code("532322", "双柏县发展和改革局"),
                                                              "device_name": "another"})
        assert_error_shape(enrol, 429, "auth_locked_out")
        assert http.get("/v1/meta").status_code == 200  # meta never needs a token
        clock.now += 601
        assert http.get("/v1/reference", headers=good).status_code == 200
    lines = security_lines(hub)
    assert any(line["event"] == "address_locked" and line["address"] == "127.0.0.1" for line in lines)
    failed = [line for line in lines if line.get("code") == "token_invalid"]
    assert len(failed) == 3
    assert failed[0]["token_sha256"] == hashlib.sha256(b"guess-1").hexdigest()[:6]
    assert "guess-1" not in (hub.settings.data_dir / "logs" / "security.log").read_text(encoding="utf-8")


def test_enrolment_codes_cannot_be_guessed(hub_with):
    limited_hub = hub_with(auth_failures=3)
    with httpx.Client(base_url=limited_hub.url, headers=HEADERS) as http:
        answers = [http.post("/v1/enrol", json={"code": f"AAAA-BBBB-{n:04d}", "device_name": "guess"})
                   for n in range(5)]
    assert [a.json()["error"] for a in answers] == ["enrol_code_invalid"] * 3 + ["auth_locked_out"] * 2
    assert all(a.status_code == 429 for a in answers[3:])


def test_a_revoked_device_is_refused_at_once_despite_the_token_cache(hub, tmp_path):
    from server.services import enrolment

    a = device(hub, tmp_path / "sb", COUNTY_A)
    auth = {**HEADERS, "Authorization": f"Bearer {token_of(a)}"}
    with httpx.Client(base_url=hub.url, headers=auth) as http:
        assert http.get("/v1/reference").status_code == 200  # the token is cached now
        hub.admin(enrolment.revoke, a.profile.device_id)
        assert_error_shape(http.get("/v1/reference"), 401, "device_revoked")
        assert_error_shape(http.post("/v1/events", json={"events": []}), 401, "device_revoked")


# ---- the security log -----------------------------------------------------------------------------
def test_the_security_log_is_json_lines_rotated_by_size(hub_with):
    limited_hub = hub_with(security_log_bytes=2000, security_log_backups=2)
    with httpx.Client(base_url=limited_hub.url, headers=HEADERS) as http:
        for _ in range(30):
            http.get("/v1/reference", headers={"Authorization": "Bearer wrong"})
    logs = limited_hub.settings.data_dir / "logs"
    files = sorted(p for p in logs.iterdir() if p.suffix != ".lock")
    # rotated by size; beyond the 2 backups the young files stay too (kept >= 180 days, issue 12)
    assert {"security.log", "security.log.1", "security.log.2"} <= {p.name for p in files} and len(files) > 3
    for path in files:
        assert path.stat().st_size <= 2000
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            assert entry["event"] in ("request_refused", "address_locked") and entry["at"].endswith("Z")


def test_workers_share_one_security_log_and_rotate_it_once(tmp_path):
    from server import security_log

    path = tmp_path / "logs" / "security.log"
    path.parent.mkdir()
    a, b = workers = [security_log._SharedFile(path, maxBytes=1000, backupCount=60, encoding="utf-8", delay=True)
                      for _ in range(2)]  # two processes' handlers: two open files, one path
    for worker in workers:
        worker.setFormatter(security_log._JsonLines())
    counter = iter(range(10_000))

    def write(worker, times: int) -> None:
        for _ in range(times):
            line = json.dumps({"event": "request_refused", "n": next(counter), "code": "令牌无效"}, ensure_ascii=False)
            worker.handle(logging.LogRecord("t", logging.INFO, __file__, 0, line, None, None))

    try:
        for _ in range(6):  # b writes a little, a fills and rotates, b writes on (into a rotated file?)
            write(b, 1)
            write(a, 14)
            write(b, 3)
    finally:
        for worker in workers:
            worker.close()
    logs = sorted(f for f in path.parent.iterdir() if not f.name.endswith(".lock"))
    numbers = [json.loads(line)["n"] for f in logs for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(numbers) == list(range(next(counter)))  # nothing lost, nothing written twice
    assert all(f.stat().st_size <= 1000 for f in logs)
    longest = max(len(line.encode()) + 1 for f in logs for line in f.read_text(encoding="utf-8").splitlines())
    rotated = [f for f in logs if f.name != "security.log"]
    assert all(f.stat().st_size > 1000 - longest for f in rotated)  # rotated once, when full, not by each worker
    current = [json.loads(line)["n"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert current == sorted(current) and current[-1] == max(numbers)  # the newest lines are in the current file


# ---- memory under anonymous bombs (the hub in its own process) --------------------------------------------
def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_the_hub_memory_stays_flat_under_anonymous_bombs(tmp_path):
    proc, url = start_hub_process(tmp_path / "hub-data", process_env(tmp_path / "keyring.json"))
    try:
        payload = bomb()
        plain = bytes(50 * MB)
        gz = {**HEADERS, "Content-Encoding": "gzip", "Content-Type": "application/json"}

        def send(kind: str) -> httpx.Response:
            with httpx.Client(base_url=url, timeout=120) as http:
                if kind == "bomb":
                    return http.post("/v1/events", content=payload, headers=gz)
                if kind == "bad-token-bomb":
                    return http.post("/v1/events", content=payload, headers={**gz, "Authorization": "Bearer x"})
                if kind == "enrol-bomb":
                    return http.post("/v1/enrol", content=payload, headers=gz)
                return http.post("/v1/events", content=plain, headers=HEADERS)

        kinds = ["bomb"] * 4 + ["bad-token-bomb", "enrol-bomb", "plain"]
        for kind in kinds:  # warm up: first requests allocate what the hub keeps anyway
            send(kind)
        before = rss_kb(proc.pid)
        with ThreadPoolExecutor(len(kinds)) as pool:
            answers = list(pool.map(send, kinds * 2))
        after = rss_kb(proc.pid)
        for kind, answer in zip(kinds * 2, answers, strict=True):
            expected = {"enrol-bomb": (413, "body_too_large"), "bad-token-bomb": (401, "token_invalid"),
                        "plain": (413, "body_too_large")}.get(kind, (401, "auth_required"))
            assert_error_shape(answer, *expected)
        print(f"hub RSS before {before / 1024:.1f} MB, after {after / 1024:.1f} MB")
        assert after - before < 20 * 1024, (before, after)
        log = (tmp_path / "hub-data" / "logs" / "security.log").read_text(encoding="utf-8")
        assert log.count('"request_refused"') == 3 * len(kinds)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
