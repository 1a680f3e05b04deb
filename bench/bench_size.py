"""The profile's size per complaint: every table and index (``dbstat``), and a raw reference.

    python bench/bench_size.py [--home DIR] [--complaints 20000]

Creates a demo profile (``fill_demo``) when ``--home`` holds none, then prints each object's MB, the
file's KB per complaint and, as an honest reference, the same event log as gzip'ed JSON lines (every
stored column of every event as it is stored, packed payloads unpacked: what a plain archive of the log
would take). Size is linear in the number of complaints; 20,000 is enough to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.common.packing import unpacked
from app.services.demo import fill_demo
from app.services.profile import is_initialised

MB = 1024 * 1024
# the objects the figures group by: a table and its indexes (autoindexes included)
GROUPS = ("events", "complaint_data", "complaint_search", "stage_deadlines", "state_spells", "complaints")


def _group(name: str, owners: dict[str, str]) -> str:
    owner = owners.get(name, name)
    if owner.startswith("complaint_search"):
        return "complaint_search"
    return owner if owner in GROUPS else "other"


def sizes(db: Path) -> tuple[list[tuple[str, str, int]], int]:
    """(object, its table, bytes) for every table and index, and the number of complaints."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        owners = dict(con.execute("SELECT name, tbl_name FROM sqlite_master"))
        rows = [(name, _group(name, owners), size) for name, size in
                con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")]
        complaints = con.execute("SELECT count(*) FROM complaints").fetchone()[0]
        return rows, complaints
    finally:
        con.close()


def raw_reference(db: Path) -> tuple[int, int]:
    """(bytes of the event log as JSON lines, the same gzip'ed at level 6)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        cursor = con.execute("SELECT * FROM events ORDER BY seq")
        names = [d[0] for d in cursor.description]
        packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip, one stream over the whole log
        plain = packed = 0
        for row in cursor:
            record = dict(zip(names, row, strict=True))
            payload = unpacked(record["payload"])
            record["payload"] = payload if isinstance(payload, str) else payload.decode("utf-8")
            for key, value in record.items():
                if isinstance(value, bytes):
                    record[key] = value.hex()
            line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            plain += len(line)
            packed += len(packer.compress(line))
        return plain, packed + len(packer.flush())
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_BENCH_HOME", "/tmp/lvyue-bench-size"))
    parser.add_argument("--complaints", type=int, default=20000)
    parser.add_argument("--no-raw", action="store_true", help="skip the gzip'ed JSON reference")
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        started = time.perf_counter()
        result = fill_demo(home, args.complaints)
        print(f"fill_demo {result.complaints} complaints, {result.events} events: "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    db = home / "lvyue.sqlite"
    rows, complaints = sizes(db)
    per = {}
    for _name, group, size in rows:
        per[group] = per.get(group, 0) + size
    print(f"{'object':44} {'MB':>8}")
    for name, group, size in rows:
        if size >= MB // 10:
            print(f"{name:44} {size / MB:8.1f}   ({group})")
    print("-- by table (with its indexes)")
    for group, size in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"{group:44} {size / MB:8.1f}  {size / complaints / 1024:6.2f} KB/complaint")
    total = os.path.getsize(db)
    print(f"file {total / MB:.1f} MB, {complaints} complaints: {total / complaints / 1024:.2f} KB/complaint")
    if not args.no_raw:
        plain, packed = raw_reference(db)
        print(f"raw reference, the event log as JSON lines: {plain / MB:.1f} MB "
              f"({plain / complaints / 1024:.2f} KB/complaint), gzip'ed {packed / MB:.1f} MB "
              f"({packed / complaints / 1024:.2f} KB/complaint)")


if __name__ == "__main__":
    main()
