"""Typical-case proposals benchmark (budget: 200 ms warm, as the 统计 page for a year, DESIGN §8),
figures only (no pass/fail).

    python bench/bench_typical.py [--home DIR] [--complaints 100000]

Times ``app.services.typical_cases.propose`` over the whole prefecture (every confirmed breach, the
bodies' figures within the window, earlier declines) beside the same SQL statements (captured from the
engine) replayed on a bare ``sqlite3`` connection in the same process; then one case's view (criteria,
draft, decisions) and the export of the marked cases.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reports import BUDGET_MS, captured_statements, row, timed

from app.services import typical_cases, typical_export
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_REPORTS_BENCH_HOME", "/tmp/lvyue-reports-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    profile = open_profile(home, daily_backup=False)
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    breaches = raw.execute("SELECT COUNT(*) FROM breach_records").fetchone()[0]
    print(f"\nprofile: {total} complaints, {breaches} confirmed breaches\n")
    reader = Actor("", "", "", ("leader",), profile.office.region_code)
    result = typical_cases.propose(profile, reader)
    print(f"proposals: {len(result.rows)} (declined, no new facts: {result.declined_hidden})")
    statements = captured_statements(profile.store.engine, lambda: typical_cases.propose(profile, reader))

    def bare():
        for sql, params in statements:
            raw.execute(sql, params).fetchall()

    print(f"\n{'what (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    row("proposals, whole prefecture, all", timed(lambda: typical_cases.propose(profile, reader), runs=7),
        timed(bare, runs=7), BUDGET_MS)
    row("proposals, whole prefecture, first 500 (the page)",
        timed(lambda: typical_cases.propose(profile, reader, limit=500), runs=7), timed(bare, runs=7), BUDGET_MS)
    if result.rows:
        case = result.rows[0].case_no
        row("one case: criteria, draft, decisions", timed(lambda: typical_cases.view(profile, reader, case)),
            None, 50)
    marked = typical_cases.published(profile, reader)
    if marked:
        with tempfile.TemporaryDirectory() as out:
            row(f"export of {len(marked)} marked cases (xlsx + text, leak check)",
                timed(lambda: typical_export.export(profile, reader, Path(out)), runs=3), None, 2000)
    profile.close()


if __name__ == "__main__":
    main()
