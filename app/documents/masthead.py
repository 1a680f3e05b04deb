"""The 版头 of page 1: issuer mark, 发文字号 and red rules, for the 文件 and the 信函 format."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import grid
from app.documents.model import OfficialDocument
from app.documents.typeset import Run, Style, Typesetter

BODY = Style("body", grid.BODY_SIZE, grid.CELL)
_MIN_SCALE = 60.0


@dataclass(frozen=True)
class Rule:
    """A filled horizontal bar; ``y`` is its bottom edge."""

    x: float
    y: float
    width: float
    height: float
    red: bool = False


@dataclass(frozen=True)
class Masthead:
    runs: list[Run]
    rules: list[Rule]
    first_band: int
    """First band of page 1 free for the title."""


def masthead(doc: OfficialDocument, typesetter: Typesetter) -> Masthead:
    if doc.format == "letter":
        return _letter(doc, typesetter)
    return _document(doc, typesetter)


def _mark(
    text: str, size: float, max_width: float, centre: float, top: float, ts: Typesetter
) -> tuple[list[Run], float]:
    """Red issuer mark centred on ``centre`` with its em box's top at ``top``; compressed to fit.

    Returns the runs and the bottom of the em box.
    """
    style = Style("title", size, size)
    width = ts.width(style, text)
    scale = min(100.0, 100.0 * max_width / width) if width else 100.0
    if scale < _MIN_SCALE:
        size = size * scale / _MIN_SCALE
        style = Style("title", size, size)
        width = ts.width(style, text)
        scale = min(100.0, 100.0 * max_width / width)
    drawn = width * scale / 100.0
    baseline = top - grid.EM_ASCENT * size
    runs = ts.set_line(text, style, centre - drawn / 2, baseline, red=True, scale=scale)
    return runs, baseline - grid.EM_DESCENT * size


def _document(doc: OfficialDocument, ts: Typesetter) -> Masthead:
    """文件 format (§7.2): mark 35 mm below the text area top, number two lines under it, red rule."""
    runs, mark_bottom = _mark(
        doc.issuer + "文件",
        grid.ISSUER_MARK_SIZE,
        grid.ISSUER_MARK_MAX_WIDTH,
        grid.TEXT_LEFT + grid.TEXT_WIDTH / 2,
        grid.ISSUER_MARK_TOP,
        ts,
    )
    band = grid.band_below(mark_bottom) + 2
    baseline = grid.band_baseline(band, grid.BODY_SIZE)
    if doc.number:
        width = ts.width(BODY, doc.number)
        runs += ts.set_line(doc.number, BODY, grid.TEXT_LEFT + (grid.TEXT_WIDTH - width) / 2, baseline)
    rule_top = baseline - grid.EM_DESCENT * grid.BODY_SIZE - grid.SEPARATOR_GAP
    rule = Rule(
        grid.TEXT_LEFT, rule_top - grid.SEPARATOR_THICKNESS, grid.TEXT_WIDTH, grid.SEPARATOR_THICKNESS, True
    )
    return Masthead(runs, [rule], grid.band_below(rule.y) + 2)


def _letter(doc: OfficialDocument, ts: Typesetter) -> Masthead:
    """信函 format (§10.1): mark 30 mm from the sheet top, double rules, number flush right."""
    runs, mark_bottom = _mark(
        doc.issuer,
        grid.LETTER_MARK_SIZE,
        grid.LETTER_RULE_RIGHT - grid.LETTER_RULE_LEFT - 2 * grid.CELL,
        grid.PAGE_WIDTH / 2,
        grid.LETTER_MARK_TOP,
        ts,
    )
    length = grid.LETTER_RULE_RIGHT - grid.LETTER_RULE_LEFT
    thick, thin, gap = grid.DOUBLE_RULE_THICK, grid.DOUBLE_RULE_THIN, grid.DOUBLE_RULE_GAP
    top = mark_bottom - 4 * grid.MM
    upper_bottom = top - thick - gap - thin
    bottom = grid.LETTER_BOTTOM_RULE
    rules = [
        Rule(grid.LETTER_RULE_LEFT, top - thick, length, thick, True),
        Rule(grid.LETTER_RULE_LEFT, upper_bottom, length, thin, True),
        Rule(grid.LETTER_RULE_LEFT, bottom + thick + gap, length, thin, True),
        Rule(grid.LETTER_RULE_LEFT, bottom, length, thick, True),
    ]
    number_top = upper_bottom - grid.BODY_SIZE * 7 / 8  # 与该线的距离为3号汉字高度的7/8
    baseline = number_top - grid.EM_ASCENT * grid.BODY_SIZE
    if doc.number:
        width = ts.width(BODY, doc.number)
        runs += ts.set_line(doc.number, BODY, grid.TEXT_RIGHT - width, baseline)
    number_bottom = baseline - grid.EM_DESCENT * grid.BODY_SIZE
    return Masthead(runs, rules, grid.band_below(number_bottom) + 2)
