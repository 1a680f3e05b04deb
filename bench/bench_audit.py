"""Audit trail 审计记录 benchmark: the auditor's first page on a large event log, figures only.

    python bench/bench_audit.py [--home DIR] [--events 1500000]

A demo profile (1,000 complaints) whose event log is copied over and over, each copy a few days
earlier, up to ``--events`` rows: about what a county profile holds at 100,000 complaints (the demo
writes 6 events per complaint, plus logins); every other copy comes from a second computer whose id
shares the first 8 characters. Not a valid chain (copies are not re-hashed): this times
the paging, not ``audit verify``. Times ``app.services.audit_trail.audit_page`` (a page of 100 records,
masked, with names and case numbers) warm, for no filter and each filter, then a later page reached
by key and an export of 10,000 records to xlsx and CSV. Budget from DESIGN §8: a list page <= 10 ms.

Measured on the 2-core machine (1,500,000 events): see the table printed and docs/figures.md.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reports import row, timed

from app.domain import audit_records as ar
from app.services import audit_export, audit_trail
from app.services.audit_trail import AuditFilter
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor

PAGE_MS = 10


def grow(database: Path, target: int) -> int:
    """Copy the log (shifted 3 days earlier per copy, new ids and device numbers) until ``target`` rows."""
    raw = sqlite3.connect(database)
    base = raw.execute("SELECT COUNT(*) FROM events WHERE id NOT LIKE '%~%'").fetchone()[0]
    have = raw.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    copy = have // base
    while have < target:
        raw.execute(
            "INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, base, "
            "prev_hash, hash, server_seq, horizon) "
            "SELECT id || '~' || :k, stream, action, payload, actor, "
            # every other copy from a second computer whose id starts like the first's (the prefix filter
            # then matches two devices, as a county with two PCs, or a prefecture, has)
            "CASE WHEN :k % 2 = 1 THEN substr(device_id, 1, 9) || 'bbbb-7bbb-8bbb-bbbbbbbbbbbb' ELSE device_id END, "
            "device_seq + :k * 10000000, "
            "strftime('%Y-%m-%dT%H:%M:%S.000Z', device_time, '-' || (:k * 3) || ' days'), base, prev_hash, hash, "
            "NULL, NULL FROM events WHERE id NOT LIKE '%~%' LIMIT :n",
            {"k": copy, "n": min(base, target - have)})
        raw.commit()
        have = raw.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        copy += 1
    if not raw.execute("SELECT 1 FROM events WHERE id LIKE 'bench-session-%' LIMIT 1").fetchone():
        # three years of sessions: 40,000 logins and 400 failed logins, spread evenly
        device, actor = raw.execute("SELECT device_id, actor FROM events WHERE stream = 'session' "
                                    "OR action = 'register' LIMIT 1").fetchone()
        raw.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40400) "
            "INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, base, "
            "prev_hash, hash) SELECT 'bench-session-' || i, 'session', "
            "CASE WHEN i % 101 = 0 THEN 'login_failed' ELSE 'login' END, "
            "CASE WHEN i % 101 = 0 THEN '{\"reason\":\"wrong_password\",\"username\":\"clerk\",\"via\":\"desktop\"}' "
            "ELSE '{\"via\":\"desktop\"}' END, CASE WHEN i % 101 = 0 THEN '' ELSE :actor END, :device, "
            "900000000000000 + i, strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now', '-' || (i * 39) || ' minutes'), NULL, '', '' "
            "FROM n", {"device": device, "actor": actor})
        raw.commit()
        have = raw.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    raw.close()
    return have


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_AUDIT_BENCH_HOME", "/tmp/lvyue-audit-bench"))
    parser.add_argument("--events", type=int, default=1_500_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating a demo profile in {home} …", flush=True)
        fill_demo(home, 1000)
    profile = open_profile(home, daily_backup=False)
    started = time.perf_counter()
    total = grow(profile.files.database, args.events)
    print(f"event log: {total} rows (grown in {time.perf_counter() - started:.0f} s)\n", flush=True)
    raw = sqlite3.connect(profile.files.database)
    auditor = Actor("bench", "auditor", "审计", ("auditor",), profile.office.region_code)
    rare_actor = raw.execute("SELECT actor FROM events WHERE actor != '' GROUP BY actor "
                             "ORDER BY COUNT(*) LIMIT 1").fetchone()[0]
    case_no = raw.execute("SELECT case_no FROM complaints LIMIT 1").fetchone()[0]
    device = raw.execute("SELECT device_id FROM events LIMIT 1").fetchone()[0]
    newest = raw.execute("SELECT MAX(device_time) FROM events").fetchone()[0][:10]
    today = date.fromisoformat(newest)
    filters = {
        "no filter": AuditFilter(),
        "last month": AuditFilter(date_from=today - timedelta(days=30), date_to=today),
        "one month two years ago": AuditFilter(date_from=today - timedelta(days=760), date_to=today - timedelta(730)),
        "failed logins": AuditFilter(outcome=ar.FAILED),
        "action forward": AuditFilter(action="forward"),
        "category session": AuditFilter(category=ar.SESSION),
        "category admin": AuditFilter(category=ar.ADMIN),
        "rarest actor": AuditFilter(actor=rare_actor),
        "device (prefix matching both computers)": AuditFilter(device=device[:8]),
        "device (one computer, whole id)": AuditFilter(device=device),
        "case number": AuditFilter(case_no=case_no),
        "failed logins + last year": AuditFilter(outcome=ar.FAILED, date_from=today - timedelta(days=365)),
    }
    print(f"{'first page of 100 (warm)':<52}{'median':>9}{'p95':>9}{'budget':>9}")
    for name, f in filters.items():
        row(name, timed(lambda f=f: audit_trail.audit_page(profile, auditor, f)), None, PAGE_MS)
    row("no filter, page of 50 (the window's block)",
        timed(lambda: audit_trail.audit_page(profile, auditor, AuditFilter(), limit=50)), None, PAGE_MS)
    page = audit_trail.audit_page(profile, auditor, AuditFilter())
    for _ in range(50):
        page = audit_trail.audit_page(profile, auditor, AuditFilter(), after=page.next_cursor)
    row("page 52 (by key)", timed(lambda: audit_trail.audit_page(profile, auditor, AuditFilter(),
                                                                   after=page.next_cursor)), None, PAGE_MS)
    with tempfile.TemporaryDirectory() as folder:
        window = AuditFilter(date_from=today - timedelta(days=20), date_to=today)
        for kind in ("xlsx", "csv"):
            start = time.perf_counter()
            done = audit_export.export_audit(profile, auditor, window, Path(folder) / f"audit.{kind}")
            print(f"export {kind}: {done.records} records in {(time.perf_counter() - start) * 1000:.0f} ms")
    size = profile.files.database.stat().st_size
    print(f"\ndatabase {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
