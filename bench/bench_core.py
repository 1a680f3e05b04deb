"""Core benchmarks against DESIGN §8, with 100,000 complaints (figures, not pass/fail).

    python bench/bench_core.py [--home DIR] [--complaints 100000]

Uses (or creates with ``demo``) a profile, then times the service calls a window makes — list page,
search with 1, 2 and 4 characters, open one complaint, one action — each beside a raw ``sqlite3``
query of the same shape run in the same process, and prints median / p95 / budget / raw / ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.services import act, auth, queries
from app.services.demo import DEMO_PASSWORD, fill_demo
from app.services.profile import is_initialised, open_profile

RUNS = 30


def timed(fn, runs=RUNS):
    fn()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def row(name, ours, raw, budget):
    med, p95 = ours
    raw_med = raw[0] if raw else None
    ratio = f"{med / raw_med:5.1f}x" if raw_med else "   —"
    raw_text = f"{raw_med:8.2f}" if raw_med is not None else "       —"
    flag = "ok" if med <= budget else "OVER"
    print(f"{name:<44}{med:9.2f}{p95:9.2f}{budget:9.0f}{raw_text}  {ratio}  {flag}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_BENCH_HOME", "/tmp/lvyue-bench-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        result = fill_demo(home, args.complaints)
        print(f"  {result.complaints} complaints, {result.events} events in {result.seconds:.0f} s")
    work = Path(tempfile.mkdtemp(prefix="lvyue-bench-"))
    shutil.copytree(home, work / "p")  # actions below must not change the shared bench profile
    profile = open_profile(work / "p", daily_backup=False)
    actor = auth.login(profile, "officer", DEMO_PASSWORD)
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    events = raw.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    print(f"\nprofile: {total} complaints, {events} events, "
          f"{profile.files.database.stat().st_size / 1e6:.0f} MB database\n")
    print(f"{'operation (ms)':<44}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}  ratio")
    cols = "id, case_no, state, region_code, complainant_name, respondent_name, department, registered_at, due_on"

    def page(f, sort="registered_at", desc=True):
        return lambda: queries.list_complaints(profile, actor, f, sort=sort, descending=desc, limit=50)

    F = queries.ComplaintFilter
    row("list page: newest first (50 rows + count)", timed(page(F())),
        timed(lambda: (raw.execute(f"SELECT {cols} FROM complaints WHERE region_code LIKE '5323%' "
                                   "ORDER BY registered_at DESC, num DESC LIMIT 50").fetchall(),
                       raw.execute("SELECT COUNT(*) FROM complaints WHERE region_code LIKE '5323%'").fetchone())),
        10)
    row("list page: state=forwarded by due date", timed(page(F(states=("forwarded",)), "due_on", False)),
        timed(lambda: (raw.execute(f"SELECT {cols} FROM complaints WHERE state='forwarded' "
                                   "ORDER BY due_on IS NULL, due_on, num LIMIT 50").fetchall(),
                       raw.execute("SELECT COUNT(*) FROM complaints WHERE state='forwarded'").fetchone())), 10)
    row("list page: overdue, county 532322, by case no", timed(page(F(overdue_only=True, regions=("532322",)),
                                                                 "case_no")), None, 10)
    row("list page: deep offset 99,950", timed(lambda: queries.list_complaints(
        profile, actor, F(), offset=max(0, total - 50), limit=50, with_total=False)),
        timed(lambda: raw.execute(f"SELECT {cols} FROM complaints ORDER BY registered_at DESC, num DESC "
                                  f"LIMIT 50 OFFSET {max(0, total - 50)}").fetchall()), 10)
    row("search '楚雄' + state=forwarded, by due date", timed(page(F(search="楚雄", states=("forwarded",)),
                                                                 "due_on", False)), None, 50)
    for term in ("雄", "楚雄", "彧", "珺", "建筑工程", "拖欠工程款", "有限公司", "0007", "532300-2025-07",
                 "532300"):
        from app.store.search import match_query

        match = match_query(term)
        row(f"search {len(term)} char(s) '{term}' (page + count)", timed(page(F(search=term))),
            timed(lambda m=match: (
                raw.execute(f"SELECT {cols} FROM complaints WHERE num IN (SELECT rowid FROM complaint_search "
                            "WHERE complaint_search MATCH ?) ORDER BY registered_at DESC LIMIT 50", (m,)).fetchall(),
                raw.execute("SELECT COUNT(*) FROM complaint_search WHERE complaint_search MATCH ?", (m,)).fetchone())),
            50)
    case_no = raw.execute("SELECT case_no FROM complaints WHERE state='rectifying' LIMIT 1 OFFSET 500").fetchone()[0]
    cid = raw.execute("SELECT id FROM complaints WHERE case_no=?", (case_no,)).fetchone()[0]
    row("open a complaint (aggregate + timeline)", timed(lambda: queries.get_complaint(profile, actor, case_no)),
        timed(lambda: (raw.execute("SELECT data FROM complaint_data JOIN complaints USING (num) WHERE case_no=?",
                                   (case_no,)).fetchone(),
                       raw.execute("SELECT * FROM events WHERE stream=? ORDER BY seq", (cid,)).fetchall())), 50)
    counter = iter(range(10**6))
    row("one action: note (event + projection + audit)",
        timed(lambda: act.act(profile, actor, case_no, "note", {"text": f"电话联系投诉人第{next(counter)}次"}), 50),
        timed(lambda: _raw_action(raw, cid), 50), 5)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {rss:.0f} MB (budget while browsing: 300 MB)")
    profile.close()
    raw.close()
    shutil.rmtree(work, ignore_errors=True)


def _raw_action(raw: sqlite3.Connection, cid: str) -> None:
    """The bare minimum the same action writes: one event row, one projection update, one commit."""
    n = raw.execute("SELECT COALESCE(MAX(device_seq), 0) + 1 FROM events WHERE device_id = 'raw'").fetchone()[0]
    raw.execute("INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, "
                "prev_hash, hash) VALUES (?, ?, 'note', '{}', 'u', 'raw', ?, '2026', '0', '0')",
                (f"raw-{n}", cid, n))
    raw.execute("UPDATE complaints SET version = version + 1 WHERE id = ?", (cid,))
    raw.commit()


if __name__ == "__main__":
    main()
