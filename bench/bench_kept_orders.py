"""Kept list orders (``app.services.list_orders``): deep blocks of large filters that no index gives in the
chosen order, sorted for every block against sliced from the kept order (figures beside DESIGN §8).

    python bench/bench_kept_orders.py --home /tmp/lvyue-bench-20k [--reads 5]

On a demo profile (``main.py demo``), for each shape, alternately in the same process: the blocks read
as before (``MIN_MATCHES`` out of reach: every block sorts every match), and from the kept order (the first
block past the first reads the whole order once, later blocks slice it). Each block is read ``--reads``
times at 1/4, 1/2, 3/4 and 19/20 of the matches; medians in milliseconds. Beside them the raw ``sqlite3``
query of the same shape (``WHERE … ORDER BY column, num LIMIT 100 OFFSET …``) in the same run. Read only.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services import list_blocks, list_orders, queries
from app.services.profile import open_profile
from app.services.queries import ComplaintFilter

SHAPES = [  # (label, filter, sort, its plain WHERE, the sort's column)
    ("行业“政府采购” × 投诉人", ComplaintFilter(sectors=("procurement",)), "complainant",
     "sector = 'procurement'", "complainant_name"),
    ("渠道“12345” × 被投诉主体", ComplaintFilter(channels=("hotline_12345",)), "respondent",
     "channel = 'hotline_12345'", "respondent_name"),
    ("县“双柏县” × 金额", ComplaintFilter(regions=("532322",)), "claim", "region_code = '532322'",
     "claim_cents"),
    ("行业“招标投标”＋“政府采购” × 登记日期（升序）", ComplaintFilter(sectors=("bidding", "procurement")),
     "registered_at", "sector IN ('bidding', 'procurement')", "registered_at"),
]


def _ms(run) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def _block(profile, f: ComplaintFilter, sort: str, matches: int, offset: int) -> None:
    list_blocks.read_block(profile, None, f, sort=sort, descending=False, offset=offset, with_total=False,
                           matches=matches)


def _fetch(raw: sqlite3.Connection, sql: str) -> None:
    raw.execute(sql).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--reads", type=int, default=5)
    options = parser.parse_args()
    profile = open_profile(options.home, daily_backup=False)
    raw = sqlite3.connect(f"file:{profile.files.database}?mode=ro", uri=True)
    print("| 筛选 × 排序 | 匹配 | 每块都排序 | 保留的顺序：第一次读深处 | 保留的顺序：之后 | 原始 SQL |")
    print("|---|---:|---:|---:|---:|---:|")
    try:
        for label, f, sort, where, column in SHAPES:
            matches = list_blocks.read_block(profile, None, f, sort=sort, descending=False, limit=1).total
            plain = raw.execute(f"SELECT count(*) FROM complaints WHERE {where}").fetchone()[0]
            assert plain == matches, (label, plain, matches)  # the raw query is the same shape
            depths = [max(100, matches * k // 20) for k in (5, 10, 15, 19)]
            timings: dict[str, list[float]] = {"sorted": [], "first": [], "kept": [], "raw": []}
            block = partial(_block, profile, f, sort, matches)
            for _ in range(options.reads):
                for depth in depths:
                    list_orders.MIN_MATCHES = 10**9
                    timings["sorted"].append(_ms(partial(block, depth)))
                    list_orders.MIN_MATCHES = 2_000
                    list_orders._kept.clear()
                    timings["first"].append(_ms(partial(block, depth)))
                    timings["kept"].append(_ms(partial(block, depth + 100)))
                    sql = f"SELECT * FROM complaints WHERE {where} ORDER BY {column}, num LIMIT 100 OFFSET {depth}"
                    timings["raw"].append(_ms(partial(_fetch, raw, sql)))
            m = {k: statistics.median(v) for k, v in timings.items()}
            print(f"| {label} | {matches:,} | {m['sorted']:.1f} | {m['first']:.1f} | {m['kept']:.2f} | "
                  f"{m['raw']:.1f} |")
    finally:
        raw.close()
        profile.close()
    print(f"\n（每格为 {options.reads} × 4 个深度的中位数，毫秒；queries.SCAN_ROWS = {queries.SCAN_ROWS}）")


if __name__ == "__main__":
    main()
