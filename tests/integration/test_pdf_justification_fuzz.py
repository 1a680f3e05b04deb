"""Justification and pagination bounds of issue 9, measured on rendered PDFs over random texts.

Random paragraphs of ideographs, punctuation (pairs included, so marks get compressed) and Latin runs
(URLs, codes, amounts, 文号) are rendered in both formats and read back with pdfplumber:

* no line of body text is stretched by more than 5 % of its set width (gaps wider than the set
  spacing, summed, over the width of what is set; a compressed mark counts at its compressed width);
* no Latin run shorter than a line is broken across lines, and none has space inserted inside it;
* every page of a 文件 has its page number, the 版记 sits on an even page, and no page is blank except
  the one the standard demands before a 版记 page.

A small seeded sample by default (``tests/fuzz_budget.py``; ``LVYUE_FUZZ_EXAMPLES`` for more).
"""

from __future__ import annotations

import io
import itertools
import re
from datetime import date

import pdfplumber
from hypothesis import given
from hypothesis import strategies as st

from app.documents import OfficialDocument, Paragraph, grid, render_pdf
from app.documents.typeset import is_cell
from tests.fuzz_budget import fuzz_settings

BOTTOM = grid.TOP_MARGIN + grid.TEXT_HEIGHT
MAX_STRETCH = 0.05
URL = "https://www.ynzwfw.gov.cn/hlwzx/2024?id=017"
RUNS = [URL, "532322-2026-0007", "1,234,567.89", "〔2023〕509号", "ID:A-17", "91532322MA6N12345X", "12.5%",
        "PPP"]
HAN = st.sampled_from(list("双柏县发展和改革局楚雄市农业合同款项支付企业投诉整改履约协议资金验收认定"))
MARKS = st.sampled_from([*"，。、；：？！", "。”", "）。", "”，", "……", "——"])
OPENING = st.sampled_from(list("（《“〔"))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(3, 30))):
        kind = draw(st.integers(0, 9))
        if kind <= 4:
            parts.append("".join(draw(st.lists(HAN, min_size=1, max_size=8))))
        elif kind <= 6:
            parts.append(draw(HAN) + draw(st.sampled_from(RUNS)) + draw(HAN))  # runs apart: each shorter than a line
        elif kind == 7:
            parts.append(draw(OPENING) + "".join(draw(st.lists(HAN, min_size=1, max_size=4))))
        else:
            parts.append(draw(MARKS))
    return "".join(parts).lstrip("，。、；：？！”）…—")


def _cell_start(char: dict) -> float:
    """Where a character's space on the line starts: a full-width glyph is placed in its cell as
    ``typeset`` does (centred; an opening quote narrower than the cell to its right, a closing one to
    its left), a Latin one at its own origin."""
    if not is_cell(char["text"]):
        return char["x0"]
    width = char["x1"] - char["x0"]
    if char["text"] in "“‘" and width < grid.CELL:
        return char["x0"] - (grid.CELL - width)
    if char["text"] in "”’":
        return char["x0"]
    return char["x0"] - (grid.CELL - width) / 2


def stretch(line: list[dict]) -> float:
    """Space a line gained over its set width, as a fraction of that width (a compressed mark counts
    at its compressed width: its gap comes out negative)."""
    gained = set_width = 0.0
    for a, b in itertools.pairwise(line):
        nominal = grid.CELL if is_cell(a["text"]) else a["x1"] - a["x0"]
        gap = _cell_start(b) - _cell_start(a) - nominal
        if gap > 2 * grid.CELL:  # two elements on one row (印发机关 and 印发日期), not a stretched line
            continue
        set_width += nominal + min(gap, 0.0)
        gained += max(gap, 0.0) if gap > 0.02 else 0.0
    return gained / set_width if set_width else 0.0


def body_lines(page) -> list[list[dict]]:
    rows: dict[float, list[dict]] = {}
    for ch in page.chars:
        if ch["top"] < BOTTOM and abs(ch["size"] - grid.BODY_SIZE) < 0.1 and ch["top"] > grid.TOP_MARGIN - 1:
            rows.setdefault(round(ch["matrix"][5], 1), []).append(ch)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows, reverse=True)]


@fuzz_settings(10)
@given(texts=st.lists(paragraph(), min_size=1, max_size=6), letter=st.booleans(), copies=st.integers(0, 14))
def test_lines_keep_the_stretch_bound_and_latin_runs_whole(texts: list[str], letter: bool, copies: int) -> None:
    doc = OfficialDocument(
        format="letter" if letter else "document",
        issuer="双柏县发展和改革局",
        number="双发改函〔2026〕8号",
        title="关于投诉事项办理情况的告知书",
        recipient="云南彝乡绿源农业开发有限公司",
        body=tuple(Paragraph(text) for text in texts),
        signer="双柏县发展和改革局",
        date=date(2026, 11, 26),
        copy_to=tuple(f"第{n + 1}县人民政府办公室" for n in range(copies)),
        printed_by=None if letter else "双柏县发展和改革局办公室",
    )
    with pdfplumber.open(io.BytesIO(render_pdf(doc))) as pdf:
        lines = [line for page in pdf.pages for line in body_lines(page)]
        for line in lines:
            text = "".join(c["text"] for c in line)
            assert stretch(line) <= MAX_STRETCH + 0.002, (text, stretch(line))
            for run in RUNS:
                for found in re.finditer(re.escape(run), text):
                    chars = line[found.start() : found.end()]
                    for a, b in itertools.pairwise(chars):
                        if not (is_cell(a["text"]) or is_cell(b["text"])):  # nothing inserted inside
                            assert abs(b["x0"] - a["x1"]) < 0.05, (run, text)
        texts_of_lines = ["".join(c["text"] for c in line) for line in lines]
        joined = "".join(texts_of_lines)
        for run in RUNS:  # a run broken across lines is found in the whole text but in no one line
            assert joined.count(run) == sum(line.count(run) for line in texts_of_lines), run
        pages = pdf.pages
        for number, page in enumerate(pages, start=1):
            numbered = re.search(rf"—\s*{number}\s*—", page.extract_text() or "")
            assert numbered or (letter and number == 1), number
            if not any(c["top"] < BOTTOM for c in page.chars):  # blank: only before an even 版记 page
                assert not letter and number == len(pages) - 1 and len(pages) % 2 == 0
        if copies and not letter:
            assert len(pages) % 2 == 0
            assert "抄送" in pages[-1].extract_text()
