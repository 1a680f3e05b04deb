"""Pages and widest stretch of every sample document (issue 9): a measurement, not a test.

    .venv/bin/python bench/bench_layout.py            # one line per kind: pages, lines on the last page, stretch
    .venv/bin/python bench/bench_layout.py --pdfs DIR # also keep the PDFs

Every kind and feedback variant of ``tests/document_cases.SAMPLES`` is issued by a new office (with an
office address, which lengthens the receipt), then the two hand-made samples of ``bench_pdf``, a
determination with a long 抄送 list and a letter with URLs and case numbers. Stretch is the space a line
gained over its set width (compressed punctuation counted at its compressed width), widest line shown.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")

import pdfplumber  # noqa: E402
from bench_documents import SAMPLE_SUFFIX, new_office  # noqa: E402
from bench_pdf import sample_letter, sample_notice  # noqa: E402

from app.documents import Paragraph, grid, render_pdf  # noqa: E402
from app.services import documents  # noqa: E402
from tests.document_cases import SAMPLES, complaint_in  # noqa: E402
from tests.integration.test_pdf_justification_fuzz import stretch  # noqa: E402

BOTTOM = grid.TOP_MARGIN + grid.TEXT_HEIGHT


def body_lines(pdf: bytes) -> list[tuple[int, list[dict]]]:
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            rows: dict[float, list[dict]] = {}
            for ch in page.chars:
                if ch["top"] < BOTTOM and abs(ch["size"] - grid.BODY_SIZE) < 0.1 and ch["text"] != " ":
                    rows.setdefault(round(ch["matrix"][5], 1), []).append(ch)
            out += [(number, sorted(r, key=lambda c: c["x0"])) for _, r in sorted(rows.items(), reverse=True)]
    return out


def describe(name: str, pdf: bytes, keep: Path | None) -> None:
    if keep:
        (keep / f"{name}.pdf").write_bytes(pdf)
    lines = body_lines(pdf)
    pages = documents.page_count(pdf)
    last = sum(1 for page, _ in lines if page == pages)
    widest = max(lines, key=lambda item: stretch(item[1]))
    text = "".join(c["text"] for c in widest[1])
    print(f"{name:40s} {pages} pages, {last:2d} lines on the last; widest stretch "
          f"{stretch(widest[1]) * 100:4.1f}% ({text[:24]})")


def long_copy_list():
    notice = sample_notice()
    names = tuple(f"{county}人民政府" for county in "楚雄市 双柏县 牟定县 南华县 姚安县 大姚县 永仁县 元谋县 武定县 禄丰市".split())
    return replace(notice, copy_to=notice.copy_to + names + ("楚雄州财政局", "楚雄州司法局", "楚雄州审计局"))


def urls_letter():
    letter = sample_letter()
    first = Paragraph("请登录https://www.ynzwfw.gov.cn/hlwzx/2024?id=017查询办理进度，或对照"
                      "〔2023〕509号文件及编号532322-2026-0007的投诉登记表核对材料；"
                      "合同金额1,234,567.89元（PPP项目，ID:A-17），逾期未付。")
    return replace(letter, body=(first, *letter.body))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, help="also write the PDFs to this folder")
    args = parser.parse_args()
    if args.pdfs:
        args.pdfs.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="lvyue-bench-layout-"))
    office = new_office(home)
    try:
        for state, kind, variant in SAMPLES:
            case_no = complaint_in(office, state)
            issued = documents.issue(office.profile, office.leader, case_no, kind)
            name = "-".join(part for part in (kind, variant, SAMPLE_SUFFIX.get((state, kind))) if part)
            describe(name, issued.path.read_bytes(), args.pdfs)
    finally:
        office.profile.close()
        shutil.rmtree(home, ignore_errors=True)
    for name, doc in (("sample-notice", sample_notice()), ("sample-letter", sample_letter()),
                      ("notice-long-copy-list", long_copy_list()), ("letter-urls", urls_letter())):
        describe(name, render_pdf(doc), args.pdfs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
