"""What a warm render remembers (issue 15) gives the same layout and the same bytes as a cold one.

The typesetter remembers set lines (without their baseline) and broken paragraphs; each face
remembers the font programs reportlab built for a glyph list. Each is checked against the work done
afresh, so a cache that drifted (a key missing something the result depends on) fails here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from app.documents import load_font_set, render_pdf
from app.documents import render as render_module
from app.documents.layout import compose
from app.documents.masthead import BODY
from app.documents.typeset import Typesetter

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from bench_pdf import sample_letter, sample_notice  # noqa: E402


def _runs(pages):
    return [(page.number, page.bands, page.runs, page.rules) for page in pages]


def test_a_warm_layout_is_the_cold_layout():
    fonts = load_font_set()
    warm = Typesetter(fonts)
    for doc in (sample_notice(), sample_letter()):
        first = _runs(compose(doc, fonts, warm))
        again = _runs(compose(doc, fonts, warm))  # every line and paragraph now remembered
        fresh = _runs(compose(doc, fonts, Typesetter(fonts)))
        assert again == first == fresh
    # a document that shares paragraphs with the one before, its lines on other bands, is set alike
    notice = sample_notice()
    shifted = replace(notice, recipient=notice.recipient + "、双柏县财政局、双柏县审计局、双柏县人民政府办公室")
    assert _runs(compose(shifted, fonts, warm)) == _runs(compose(shifted, fonts, Typesetter(fonts)))


def test_a_remembered_line_moves_to_its_new_baseline_only():
    ts = Typesetter(load_font_set())
    text = "经核实，投诉事项基本属实。现将有关事项通知如下：2026年12月26日前支付1,234,567.89元。"
    first = ts.set_line(text, BODY, 80.0, 700.0, justify_to=440.0)
    moved = ts.set_line(text, BODY, 80.0, 500.5, justify_to=440.0)
    assert [replace(run, y=500.5) for run in first] == moved
    assert Typesetter(ts.fonts).set_line(text, BODY, 80.0, 500.5, justify_to=440.0) == moved


def test_each_setting_of_a_line_is_remembered_apart():
    """Everything but the baseline is in the key: the same text set otherwise comes out otherwise."""
    ts = Typesetter(load_font_set())
    text = "经核实，投诉事项基本属实（编号532322-2026-0007）。"
    width = ts.width(BODY, text)
    variants = [dict(x=80.0), dict(x=96.0), dict(x=80.0, justify_to=width * 1.02),
                dict(x=80.0, justify_to=width * 1.04), dict(x=80.0, fit_to=width * 0.97), dict(x=80.0, red=True),
                dict(x=80.0, scale=90.0)]
    warm = [ts.set_line(text, BODY, y=700.0, **v) for v in variants]
    assert len({tuple(runs) for runs in warm}) == len(variants)
    again = [ts.set_line(text, BODY, y=700.0, **v) for v in variants]
    fresh = [Typesetter(ts.fonts).set_line(text, BODY, y=700.0, **v) for v in variants]
    assert again == warm == fresh


def test_a_remembered_font_program_is_the_one_reportlab_builds():
    fonts = load_font_set()
    face = fonts.primary("body").font.face
    subset = [0x4E00 + i for i in range(0, 400, 3)]
    assert face.makeSubset(subset) == face.makeSubset(list(subset)) == type(face).makeSubset(face, subset)


def test_a_warm_render_gives_the_same_bytes_as_a_cold_one():
    fonts = load_font_set()
    for doc in (sample_notice(), sample_letter()):
        warm = render_pdf(doc, fonts)
        render_module._TYPESETTERS.clear()  # the next render lays out afresh
        assert render_pdf(doc, fonts) == warm
        assert render_pdf(doc, fonts, draft=True) == render_pdf(doc, fonts, draft=True)
