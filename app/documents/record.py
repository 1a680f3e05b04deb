"""版记 (抄送, 印发机关和印发日期, between rules; GB/T 9704 §7.4) and 页码 (§7.5)."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import grid
from app.documents.linebreak import break_lines
from app.documents.masthead import Rule
from app.documents.model import OfficialDocument, format_chinese_date
from app.documents.typeset import Run, Style, Typesetter

RECORD = Style("body", grid.SMALL_SIZE, grid.SMALL_SIZE)  # 4号仿宋
PAGE_NUMBER = Style("song", grid.SMALL_SIZE, grid.SMALL_SIZE)  # 4号半角宋体
_INDENT = grid.SMALL_SIZE  # 左右各空一字


@dataclass(frozen=True)
class RecordRow:
    band_offset: int  # 0 for the first row of the 版记
    text: str
    style: Style
    x: float
    justify_to: float | None = None
    room: float | None = None


@dataclass(frozen=True)
class Record:
    rows: list[RecordRow]
    bands: int
    copy_bands: int
    ruled: bool

    def rules(self, top: int, pitch: float = grid.LINE_PITCH) -> list[Rule]:
        """The rules of a 版记 whose first row is on band ``top``: thick, thin between, thick."""
        if not self.ruled:
            return []
        width = grid.TEXT_WIDTH
        rules = [
            Rule(grid.TEXT_LEFT, grid.band_top(top, pitch) - grid.RECORD_THICK / 2, width, grid.RECORD_THICK),
            Rule(grid.TEXT_LEFT, grid.TEXT_BOTTOM, width, grid.RECORD_THICK),
        ]
        if 0 < self.copy_bands < self.bands:
            middle = grid.band_top(top + self.copy_bands, pitch) - grid.RECORD_THIN / 2
            rules.insert(1, Rule(grid.TEXT_LEFT, middle, width, grid.RECORD_THIN))
        return rules


def record(doc: OfficialDocument, ts: Typesetter) -> Record:
    rows: list[RecordRow] = []
    if doc.copy_to:
        text = "抄送：" + "，".join(doc.copy_to) + "。"
        ts.check(RECORD, text)
        measure = ts.measure(RECORD)
        cap = (grid.TEXT_WIDTH - 2 * _INDENT) / RECORD.pitch
        hang = ts.width(RECORD, "抄送：") / RECORD.pitch  # 回行时与冒号后的首字对齐
        lines = break_lines(text, measure, cap - hang, cap, squeeze=True)
        for i, line in enumerate(lines):
            offset = 0.0 if i == 0 else hang
            room = (cap - offset) * RECORD.pitch
            justify = None if i == len(lines) - 1 else room
            rows.append(RecordRow(i, line, RECORD, grid.TEXT_LEFT + _INDENT + offset * RECORD.pitch, justify, room))
    copy_bands = len(rows)
    printed = doc.format == "document" and (doc.printed_by or doc.printed_on)
    if printed:
        if doc.printed_by:
            ts.check(RECORD, doc.printed_by)
            rows.append(RecordRow(copy_bands, doc.printed_by, RECORD, grid.TEXT_LEFT + _INDENT))
        day = format_chinese_date(doc.printed_on or doc.date) + "印发"
        width = ts.width(RECORD, day)
        rows.append(RecordRow(copy_bands, day, RECORD, grid.TEXT_RIGHT - _INDENT - width))
    bands = copy_bands + (1 if printed else 0)
    return Record(rows, bands, copy_bands, ruled=doc.format == "document")


def page_number(number: int, ts: Typesetter) -> list[Run]:
    """``— 1 —``: odd pages right, even pages left, one character in; dashes 7 mm below the text.

    The dashes stand half a character from the number, as a half-width space in 宋体 would.
    """
    digits = str(number)
    dash = ts.width(PAGE_NUMBER, "—")
    gap = PAGE_NUMBER.size / 2
    width = 2 * dash + 2 * gap + ts.width(PAGE_NUMBER, digits)
    x = grid.TEXT_RIGHT - _INDENT - width if number % 2 else grid.TEXT_LEFT + _INDENT
    dash_middle = (grid.EM_ASCENT - grid.EM_DESCENT) / 2 * PAGE_NUMBER.size
    baseline = grid.TEXT_BOTTOM - grid.PAGE_NUMBER_DROP - dash_middle
    return [
        *ts.set_line("—", PAGE_NUMBER, x, baseline),
        *ts.set_line(digits, PAGE_NUMBER, x + dash + gap, baseline),
        *ts.set_line("—", PAGE_NUMBER, x + width - dash, baseline),
    ]
