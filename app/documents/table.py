"""Tables 表格 on the document grid: one row per band, thin rules, the header repeated on each page.

A row takes one band of the 22-line grid, so a table keeps the page's rhythm and the paginator
(``layout._flow``) can treat a row like a line of text. Cells are set in 小四 (12 pt) 仿宋, the header
in 小四 黑体; a cell too long for one line takes two lines in 五号 (10.5 pt), and narrows its
characters if even that is not enough, so nothing is ever cut off; a cell without Chinese (a number,
a case number, a date) is never broken, only narrowed; ``\n`` in a cell asks for two lines. Numbers sit right, text left,
headers and the 合计 label centred. Every row draws its own rules (top, bottom, and the column
rules), 0.5 pt, so the grid stays closed wherever a page breaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import grid
from app.documents.linebreak import balance_lines, break_lines
from app.documents.masthead import Rule
from app.documents.model import Table
from app.documents.typeset import Run, Style, Typesetter, is_cell

CELL_STYLE = Style("body", 12.0, 12.0)
HEAD_STYLE = Style("hei", 12.0, 12.0)
SMALL_CELL = Style("body", 10.5, 10.5)
SMALL_HEAD = Style("hei", 10.5, 10.5)
RULE = 0.5
PAD = 3.0  # pt inside each side of a cell


@dataclass(frozen=True)
class TableRow:
    """One row of a table, waiting for its band (an item of ``layout.Group`` like a ``Line``)."""

    cells: tuple[str, ...]
    edges: tuple[float, ...]  # x of each column rule, left edge first
    align: tuple[str, ...]
    header: bool = False
    style: Style = CELL_STYLE  # for the paginator's checks (a row is never a 版记 line)

    def place(self, ts: Typesetter, band: int, pitch: float) -> tuple[list[Run], list[Rule]]:
        top = grid.band_top(band, pitch)
        bottom = top - pitch
        rules = [Rule(self.edges[0], top - RULE / 2, self.edges[-1] - self.edges[0], RULE),
                 Rule(self.edges[0], bottom - RULE / 2, self.edges[-1] - self.edges[0], RULE)]
        rules += [Rule(x - RULE / 2, bottom, RULE, pitch) for x in self.edges]
        runs: list[Run] = []
        for text, left, right, align in zip(self.cells, self.edges[:-1], self.edges[1:], self.align, strict=True):
            runs += _cell(ts, text, left + PAD, right - PAD, top, pitch, align, self.header)
        return runs, rules


def rows_of(table: Table, ts: Typesetter) -> list[TableRow]:
    """The header row and the body rows of ``table``, across the text area's width."""
    total = sum(table.widths)
    edges = [grid.TEXT_LEFT]
    for width in table.widths:
        edges.append(edges[-1] + grid.TEXT_WIDTH * width / total)
    edges[-1] = grid.TEXT_RIGHT
    for row in (table.header, *table.rows):
        for text in row:
            ts.check(HEAD_STYLE if row is table.header else CELL_STYLE, text.replace("\n", ""))
    centred = tuple("center" for _ in table.header)
    out = [TableRow(table.header, tuple(edges), centred, header=True)]
    for index, row in enumerate(table.rows):
        align = table.align
        if table.total and index == len(table.rows) - 1:
            align = ("center", *table.align[1:])
        out.append(TableRow(tuple(row), tuple(edges), align))
    return out


def _cell(ts: Typesetter, text: str, left: float, right: float, top: float, pitch: float, align: str,
          header: bool) -> list[Run]:
    if not text:
        return []
    room = right - left
    style = HEAD_STYLE if header else CELL_STYLE
    lines, scale = [text], 100.0
    if "\n" in text:  # two lines asked for (a rate above its fraction)
        style = SMALL_HEAD if header else SMALL_CELL
        lines = text.split("\n")[:2]
        scale = min(100.0, 100.0 * room / max(ts.width(style, line) for line in lines))
    elif ts.width(style, text) > room:
        style = SMALL_HEAD if header else SMALL_CELL
        if any(is_cell(ch) for ch in text):
            lines, scale = _two_lines(ts, style, text, room)
        else:  # a number, a case number, a date: never broken, narrowed if it must be
            scale = min(100.0, 100.0 * room / ts.width(style, text))
    leading = min(style.size * 1.2, pitch / 2)
    first = top - pitch / 2 + (len(lines) - 1) * leading / 2 - (grid.EM_ASCENT - grid.EM_DESCENT) / 2 * style.size
    runs: list[Run] = []
    for i, line in enumerate(lines):
        width = ts.width(style, line) * scale / 100
        x = {"left": left, "right": right - width}.get(align, left + (room - width) / 2)
        runs += ts.set_line(line, style, x, first - i * leading, scale=scale)
    return runs


def _two_lines(ts: Typesetter, style: Style, text: str, room: float) -> tuple[list[str], float]:
    """``text`` in at most two lines of ``room`` points, narrowed (horizontal scale) if it must be."""
    measure = ts.measure(style)
    cells = room / style.pitch
    stretch = 1.0
    while True:
        lines = break_lines(text, measure, cells * stretch)
        if len(lines) == 2:
            lines = balance_lines(text, measure, cells * stretch)
        if len(lines) <= 2:
            widest = max(ts.width(style, line) for line in lines)
            return lines, min(100.0, 100.0 * room / widest) if widest else 100.0
        stretch += 0.1
