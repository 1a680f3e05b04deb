"""Painting our own documents' pages as vector text (issue 16): the runs and rules reportlab drew.

A :class:`~app.documents.render.Drawing` holds the laid-out pages of a PDF we made. Here the same
pages are painted with ``QPainter``: each run as one glyph run in the *same* TrueType file
(registered with ``QFontDatabase.addApplicationFont``), each glyph the one reportlab chose (its
``cmap``) at the position the PDF gives it (advance × size + character spacing, times the
horizontal scale); each rule a filled rectangle; the draft watermark and stamp as ``render`` draws
them. Coordinates are points from the sheet's bottom-left corner, turned into the device's pixels
from its top-left, so a page comes out at its exact physical size from the sheet's corner.

A face is used only if the font Qt finds under its family and style is that very file (its
``head``, ``maxp`` and ``name`` tables compared): a same-named font installed on the PC is never
painted with another font's glyph numbers. A document whose faces cannot all be matched is not
painted here (``FaceFonts.can_paint`` says so) and is printed as images instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGlyphRun, QPainter, QPen, QRawFont

from app.documents import grid
from app.documents.fonts import Face
from app.documents.layout import Page
from app.documents.render import DRAFT_MARK, STAMP, WATERMARK, Drawing

log = logging.getLogger(__name__)

RED = QColor.fromCmykF(0, 1, 1, 0)  # 公文红, as render.RED
BLACK = QColor.fromCmykF(0, 0, 0, 1)
WATERMARK_GREY = QColor.fromCmykF(0, 0, 0, 0.12)
_COMPARED_TABLES = ("head", "maxp", "name")


class FaceFonts:
    """The Qt font of each face, registered and matched once per process (``None``: no match)."""

    def __init__(self) -> None:
        self._raw: dict[tuple[Path, int], QRawFont | None] = {}

    def raw(self, face: Face) -> QRawFont | None:
        key = (face.path, face.subfont)
        if key not in self._raw:
            self._raw[key] = _matched(face)
        return self._raw[key]

    def can_paint(self, drawing: Drawing) -> bool:
        """Does Qt have the very file of every face the drawing's text is set in?"""
        used = {run.font for page in drawing.pages for run in page.runs}
        if drawing.draft_font:
            used.add(drawing.draft_font)
        return all(name in drawing.faces and self.raw(drawing.faces[name]) is not None for name in used)


FACE_FONTS = FaceFonts()


def _matched(face: Face) -> QRawFont | None:
    font_id = QFontDatabase.addApplicationFont(str(face.path))
    if font_id < 0:
        log.warning("Qt cannot load font %s: printed as images", face.path)
        return None
    wanted = {tag: _table(face, tag) for tag in _COMPARED_TABLES}
    for family in QFontDatabase.applicationFontFamilies(font_id):
        for style in QFontDatabase.styles(family) or [""]:
            font = QFontDatabase.font(family, style, 12)
            font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            raw = QRawFont.fromFont(font)
            if raw.isValid() and all(bytes(raw.fontTable(tag)) == data for tag, data in wanted.items()):
                return raw
    log.warning("Qt finds another font under the family of %s: printed as images", face.path)
    return None


def _table(face: Face, tag: str) -> bytes:
    try:
        data = face.font.face.get_table(tag)
    except (KeyError, ValueError):
        return b""
    return bytes(data)


def paint_page(painter: QPainter, page: Page, drawing: Drawing, dots_per_point: float,
               fonts: FaceFonts = FACE_FONTS) -> None:
    """One page of ``drawing`` from the device's corner, ``dots_per_point`` device pixels a point."""
    k = dots_per_point
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if drawing.draft_font:
        _paint_watermark(painter, drawing, k, fonts)
    for rule in page.rules:
        painter.fillRect(QRectF(rule.x * k, (grid.PAGE_HEIGHT - rule.y - rule.height) * k, rule.width * k,
                                rule.height * k), RED if rule.red else BLACK)
    for run in page.runs:
        face = drawing.faces[run.font]
        painter.setPen(RED if run.red else BLACK)
        _paint_text(painter, face, fonts, run.text, run.size, run.char_space, run.scale / 100,
                    QPointF(run.x * k, (grid.PAGE_HEIGHT - run.y) * k), k)
    if drawing.draft_font:
        _paint_stamp(painter, drawing, k, fonts)
    painter.restore()


def _paint_text(painter: QPainter, face: Face, fonts: FaceFonts, text: str, size: float, char_space: float,
                scale: float, origin: QPointF, k: float) -> None:
    """``text`` from baseline point ``origin`` (device pixels), as PDF's Tj with Tc and Tz places it."""
    raw = QRawFont(fonts.raw(face))
    raw.setPixelSize(size * k)
    glyphs = face.font.face.charToGlyph
    indexes, positions, x = [], [], 0.0
    for ch in text:
        indexes.append(glyphs.get(ord(ch), 0))
        positions.append(QPointF(x * k, 0.0))
        x += face.advance(ch) * size + char_space
    glyph_run = QGlyphRun()
    glyph_run.setRawFont(raw)
    glyph_run.setGlyphIndexes(indexes)
    glyph_run.setPositions(positions)
    painter.save()
    painter.translate(origin)
    if scale != 1.0:
        painter.scale(scale, 1.0)
    painter.drawGlyphRun(QPointF(0.0, 0.0), glyph_run)
    painter.restore()


def _paint_watermark(painter: QPainter, drawing: Drawing, k: float, fonts: FaceFonts) -> None:
    face = drawing.faces[drawing.draft_font or ""]
    cx, cy = WATERMARK.centre
    width = sum(face.advance(ch) for ch in DRAFT_MARK) * WATERMARK.size
    painter.save()
    painter.translate(cx * k, (grid.PAGE_HEIGHT - cy) * k)
    painter.rotate(-WATERMARK.angle)  # anticlockwise on paper: the device's y axis points down
    painter.setPen(WATERMARK_GREY)
    _paint_text(painter, face, fonts, DRAFT_MARK, WATERMARK.size, 0.0, 1.0,
                QPointF(-width / 2 * k, -WATERMARK.baseline * k), k)
    painter.restore()


def _paint_stamp(painter: QPainter, drawing: Drawing, k: float, fonts: FaceFonts) -> None:
    face = drawing.faces[drawing.draft_font or ""]
    x, y, width, height = STAMP.box
    painter.save()
    painter.setPen(QPen(BLACK, STAMP.line_width * k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(x * k, (grid.PAGE_HEIGHT - y - height) * k, width * k, height * k))
    painter.setPen(BLACK)
    ox, oy = STAMP.origin
    _paint_text(painter, face, fonts, DRAFT_MARK, STAMP.size, 0.0, 1.0, QPointF(ox * k, (grid.PAGE_HEIGHT - oy) * k), k)
    painter.restore()
