"""Supervision report benchmarks against DESIGN §8 ("a supervision report or the 统计 page for a year
<= 200 ms warm"), with 100,000 complaints (figures, not pass/fail).

    python bench/bench_reports.py [--home DIR] [--complaints 100000]

Uses (or creates with ``demo``) a profile of its own (the report tables need this branch's schema,
so it does not share bench_core's profile), then times ``app.services.reports.supervision`` for a
few periods and regions, warm, beside the very SQL statements the report sent (captured from the engine)
replayed on a bare ``sqlite3`` connection in the same process (no Python around them), and prints
median / p95 / budget / raw / ratio, then the slowest statements so a slow figure is easy to find.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sqlalchemy import event

import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.services import briefing, reports
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor

RUNS = 20
BUDGET_MS = 200


def timed(fn, runs=RUNS):
    fn()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def row(name, ours, raw, budget):
    med, p95 = ours
    raw_med = raw[0] if raw else None
    ratio = f"{med / raw_med:5.1f}x" if raw_med else "   —"
    raw_text = f"{raw_med:8.2f}" if raw_med is not None else "       —"
    flag = "ok" if med <= budget else "OVER"
    print(f"{name:<52}{med:9.2f}{p95:9.2f}{budget:9.0f}{raw_text}  {ratio}  {flag}", flush=True)


def captured_statements(engine, fn) -> list[tuple[str, object]]:
    """The SQL statements (as sent to the driver, with their parameters) that ``fn`` runs."""
    seen: list[tuple[str, object]] = []

    def listen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_REPORTS_BENCH_HOME", "/tmp/lvyue-reports-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        result = fill_demo(home, args.complaints)
        print(f"  {result.complaints} complaints, {result.events} events in {result.seconds:.0f} s")
    started = time.perf_counter()
    profile = open_profile(home, daily_backup=False)  # an older profile migrates and rebuilds here, once
    opened = time.perf_counter() - started
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    counts = {t: raw.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("events", "state_spells", "stage_deadlines", "sanction_spells")}
    print(f"\nprofile: {total} complaints, " + ", ".join(f"{n} {t}" for t, n in counts.items())
          + f", {profile.files.database.stat().st_size / 1e6:.0f} MB database (opened in {opened:.1f} s)\n")
    today = date.today()
    office = profile.office
    reader = Actor("", "", "", (), office.region_code)
    county = raw.execute("SELECT region_code FROM complaints GROUP BY region_code ORDER BY COUNT(*) DESC "
                         "LIMIT 1").fetchone()[0]
    department = raw.execute("SELECT department FROM complaints GROUP BY department ORDER BY COUNT(*) DESC "
                             "LIMIT 1").fetchone()[0]
    year = today.year
    cases = [
        (f"year {year}, whole prefecture {office.region_code}", date(year, 1, 1), date(year, 12, 31), None, None),
        (f"year {year - 1}, whole prefecture", date(year - 1, 1, 1), date(year - 1, 12, 31), None, None),
        (f"first half {year}, whole prefecture", date(year, 1, 1), date(year, 6, 30), None, None),
        (f"year {year}, county {county}", date(year, 1, 1), date(year, 12, 31), county, None),
        (f"year {year}, department {department}", date(year, 1, 1), date(year, 12, 31), None, department),
        (f"one month ({year}-03), whole prefecture", date(year, 3, 1), date(year, 3, 31), None, None),
    ]
    print(f"{'report (ms)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    slowest: list = []
    for name, start, end, region, dept in cases:
        def ours(start=start, end=end, region=region, dept=dept):
            return reports.supervision(profile, reader, start, end, region_code=region, department=dept)

        statements = captured_statements(profile.store.engine, ours)  # the report's own SQL, replayed bare

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        figures = ours()
        row(f"{name} ({figures.received} received)", timed(ours), timed(bare), BUDGET_MS)
        for sql, params in statements:
            med, _ = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall(), runs=5)
            slowest.append((med, name, " ".join(sql.split())[:110]))
    print(f"\n{'period outputs, year ' + str(year) + ', whole prefecture (ms)':<52}{'median':>9}{'p95':>9}"
          f"{'budget':>9}{'raw':>8}  ratio")
    start, end = date(year, 1, 1), date(year, 12, 31)
    outputs = [
        ("assessment (counties and departments)", lambda: reports.assessment(profile, reader, start, end)),
        ("all figures of the period (period_figures)", lambda: reports.period_figures(profile, reader, start, end)),
        ("xlsx workbook", lambda: reports.workbook(profile, reader, start, end)),
        ("CSV files", lambda: reports.csv_tables(profile, reader, start, end)),
        ("调度通报 draft PDF", lambda: briefing.briefing_pdf(profile, reader, start, end)),
    ]
    for name, fn in outputs:
        statements = captured_statements(profile.store.engine, fn)

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        row(name, timed(fn, runs=5), timed(bare, runs=5), BUDGET_MS)
        for sql, params in statements:
            med, _ = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall(), runs=3)
            slowest.append((med, name, " ".join(sql.split())[:110]))
    print("  (raw: the same SQL replayed bare; the workbook, CSV and PDF add their writing and rendering)")
    print("\nslowest raw statements (ms, median of warm runs):")
    for med, name, sql in sorted(slowest, reverse=True)[:8]:
        print(f"  {med:8.2f}  {name[:30]:<30}  {sql}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {rss:.0f} MB")
    raw.close()
    profile.close()


if __name__ == "__main__":
    main()
