"""统计 page benchmark against DESIGN §8 ("a supervision report or the 统计 page for a year <= 200 ms
warm"), figures only (no pass/fail).

    python bench/bench_statistics_page.py [--home DIR] [--complaints 100000]

Times the page's whole data load for one period — ``app.services.statistics.statistics_data``: the
report of the chosen area, the monthly trend and, for the prefecture, the counties side by side (one
grouped pass over the monthly sums: ``app.reports.assessment`` without departments) — warm, beside the same SQL statements (captured from the engine) replayed on a bare
``sqlite3`` connection in the same process; then a few drill-downs (the complaints behind a number).
Uses the profile of ``bench/bench_reports.py`` (same ``--home`` default), made with ``demo`` if missing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reports import BUDGET_MS, captured_statements, row, timed

from app.reports import drill as d
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.statistics import Area, StatisticsRequest, drill_down, statistics_data
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
    print(f"\nprofile: {total} complaints\n")
    office = profile.office
    reader = Actor("", "", "", (), office.region_code)
    county = raw.execute("SELECT region_code FROM complaints GROUP BY region_code ORDER BY COUNT(*) DESC "
                         "LIMIT 1").fetchone()[0]
    county_reader = Actor("", "", "", (), county)
    year = date.today().year
    quarter = 3 * ((date.today().month - 1) // 3) + 1
    q_end = date(year + (quarter == 10), 1 if quarter == 10 else quarter + 3, 1)
    whole, own = Area(office.region_code), Area(county)
    cases = [
        (f"year {year}, prefecture (+{len(profile.regions.counties(office.region_code)) + 1} rows)", reader,
         StatisticsRequest(date(year, 1, 1), date(year, 12, 31), whole)),
        (f"year {year - 1}, prefecture", reader, StatisticsRequest(date(year - 1, 1, 1), date(year - 1, 12, 31), whole)),
        ("this quarter, prefecture", reader,
         StatisticsRequest(date(year, quarter, 1), date.fromordinal(q_end.toordinal() - 1), whole)),
        ("this month, prefecture", reader, StatisticsRequest(date(year, date.today().month, 1), date.today(), whole)),
        (f"year {year}, county user {county}", county_reader, StatisticsRequest(date(year, 1, 1), date(year, 12, 31), own)),
    ]
    print(f"{'statistics page data load (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    for name, actor, request in cases:
        def ours(actor=actor, request=request):
            return statistics_data(profile, actor, request)

        statements = captured_statements(profile.store.engine, ours)

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        row(f"{name} [{len(statements)} stmts]", timed(ours, runs=5), timed(bare, runs=5), BUDGET_MS)

    print(f"\n{'drill-down, year, prefecture (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    request = cases[0][2]
    for figure in (d.Figure(d.RECEIVED), d.Figure(d.RECEIVED_BY_CHANNEL, "hotline_12345"), d.Figure(d.OVERDUE),
                   d.Figure(d.LATE, "conclude"), d.Figure(d.STATE_AT_END, "closed")):
        def ours(figure=figure):
            return drill_down(profile, reader, request, figure)

        statements = captured_statements(profile.store.engine, ours)

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        found = ours()
        row(f"{figure.kind} {figure.key} ({found.items} items)", timed(ours, runs=5), timed(bare, runs=5), 200)
    started = time.perf_counter()
    raw.close()
    profile.close()
    print(f"\nclosed in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
