"""Supervision report benchmarks against DESIGN §8 ("a supervision report or the 统计 page for a year
<= 200 ms warm"), with 100,000 complaints (figures, not pass/fail).

    python bench/bench_reports.py [--home DIR] [--complaints 100000]

Uses (or creates with ``demo``) a profile of its own (the report tables need this branch's schema,
so it does not share bench_core's profile), then times ``app.services.reports.supervision`` for a
few periods and regions, warm, beside the same SQL statements run on a bare ``sqlite3`` connection
in the same process (no Python around them), and prints median / p95 / budget / raw / ratio, then
each raw statement's time for the first report so a slow figure is easy to find.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.reports.supervision import ReportScope
from app.services import reports
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


def _utc_start(day: date) -> str:
    return f"{(day - timedelta(days=1)).isoformat()}T16:00:00.000Z"


def raw_statements(start: date, end: date, as_of: date, scope: ReportScope) -> list[tuple[str, str, dict]]:
    """The report's statements, written out as plain SQL (same shapes, same indexes)."""
    w, params = scope.where()
    ws, _ = scope.where("s")
    wd, _ = scope.where("d")
    wc, _ = scope.where("c")
    params = {**params, "f": start.isoformat(), "t": end.isoformat(), "e": as_of.isoformat(),
              "uf": _utc_start(start), "ut": _utc_start(end + timedelta(days=1))}
    return [(name, sql, params) for name, sql in [
        ("received by channel/sector/county",
         f"SELECT channel, sector, region_code, COUNT(*) FROM complaints WHERE registered_at >= :uf "
         f"AND registered_at < :ut{w} GROUP BY channel, sector, region_code"),
        ("received by respondent",
         f"SELECT respondent_name, region_code, COUNT(*) FROM complaints WHERE registered_at >= :uf "
         f"AND registered_at < :ut{w} GROUP BY respondent_name, region_code"),
        ("states at the period's end",
         f"SELECT state, COUNT(*) FROM (SELECT state FROM state_spells WHERE left_on IS NULL AND entered_on <= :e{w} "
         f"UNION ALL SELECT state FROM state_spells WHERE left_on > :e AND entered_on <= :e{w}) GROUP BY state"),
        ("finished stages (timeliness, days, findings)",
         f"SELECT stage, outcome, ended_on <= due_on, working_days, COUNT(*) FROM stage_deadlines "
         f"WHERE ended_on >= :f AND ended_on <= :t{w} GROUP BY stage, outcome, ended_on <= due_on, working_days"),
        ("overdue at the period's end",
         f"SELECT c.case_no, d.region_code, d.department, c.respondent_name, d.stage, d.due_on FROM ("
         f"SELECT num, stage, due_on, region_code, department FROM stage_deadlines "
         f"WHERE until_on IS NULL AND set_on <= :e AND due_on < :e{w} "
         f"UNION ALL SELECT num, stage, due_on, region_code, department FROM stage_deadlines "
         f"WHERE until_on > :e AND set_on <= :e AND due_on < :e{w}) d JOIN complaints c ON c.num = d.num"),
        ("sanctions",
         f"SELECT s.recorded_on, s.start_on, s.end_on, s.lifted_on FROM sanction_spells s "
         f"JOIN complaints c ON c.num = s.num WHERE s.recorded_on <= :t{wc}"),
        ("credit repaired",
         f"SELECT COUNT(*) FROM state_spells s JOIN state_spells p ON p.num = s.num AND p.seq = s.seq - 1 "
         f"WHERE s.state = 'repaired' AND s.entered_on >= :f AND s.entered_on <= :t "
         f"AND p.state IN ('breach_confirmed', 'sanctioned'){ws}"),
        ("repeat breaches",
         f"SELECT c.respondent_name, c.region_code, COUNT(*), SUM(d.ended_on >= :f) FROM stage_deadlines d "
         f"JOIN complaints c ON c.num = d.num WHERE d.outcome = 'refused' AND d.ended_on <= :t{wd} "
         f"GROUP BY c.respondent_name, c.region_code"),
    ]]


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
    first = None
    for name, start, end, region, dept in cases:
        prefix = region or office.scope
        scope = ReportScope(prefix if len(prefix) >= 4 else office.scope, dept,
                            whole=office.scope.startswith(prefix))
        statements = raw_statements(start, end, min(end, today), scope)
        first = first or statements

        def ours(start=start, end=end, region=region, dept=dept):
            return reports.supervision(profile, reader, start, end, region_code=region, department=dept)

        def bare(statements=statements):
            for _, sql, params in statements:
                raw.execute(sql, params).fetchall()

        figures = ours()
        row(f"{name} ({figures.received} received)", timed(ours), timed(bare), BUDGET_MS)
    print("\nraw statements of the first report (ms, median of warm runs):")
    for name, sql, params in first:
        med, _ = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall())
        print(f"  {name:<50}{med:9.2f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {rss:.0f} MB")
    raw.close()
    profile.close()


if __name__ == "__main__":
    main()
