"""Submission to the province (上报省平台) benchmarks at 100,000 complaints (figures, not pass/fail).

    python bench/bench_submissions.py [--home DIR] [--complaints 100000]

Uses (or creates with ``demo``) a profile, removes any submission it holds, then times:
the preview and the creation of a first submission (every breach record in scope), its export (JSON,
xlsx, .sha256), and a later submission after 1 % of the records changed (their digest altered in the
projection, as a sanction or repair would), each beside a raw baseline on a bare ``sqlite3``
connection in the same run: reading every register row in scope (first), and the one SQL statement
that finds the records whose digest differs from the one last sent (later).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.domain.clock import china_date
from app.services import credit_submissions
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor


def timed(fn, runs: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def line(name: str, ours: float, raw: float | None) -> None:
    ratio = f"{ours / raw:6.1f}x" if raw else "     —"
    raw_text = f"{raw:10.1f}" if raw is not None else "         —"
    print(f"{name:<58}{ours:10.1f}{raw_text}  {ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_SUBMISSIONS_BENCH_HOME", "/tmp/lvyue-100k-submit"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    profile = open_profile(home, daily_backup=False)
    raw = sqlite3.connect(profile.files.database)
    raw.execute("DELETE FROM credit_submission_items")
    raw.execute("DELETE FROM credit_submissions")
    raw.commit()
    office = profile.office
    scope = office.scope
    lo, hi = scope, scope[:-1] + chr(ord(scope[-1]) + 1)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    records = raw.execute("SELECT COUNT(*) FROM breach_records WHERE region_code >= ? AND region_code < ?",
                          (lo, hi)).fetchone()[0]
    print(f"profile: {total} complaints, {records} breach records in scope {office.region_code}\n")
    actor = Actor("bench", "bench", "基准测试", ("handler", "leader"), office.region_code)
    period = china_date(profile.now()).isoformat()[:7]

    def raw_all():
        return raw.execute("SELECT * FROM breach_records WHERE region_code >= ? AND region_code < ?", (lo, hi)).fetchall()

    print(f"{'(ms)':<58}{'ours':>10}{'raw':>10}  ratio")
    raw_first, _ = timed(raw_all, 5)
    preview_ms, preview = timed(lambda: credit_submissions.preview(profile, actor, period), 3)
    line(f"first: preview ({preview.total} due, {len(preview.held_back)} held back)", preview_ms, raw_first)
    create_ms, first = timed(lambda: credit_submissions.create(profile, actor, period), 1)
    line(f"first: create ({first.info.total} records stored)", create_ms, raw_first)
    folder = Path(tempfile.mkdtemp(prefix="lvyue-submission-bench-"))
    export_ms, done = timed(lambda: credit_submissions.export(profile, actor, first.info.number, folder), 1)
    sizes = ", ".join(f"{p.suffix} {p.stat().st_size / 1e6:.1f} MB" for p in done.paths)
    line(f"first: export ({sizes})", export_ms, raw_first)
    again_ms, _ = timed(lambda: credit_submissions.export(profile, actor, first.info.number, folder), 1)
    line("first: export again (same bytes)", again_ms, raw_first)

    changed = raw.execute("UPDATE breach_records SET digest = digest || 'x' WHERE num % 100 = 0 "
                          "AND region_code >= ? AND region_code < ?", (lo, hi)).rowcount
    raw.commit()
    diff_sql = ("SELECT b.* FROM breach_records b LEFT JOIN (SELECT i.complaint_id, i.digest FROM "
                "credit_submission_items i JOIN (SELECT complaint_id, MAX(submission_id) AS sid FROM "
                "credit_submission_items GROUP BY complaint_id) m ON m.complaint_id = i.complaint_id "
                "AND m.sid = i.submission_id) last ON last.complaint_id = b.complaint_id "
                "WHERE b.region_code >= ? AND b.region_code < ? AND (last.digest IS NULL OR last.digest != b.digest)")
    raw_later, rows = timed(lambda: raw.execute(diff_sql, (lo, hi)).fetchall(), 5)
    preview_ms, preview = timed(lambda: credit_submissions.preview(profile, actor, period), 3)
    line(f"later: preview ({preview.total} due of {changed} changed; raw finds {len(rows)})", preview_ms, raw_later)
    create_ms, later = timed(lambda: credit_submissions.create(profile, actor, period), 1)
    line(f"later: create ({later.info.total} records)", create_ms, raw_later)
    export_ms, _ = timed(lambda: credit_submissions.export(profile, actor, later.info.number, folder), 1)
    line("later: export", export_ms, raw_later)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    profile.close()


if __name__ == "__main__":
    main()
