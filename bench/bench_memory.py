"""Peak memory of the heavy operations against DESIGN §8: figures, not pass/fail.

    python bench/bench_memory.py                       # 100,000 complaints (the budget's size)
    python bench/bench_memory.py --complaints 10000    # quicker
    python bench/bench_memory.py --parts demo,rebuild  # some of: baseline, demo, rebuild, restore, sync

Each operation runs as a child process, as an officer would run it (``python main.py ...``), and its
peak resident set (``ru_maxrss`` of that child, from ``os.wait4``) is printed beside the 500 MB budget,
with raw baselines from the same run:

- baseline: the interpreter with the CLI's imports and nothing else (what every command starts from);
- demo: ``main.py demo --complaints N`` (a new profile, its events, then the rebuild);
- rebuild: ``main.py rebuild`` on that profile (also timed: it runs on open after a projection bump);
- restore: ``main.py restore`` of a backup of that profile, beside a raw SQLite copy of the same file
  through the backup API (the least a restore can cost);
- sync: a prefecture device's first sync (``main.py enroll`` runs it), then the next ``main.py sync``,
  from a hub holding the demo's complaints (filled straight from the demo profile's events through
  the event record, as ``bench_sync.bulk_on_hub`` does; the hub runs in its own process).

Results are printed and written to ``bench/results/memory-N.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
import bench.bench_keyring  # noqa: E402,F401  (profiles' data keys where no OS keyring exists)

BUDGET_MB = 500
PARTS = ("baseline", "demo", "rebuild", "restore", "sync")
RAW_COPY = """
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
dst = sqlite3.connect(sys.argv[2])
src.backup(dst)
dst.close(); src.close()
"""


def measure(label: str, args: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``python args`` as a child; its peak RSS (MB) and wall time (s). Raises on a non-zero exit."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env or _env(),
                                 stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not every child's maximum
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if child.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{label}: exit {child.returncode}\n{err.read().decode('utf-8', 'replace')[-2000:]}")
    result = {"peak_mb": usage.ru_maxrss / 1024, "seconds": seconds}
    print(f"  {label}: {result['peak_mb']:.0f} MB peak, {seconds:.1f} s", file=sys.stderr, flush=True)
    return result


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, LVYUE_NO_BOOTSTRAP="1", PYTHONIOENCODING="utf-8", **extra)


class Run:
    def __init__(self, work: Path, complaints: int) -> None:
        self.work = work
        self.complaints = complaints
        self.home = work / "demo"
        self.results: dict[str, dict] = {}

    def cli(self, label: str, *args: str, env: dict[str, str] | None = None) -> dict:
        self.results[label] = measure(label, ["main.py", *args], env)
        return self.results[label]

    def baseline(self) -> None:
        self.results["imports"] = measure("imports", ["-c", "import app.cli"])

    def demo(self) -> None:
        self.cli("demo", "demo", "--complaints", str(self.complaints), "--home", str(self.home), "--json")

    def rebuild(self) -> None:
        self.cli("rebuild", "rebuild", "--home", str(self.home), "--json")

    def restore(self) -> None:
        copy = self.work / "backup.sqlite"
        subprocess.run([sys.executable, "main.py", "backup", "--home", str(self.home), "-o", str(copy)],
                       cwd=ROOT, env=_env(), check=True, capture_output=True)
        self.results["raw_copy"] = measure("raw_copy", ["-c", RAW_COPY, str(copy), str(self.work / "raw.sqlite")])
        self.cli("restore", "restore", str(copy), "--home", str(self.home), "--json")

    def sync(self) -> None:
        from tests.sync_fixtures import process_env, start_hub_process

        keyring_file = self.work / "keyring.json"
        env = process_env(keyring_file)
        proc, url = start_hub_process(self.work / "hub-data", env)
        try:
            events = fill_hub(self.work / "hub-data", self.home)
            print(f"  hub filled: {events} events", file=sys.stderr, flush=True)
            code = enrolment_code(self.work / "hub-data")
            zhou = self.work / "zhou"  # ``enroll`` runs the first sync itself, as an officer joins
            self.cli("first_sync", "enroll", "--hub", url, "--code", code, "--name", "州级", "--home", str(zhou),
                     "--json", env=env)
            self.cli("next_sync", "sync", "--home", str(zhou), "--json", env=env)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)


def _hub_database(data_dir: Path):
    from server.db import HubDatabase
    from server.settings import HubSettings

    return HubDatabase(HubSettings(data_dir=data_dir))


def enrolment_code(data_dir: Path) -> str:
    from server.services import enrolment

    database = _hub_database(data_dir)
    try:
        with database.writer() as session:
            value = enrolment.create_code(session, "532300", "楚雄州发展和改革委员会")
            session.commit()
    finally:
        database.dispose()
    return value


def fill_hub(data_dir: Path, home: Path, batch: int = 5000) -> int:
    """The demo profile's complaint events on the hub, in their order, as if its device had pushed them
    (rows through ``event_of``/``event_values``; streams and grants as ``server.services.ingest``)."""
    from sqlalchemy import insert, text, update

    from app.contract.event_record import event_of, event_values
    from app.domain.clock import iso_utc, utc_now
    from app.domain.events import GENESIS
    from app.services.profile import open_profile
    from server.tables import counters, devices, events, stream_grants, streams

    open_profile(home, daily_backup=False).close()  # registers the profile's data key: event_of opens its tokens
    source = sqlite3.connect(f"file:{home / 'lvyue.sqlite'}?mode=ro", uri=True)
    source.row_factory = sqlite3.Row
    database = _hub_database(data_dir)
    now = iso_utc(utc_now())
    count = 0
    try:
        with database.writer() as session:
            head = session.execute(text("SELECT value FROM counters WHERE name = 'server_seq'")).scalar_one()
            seq, regions, device_id, last = head, {}, None, (0, GENESIS)
            rows, stream_rows, grants = [], [], []
            query = "SELECT * FROM events WHERE stream NOT IN ('session', 'admin') ORDER BY seq"
            for row in source.execute(query):
                event = event_of(dict(row))
                seq += 1
                if event.action == "register":
                    regions[event.stream] = event.payload["intake"]["respondent"]["region_code"]
                    stream_rows.append({"stream": event.stream, "region": regions[event.stream],
                                        "office_code": event.payload["office_code"], "case_no": event.payload["case_no"]})
                    grants.append({"stream": event.stream, "region": regions[event.stream], "granted_seq": seq,
                                   "moved": 0})
                region = regions[event.stream]
                rows.append({**event_values(event, horizon=seq - 1, cipher=database.cipher), "server_seq": seq, "region": region,
                             "prefecture": region[:4], "province": region[:2], "received_at": now})
                device_id, last = event.device_id, (event.device_seq, event.hash)
                if len(rows) >= batch:
                    _flush(session, rows, stream_rows, grants, events, streams, stream_grants, insert)
            _flush(session, rows, stream_rows, grants, events, streams, stream_grants, insert)
            count = seq - head
            if device_id is not None:
                session.execute(insert(devices).values(id=device_id, name="demo", region_code="532300",
                                                       token_hash=device_id, enrolled_at=now, chain_seq=last[0],
                                                       chain_hash=last[1]))
            session.execute(update(counters).where(counters.c.name == "server_seq").values(value=seq))
            session.commit()
    finally:
        database.dispose()
        source.close()
    return count


def _flush(session, rows, stream_rows, grants, events, streams, stream_grants, insert) -> None:
    for table, values in ((events, rows), (streams, stream_rows), (stream_grants, grants)):
        if values:
            session.execute(insert(table), values)
            values.clear()


def report(complaints: int, r: dict[str, dict]) -> str:
    rows = [
        ("interpreter + CLI imports (baseline)", "imports", None),
        (f"demo --complaints {complaints:,}", "demo", BUDGET_MB),
        ("rebuild", "rebuild", BUDGET_MB),
        ("raw SQLite copy of the backup (baseline)", "raw_copy", None),
        ("restore", "restore", BUDGET_MB),
        ("prefecture device, first sync (enroll)", "first_sync", BUDGET_MB),
        ("prefecture device, the sync after it", "next_sync", None),
    ]
    lines = [f"memory at {complaints:,} complaints (peak RSS of the child process)",
             f"{'what':<44}{'peak':>10}{'budget':>10}{'time':>10}"]
    for label, key, budget in rows:
        value = r.get(key)
        peak = "—" if value is None else f"{value['peak_mb']:.0f} MB"
        took = "—" if value is None else f"{value['seconds']:.1f} s"
        lines.append(f"{label:<44}{peak:>10}{'' if budget is None else f'{budget} MB':>10}{took:>10}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}")
    parser.add_argument("--work", help="folder for the profiles (default: a new temporary folder)")
    args = parser.parse_args()
    parts = [p for p in args.parts.split(",") if p]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="lvyue-bench-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    run = Run(work, args.complaints)
    if any(p in parts for p in ("rebuild", "restore", "sync")) and "demo" not in parts and not run.home.exists():
        parts.insert(0, "demo")  # they work on the demo profile
    for part in PARTS:
        if part in parts:
            getattr(run, part)()
    print(report(args.complaints, run.results), flush=True)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"memory-{args.complaints}.json").write_text(json.dumps(run.results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
