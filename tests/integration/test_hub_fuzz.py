"""Fuzzing the live hub over HTTP (issue 8 item 10): schemathesis generates requests from the hub's own
OpenAPI (``/openapi.json``), valid and invalid (``GenerationMode.POSITIVE`` and ``NEGATIVE``), and sends
them to a real hub served by uvicorn on loopback, SQLite and PostgreSQL, once as an enrolled county
device (双柏县, with its token) and once without a valid token. A third test pushes events that are
correctly hashed and chained on that device's chain but whose content is random (honest, mutated or
malformed: ``tests/event_strategies.py``), so the hub's per-event checks are fuzzed, not just the
parsing in front of them.

Before fuzzing, the hub holds a complaint of another county (牟定县, registered, attached, synced by
its own device) and one of 双柏县. The rate limits are off (``HubSettings.rate_limits``): fuzzing
would trip them, and they have their own tests.

Properties, for every request:
- **no 5xx**, ever;
- **one error shape**: every answer >= 400 is JSON ``{"error", "message", "params"}`` (``ErrorBody``)
  with a non-empty code, a message text and a params object;
- **no scope leak**: no answer to 双柏县's device carries anything of 牟定县's complaint (its id, event
  ids, case number, complainant, attachment hash or bytes, device, officer) unless the request itself
  sent it (an echo of the caller's own input is no leak), and no number block of 牟定县's series is
  ever handed out; without a valid token, nothing of either county comes back. Some generated requests
  are aimed at 牟定县's attachment, number series and events (random strings would never hit them);
- **a read stores nothing**: a GET, answered how it may, changes no hub table and no blob file;
- **nothing stored from a refused request**: a request answered 4xx leaves every hub table exactly as
  it was, row for row (``server.tables.metadata``: events, rejections, streams, stream_grants,
  number_blocks, number_series, series_owners, devices, enrolment_codes, blobs, blob_holders,
  blob_refs, users, …), and adds or grows no file in the blob directory (a complete upload whose bytes
  do not match its hash is refused and its partial file discarded: dropping bad bytes stores nothing).
  What a refused request does leave lies outside the database by design: its line in the security log
  and the in-memory rate and lockout counters (off here). A push answered 200 is not refused as a
  whole, each event has its own answer: ``events`` gains exactly the accepted ones; ``rejections``
  gains exactly the content refusals of events not seen before (``server/services/ingest.py`` records
  them for the administrator and runs the device chain through them); chain refusals
  (``CHAIN_REJECTIONS``), replays and conflicts store nothing; the pushing device's row changes (its
  chain head and ``last_seen_at``), no other device's.

Seeded in CI (a bounded sample; see ``tests/fuzz_budget.py``); ``LVYUE_FUZZ_EXAMPLES=N`` runs N
requests per test and database, e.g. ``LVYUE_FUZZ_EXAMPLES=3000 .venv/bin/python -m pytest -q
tests/integration/test_hub_fuzz.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
import requests
import schemathesis
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from schemathesis import GenerationMode
from sqlalchemy import select, text

from app import __version__
from app.domain.events import Event
from app.services import maintenance
from app.services.attachments import attach_file
from app.sync import credentials
from app.sync.protocol import CHAIN_REJECTIONS, CLIENT_HEADER, WireEvent
from server.tables import metadata
from tests.event_strategies import events, ids, rarely
from tests.fuzz_budget import fuzz_settings
from tests.sync_fixtures import (
    COUNTY_A,
    COUNTY_B,
    FORWARD,
    PG_ENV,
    LiveHub,
    act,
    device,
    drop_pg_schema,
    pg_schema_url,
    projection,
    register,
    use_memory_keyring,
)

pytest_plugins = ("tests.sync_fixtures",)

B_COMPLAINANT = "牟定县青山绿水食品有限公司"
B_FILE = "牟定县的保密合同扫描件（第一页）".encode() * 40
ERROR_KEYS = {"error", "message", "params"}
OK_CODES = range(200, 300)


@dataclass
class Fuzzed:
    """A live hub with two counties' work on it, seen from 双柏县's device."""

    hub: LiveHub
    token: str  # 双柏县's device
    device_id: str
    actor: str  # 双柏县's officer on the hub
    a_stream: str
    a_sha: str
    secrets: dict[str, str] = field(default_factory=dict)  # what 双柏县 must never be told, by name
    own: dict[str, str] = field(default_factory=dict)  # 双柏县's own, told to no one without its token
    b_series: set[str] = field(default_factory=set)
    b_events: list[dict[str, Any]] = field(default_factory=list)  # 牟定县's events as they travel


def seed(hub: LiveHub, home: Path) -> Fuzzed:
    a = device(hub, home / "sb", COUNTY_A)
    b = device(hub, home / "md", COUNTY_B)
    theirs = register(b, complainant=B_COMPLAINANT)
    source = home / "牟定合同.pdf"
    source.write_bytes(B_FILE)
    attach_file(b.profile, b.officer, theirs, source)
    act(b, theirs, "forward", {"department": "牟定县人民政府"})
    b.sync()
    mine = register(a)
    act(a, mine, "forward", FORWARD)
    ours = home / "双柏合同.pdf"
    ours.write_bytes("双柏县的合同".encode() * 30)
    attach_file(a.profile, a.officer, mine, ours)
    a.sync()
    with b.profile.store.read() as session:
        case_no = session.execute(text("SELECT case_no FROM complaints WHERE id = :i"), {"i": theirs}).scalar_one()
    b_token = credentials.load_token(b.profile.device_id)
    with httpx.Client(base_url=hub.url, headers={CLIENT_HEADER: __version__, "Authorization": f"Bearer {b_token}"}) \
            as client:
        b_events = client.get("/v1/events", params={"include_own": "true"}).json()["events"]
    with hub.database.reader() as session:
        b_user = session.execute(text("SELECT id FROM users WHERE username = 'md_officer'")).scalar_one()
        prefixes = session.execute(text("SELECT prefix FROM document_prefixes WHERE region_code = '532323'")).scalars()
        b_series = {"case:532323", *(f"doc:{p}" for p in prefixes)}
    secrets = {"complaint id": theirs, "case number": case_no, "complainant": B_COMPLAINANT,
               "attachment hash": hashlib.sha256(B_FILE).hexdigest(), "attachment bytes": B_FILE.decode()[:16],
               "device": b.profile.device_id, "officer id": b_user, "officer": "md_officer", "officer name": "李娟"}
    secrets.update({f"event {e['id']}": e["id"] for e in b_events})
    with a.profile.store.read() as session:
        own = {"complaint id": mine, "attachment hash": hashlib.sha256(ours.read_bytes()).hexdigest(),
               "case number": session.execute(text("SELECT case_no FROM complaints WHERE id = :i"),
                                              {"i": mine}).scalar_one(),
               "device": a.profile.device_id, "officer id": a.officer.user_id}
    return Fuzzed(hub, credentials.load_token(a.profile.device_id), a.profile.device_id, a.officer.user_id, mine,
                  own["attachment hash"], secrets, own, b_series, b_events)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fuzzed(request, tmp_path_factory):
    """One seeded hub per database for the whole module (seeding takes a few seconds)."""
    previous = keyring.get_keyring()
    use_memory_keyring()
    home = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    schema = None
    url = None
    if request.param == "postgres":
        dsn = os.environ.get(PG_ENV)
        if not dsn:
            pytest.skip(f"PostgreSQL hub tests need {PG_ENV}")
        url, schema = pg_schema_url(dsn)
    hub = LiveHub(home / "hub-data", url, rate_limits=False).start()
    try:
        hub.add_user("sb_officer", "532322", name="杨喆")
        hub.add_user("md_officer", "532323", name="李娟")
        yield seed(hub, home)
    finally:
        hub.stop()
        keyring.set_keyring(previous)
        if schema:
            drop_pg_schema(os.environ[PG_ENV], schema)


# ---- what the hub holds --------------------------------------------------------------------------
def tables(hub: LiveHub) -> dict[str, list[tuple]]:
    with hub.database.reader() as session:
        return {t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
                for t in metadata.sorted_tables}


def blob_files(hub: LiveHub) -> dict[str, int]:
    root = hub.settings.blobs_path
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()} \
        if root.exists() else {}


def changed(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> dict[str, tuple[set, set]]:
    """Per table: (rows gone, rows new)."""
    result = {}
    for name in before:
        old, new = set(before[name]), set(after[name])
        if old != new:
            result[name] = (old - new, new - old)
    return result


# ---- the properties ------------------------------------------------------------------------------
def check_answer(status: int, content_type: str, body: bytes, what: str) -> None:
    assert status < 500, f"{what}: {status} {body[:300]!r}"
    if status >= 400:
        assert content_type.startswith("application/json"), f"{what}: {status} answered {content_type}"
        answer = json.loads(body)
        assert isinstance(answer, dict) and set(answer) == ERROR_KEYS, f"{what}: {status} {answer}"
        assert isinstance(answer["error"], str) and answer["error"], f"{what}: {answer}"
        assert isinstance(answer["message"], str) and isinstance(answer["params"], dict), f"{what}: {answer}"


def check_no_leak(f: Fuzzed, request_text: str, status: int, body: bytes, what: str, *, token: bool = True) -> None:
    answer = body.decode("utf-8", "replace")
    kept = {f"牟定县's {k}": v for k, v in f.secrets.items()}
    if not token:
        kept.update({f"双柏县's {k}": v for k, v in f.own.items()})
    for name, secret in kept.items():
        if secret in answer and secret not in request_text:
            raise AssertionError(f"{what}: {name} reached a caller who may not see it: {answer[:300]}")
    if status in OK_CODES and what.startswith("POST /v1/numbers"):
        series = json.loads(body).get("series")
        assert series not in f.b_series, f"{what}: 双柏县 got numbers of 牟定县's series {series}"


def check_stored(f: Fuzzed, before: dict, after: dict, status: int, pushed: list[Any] | None, answer: bytes,
                 what: str, files_before: dict, files_after: dict, *, reading: bool = False) -> None:
    diff = changed(before, after)
    if reading:
        assert not diff and files_after == files_before, f"{what}: a read changed {set(diff)} or the blob files"
        return
    if 400 <= status < 500:
        assert not diff, f"{what}: refused with {status} yet stored {diff}"
        grown = {p: n for p, n in files_after.items() if n > files_before.get(p, -1)}
        assert not grown, f"{what}: refused with {status} yet wrote blob files {grown}"
        return
    if pushed is None or status not in OK_CODES:
        return
    results = json.loads(answer)["results"]
    accepted = {r["id"] for r in results if r["status"] == "accepted"}
    known = {r[1] for r in before["events"]} | {r[0] for r in before["rejections"]}  # id columns
    content_refused = {r["id"] for r in results if r["status"] == "rejected" and r["code"] not in CHAIN_REJECTIONS
                       and r["code"] != "event_conflict" and r["id"] not in known}
    new_events = {row[1] for row in diff.get("events", (set(), set()))[1]}
    assert not diff.get("events", (set(), set()))[0], f"{what}: an event row changed or went"
    assert new_events == accepted, f"{what}: stored {new_events} but accepted {accepted}"
    gone, new = diff.get("rejections", (set(), set()))
    assert not gone and {row[0] for row in new} == content_refused, f"{what}: rejections {new} vs {results}"
    gone, new = diff.get("devices", (set(), set()))
    assert {row[0] for row in gone} <= {f.device_id} and {row[0] for row in new} <= {f.device_id}, what
    allowed = {"events", "rejections", "devices", "streams", "stream_grants", "device_users", "blob_refs",
               "counters"}
    assert set(diff) <= allowed, f"{what}: a push changed {set(diff) - allowed}"
    if not accepted:
        assert set(diff) <= {"rejections", "devices"}, f"{what}: nothing accepted yet {set(diff)} changed"


# ---- schemathesis --------------------------------------------------------------------------------
def request_strategy(f: Fuzzed, headers: dict[str, str]) -> st.SearchStrategy:
    schema = schemathesis.openapi.from_url(f"{f.hub.url}/openapi.json")
    return st.one_of(schema.as_strategy(GenerationMode.POSITIVE, headers=headers),
                     schema.as_strategy(GenerationMode.NEGATIVE, headers=headers))


def aimed(f: Fuzzed, case, data) -> None:
    """Point some generated requests at 牟定县's things, where a scope leak would show (random strings
    would never hit them): its attachment, its number series, its events replayed, a pull from 0."""
    if not data.draw(st.booleans(), label="aim at the other county"):
        return
    if "sha256" in (case.path_parameters or {}):
        case.path_parameters["sha256"] = data.draw(st.sampled_from([f.secrets["attachment hash"], f.a_sha]))
    elif case.path == "/v1/numbers" and isinstance(case.body, dict):
        case.body["series"] = data.draw(st.sampled_from([*sorted(f.b_series), "case:532322"]))
    elif case.path == "/v1/events" and case.method.upper() == "POST" and isinstance(case.body, dict):
        case.body["events"] = data.draw(st.lists(st.sampled_from(f.b_events), min_size=1, max_size=3))
    elif case.path == "/v1/events" and case.method.upper() == "GET":
        case.query = {**(case.query or {}), "cursor": 0, "include_own": data.draw(st.booleans())}


def fuzz_with_schemathesis(f: Fuzzed, token: str | None, default_examples: int) -> None:
    headers = {CLIENT_HEADER: __version__}
    if token:
        headers["authorization"] = f"Bearer {token}"
    strategy = request_strategy(f, headers)
    session = requests.Session()
    versions = rarely(st.just(__version__), st.sampled_from([None, "0.0.1", "junk", "99999999.0.0", ""]), 10)

    @fuzz_settings(default_examples)
    @given(case=strategy, data=st.data())
    def run(case, data):
        aimed(f, case, data)
        extra = {}
        version = data.draw(versions, label="client version")
        if version != __version__:
            extra[CLIENT_HEADER] = version
        before, files_before = tables(f.hub), blob_files(f.hub)
        response = case.call(base_url=f.hub.url, session=session, headers=extra or None, timeout=30)
        what = f"{case.method.upper()} {case.formatted_path} {case.query} {str(case.body)[:200]}"
        request_text = json.dumps([case.formatted_path, case.query, case.body, case.headers], ensure_ascii=False,
                                  default=str)
        body = response.content
        content_type = next((v[0] for k, v in response.headers.items() if k.lower() == "content-type" and v), "")
        check_answer(response.status_code, content_type, body, what)
        check_no_leak(f, request_text, response.status_code, body, what, token=token is not None)
        pushed = case.body.get("events") if case.path == "/v1/events" and isinstance(case.body, dict) \
            and case.method.upper() == "POST" else None
        check_stored(f, before, tables(f.hub), response.status_code, pushed, body, what, files_before,
                     blob_files(f.hub), reading=case.method.upper() == "GET")

    run()


def test_fuzzed_requests_of_an_enrolled_device(fuzzed):
    fuzz_with_schemathesis(fuzzed, fuzzed.token, 120)


def test_fuzzed_requests_without_a_valid_token(fuzzed):
    fuzz_with_schemathesis(fuzzed, None, 80)


# ---- sealed pushes -------------------------------------------------------------------------------
def parses(wire: dict[str, Any]) -> bool:
    try:
        WireEvent.model_validate(wire)
    except ValidationError:
        return False
    return True


def test_fuzzed_events_on_the_device_chain(fuzzed, tmp_path):
    """Correctly hashed and chained events with random content, pushed by 双柏县's device: the hub answers
    each (accepted, or refused with a code), stores exactly the accepted ones, never 5xx, and files
    nothing of 双柏县's under 牟定县. Then a new 双柏县 device enrols and pulls whatever the hub accepted:
    its sync completes (what its fold cannot use it sets aside) and a rebuild gives the same rows. Ids are made unique (a repeated id would only meet
    ``event_conflict``), registrations mostly take numbers of the device's own block, and an event that
    does not even parse as a ``WireEvent`` does not move the chain, so the events after it still reach
    the content checks."""
    f = fuzzed
    client = httpx.Client(base_url=f.hub.url, timeout=30,
                          headers={CLIENT_HEADER: __version__, "Authorization": f"Bearer {f.token}"})
    streams = rarely(st.sampled_from([f.a_stream, f.secrets["complaint id"]]), ids, 3)
    with f.hub.database.reader() as session:
        block = session.execute(text("SELECT year, start, \"end\" FROM number_blocks WHERE device_id = :d AND "
                                     "series = 'case:532322'"), {"d": f.device_id}).first()
    numbers = st.builds(lambda seq: f"532322-{block.year}-{seq:04d}", st.integers(block.start, block.end))
    fresh = iter(range(1, 10**9))

    def in_own_county(payload: Any, case_no: Any) -> Any:
        """A registration's payload filed in 双柏县 under ``case_no`` (if it has the shape to be)."""
        if isinstance(payload, dict) and isinstance(payload.get("intake"), dict) and \
                isinstance(payload["intake"].get("respondent"), dict):
            return {**payload, "case_no": case_no, "office_code": "532322",
                    "intake": {**payload["intake"], "respondent": {**payload["intake"]["respondent"],
                                                                   "region_code": "532322"}}}
        return payload

    @fuzz_settings(60)
    @given(batch=st.lists(events(streams=streams), min_size=1, max_size=5), data=st.data())
    def run(batch, data):
        with f.hub.database.reader() as session:
            seq, prev = session.execute(text("SELECT chain_seq, chain_hash FROM devices WHERE id = :d"),
                                        {"d": f.device_id}).one()
        wires = []
        for event in batch:
            actor = data.draw(rarely(st.just(f.actor), st.just(event.actor), 4), label="actor")
            unique = f"{uuid.UUID(int=next(fresh))}" if isinstance(event.id, str) and len(event.id) == 36 \
                else event.id
            payload = event.payload
            if event.action == "register" and isinstance(payload, dict):
                case_no = data.draw(rarely(numbers, st.just(payload.get("case_no"))), label="case number")
                payload = in_own_county(payload, case_no)
            sealed = Event(**{**event.__dict__, "id": unique, "payload": payload, "device_id": f.device_id,
                              "device_seq": seq + 1, "prev_hash": prev, "actor": actor, "hash": ""}).sealed()
            wire = {**{k: v for k, v in sealed.__dict__.items() if k != "server_seq"}, "horizon": 0}
            if parses(wire):
                seq, prev = sealed.device_seq, sealed.hash
            wires.append(wire)
        before, files_before = tables(f.hub), blob_files(f.hub)
        body = json.dumps({"events": wires}, ensure_ascii=False, default=str)  # NaN too: the hub's parser takes it
        response = client.post("/v1/events", content=body.encode(), headers={"Content-Type": "application/json"})
        what = f"push {[(w['action'], w['stream']) for w in wires]}"
        check_answer(response.status_code, response.headers.get("content-type", ""), response.content, what)
        check_no_leak(f, json.dumps(wires, ensure_ascii=False, default=str), response.status_code, response.content,
                      what)
        check_stored(f, before, tables(f.hub), response.status_code, wires, response.content, what, files_before,
                     blob_files(f.hub))
        if response.status_code == 200:
            results = response.json()["results"]
            assert len(results) == len(wires), f"{what}: {len(wires)} events, {len(results)} answers"
            for result, wire in zip(results, wires, strict=True):
                assert result["id"] == wire["id"] or result["code"] == "malformed", f"{what}: {result}"
            with f.hub.database.reader() as session:
                stolen = session.execute(text("SELECT count(*) FROM events WHERE device_id = :d AND region <> "
                                              "'532322'"), {"d": f.device_id}).scalar_one()
            assert stolen == 0, f"{what}: 双柏县's device filed an event outside its county"

    try:
        run()
    finally:
        client.close()
    newcomer = device(f.hub, tmp_path / "sb2", COUNTY_A)
    report = newcomer.sync()
    assert report.integrity != "repaired"
    synced = projection(newcomer.profile)
    assert f.a_stream in synced and f.secrets["complaint id"] not in synced
    maintenance.rebuild_projections(newcomer.profile)
    assert projection(newcomer.profile) == synced


# ---- found while fuzzing: claimed numbers are bounded in the protocol (NumberClaim) -------------------
@pytest.mark.parametrize("which", ["hub", pytest.param("pg_hub", marks=pytest.mark.postgres)])
def test_numbers_claimed_at_enrolment_past_the_sequence_range_are_refused_not_a_500(which, request):
    """Found by fuzzing: ``numbers_used`` with ``max`` 2**63-1 (or a ``year`` of 10**12 on PostgreSQL)
    answered 500, and ``max`` 2**63-10 was accepted, after which every ``POST /v1/numbers`` of that
    series answered 500 for every device of the county (the next number overflowed BIGINT). Claims are
    now bounded in the protocol (``NumberClaim``) and refused with 422 before anything is stored."""
    live = request.getfixturevalue(which)
    headers = {CLIENT_HEADER: __version__}
    with httpx.Client(base_url=live.url, headers=headers) as http:
        for claim in ({"series": "case:532322", "year": 2026, "max": 2**63 - 1},
                      {"series": "case:532322", "year": 10**12, "max": 5}):
            answer = http.post("/v1/enrol", json={"code": live.code("532322", "双柏县发展和改革局"),
                                                  "device_name": "单机版", "numbers_used": [claim]})
            assert answer.status_code < 500, f"{claim}: {answer.status_code} {answer.text}"
        answer = http.post("/v1/enrol", json={"code": live.code("532322", "双柏县发展和改革局"), "device_name": "单机版",
                                              "numbers_used": [{"series": "case:532322", "year": 2026,
                                                                "max": 2**63 - 10}]})
        if answer.status_code == 200:
            token = answer.json()["token"]
            block = http.post("/v1/numbers", json={"series": "case:532322", "year": 2026, "count": 50},
                              headers={"Authorization": f"Bearer {token}"})
            assert block.status_code < 500, f"{block.status_code} {block.text}"
