"""Drawing laid-out pages with reportlab: the same document always gives the same bytes."""

from __future__ import annotations

import io
import threading

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.documents import grid
from app.documents.fonts import FontSet, load_font_set
from app.documents.layout import Page, compose
from app.documents.model import OfficialDocument
from app.documents.typeset import Run, Typesetter

RED = CMYKColor(0, 1, 1, 0)  # 公文红, C0 M100 Y100 K0
BLACK = CMYKColor(0, 0, 0, 1)

# reportlab keeps per-document subset state on each shared font object; one render at a time.
_LOCK = threading.Lock()
_TYPESETTERS: dict[int, Typesetter] = {}


def render_pdf(doc: OfficialDocument, fonts: FontSet | None = None) -> bytes:
    """The PDF of ``doc``; raises ``DomainError('glyph_missing')`` for a character no font has."""
    font_set = fonts if fonts is not None else load_font_set()
    with _LOCK:
        typesetter = _TYPESETTERS.get(id(font_set))
        if typesetter is None or typesetter.fonts is not font_set:
            typesetter = _TYPESETTERS[id(font_set)] = Typesetter(font_set)
        pages = compose(doc, font_set, typesetter)
        return _draw(doc, pages, font_set.primary("body").name)


def _draw(doc: OfficialDocument, pages: list[Page], initial_font: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(grid.PAGE_WIDTH, grid.PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=initial_font,  # else reportlab declares an unembedded Helvetica
    )
    stamp = f"D:{doc.date.year:04d}{doc.date.month:02d}{doc.date.day:02d}000000+08'00'"
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(doc.title)
    canvas.setAuthor(doc.issuer)
    canvas.setSubject(doc.number)
    canvas.setCreator("Lvyue 履约")
    for page in pages:
        _draw_page(canvas, page)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_page(canvas: Canvas, page: Page) -> None:
    for rule in page.rules:
        canvas.setFillColor(RED if rule.red else BLACK)
        canvas.rect(rule.x, rule.y, rule.width, rule.height, stroke=0, fill=1)
    text = canvas.beginText()
    font: tuple[str, float] | None = None
    space = 0.0
    scale = 100.0
    red: bool | None = None
    for run in page.runs:
        if (run.font, run.size) != font:
            font = (run.font, run.size)
            text.setFont(run.font, run.size)
        if run.char_space != space:
            space = run.char_space
            text.setCharSpace(space)
        if run.scale != scale:
            scale = run.scale
            text.setHorizScale(scale)
        if run.red is not red:
            red = run.red
            text.setFillColor(RED if red else BLACK)
        for x, piece in _pieces(canvas, run):
            text.setTextOrigin(x, run.y)
            text.textOut(piece)
    canvas.drawText(text)


def _pieces(canvas: Canvas, run: Run) -> list[tuple[float, str]]:
    """Split a spaced run where reportlab changes font subset, each piece placed explicitly.

    reportlab starts a new Tj at every 256-glyph subset change; pdfminer (pdfplumber) forgets the
    character spacing after the last glyph of each Tj, so text read back would drift 0.2 pt a piece.
    """
    if run.char_space == 0:
        return [(run.x, run.text)]
    font = pdfmetrics.getFont(run.font)
    chunks = font.splitString(run.text, canvas._doc)
    if len(chunks) == 1:
        return [(run.x, run.text)]
    pieces: list[tuple[float, str]] = []
    x = run.x
    start = 0
    for _, codes in chunks:
        piece = run.text[start : start + len(codes)]
        pieces.append((x, piece))
        x += (font.stringWidth(piece, run.size) + run.char_space * len(piece)) * run.scale / 100
        start += len(codes)
    return pieces
