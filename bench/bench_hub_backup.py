"""Hub backup and restore (``python -m server admin backup|restore``) on a hub holding a demo's
complaints and some attachments: time, size; figures, not pass/fail.

    python bench/bench_hub_backup.py                          # 10,000 complaints, 200 x 256 KB attachments
    python bench/bench_hub_backup.py --complaints 100000 --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

The hub is filled straight from a ``main.py demo`` profile's events (``bench_memory.fill_hub``), then
backed up, wiped (database and blobs; the key kept apart) and restored, on SQLite and, with
``--postgres``, in a fresh schema of that database (dropped afterwards). Results go to stdout and
``bench/results/hub-backup-N.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
import bench.bench_keyring  # noqa: E402,F401  (profiles' data keys where no OS keyring exists)
from bench.bench_memory import fill_hub  # noqa: E402


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def add_blobs(settings, count: int, size: int) -> None:
    from sqlalchemy import insert

    from app.domain.clock import iso_utc, utc_now
    from server.db import HubDatabase
    from server.tables import blobs

    database = HubDatabase(settings)
    rows = []
    for _ in range(count):
        data = os.urandom(size)
        sha = hashlib.sha256(data).hexdigest()
        path = settings.blobs_path / sha[:2] / sha
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        rows.append({"sha256": sha, "size": size, "stored_at": iso_utc(utc_now())})
    try:
        with database.writer() as session:
            session.execute(insert(blobs), rows)
            session.commit()
    finally:
        database.dispose()


def one(kind: str, work: Path, home: Path, db_url: str | None, blobs: int, blob_size: int) -> dict:
    from server.app import prepare
    from server.hub_backup import create_backup, restore_backup
    from server.settings import HubSettings

    data = work / f"hub-{kind}"
    if db_url:
        os.environ["LVYUE_HUB_DB"] = db_url  # fill_hub builds its own HubSettings from the environment
    settings = HubSettings(data_dir=data, db=db_url)
    prepare(settings)
    events = fill_hub(data, home)
    add_blobs(settings, blobs, blob_size)
    started = time.perf_counter()
    outcome = create_backup(settings, work / f"backup-{kind}", key_to=work / f"{kind}.datakey")
    backup_s = time.perf_counter() - started
    size = folder_bytes(work / f"backup-{kind}")
    database_file = "hub.sqlite" if kind == "sqlite" else "hub.pgdump"
    shutil.rmtree(data)
    Path(f"{data}.datakey").unlink()
    started = time.perf_counter()
    restore_backup(settings, work / f"backup-{kind}", key_from=work / f"{kind}.datakey", force=True)
    restore_s = time.perf_counter() - started
    os.environ.pop("LVYUE_HUB_DB", None)
    result = {"events": events, "blob_files": blobs, "blob_mb": blobs * blob_size / 2 ** 20,
              "backup_seconds": round(backup_s, 2), "restore_seconds": round(restore_s, 2),
              "backup_mb": round(size / 2 ** 20, 1),
              "database_mb": round(outcome.manifest["files"][database_file]["size"] / 2 ** 20, 1)}
    print(f"  {kind}: {result}", file=sys.stderr, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=10_000)
    parser.add_argument("--blobs", type=int, default=200)
    parser.add_argument("--blob-kb", type=int, default=256)
    parser.add_argument("--postgres", help="a PostgreSQL DSN (a fresh schema is made and dropped)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lvyue-bench-hub-backup-"))
    try:
        home = work / "demo"
        subprocess.run([sys.executable, "main.py", "demo", "--complaints", str(args.complaints), "--home", str(home),
                        "--json"], cwd=ROOT, check=True, capture_output=True)
        results = {"sqlite": one("sqlite", work, home, None, args.blobs, args.blob_kb * 1024)}
        if args.postgres:
            from tests.sync_fixtures import drop_pg_schema, pg_schema_url

            url, schema = pg_schema_url(args.postgres)
            try:
                results["postgres"] = one("postgres", work, home, url, args.blobs, args.blob_kb * 1024)
            finally:
                drop_pg_schema(args.postgres, schema)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"hub-backup-{args.complaints}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
