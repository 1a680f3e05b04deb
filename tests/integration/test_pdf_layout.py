"""Official-document PDFs read back with pdfplumber and pypdf: where every mark lands on the page."""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.documents import (
    Heading,
    OfficialDocument,
    Paragraph,
    format_chinese_date,
    grid,
    load_font_set,
    render_pdf,
)
from app.documents.fonts import BUNDLED_DIR
from app.documents.linebreak import CLOSING_MARKS, LINE_END_FORBIDDEN, LINE_START_FORBIDDEN, OPENING_MARKS
from app.domain.errors import DomainError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from bench_pdf import sample_letter, sample_notice  # noqa: E402

MM = grid.MM
LEFT, RIGHT = grid.TEXT_LEFT, grid.TEXT_RIGHT
TOP = grid.TOP_MARGIN  # pdfplumber measures from the top of the sheet
BOTTOM = grid.TOP_MARGIN + grid.TEXT_HEIGHT
TOLERANCE = 0.5  # CJK glyphs are 16 pt on a 15.79 pt grid: centred, they overhang 0.1 pt a side
RED = (0.0, 1.0, 1.0, 0.0)
RARE = "喆堃昇赟珺彧犇淼龑𠇔"
COUNTIES = "楚雄市 双柏县 牟定县 南华县 姚安县 大姚县 永仁县 元谋县 武定县 禄丰市".split()
MARKS = "〔〕“”＋—…"


def read(pdf: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(pdf))


def baseline_from_top(char: dict) -> float:
    """Baseline of a character measured down from the top of the sheet."""
    return grid.PAGE_HEIGHT - char["matrix"][5]


def lines_of(page: pdfplumber.page.Page) -> list[list[dict]]:
    """Characters grouped by baseline, top to bottom, each line left to right."""
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in page.chars:
        rows[round(baseline_from_top(char), 1)].append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]


def text_of(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def is_red(char_or_rect: dict) -> bool:
    return tuple(char_or_rect.get("non_stroking_color") or ()) == RED


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return render_pdf(sample_notice())


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    return render_pdf(sample_letter())


def rare_document() -> OfficialDocument:
    return OfficialDocument(
        format="document",
        issuer="楚雄彝族自治州发展和改革委员会",
        number="楚发改函〔2026〕12号",
        title=f"关于{RARE}等同志投诉事项的通知",
        recipient="楚雄市、双柏县、牟定县、南华县、姚安县、大姚县、永仁县、元谋县、武定县、禄丰市发展和改革局",
        body=(
            Paragraph(
                f"投诉人{RARE}（“龑”字为人名用字）反映：{'、'.join(COUNTIES)}等地合同款项＋利息共计1,234,567.89元——未付……"
            ),
            Heading(1, f"一、{RARE}"),
            Heading(2, f"（一）{RARE}"),
            Heading(3, f"1.{RARE}"),
            Heading(4, f"（1）{RARE}"),
        ),
        signer="楚雄彝族自治州发展和改革委员会",
        date=date(2026, 1, 5),
        note=f"联系人：{RARE[:2]}，联系电话：0878-3121234",
        copy_to=tuple(COUNTIES),
        printed_by="楚雄彝族自治州发展和改革委员会办公室",
        printed_on=date(2026, 1, 6),
    )


# --- the page ---------------------------------------------------------------------------------


def test_every_page_is_a4(notice_pdf: bytes, letter_pdf: bytes) -> None:
    for pdf in (notice_pdf, letter_pdf):
        with read(pdf) as doc:
            for page in doc.pages:
                assert page.width == pytest.approx(595.28, abs=0.01)
                assert page.height == pytest.approx(841.89, abs=0.01)


@pytest.mark.parametrize("which", ["notice", "letter", "rare"])
def test_every_character_lies_in_the_text_area_or_in_its_own_zone(which: str) -> None:
    doc = {"notice": sample_notice, "letter": sample_letter, "rare": rare_document}[which]()
    with read(render_pdf(doc)) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if char["top"] > BOTTOM:  # 页码: 7 mm under the text area
                    assert char["text"] in "—0123456789"
                    assert char["top"] > BOTTOM + 3 * MM and char["bottom"] < BOTTOM + 20 * MM
                elif doc.format == "letter" and page.page_number == 1 and is_red(char):  # 信函 issuer mark
                    em_top = baseline_from_top(char) - grid.EM_ASCENT * char["size"]
                    assert em_top == pytest.approx(30 * MM, abs=0.1)
                else:
                    where = (page.page_number, char["text"], char["x0"], char["top"])
                    # a mark compressed at a line edge (标点挤压, issue 9) is half a cell wide: the blank
                    # half of its glyph box lies outside, its ink inside
                    half = grid.CELL / 2
                    assert char["x0"] >= LEFT - TOLERANCE - (half if char["text"] in OPENING_MARKS else 0), where
                    assert char["x1"] <= RIGHT + TOLERANCE + (half if char["text"] in CLOSING_MARKS else 0), where
                    assert char["top"] >= TOP - TOLERANCE, where
                    assert char["bottom"] <= BOTTOM + TOLERANCE, where


def test_body_lines_sit_on_the_22_line_grid_and_fill_28_cells(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        body = [c for c in pdf.pages[1].chars if c["size"] == pytest.approx(16) and c["top"] < BOTTOM]
        for char in body:
            band = (
                baseline_from_top(char) - TOP - (grid.LINE_PITCH - 16) / 2 - grid.EM_ASCENT * 16
            ) / grid.LINE_PITCH
            assert band == pytest.approx(round(band), abs=1e-3)
        full = [line for line in lines_of(pdf.pages[1]) if len(line) == 28]
        assert full, "a page of body text has lines of 28 ideographs"
        for line in full:
            for index, char in enumerate(line):
                assert char["x0"] == pytest.approx(LEFT + index * grid.CELL - 0.105, abs=0.01)


def test_justified_lines_end_flush_with_the_text_area(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        lines = lines_of(pdf.pages[1])
        texts = [text_of(line) for line in lines]
        start = texts.index("一、限期履行付款义务") + 1
        paragraph = lines[start : start + 3]
        assert text_of(paragraph[-1]).endswith("支付。")
        for line in paragraph[:-1]:
            assert line[-1]["x1"] == pytest.approx(RIGHT, abs=TOLERANCE), text_of(line)


def test_a_line_cut_short_by_an_unbreakable_case_number_stays_ragged_not_letter_spaced(
    notice_pdf: bytes,
) -> None:
    with read(notice_pdf) as pdf:
        lines = lines_of(pdf.pages[0])
    texts = [text_of(line) for line in lines]
    short = lines[next(i for i, text in enumerate(texts) if text.startswith("532322-2026-0007")) - 1]
    steps = [b["x0"] - a["x0"] for a, b in itertools.pairwise(short) if a["size"] == b["size"]]
    assert max(steps) < grid.CELL + 4.5, "no gap wider than a quarter character past the grid"
    assert short[-1]["x1"] < RIGHT - grid.CELL


# --- type sizes and faces --------------------------------------------------------------------


def test_title_is_22_pt_and_body_16_pt(notice_pdf: bytes) -> None:
    notice = sample_notice()
    with read(notice_pdf) as pdf:
        lines = lines_of(pdf.pages[0])
        texts = [text_of(line) for line in lines]
        title_lines = [line for line in lines if text_of(line) in notice.title]
        assert "".join(text_of(line) for line in title_lines) == notice.title
        assert all(c["size"] == pytest.approx(22) for line in title_lines for c in line)
        body = lines[texts.index("双柏县农业农村局：") + 1]
        assert all(c["size"] == pytest.approx(16) for c in body)
        assert all(c["fontname"].endswith("NotoSerifCJKsc-Bold") for line in title_lines for c in line)


def test_headings_use_hei_and_kai_and_body_the_fangsong_role(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        by_text = {text_of(line): line for page in pdf.pages for line in lines_of(page)}
    fonts = load_font_set()
    assert {c["fontname"].split("+")[1] for c in by_text["一、限期履行付款义务"]} == {
        _pdf_name(fonts.primary("hei"))
    }
    assert {c["fontname"].split("+")[1] for c in by_text["（一）逾期利息按合同第十二条约定计算。"]} == {
        _pdf_name(fonts.primary("kai"))
    }


def _pdf_name(face) -> str:
    font = face.font.face
    return (font.name + font.subfontNameX).decode("latin-1")


def test_fonts_are_embedded_truetype_subsets(notice_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(notice_pdf))
    seen = 0
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert font["/Subtype"] == "/TrueType"
            assert re.fullmatch(r"/[A-Z]{6}\+[A-Za-z0-9-]+", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            seen += 1
    assert seen >= 3


def test_number_and_date_appear_exactly_as_given(notice_pdf: bytes, letter_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "双发改函〔2026〕7号" in text
    assert "2026年11月26日" in text
    assert "2026年11月26日印发" in text
    with read(letter_pdf) as pdf:
        assert "双发改函〔2026〕8号" in pdf.pages[0].extract_text()
    assert format_chinese_date(date(2026, 1, 5)) == "2026年1月5日"


# --- 版头 --------------------------------------------------------------------------------------


def test_document_masthead_red_mark_number_and_rule(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        page = pdf.pages[0]
        mark = [c for c in page.chars if is_red(c)]
        assert text_of(sorted(mark, key=lambda c: c["x0"])) == "双柏县发展和改革局文件"
        em_top = baseline_from_top(mark[0]) - grid.EM_ASCENT * mark[0]["size"]
        assert em_top == pytest.approx(TOP + 35 * MM, abs=0.1)
        centre = (min(c["x0"] for c in mark) + max(c["x1"] for c in mark)) / 2
        assert centre == pytest.approx((LEFT + RIGHT) / 2, abs=1)

        number = next(line for line in lines_of(page) if text_of(line) == "双发改函〔2026〕7号")
        assert (number[0]["x0"] + number[-1]["x1"]) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=1)
        rule = next(r for r in page.rects if is_red(r))
        assert rule["width"] == pytest.approx(156 * MM, abs=0.1)
        number_em_bottom = baseline_from_top(number[0]) + grid.EM_DESCENT * 16
        assert rule["top"] - number_em_bottom == pytest.approx(4 * MM, abs=0.1)
        assert number[0]["top"] > max(c["bottom"] for c in mark) + grid.LINE_PITCH  # 空二行


def test_letter_masthead_double_rules_number_flush_right_and_no_page_number(letter_pdf: bytes) -> None:
    with read(letter_pdf) as pdf:
        page = pdf.pages[0]
        rules = sorted((r for r in page.rects if is_red(r)), key=lambda r: r["top"])
        assert len(rules) == 4
        assert all(r["width"] == pytest.approx(170 * MM, abs=0.1) for r in rules)
        assert all(r["x0"] == pytest.approx(20 * MM, abs=0.1) for r in rules)
        assert rules[0]["height"] > rules[1]["height"]  # 上粗下细
        assert rules[2]["height"] < rules[3]["height"]  # 上细下粗
        assert grid.PAGE_HEIGHT - rules[3]["bottom"] == pytest.approx(20 * MM, abs=0.1)
        number = next(line for line in lines_of(page) if text_of(line) == "双发改函〔2026〕8号")
        assert number[-1]["x1"] == pytest.approx(RIGHT, abs=TOLERANCE)
        assert not [c for c in page.chars if c["top"] > BOTTOM], "信函 page 1 has no page number"
        assert "— 2 —" in pdf.pages[1].extract_text()


# --- signature, 附注, 版记, page numbers ----------------------------------------------------------


def test_date_is_four_characters_in_from_the_right_with_the_signer_centred_over_it(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        lines = {text_of(line): line for line in lines_of(pdf.pages[-1])}
    date_line = lines["2026年11月26日"]
    signer = lines["双柏县发展和改革局"]
    assert date_line[-1]["x1"] == pytest.approx(RIGHT - 4 * grid.CELL, abs=TOLERANCE)
    centre = (date_line[0]["x0"] + date_line[-1]["x1"]) / 2
    assert (signer[0]["x0"] + signer[-1]["x1"]) / 2 == pytest.approx(centre, abs=TOLERANCE)
    assert baseline_from_top(date_line[0]) - baseline_from_top(signer[0]) == pytest.approx(grid.LINE_PITCH)
    note = lines["（联系人：李喆，联系电话：0878-7721234）"]
    assert note[0]["x0"] == pytest.approx(LEFT + 2 * grid.CELL, abs=1)
    attachment = next(line for text, line in lines.items() if text.startswith("附件：1."))
    assert baseline_from_top(signer[0]) - baseline_from_top(attachment[0]) >= 4 * grid.LINE_PITCH - 0.01


def test_record_sits_at_the_foot_of_the_last_even_page_between_rules(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        assert len(pdf.pages) % 2 == 0
        page = pdf.pages[-1]
        text = page.extract_text()
        assert "抄送：双柏县人民政府办公室，双柏县财政局，楚雄州发展和改革" in text
        rules = sorted(page.rects, key=lambda r: r["top"])
        assert len(rules) == 3 and not any(is_red(r) for r in rules)
        assert rules[-1]["bottom"] == pytest.approx(BOTTOM, abs=0.01)
        assert rules[0]["height"] > rules[1]["height"]  # thick, thin, thick
        printed = next(line for line in lines_of(page) if "印发" in text_of(line))
        assert printed[0]["x0"] == pytest.approx(LEFT + 14, abs=TOLERANCE)
        assert printed[-1]["x1"] == pytest.approx(RIGHT - 14, abs=TOLERANCE)
        assert all(c["size"] == pytest.approx(14) for c in printed)


def test_a_record_after_an_odd_page_goes_on_to_an_even_one() -> None:
    short = OfficialDocument(
        format="document",
        issuer="南华县财政局",
        number="南财函〔2026〕3号",
        title="关于支付工程款的通知",
        recipient="南华县住房和城乡建设局",
        body=(Paragraph("请按合同约定支付工程款。"),),
        signer="南华县财政局",
        date=date(2026, 3, 1),
        copy_to=("南华县人民政府办公室",),
        printed_by="南华县财政局办公室",
    )
    with read(render_pdf(short)) as pdf:
        assert len(pdf.pages) == 2
        assert "抄送：南华县人民政府办公室。" in pdf.pages[1].extract_text()
        assert "2026年3月1日印发" in pdf.pages[1].extract_text()


def test_page_numbers_alternate_sides_one_character_in(notice_pdf: bytes) -> None:
    with read(notice_pdf) as pdf:
        for page in pdf.pages:
            number = [c for c in page.chars if c["top"] > BOTTOM]
            assert text_of(sorted(number, key=lambda c: c["x0"])) == f"—{page.page_number}—"
            assert f"— {page.page_number} —" in page.extract_text()
            assert all(c["size"] == pytest.approx(14) for c in number)
            if page.page_number % 2:
                assert max(c["x1"] for c in number) == pytest.approx(RIGHT - 14, abs=TOLERANCE)
            else:
                assert min(c["x0"] for c in number) == pytest.approx(LEFT + 14, abs=TOLERANCE)
            dash = number[0]
            dash_middle = baseline_from_top(dash) - (grid.EM_ASCENT - grid.EM_DESCENT) / 2 * 14
            assert dash_middle - BOTTOM == pytest.approx(7 * MM, abs=0.1)


# --- characters -----------------------------------------------------------------------------


def test_rare_names_counties_and_marks_are_drawn_with_real_glyphs() -> None:
    fonts = load_font_set()
    by_pdf_name = {_pdf_name(face): face for face in fonts.faces()}
    with read(render_pdf(rare_document())) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
        text = "".join(page.extract_text() for page in pdf.pages)
    for needed in [*RARE, *"".join(COUNTIES), *MARKS]:
        drawn = [c for c in chars if c["text"] == needed]
        assert drawn, needed
        for char in drawn:
            face = by_pdf_name[char["fontname"].split("+", 1)[1]]
            assert face.has_glyph(needed), (needed, char["fontname"])
    assert RARE in text


def test_a_character_missing_from_the_first_face_falls_back_for_that_character_only(tmp_path: Path) -> None:
    (tmp_path / "SIMFANG.TTF").symlink_to(BUNDLED_DIR / "NotoSerifCJKsc-Bold-GBK.ttf")
    fonts = load_font_set(system_dirs=[tmp_path])
    assert fonts.primary("body").path.name == "SIMFANG.TTF"
    doc = OfficialDocument(
        format="letter",
        issuer="武定县发展和改革局",
        number="武发改函〔2026〕2号",
        title="关于投诉事项的函",
        recipient="武定县财政局",
        body=(Paragraph("投诉人王𠇔反映欠款未付。"),),
        date=date(2026, 2, 3),
    )
    with read(render_pdf(doc, fonts)) as pdf:
        line = next(line for line in lines_of(pdf.pages[0]) if text_of(line).startswith("投诉人"))
    faces = {c["text"]: c["fontname"].split("+", 1)[1] for c in line}
    assert faces["𠇔"] == "LXGWWenKai-Regular"
    assert {name for ch, name in faces.items() if ch != "𠇔"} == {"NotoSerifCJKsc-Bold"}


def test_a_character_no_font_has_is_refused_rather_than_boxed() -> None:
    fonts = load_font_set()
    missing = next(
        chr(code)
        for code in range(0x2A700, 0x2B740)
        if not any(f.has_glyph(chr(code)) for f in fonts.faces())
    )
    doc = OfficialDocument(
        format="letter",
        issuer="元谋县发展和改革局",
        number="元发改函〔2026〕1号",
        title="关于投诉事项的函",
        recipient=None,
        body=(Paragraph(f"投诉人李{missing}反映欠款未付。"),),
        date=date(2026, 2, 3),
    )
    with pytest.raises(DomainError) as raised:
        render_pdf(doc)
    assert raised.value.code == "glyph_missing"
    assert raised.value.params["char"] == missing


def test_without_any_font_file_the_engine_refuses_with_a_code(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as raised:
        load_font_set(system_dirs=[], bundled_dir=tmp_path)
    assert raised.value.code == "fonts_missing"


def test_pasted_manual_indents_and_invisible_characters_are_dropped() -> None:
    doc = OfficialDocument(
        format="letter",
        issuer="大姚县发展和改革局",
        number="大发改函〔2026〕4号",
        title="关于投诉事项的函",
        recipient="大姚县财政局",
        body=(Paragraph("\u3000\u3000请按合同\u200b约定支付。\r\n\u3000\u3000特此函告。"),),
        date=date(2026, 4, 1),
    )
    with read(render_pdf(doc)) as pdf:
        lines = {text_of(line): line for line in lines_of(pdf.pages[0])}
    assert lines["请按合同约定支付。"][0]["x0"] == pytest.approx(LEFT + 2 * grid.CELL, abs=1)
    assert "特此函告。" in lines


# --- determinism ----------------------------------------------------------------------------


def test_the_same_document_renders_the_same_bytes(notice_pdf: bytes) -> None:
    assert render_pdf(sample_notice()) == notice_pdf
    assert render_pdf(sample_letter()) == render_pdf(sample_letter())


def test_a_fresh_process_renders_the_same_bytes(notice_pdf: bytes) -> None:
    script = (
        "import hashlib, sys; sys.path.insert(0, 'bench');"
        "from bench_pdf import sample_notice; from app.documents import render_pdf;"
        "print(hashlib.sha256(render_pdf(sample_notice())).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == hashlib.sha256(notice_pdf).hexdigest()


def test_the_document_date_is_the_pdf_creation_date(notice_pdf: bytes) -> None:
    info = PdfReader(io.BytesIO(notice_pdf)).metadata
    assert info["/CreationDate"].startswith("D:20261126")


# --- generated documents --------------------------------------------------------------------

HAN = st.sampled_from(
    list("双柏县发展和改革局楚雄市牟定南华姚安大永仁元谋武禄丰农业合同款项支付企业投诉整改喆堃昇赟")
)
WORD = st.sampled_from(["1,234,567.89", "532322-2026-0007", "91532322MA6N12345X", "2026", "30", "12.5%"])
CLOSING = st.sampled_from([*list("，。、；：？！）》”〕"), "……", "——"])
OPENING = st.sampled_from(list("（《“〔"))


@st.composite
def paragraph_texts(draw: st.DrawFn) -> str:
    parts = ["".join(draw(st.lists(HAN, min_size=1, max_size=4)))]
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 8))
        if kind <= 4:
            parts.append("".join(draw(st.lists(HAN, min_size=1, max_size=6))))
        elif kind == 5:
            parts.append(draw(WORD))
        elif kind == 6:
            parts.append(draw(OPENING) + "".join(draw(st.lists(HAN, min_size=1, max_size=4))))
        else:
            parts.append(draw(CLOSING))
    return "".join(parts) + "。"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(paragraph_texts(), min_size=1, max_size=6), letter=st.booleans())
def test_generated_documents_keep_the_line_breaking_rules(texts: list[str], letter: bool) -> None:
    doc = OfficialDocument(
        format="letter" if letter else "document",
        issuer="姚安县发展和改革局",
        number="姚发改函〔2026〕9号",
        title="关于督促履行合同义务的通知",
        recipient="姚安县财政局",
        body=tuple(Paragraph(text) for text in texts),
        signer="姚安县发展和改革局",
        date=date(2026, 11, 26),
    )
    with read(render_pdf(doc)) as pdf:
        lines = [text_of(line) for page in pdf.pages for line in lines_of(page) if line[0]["top"] < BOTTOM]
    for line in lines:
        assert line[0] not in LINE_START_FORBIDDEN, line
        assert line[-1] not in LINE_END_FORBIDDEN, line
    flowing = "".join(lines)
    for text in texts:
        assert text in flowing


def test_page_one_renders_to_a_png_with_red_in_it(tmp_path: Path, notice_pdf: bytes) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
    source = tmp_path / "notice.pdf"
    source.write_bytes(notice_pdf)
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", source, tmp_path / "p1"],
        check=True,
    )
    from PIL import Image

    with Image.open(tmp_path / "p1.png") as image:
        rgb = image.convert("RGB")
        assert rgb.size == (331, 468)
        data = rgb.tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    red = sum(1 for r, g, b in pixels if r > 180 and g < 90 and b < 90)
    dark = sum(1 for r, g, b in pixels if r < 100 and g < 100 and b < 100)
    assert red > 200, "the issuer mark and rule print red"
    assert dark > 500, "the title and body print black"


def test_a_draft_is_marked_on_every_page_and_shows_no_number(notice_pdf: bytes) -> None:
    """Issue 9: a preview carries 草稿 (watermark and stamp) and "（预览）" where the number goes."""
    draft = render_pdf(sample_notice(), draft=True)
    with read(draft) as pdf:
        for page in pdf.pages:
            marks = [c for c in page.chars if c["text"] in "草稿"]
            assert len(marks) >= 4  # the diagonal watermark and the boxed stamp
            assert any(c["size"] > 100 for c in marks) and any(c["top"] < TOP - 60 for c in marks)
        first = pdf.pages[0].extract_text()
        assert "（预览）" in first and "双发改函〔2026〕7号" not in first
        assert len(pdf.pages[0].rects) > len([r for r in pdf.pages[0].rects if is_red(r)])  # the stamp's box
    with read(notice_pdf) as pdf:
        assert not any(c["text"] in "草稿" for page in pdf.pages for c in page.chars)
        assert "双发改函〔2026〕7号" in pdf.pages[0].extract_text()
