"""Sync benchmarks against DESIGN §8: figures, not pass/fail.

    python bench/bench_sync.py                 # SQLite hub
    LVYUE_TEST_PG_DSN=postgresql+psycopg://postgres@127.0.0.1:5432/test python bench/bench_sync.py

Measures, with the hub in its own process (``python -m server``, 2 workers):
10,000 events up and 10,000 down; a sync with nothing new at about 1k, 11k and 101k events (the
cost must follow what changed, not the size of the database); 130 county devices syncing 200
events each at the same moment. Results are printed and written to ``bench/results/``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import bench.bench_keyring  # noqa: E402,F401  (profiles' data keys where no OS keyring exists)

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")

import keyring  # noqa: E402
from sqlalchemy import insert, text, update  # noqa: E402

from app.domain.clock import iso_utc, utc_now  # noqa: E402
from app.domain.events import GENESIS, Event, canonical_json  # noqa: E402
from app.domain.ids import uuid7  # noqa: E402
from app.domain.intake import intake_to_json, parse_intake  # noqa: E402
from app.domain.numbering import case_series, format_case_no  # noqa: E402
from app.services import sync  # noqa: E402
from app.services.profile import open_profile  # noqa: E402
from app.services.recording import record  # noqa: E402
from app.store.projector import Projector  # noqa: E402
from server.db import HubDatabase  # noqa: E402
from server.services import admin, enrolment  # noqa: E402
from server.settings import HubSettings  # noqa: E402
from server.tables import counters, devices, events, number_blocks, stream_grants, streams  # noqa: E402
from tests.factories import intake  # noqa: E402
from tests.sync_fixtures import FileKeyring, process_env, start_hub_process  # noqa: E402

BUDGETS = {"up": 5.0, "down": 5.0, "nothing_new": 0.150, "many": 30.0}
ACTOR = "bench-user"


def synthetic(profile, count: int, actor: str = ACTOR) -> None:
    """``count`` complaint events on a device: registrations, then notes, through the real log (as
    ``actor``, a hub user of the device's region, with case numbers from a block the hub knows)."""
    region = profile.office.region_code
    template = intake_to_json(parse_intake(intake(region), today=utc_now().date()))
    projector = Projector(profile.calendar, profile.rules)
    year = utc_now().year
    registered = max(1, count // 4)
    with profile.store.unit_of_work() as uow:
        uow.numbers.add_block(case_series(region), year, 1_000_000, 1_000_000 + registered)  # bench only
        ids = []
        for i in range(count):
            if i < registered:
                cid = uuid7()
                data = json.loads(json.dumps(template))
                data["complainant"]["name"] = f"楚雄测试企业{i}有限公司"
                number = uow.numbers.next(case_series(region), year)
                payload = {"case_no": format_case_no(region, year, number), "office_code": region, "intake": data}
                event = record(uow, profile, stream=cid, action="register", payload=payload, actor=actor)
                ids.append(cid)
                projector.project(uow.complaints, event)
            else:
                cid = ids[i % len(ids)]
                current = uow.complaints.get(cid)
                event = record(uow, profile, stream=cid, action="note", payload={"text": f"跟进记录{i}"},
                               actor=actor, base=current.head, complaint=current)
                projector.project(uow.complaints, event, current=current)
        uow.commit()


class Noted(dict):
    """The results dict, printing each figure as it is measured (a long run shows progress)."""

    def __init__(self, target: dict) -> None:
        super().__init__()
        self.target = target

    def __setitem__(self, key, value) -> None:
        self.target[key] = value
        print(f"  {key}: {value:.3f} s", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, work: Path, db_url: str | None) -> None:
        self.work = work
        self.keyring_file = work / "keyring.json"
        os.environ["LVYUE_TEST_KEYRING_FILE"] = str(self.keyring_file)
        keyring.set_keyring(FileKeyring())
        env = process_env(self.keyring_file)
        if db_url:
            env["LVYUE_HUB_DB"] = db_url
        env["LVYUE_HUB_WORKERS"] = "2"
        self.settings = HubSettings(data_dir=work / "hub-data", db=db_url)
        self.proc, self.url = start_hub_process(work / "hub-data", env)
        self.database = HubDatabase(self.settings)
        self.results: dict[str, float] = {}

    def close(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.database.dispose()

    def code(self, region: str) -> str:
        with self.database.writer() as session:
            value = enrolment.create_code(session, region, f"{region} 发展和改革局")
            session.commit()
        return value

    def device(self, name: str, region: str, events: int = 0):
        home = self.work / name
        sync.enroll(home, self.url, self.code(region), name)
        profile = open_profile(home, daily_backup=False)
        sync.sync_now(profile)
        if events:
            synthetic(profile, events, self.officer(profile, region, events))
        return profile

    def officer(self, profile, region: str, events: int) -> str:
        """A hub user of the region, and the bench's case-number block recorded for this device on the hub
        too (the hub accepts only numbers it issued: DESIGN §5)."""
        year = utc_now().year
        with self.database.writer() as session:
            user = admin.add_user(session, username=f"bench{region}", display_name=f"测试{region}",
                                  roles=["clerk", "handler", "leader"], region_code=region, password="Bench#2026x")
            session.execute(insert(number_blocks).values(
                series=case_series(region), year=year, start=1_000_000, end=1_000_000 + max(1, events // 4),
                device_id=profile.device_id, issued_at=iso_utc(utc_now())))
            session.commit()
        return user

    def timed_sync(self, profile) -> float:
        started = time.perf_counter()
        sync.sync_now(profile, verify=False)
        return time.perf_counter() - started

    def nothing_new(self, profile, label: str) -> float:
        samples = [self.timed_sync(profile) for _ in range(7)]
        self.results[label] = statistics.median(samples)
        print(f"  {label}: {self.results[label] * 1000:.0f} ms", file=sys.stderr, flush=True)
        return self.results[label]

    def bulk_on_hub(self, region: str, count: int) -> None:
        """``count`` valid events of another county written straight into the hub (a big database)."""
        device_id, prev = uuid7(), GENESIS
        template = intake_to_json(parse_intake(intake(region), today=utc_now().date()))
        now = iso_utc(utc_now())
        with self.database.writer() as session:
            head = session.execute(text("SELECT value FROM counters WHERE name = 'server_seq'")).scalar_one()
            session.execute(insert(devices).values(id=device_id, name="bulk", region_code=region, token_hash=uuid7(),
                                                   enrolled_at=now, chain_seq=count, chain_hash=GENESIS))
            rows, stream_rows, grants, cid = [], [], [], None
            for i in range(count):
                seq = head + i + 1
                if i % 4 == 0:
                    cid = uuid7()
                    payload = {"case_no": f"{region}-2026-{i // 4 + 1:05d}", "office_code": region,
                               "intake": template}
                    action = "register"
                    stream_rows.append({"stream": cid, "region": region, "office_code": region})
                    grants.append({"stream": cid, "region": region, "granted_seq": seq, "moved": 0})
                else:
                    action, payload = "note", {"text": f"历史记录{i}"}
                event = Event(id=uuid7(), stream=cid, action=action, payload=payload, actor=ACTOR, device_id=device_id,
                              device_seq=i + 1, device_time=now, base=None, prev_hash=prev).sealed()
                prev = event.hash
                rows.append({**{k: v for k, v in event.__dict__.items() if k != "server_seq"},
                             "payload": canonical_json(payload), "server_seq": seq, "horizon": head, "region": region,
                             "prefecture": region[:4], "province": region[:2], "received_at": now})
                if len(rows) == 5000:
                    session.execute(insert(events), rows)
                    rows = []
            if rows:
                session.execute(insert(events), rows)
            session.execute(insert(streams), stream_rows)
            session.execute(insert(stream_grants), grants)
            session.execute(update(counters).where(counters.c.name == "server_seq").values(value=head + count))
            session.commit()


def _many_worker(homes: list[str], start_at: float, queue) -> None:
    import threading

    keyring.set_keyring(FileKeyring())
    profiles = [open_profile(Path(h), daily_backup=False) for h in homes]
    times: list[float] = []
    durations: list[float] = []
    failures: list[str] = []
    ready = time.time()

    def one(profile) -> None:
        while time.time() < start_at:
            time.sleep(0.001)
        began = time.time()
        try:
            sync.sync_now(profile, verify=False)
        except Exception as error:  # counted and reported, the figure is then not valid
            failures.append(repr(error))
        times.append(time.time())
        durations.append(times[-1] - began)

    threads = [threading.Thread(target=one, args=(p,)) for p in profiles]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((max(times), failures, durations, ready))


def many_devices(bench: Bench, count: int = 130, each: int = 200, processes: int = 4) -> float:
    """``count`` devices, each alone in its own county (synthetic codes), push ``each`` events at once."""
    regions = [f"53{p:02d}{c:02d}" for p in range(1, 14) for c in range(1, 11)][:count]
    with bench.database.writer() as session:
        for code in regions:
            admin.add_region(session, code, f"测试县{code}", short_name=f"测{code[2:]}")
        session.commit()
    homes = []
    for i, region in enumerate(regions):
        profile = bench.device(f"county-{i:03d}", region, each)
        homes.append(str(profile.files.home))
        profile.close()
    start_at = time.time() + 3
    queue = multiprocessing.get_context("fork").Queue()
    workers = [multiprocessing.get_context("fork").Process(target=_many_worker, args=(homes[i::processes], start_at,
                                                                                       queue))
               for i in range(processes)]
    for w in workers:
        w.start()
    answers = [queue.get(timeout=600) for _ in workers]
    for w in workers:
        w.join()
    failures = [f for answer in answers for f in answer[1]]
    durations = sorted(d for answer in answers for d in answer[2])
    late = max(answer[3] for answer in answers) - start_at
    print(f"  130 devices: one sync took {statistics.median(durations):.2f} s (median), {durations[-1]:.2f} s (max); "
          f"workers ready {late:+.1f} s from the start signal", file=sys.stderr, flush=True)
    with bench.database.reader() as session:
        arrived = session.execute(text("SELECT COUNT(*) FROM events WHERE region LIKE '53__%' AND region NOT LIKE '5323%'"
                                       )).scalar_one()
    print(f"  130 devices: {arrived} of {count * each} events on the hub, {len(failures)} failed syncs "
          f"{failures[:2]}", file=sys.stderr, flush=True)
    return max(answer[0] for answer in answers) - start_at


def run(db_url: str | None, parts: set[str]) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="lvyue-bench-sync-"))
    bench = Bench(work, db_url)
    r = Noted(bench.results)
    try:
        if "transfer" in parts:
            transfer(bench, r)
        if "many" in parts:
            r["many_130x200"] = many_devices(bench)
    finally:
        bench.close()
    return bench.results


def transfer(bench: Bench, r: dict) -> None:
    """Up and down at 10k; nothing new at ~1k, ~11k and ~101k events."""
    prefecture = bench.device("zhou", "532300")
    small = bench.device("mouding", "532323", 1000)
    bench.timed_sync(small)
    r["down_1k"] = bench.timed_sync(prefecture)
    bench.nothing_new(prefecture, "nothing_new_1k")
    big = bench.device("shuangbai", "532322", 10_000)
    r["up_10k"] = bench.timed_sync(big)
    r["down_10k"] = bench.timed_sync(prefecture)
    bench.nothing_new(prefecture, "nothing_new_11k")
    bench.bulk_on_hub("532324", 90_000)
    r["down_90k"] = bench.timed_sync(prefecture)
    bench.nothing_new(prefecture, "nothing_new_101k")
    bench.nothing_new(big, "nothing_new_county_hub_101k")
    for profile in (prefecture, small, big):
        profile.close()


def report(kind: str, r: dict[str, float]) -> str:
    rows = [
        ("10,000 events up", r.get("up_10k"), BUDGETS["up"]),
        ("10,000 events down", r.get("down_10k"), BUDGETS["down"]),
        ("nothing new, ~1k events (hub and device)", r.get("nothing_new_1k"), BUDGETS["nothing_new"]),
        ("nothing new, ~11k events", r.get("nothing_new_11k"), BUDGETS["nothing_new"]),
        ("nothing new, ~101k events (prefecture device)", r.get("nothing_new_101k"), BUDGETS["nothing_new"]),
        ("nothing new, county device, hub at ~101k", r.get("nothing_new_county_hub_101k"), BUDGETS["nothing_new"]),
        ("90,000 events down (information)", r.get("down_90k"), None),
        ("130 county devices x 200 events at once", r.get("many_130x200"), BUDGETS["many"]),
    ]
    lines = [f"sync benchmarks, hub on {kind} (2 workers)", f"{'what':<48}{'measured':>12}{'budget':>10}"]
    for label, value, budget in rows:
        shown = "—" if value is None else (f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s")
        limit = "" if budget is None else (f"{budget * 1000:.0f} ms" if budget < 1 else f"{budget:.0f} s")
        lines.append(f"{label:<48}{shown:>12}{limit:>10}")
    return "\n".join(lines)


def main() -> None:
    parts = set(sys.argv[1:]) or {"transfer", "many"}  # e.g. ``python bench/bench_sync.py many``
    targets = [("SQLite", None)]
    dsn = os.environ.get("LVYUE_TEST_PG_DSN")
    if dsn:
        from tests.sync_fixtures import pg_schema_url

        targets.append(("PostgreSQL", pg_schema_url(dsn)))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    for kind, target in targets:
        url = target[0] if target else None
        try:
            results = run(url, parts)
        finally:
            if target:
                from tests.sync_fixtures import drop_pg_schema

                drop_pg_schema(dsn, target[1])
        print(report(kind, results), flush=True)
        (out / f"sync-{kind.lower()}-{'-'.join(sorted(parts))}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
