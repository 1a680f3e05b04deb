"""Bulk import 批量导入 at 100,000 complaints (figures, not pass/fail).

    python bench/bench_imports.py [--home DIR] [--rows 2000]

Copies the bench profile (made with ``demo`` when missing), writes a 12345 export of ``--rows`` rows
(xlsx and GBK csv, spread over the prefecture's counties), then times reading, the preview (every
row validated and checked against the profile for earlier imports and duplicates) and the commit
(all rows registered in one transaction), per row, beside two baselines in the same run:
raw ``sqlite3`` inserting the same number of event-sized JSON rows in one transaction (the floor),
and ``intake.register`` called once per complaint (what registering them by hand costs the machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)
from app.imports.sources import read_table
from app.services import auth, imports, intake
from app.services.demo import DEMO_PASSWORD, fill_demo
from app.services.profile import is_initialised, open_profile
from tests import import_files as files
from tests.factories import COUNTIES, credit_code
from tests.factories import intake as intake_data

PRESET = "12345热线工单导出"


def export_rows(count: int, seed: int = 2026) -> list[list]:
    rng = random.Random(seed)
    rows = files.hotline_rows(count, seed=seed, prefix="BENCH")
    names = list(COUNTIES.values())
    for i, row in enumerate(rows):
        county = names[i % len(names)]
        code = next(k for k, v in COUNTIES.items() if v == county)
        row[files.HEADERS.index("所属区县")] = county
        row[files.HEADERS.index("被反映单位")] = f"{county}{rng.choice(['住房和城乡建设局', '农业农村局', '教育体育局'])}"
        row[files.HEADERS.index("承办单位")] = f"{county}人民政府"
        row[files.HEADERS.index("企业名称")] = f"{county}第{i + 1}号建材有限公司"
        row[files.HEADERS.index("统一社会信用代码")] = credit_code("91", code, rng)
    return rows


def seconds(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_BENCH_HOME", "/tmp/lvyue-bench-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--by-hand", type=int, default=200, help="single registrations for the baseline")
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    work = Path(tempfile.mkdtemp(prefix="lvyue-bench-imports-"))
    try:
        shutil.copytree(home, work / "p")
        profile = open_profile(work / "p", daily_backup=False)
        actor = auth.login(profile, "officer", DEMO_PASSWORD)
        raw = sqlite3.connect(profile.files.database)
        total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
        print(f"\nprofile: {total} complaints, office {profile.office.region_code}; importing {args.rows} rows\n")
        rows = export_rows(args.rows)
        xlsx = files.write_xlsx(work / "export.xlsx", rows, title=True, merge_region=False)
        csv_path = files.write_csv(work / "export.csv", rows, encoding="gbk")
        mapping = imports.get_mapping(profile, PRESET)
        n = args.rows
        figures = []

        def show(name, secs, per=n):
            figures.append((name, secs))
            print(f"{name:<52}{secs:9.2f} s{secs * 1000 / per:10.2f} ms/row")

        show("read xlsx (openpyxl, merged cells)", seconds(lambda: read_table(xlsx, mapping.columns))[0])
        show("read GBK csv", seconds(lambda: read_table(csv_path, mapping.columns))[0])
        t, preview = seconds(lambda: imports.preview(profile, xlsx, mapping))
        show("preview xlsx (validate + duplicates + re-import)", t)
        assert preview.count("ok") + preview.count("duplicate") == n, [r.reasons for r in preview.rows[:3]]
        t, done = seconds(lambda: imports.commit(profile, actor, preview, write_rejects_file=False))
        show("commit: register all rows in one transaction", t)
        assert len(done.imported) == n
        t, again = seconds(lambda: imports.preview(profile, csv_path, mapping))
        show("re-import preview (all already imported)", t)
        assert again.count("already_imported") == n

        scratch = sqlite3.connect(work / "raw.sqlite")
        scratch.execute("PRAGMA journal_mode=WAL")
        scratch.execute("PRAGMA synchronous=FULL")
        scratch.execute("CREATE TABLE e (id INTEGER PRIMARY KEY, stream TEXT, payload TEXT)")
        scratch.execute("CREATE INDEX ix_e ON e (stream)")
        payload = json.dumps(intake_data(), ensure_ascii=False)

        def raw_insert():
            with scratch:
                scratch.executemany("INSERT INTO e (stream, payload) VALUES (?, ?)",
                                    [(f"s{i}", payload) for i in range(n)])
        show("baseline: raw sqlite3 insert of event-sized rows", seconds(raw_insert)[0])
        k = args.by_hand
        datas = [intake_data("532322", complainant=f"双柏县手工登记{i}号有限公司") for i in range(k)]
        t = seconds(lambda: [intake.register(profile, actor, d) for d in datas])[0]
        show(f"baseline: intake.register one by one ({k} complaints)", t, per=k)
        per_row = {name: secs * 1000 / (k if "one by one" in name else n) for name, secs in figures}
        commit = per_row["commit: register all rows in one transaction"]
        print(f"\ncommit per row vs raw insert: {commit / per_row['baseline: raw sqlite3 insert of event-sized rows']:.0f}x;"
              f" vs single registrations: {commit / per_row[f'baseline: intake.register one by one ({k} complaints)']:.2f}x")
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        profile.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
