"""Breach register 政务失信记录台账 benchmark at 100,000 complaints, figures only (no pass/fail).

    python bench/bench_register.py [--home DIR] [--complaints 100000]

Times ``app.services.credit_register.register_page`` as the 失信记录 page calls it (one block of 100
records, with and without the counts of the selection) for the first page, filters, a later page,
the sorts and the searches (Chinese text, pinyin initials, pinyin, a credit code prefix), each warm,
beside the same SQL statements (captured from the engine) replayed on a bare ``sqlite3`` connection
in the same process; then the whole register exported as xlsx beside a bare read of its rows.
Budgets from DESIGN §8: a list page <= 10 ms, a search <= 50 ms; the export's 10 s is ours.

Measured on the 2-core machine (demo profile, 10,264 records; the counts included): first page 8.4 ms
(raw SQL 6.6), a block without counts 2.2 ms, a county 4 ms, filters 4–10 ms, sorts 9 ms, searches
10–14 ms (pinyin initials 10.3 ms), the whole register as xlsx 5.4 s (3 MB).
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

from bench_reports import captured_statements, row, timed

from app.services import credit_register, register_export
from app.services.credit_register import RegisterFilter
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor

PAGE_MS, SEARCH_MS = 10, 50
EXPORT_MS = 10_000  # no budget in DESIGN §8: ours, for the whole register of a prefecture (about 10,000 records)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_REGISTER_BENCH_HOME", "/tmp/lvyue-reports-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    profile = open_profile(home, daily_backup=False)
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    records = raw.execute("SELECT COUNT(*) FROM breach_records").fetchone()[0]
    print(f"\nprofile: {total} complaints, {records} breach records\n")
    reader = Actor("", "", "", (), profile.office.region_code)
    county = raw.execute("SELECT region_code FROM breach_records GROUP BY region_code ORDER BY COUNT(*) DESC "
                         "LIMIT 1").fetchone()[0]
    county_reader = Actor("", "", "", (), county)
    department = raw.execute("SELECT department FROM breach_records GROUP BY department ORDER BY COUNT(*) DESC "
                             "LIMIT 1").fetchone()[0]
    name, code = raw.execute("SELECT respondent_name, respondent_code FROM breach_records "
                             "WHERE respondent_code IS NOT NULL LIMIT 1").fetchone()
    from app.services.reference import (
        _syllables,  # the initials of the most frequent body, as a user types them
    )
    initials = "".join(next(iter(_syllables(ch)), ch)[0] for ch in name if not ch.isascii())
    cases = [
        ("first page, whole prefecture, counted", reader, RegisterFilter(), 0, True, PAGE_MS),
        ("first page, whole prefecture (block only)", reader, RegisterFilter(), 0, False, PAGE_MS),
        ("page 50 (offset 5,000)", reader, RegisterFilter(), 5000, False, PAGE_MS),
        (f"county {county}, counted", county_reader, RegisterFilter(), 0, True, PAGE_MS),
        ("prefecture, county filter, counted", reader, RegisterFilter(region_code=county), 0, True, PAGE_MS),
        ("in force + sanction in force, counted", reader, RegisterFilter(status="in_force", sanction="in_force"),
         0, True, PAGE_MS),
        ("department + year 2025, counted", reader, RegisterFilter(department=department, confirmed_from=__import__(
            "datetime").date(2025, 1, 1), confirmed_to=__import__("datetime").date(2025, 12, 31)), 0, True, PAGE_MS),
        ("sorted by amount, counted", reader, RegisterFilter(sort="amount"), 0, True, PAGE_MS),
        ("sorted by body, counted", reader, RegisterFilter(sort="respondent", ascending=True), 0, True, PAGE_MS),
        ("search 财政 (text), counted", reader, RegisterFilter(search="财政"), 0, True, SEARCH_MS),
        (f"search {initials} (pinyin initials), counted", reader, RegisterFilter(search=initials), 0, True, SEARCH_MS),
        ("search caizheng (pinyin), counted", reader, RegisterFilter(search="caizheng"), 0, True, SEARCH_MS),
        (f"search {code[:8]} (credit code), counted", reader, RegisterFilter(search=code[:8]), 0, True, SEARCH_MS),
    ]
    print(f"{'register page of 100 (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    for label, actor, f, offset, count, budget in cases:
        def ours(actor=actor, f=f, offset=offset, count=count):
            return credit_register.register_page(profile, actor, f, offset=offset, limit=100, count=count)

        statements = captured_statements(profile.store.engine, ours)

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        page = ours()
        shown = f" ({page.total:,})" if count else ""
        row(f"{label}{shown}"[:52], timed(ours), timed(bare), budget)

    print(f"\n{'export (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "register.xlsx"

        def export():
            return register_export.export_register(profile, reader, RegisterFilter(), target, force=True)

        def bare_read():
            raw.execute("SELECT * FROM breach_records ORDER BY confirmed_on DESC, case_no DESC").fetchall()

        written = export()
        row(f"whole register xlsx ({written.records:,} records)", timed(export, runs=3), timed(bare_read, runs=3),
            EXPORT_MS)
        print(f"  file: {target.stat().st_size / 1e6:.1f} MB (raw: the rows read bare, no workbook)")


if __name__ == "__main__":
    main()
