"""Drawing laid-out pages with reportlab: the same document always gives the same bytes.

``draw`` keeps what it drew (a :class:`Drawing`: the pages, the faces by name, the bytes), so a
printer can paint the very same runs and rules as vector text (``ui/documents/page_painter.py``)
instead of an image of the PDF.

A *draft* (``draft=True``, what a preview renders) can never pass for an issued document: "（预览）"
stands where the 发文字号 goes, every page carries a light diagonal 草稿 watermark across the text
and a boxed 草稿 stamp in the top margin, and the PDF's subject says 草稿.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.documents import grid
from app.documents.fonts import Face, FontSet, load_font_set
from app.documents.layout import Page, compose
from app.documents.model import OfficialDocument
from app.documents.typeset import Run, Style, Typesetter

_STAMP = Style("hei", 18.0, 18.0)

RED = CMYKColor(0, 1, 1, 0)  # 公文红, C0 M100 Y100 K0
BLACK = CMYKColor(0, 0, 0, 1)
WATERMARK_GREY = CMYKColor(0, 0, 0, 0.12)  # light grey: the text stays readable through it
DRAFT_NUMBER = "（预览）"
DRAFT_MARK = "草稿"

# reportlab keeps per-document subset state on each shared font object; one render at a time.
_LOCK = threading.Lock()
_TYPESETTERS: dict[int, Typesetter] = {}


@dataclass(frozen=True, eq=False)
class Drawing:
    """A PDF of ours and what it was drawn from: the laid-out pages (runs and rules in points, from
    the sheet's bottom-left corner), the draft mark's face (``None`` for an issued document) and every
    face a run names. The same pages drawn again give ``pdf`` byte for byte."""

    pdf: bytes
    pages: tuple[Page, ...]
    faces: Mapping[str, Face]
    draft_font: str | None = None


@dataclass(frozen=True, eq=False)
class Printable:
    """A PDF to print and, when drawing its pages again gives exactly these bytes, that drawing.

    Only :meth:`checked` makes one: a drawing that is not the PDF (other fonts since the issue, an
    old record, a PDF not ours) is dropped, and the PDF is printed as images of its pages.
    """

    pdf: bytes
    drawing: Drawing | None = None

    def __post_init__(self) -> None:
        if self.drawing is not None and self.drawing.pdf != self.pdf:
            raise ValueError("the drawing does not give this PDF")

    @classmethod
    def checked(cls, pdf: bytes, drawing: Drawing | None) -> Printable:
        return cls(pdf, drawing if drawing is not None and drawing.pdf == pdf else None)


@dataclass(frozen=True)
class Watermark:
    """草稿 across the text area: centred on ``centre``, turned ``angle`` degrees anticlockwise."""

    centre: tuple[float, float]
    angle: float
    size: float
    baseline: float  # below the centre, in the turned frame


@dataclass(frozen=True)
class Stamp:
    """The boxed 草稿 in the top margin: the box (x, y of its bottom, width, height), its line, the text."""

    box: tuple[float, float, float, float]
    line_width: float
    size: float
    origin: tuple[float, float]


WATERMARK = Watermark((grid.PAGE_WIDTH / 2, grid.TEXT_BOTTOM + grid.TEXT_HEIGHT / 2), 35, 150,
                      -150 * (grid.EM_ASCENT - grid.EM_DESCENT) / 2)


def _stamp() -> Stamp:
    size = 18.0
    width, height = 2 * size + 16, size + 10
    x, top = grid.TEXT_LEFT, grid.PAGE_HEIGHT - 8 * grid.MM
    return Stamp((x, top - height, width, height), 1.5, size, (x + 8, top - height + 5 + grid.EM_DESCENT * size))


STAMP = _stamp()


def render_pdf(doc: OfficialDocument, fonts: FontSet | None = None, *, draft: bool = False) -> bytes:
    """The PDF of ``doc``; raises ``DomainError('glyph_missing')`` for a character no font has.

    ``draft``: a preview, marked 草稿 with "（预览）" for its number (see the module docstring).
    """
    return draw(doc, fonts, draft=draft).pdf


def draw(doc: OfficialDocument, fonts: FontSet | None = None, *, draft: bool = False) -> Drawing:
    """:func:`render_pdf`, keeping the pages it drew (for vector printing)."""
    font_set = fonts if fonts is not None else load_font_set()
    if draft:
        doc = replace(doc, number=DRAFT_NUMBER)
    with _LOCK:
        typesetter = _TYPESETTERS.get(id(font_set))
        if typesetter is None or typesetter.fonts is not font_set:
            typesetter = _TYPESETTERS[id(font_set)] = Typesetter(font_set)
        pages = compose(doc, font_set, typesetter)
        mark = None
        if draft:
            typesetter.check(_STAMP, DRAFT_MARK)
            mark = font_set.face_for("hei", DRAFT_MARK[0]).name
        pdf = _draw(doc, pages, font_set.primary("body").name, mark)
    return Drawing(pdf, tuple(pages), {face.name: face for face in font_set.faces()}, mark)


def _draw(doc: OfficialDocument, pages: list[Page], initial_font: str, draft_font: str | None = None) -> bytes:
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
    canvas.setSubject(DRAFT_MARK if draft_font else doc.number)
    canvas.setCreator("Lvyue 履约")
    for page in pages:
        if draft_font:
            _draw_watermark(canvas, draft_font)
        _draw_page(canvas, page)
        if draft_font:
            _draw_stamp(canvas, draft_font)
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


def _draw_watermark(canvas: Canvas, font: str) -> None:
    """草稿 in light grey, large and diagonal across the middle of the text area, under the text."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK_GREY)
    canvas.translate(*WATERMARK.centre)
    canvas.rotate(WATERMARK.angle)
    canvas.setFont(font, WATERMARK.size)
    canvas.drawCentredString(0, WATERMARK.baseline, DRAFT_MARK)
    canvas.restoreState()


def _draw_stamp(canvas: Canvas, font: str) -> None:
    """A boxed 草稿 in the top margin, left, above any 版头 (the 信函 mark starts 30 mm down)."""
    canvas.saveState()
    canvas.setStrokeColor(BLACK)
    canvas.setFillColor(BLACK)
    canvas.setLineWidth(STAMP.line_width)
    canvas.rect(*STAMP.box, stroke=1, fill=0)
    canvas.setFont(font, STAMP.size)
    canvas.drawString(*STAMP.origin, DRAFT_MARK)
    canvas.restoreState()


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
