"""Credit check 信用核查 benchmark at 100,000 complaints, figures beside raw baselines in the same run.

    python bench/bench_credit_check.py [--home DIR] [--complaints 100000]

Times, warm: the lookup of a body by name, by pinyin initials and by credit code
(``credit_check.find_bodies``: the register's bodies grouped in SQL, then pinyin-matched in Python,
plus the reference list), the result of one body (``credit_check.result``), and the 信用核查结果告知单
PDF (``credit_check_document`` + ``render_pdf``). Baselines: the same grouped and per-body SELECTs on a
bare ``sqlite3`` connection, and a bare reportlab canvas writing the same text lines (no layout).
Issuing (a number, a row, a stored PDF) is timed once on a copy of the profile, so the demo stays clean.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench.bench_keyring  # noqa: F401  (profiles' data keys where no OS keyring exists)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reports import row, timed

from app.documents import render_pdf
from app.documents.credit_check import credit_check_document
from app.services import credit_check, office_settings
from app.services.credit_check import _snapshot
from app.services.demo import fill_demo
from app.services.profile import is_initialised, open_profile
from app.services.users import Actor

BUDGET_LOOKUP_MS = 200  # the window filters as the user types
BUDGET_RESULT_MS = 100
BUDGET_PDF_MS = 1000


def _reportlab_baseline(lines: list[str]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.fonts import load_font_set

    font = load_font_set().primary("body").name
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    y = 800
    for line in lines:
        canvas.setFont(font, 12)
        canvas.drawString(50, y, line[:40])
        y -= 16
        if y < 60:
            canvas.showPage()
            y = 800
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("LVYUE_CREDIT_BENCH_HOME", "/tmp/lvyue-reports-100k"))
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    home = Path(args.home)
    if not is_initialised(home):
        print(f"creating {args.complaints} demo complaints in {home} …", flush=True)
        fill_demo(home, args.complaints)
    profile = open_profile(home, daily_backup=False)
    raw = sqlite3.connect(profile.files.database)
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    records = raw.execute("SELECT COUNT(*), COUNT(DISTINCT respondent_name) FROM breach_records").fetchone()
    print(f"\nprofile: {total} complaints, {records[0]} breach records of {records[1]} bodies\n")
    actor = Actor("bench", "bench", "测试", ("clerk",), profile.office.region_code)
    name, code = raw.execute("SELECT respondent_name, respondent_code FROM breach_records "
                             "WHERE respondent_code IS NOT NULL GROUP BY respondent_name "
                             "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    initials = "".join(__import__("pypinyin").lazy_pinyin(name, style=__import__("pypinyin").Style.FIRST_LETTER))
    lo = profile.office.region_code.rstrip("0")
    print(f"body: {name} {code} (initials {initials})\n")
    print(f"{'ms (median, p95, budget, raw, ratio)':<52}{'median':>9}{'p95':>9}{'budget':>9}{'raw':>8}")

    grouped = ("SELECT respondent_name, MAX(respondent_code), MIN(region_code), COUNT(*), SUM(status = 'in_force') "
               "FROM breach_records WHERE region_code >= ? AND region_code < ? GROUP BY respondent_name")
    hi = lo[:-1] + chr(ord(lo[-1]) + 1)
    raw_group = timed(lambda: raw.execute(grouped, (lo, hi)).fetchall())
    for label, term in (("name (substring)", name[-6:]), ("pinyin initials", initials), ("credit code", code[:10])):
        ours = timed(lambda term=term: credit_check.find_bodies(profile, actor, term))
        row(f"lookup by {label}", ours, raw_group, BUDGET_LOOKUP_MS)
    per_body = ("SELECT * FROM breach_records WHERE region_code >= ? AND region_code < ? AND "
                "(respondent_name = ? OR respondent_code = ?) ORDER BY confirmed_on DESC")
    raw_body = timed(lambda: raw.execute(per_body, (lo, hi, name, code)).fetchall())
    ours = timed(lambda: credit_check.result(profile, actor, name=name, code=code))
    row("result of one body (records, sanctions, verdict)", ours, raw_body, BUDGET_RESULT_MS)

    checked = credit_check.result(profile, actor, name=name, code=code)
    snapshot = _snapshot(checked, office_settings.get(profile), actor, "楚发改信核〔2026〕1号", "州财政局")
    lines = [snapshot["opening"], snapshot["statement"], *(r["summary"] for r in snapshot["records"]),
             *snapshot["limits"]]
    baseline = timed(lambda: _reportlab_baseline(lines), runs=5)
    ours = timed(lambda: render_pdf(credit_check_document(snapshot)), runs=5)
    row(f"告知单 PDF ({len(checked.records)} records)", ours, baseline, BUDGET_PDF_MS)
    profile.close()

    copy = Path(tempfile.mkdtemp(prefix="lvyue-credit-bench-"))
    try:
        shutil.copytree(home, copy / "p", ignore=shutil.ignore_patterns("backups", "documents"))
        p2 = open_profile(copy / "p", daily_backup=False)
        start = time.perf_counter()
        issued = credit_check.issue(p2, actor, name=name, code=code, requester="州财政局")
        took = (time.perf_counter() - start) * 1000
        print(f"\nissue once (number, render, store, record): {took:.0f} ms — {issued.number}, {issued.pages} pages")
        start = time.perf_counter()
        again = credit_check.reprint(p2, actor, issued.number)
        print(f"reprint: {(time.perf_counter() - start) * 1000:.0f} ms, identical: {again == issued.pdf}")
        p2.close()
    finally:
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    main()
