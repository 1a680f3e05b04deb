"""Installed Windows faces that widen the font chain (issue 16): msyi.ttf for Yi, SimSun-ExtB/ExtG for rare ideographs.

The system font folder is a temporary one (``load_font_set(system_dirs=[...])``, as ``%WINDIR%\\Fonts``
is on Windows). Its faces are real files: Noto Sans Yi renamed (name table and file) to Microsoft Yi
Baiti's ``msyi.ttf``; a TrueType face made with fontTools holding one ideograph no bundled face has,
as ``simsunb.ttf``; a PostScript-outline (CFF) face and a damaged file that reportlab cannot embed.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from app.documents import load_font_set, render_pdf
from app.documents.fonts import BUNDLED_DIR
from app.documents.model import OfficialDocument, Paragraph
from app.domain.errors import DomainError

YI = "ꆈꌠ（彝文）ꀀꀁꀂ"


def yi_as_msyi(folder: Path) -> Path:
    """The bundled Noto Sans Yi, renamed as Windows ships its Yi face: msyi.ttf, Microsoft Yi Baiti."""
    font = TTFont(BUNDLED_DIR / "NotoSansYi-Regular-Scaled.ttf")
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName("Microsoft Yi Baiti", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("MicrosoftYiBaiti", record.nameID, record.platformID, record.platEncID, record.langID)
    target = folder / "msyi.ttf"
    font.save(target)
    return target


def one_glyph_face(path: Path, ch: str, *, cff: bool = False) -> Path:
    """A face with a square glyph for ``ch`` (TrueType outlines, or PostScript/CFF with ``cff``)."""
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder([".notdef", "square"])
    builder.setupCharacterMap({ord(ch): "square"})
    if cff:
        pen = T2CharStringPen(1000, None)
        _square(pen)
        builder.setupCFF("RareExtCFF", {"FullName": "Rare Ext CFF"}, {".notdef": T2CharStringPen(500, None).getCharString(),
                                                                     "square": pen.getCharString()}, {})
    else:
        glyphs = {}
        for name in (".notdef", "square"):
            pen = TTGlyphPen(None)
            if name == "square":
                _square(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({".notdef": (500, 0), "square": (1000, 100)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Rare Ext", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=0)
    builder.setupPost()
    builder.save(str(path))
    return path


def _square(pen) -> None:
    pen.moveTo((100, -50))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, -50))
    pen.closePath()


def letter(text: str) -> OfficialDocument:
    return OfficialDocument(format="letter", issuer="双柏县发展和改革局", number="双发改函〔2026〕9号",
                            title="关于投诉事项的函", recipient="双柏县农业农村局",
                            body=(Paragraph(f"企业负责人{text}反映欠款未付。"),), date=date(2026, 11, 26))


def embedded_fonts(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


def rare_ideograph() -> str:
    """An ideograph of CJK Extension C no bundled face draws (what only SimSun-ExtG-like faces add)."""
    fonts = load_font_set(system_dirs=[])
    return next(chr(code) for code in range(0x2A700, 0x2B740) if not any(f.has_glyph(chr(code)) for f in fonts.faces()))


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")
def test_windows_yi_face_draws_yi_text_and_nothing_else(tmp_path):
    yi_as_msyi(tmp_path)
    fonts = load_font_set(system_dirs=[tmp_path])
    for role in ("title", "body", "hei", "kai", "song"):
        chain = [face.path.name for face in fonts.chains[role]]
        assert chain[-2:] == ["msyi.ttf", "NotoSansYi-Regular-Scaled.ttf"], chain  # just before the bundled Yi
        assert fonts.face_for(role, "ꆈ").path.name == "msyi.ttf"
    pdf = render_pdf(letter(YI), fonts)
    listed = embedded_fonts(pdf, tmp_path)
    assert "MicrosoftYiBaiti" in listed and "NotoSansYi" not in listed
    # a document without Yi comes out byte for byte as on a PC without the face: reprints still match
    plain = letter("王先生")
    assert render_pdf(plain, fonts) == render_pdf(plain, load_font_set(system_dirs=[]))


def test_a_rare_ideograph_face_prints_what_no_bundled_face_has(tmp_path):
    rare = rare_ideograph()
    with pytest.raises(DomainError, match="glyph_missing"):
        render_pdf(letter(rare), load_font_set(system_dirs=[]))
    one_glyph_face(tmp_path / "SIMSUNB.TTF", rare)  # file names compared case-insensitively, as on Windows
    fonts = load_font_set(system_dirs=[tmp_path])
    assert fonts.face_for("body", rare).path.name == "SIMSUNB.TTF"
    assert fonts.face_for("body", "王").path.name == "NotoSerifCJKsc-Regular-GB18030.ttf"  # Han as before
    assert fonts.face_for("body", "𠮷").path.name == "LXGWWenKai-Regular.ttf"  # a bundled face had it: kept
    assert render_pdf(letter(rare), fonts).startswith(b"%PDF")


def test_faces_reportlab_cannot_embed_are_skipped_with_a_log_line(tmp_path, caplog):
    rare = rare_ideograph()
    one_glyph_face(tmp_path / "SimsunExtG.ttf", rare, cff=True)  # PostScript outlines: not TrueType
    (tmp_path / "msyi.ttf").write_bytes(b"\x00\x01\x00\x00" + b"damaged" * 40)
    with caplog.at_level(logging.WARNING, logger="app.documents.fonts"):
        fonts = load_font_set(system_dirs=[tmp_path])
    skipped = " ".join(record.getMessage() for record in caplog.records)
    assert "SimsunExtG.ttf" in skipped and "msyi.ttf" in skipped
    assert all(face.path.parent != tmp_path for face in fonts.faces())
    assert fonts.face_for("body", "ꆈ").path.name == "NotoSansYi-Regular-Scaled.ttf"
    with pytest.raises(DomainError, match="glyph_missing"):
        render_pdf(letter(rare), fonts)
