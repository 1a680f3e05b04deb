"""Gap-safe ordering: devices pushing at the same moment never let a puller skip an event that
commits late with a lower sequence number (PostgreSQL and SQLite)."""

from __future__ import annotations

import random
import threading
import time

import pytest

from app.domain.events import GENESIS, Event
from app.domain.ids import uuid7
from app.sync.protocol import EnrolRequest
from app.sync.transport import HubClient
from server.services import ingest
from tests.factories import intake

pytest_plugins = ("tests.sync_fixtures",)  # hub, pg_hub, memory_keyring fixtures

PUSHERS, BATCHES, READERS = 6, 25, 3


def enrol(live, region: str) -> tuple[str, str]:
    with HubClient(live.url) as client:
        answer = client.enrol(EnrolRequest(code=live.code(region, "测试单位"), device_name=f"dev-{region}"))
    return answer.device_id, answer.token


def chain(device_id: str, count: int, actor: str, first_number: int) -> list[dict]:
    """Honest registrations (a clerk of the county, numbers from the device's own block)."""
    events, prev = [], GENESIS
    for seq in range(1, count + 1):
        event = Event(id=uuid7(), stream=uuid7(), action="register", actor=actor, device_id=device_id, device_seq=seq,
                      device_time="2026-11-26T03:00:00.000Z", base=None, prev_hash=prev,
                      payload={"case_no": f"532322-2026-{first_number + seq - 1:04d}", "office_code": "532322",
                               "intake": intake("532322", received_on="2026-11-25")}).sealed()
        prev = event.hash
        events.append({**event.__dict__, "horizon": 0})
    return events


def race(live, monkeypatch) -> None:
    slow_write = ingest._write

    def widened(*args, **kwargs):  # numbers are taken; commit comes a little later
        time.sleep(random.uniform(0, 0.01))
        slow_write(*args, **kwargs)
        time.sleep(random.uniform(0, 0.01))

    monkeypatch.setattr(ingest, "_write", widened)
    pushers = [enrol(live, "532322") for _ in range(PUSHERS)]
    clerk = live.add_user(f"clerk{uuid7()[-6:]}", "532322", roles=("clerk",))
    readers = [enrol(live, "532300")[1] for _ in range(READERS)]
    done = threading.Event()
    seen: list[list[int]] = [[] for _ in readers]
    errors: list[BaseException] = []

    def push(device_id: str, token: str) -> None:
        try:
            with HubClient(live.url, token) as client:
                block = client.numbers("case:532322", 2026, BATCHES * 3)
                events = chain(device_id, BATCHES * 3, clerk, block.start)
                for i in range(BATCHES):
                    answer = client.push(events[i * 3:(i + 1) * 3])
                    assert {r.status for r in answer.results} == {"accepted"}
        except BaseException as error:
            errors.append(error)

    def pull(index: int, token: str) -> None:
        cursor = 0
        try:
            with HubClient(live.url, token) as client:
                while True:
                    finished = done.is_set()
                    page = client.pull(cursor, random.randint(1, 20))
                    seen[index] += [e.server_seq for e in page.events]
                    cursor = page.next_cursor
                    if finished and not page.more:
                        return
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=pull, args=(i, t)) for i, t in enumerate(readers)]
    threads += [threading.Thread(target=push, args=p) for p in pushers]
    for t in threads:
        t.start()
    for t in threads[READERS:]:
        t.join()
    done.set()
    for t in threads[:READERS]:
        t.join()
    assert not errors, errors
    total = PUSHERS * BATCHES * 3
    for received in seen:
        assert received == list(range(1, total + 1))  # in order, nothing skipped, nothing twice


@pytest.mark.postgres
def test_concurrent_pushers_and_pullers_never_skip_postgres(pg_hub, monkeypatch):
    race(pg_hub, monkeypatch)


def test_concurrent_pushers_and_pullers_never_skip_sqlite(hub, monkeypatch):
    race(hub, monkeypatch)


@pytest.mark.postgres
def test_why_a_plain_sequence_would_not_do(pg_dsn):
    """The hazard the hub avoids: with a bare sequence, a late commit hides behind a reader's cursor."""
    import psycopg

    from tests.sync_fixtures import drop_pg_schema, pg_schema_url

    _url, schema = pg_schema_url(pg_dsn)
    conninfo = pg_dsn.replace("postgresql+psycopg://", "postgresql://")
    options = f"-csearch_path={schema}"
    try:
        with psycopg.connect(conninfo, options=options, autocommit=True) as setup:
            setup.execute("CREATE TABLE feed (seq bigserial PRIMARY KEY, body text)")
        slow = psycopg.connect(conninfo, options=options)
        fast = psycopg.connect(conninfo, options=options)
        reader = psycopg.connect(conninfo, options=options, autocommit=True)
        slow.execute("INSERT INTO feed (body) VALUES ('slow')")  # takes seq 1, not committed yet
        fast.execute("INSERT INTO feed (body) VALUES ('fast')")  # takes seq 2
        fast.commit()
        cursor = reader.execute("SELECT max(seq) FROM feed").fetchone()[0]
        slow.commit()
        missed = reader.execute("SELECT seq FROM feed WHERE seq <= %s ORDER BY seq", (cursor,)).fetchall()
        assert cursor == 2 and [r[0] for r in missed] == [1, 2]  # seq 1 appeared behind the cursor
        for con in (slow, fast, reader):
            con.close()
    finally:
        drop_pg_schema(pg_dsn, schema)
