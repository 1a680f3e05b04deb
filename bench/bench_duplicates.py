"""Duplicate complaints 重复投诉 at 100,000 complaints (figures, not pass/fail).

    python bench/bench_duplicates.py [--home DIR] [--complaints 100000]

Uses (or creates with ``demo``) a profile; opening it migrates (0009) and rebuilds the projections
once (``PROJECTION_VERSION`` 5), which is timed. Then, warm:

- the registration-time check ``find_duplicates(fields=…)`` for intakes copied from complaints on file
  (a repeat through another channel: parties and text match) and for new matters (nothing matches),
  beside the raw indexed query a plain same-parties check would be (``complainant_code`` +
  ``respondent_name`` on their indexes) and beside the check's own SQL replayed on bare ``sqlite3``;
- the import's per-row call ``find_duplicates_for_fields``;
- the review list for 7 and 30 days, beside its own SQL replayed bare;
- the size of the text marks.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sqlalchemy import event

import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.common.packing import unpacked
from app.services import duplicates
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor

SAMPLES = 40


def timed(fn, runs=1):
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def row(name, ours, raw):
    med, p95 = summary(ours)
    raw_med = summary(raw)[0] if raw else None
    ratio = f"{med / raw_med:6.1f}x" if raw_med else "     —"
    raw_text = f"{raw_med:9.2f}" if raw_med is not None else "        —"
    print(f"{name:<58}{med:9.2f}{p95:9.2f}{raw_text} {ratio}", flush=True)


def captured(engine, fn):
    seen = []

    def listen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_DUPLICATES_BENCH_HOME", "/tmp/lvyue-dups-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    started = time.perf_counter()
    profile = open_profile(home, daily_backup=False)
    opened = time.perf_counter() - started
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    marks = raw.execute("SELECT COUNT(*) FROM duplicate_marks").fetchone()[0]
    try:
        size = raw.execute("SELECT SUM(pgsize) FROM dbstat WHERE name IN ('duplicate_marks', "
                           "'ix_duplicate_marks_num', 'ix_complaints_parties')").fetchone()[0] or 0
        size_text = f"{size / 1e6:.1f} MB for the marks and the parties index"
    except sqlite3.OperationalError:
        size_text = "size: dbstat not available"
    print(f"\nprofile: {total} complaints, {marks} text marks ({size_text}); "
          f"{profile.files.database.stat().st_size / 1e6:.0f} MB database, opened (migrate + rebuild) in "
          f"{opened:.1f} s\n")
    reader = Actor("", "", "", (), profile.office.region_code)
    rng = random.Random(11)
    nums = rng.sample(range(1, total + 1), SAMPLES)
    picked = [(json.loads(unpacked(raw.execute("SELECT data FROM complaint_data WHERE num = ?", (n,)).fetchone()[0]))["intake"])
              for n in nums]

    print(f"{'(ms, warm)':<58}{'median':>9}{'p95':>9}{'raw':>9}  ratio")
    repeat, new, plain, replay, found_counts = [], [], [], [], []
    for intake in picked:
        fields = {**intake, "channel": "online_petition"}

        def ours(fields=fields):
            return duplicates.find_duplicates(profile, reader, fields=fields)

        statements = captured(profile.store.engine, ours)
        found_counts.append(len(ours()))
        repeat += timed(ours, runs=3)

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        replay += timed(bare, runs=3)
        code, name = intake["complainant"]["credit_code"], intake["respondent"]["name"]
        plain += timed(lambda code=code, name=name: raw.execute(
            "SELECT id, case_no FROM complaints WHERE complainant_code = ? AND respondent_name = ?",
            (code, name)).fetchall(), runs=3)
        fresh = {**fields, "complainant": {**intake["complainant"], "name": "楚雄新设科技有限公司",
                                           "credit_code": "91532301MA6Q0000X1"},
                 "description": f"新的事项{rng.random()}：学校食堂改造项目投标保证金未退还，已多次联系无果。",
                 "claim": {"text": "请求退还投标保证金两万元。"}}
        new += timed(lambda fresh=fresh: duplicates.find_duplicates(profile, reader, fields=fresh), runs=3)
    row("registration check, a repeat (parties + text match)", repeat, replay)
    row("  raw: same-parties lookup on the existing indexes", plain, None)
    row("registration check, a new matter (nothing matches)", new, None)
    print(f"  candidates found for a repeat: median {statistics.median(found_counts):.0f}, "
          f"max {max(found_counts)}")

    per_row = []
    with profile.store.read() as session:
        for intake in picked:
            text = (intake.get("description") or "") + (intake["claim"].get("text") or "")
            per_row += timed(lambda intake=intake, text=text: duplicates.find_duplicates_for_fields(
                session, intake["complainant"]["name"], None, intake["respondent"]["name"], text), runs=2)
    row("import: find_duplicates_for_fields per row (no code)", per_row, None)

    for days in (7, 30):
        def review(days=days):
            return duplicates.review_list(profile, reader, days=days)

        statements = captured(profile.store.engine, review)
        pairs = review()

        def bare(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        row(f"review list, {days} days ({len(pairs)} pairs)", timed(review, runs=2), timed(bare, runs=2))
    print("  (raw: the same SQL replayed on bare sqlite3; ours adds JSON decoding and the text comparison)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {rss:.0f} MB")
    raw.close()
    profile.close()


if __name__ == "__main__":
    main()
