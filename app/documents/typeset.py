"""Setting one line of text: each character in a face that has it, CJK characters on the grid.

Full-width characters (ideographs and Chinese punctuation, including the ambiguous-width quotes,
dashes and ellipsis) take one *cell* of the style's pitch; Latin letters and digits keep their own
advance widths. A line wider than its room (the line breaker pushed a mark in) first compresses
punctuation (标点挤压): the marks ``linebreak.squeezable`` names are set in half a cell, the blank
half dropped, until the line fits. A line given a target width then spreads its slack over the gaps
between its unbreakable units, three times as much at a Han–Latin boundary as between two
ideographs (justification; see ``linebreak`` for why lines come out short) — but by at most 5 % of
its set width and a quarter cell in any one gap. A line that would need more, as when a long case
number is carried to the next line, stays short and flush left rather than letter-spaced. Nothing
is ever added inside a unit: a URL, code, number or 文号 keeps its natural spacing.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from app.documents.fonts import Face, FontSet, Role
from app.documents.linebreak import OPENING_MARKS, is_space, squeezable, tokenize

_AMBIGUOUS_CELLS = frozenset("“”‘’—―─…⋯·•※§№")
_OPENING = frozenset("“‘")
_CLOSING = frozenset("”’")
_STRETCHED = frozenset("—―─")
_HANGING_SPACES = " \t"
_MAX_SPREAD = 0.25  # widest extra gap (in cells) anywhere on a justified line; wider lines stay short
MAX_STRETCH = 0.05  # most a justified line may grow, as a fraction of its set width
_HAN_LATIN_WEIGHT = 3  # justification widens Han–Latin gaps (clreq: about a quarter em) first
_MEMO_LIMIT = 20_000  # lines and paragraphs remembered per font set (a few MB); emptied when full


@dataclass(frozen=True)
class Style:
    """A role at a size; ``pitch`` is the width of one full-width cell in points."""

    role: Role
    size: float
    pitch: float


@dataclass(frozen=True)
class Run:
    """Characters drawn with one text-show operation from baseline point (x, y)."""

    x: float
    y: float
    font: str
    size: float
    text: str
    char_space: float = 0.0
    scale: float = 100.0
    red: bool = False


@dataclass(frozen=True)
class _Glyph:
    face: Face
    width: float  # space the character takes on the line, pt
    advance: float  # the glyph's own advance at this size, pt
    offset: float  # where the glyph starts inside its space, pt
    scale: float  # horizontal scale, percent


def is_cell(ch: str) -> bool:
    """Does ``ch`` take one full-width cell?"""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in _AMBIGUOUS_CELLS


@dataclass
class Typesetter:
    """Lays out lines in a :class:`FontSet`; caches each character's face and metrics per style, and
    remembers set lines and broken paragraphs: a document issued again (the next notice of a batch,
    the same 版记, headings and boilerplate) is not set again (issue 15). Everything remembered is a
    pure function of its key and the font set, so the output is the same bytes either way."""

    fonts: FontSet
    _tables: dict[Style, dict[str, _Glyph]] = field(default_factory=dict)
    _lines: dict[tuple, tuple[Run, ...]] = field(default_factory=dict)
    _memo: dict[tuple, object] = field(default_factory=dict)

    def remembered(self, key: tuple, make: Callable[[], object]) -> object:
        """``make()``, computed once per ``key`` (which must name everything the result depends on
        besides the font set); a call that raises (``glyph_missing``) is not remembered."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = make()
        return found

    def table(self, style: Style) -> dict[str, _Glyph]:
        """The glyphs already looked up for ``style``, by character."""
        found = self._tables.get(style)
        if found is None:
            found = self._tables[style] = {}
        return found

    def glyph(self, style: Style, ch: str) -> _Glyph:
        table = self.table(style)
        found = table.get(ch)
        if found is None:
            found = table[ch] = self._look_up(style, ch)
        return found

    def _look_up(self, style: Style, ch: str) -> _Glyph:
        face = self.fonts.face_for(style.role, ch)
        advance = face.advance(ch) * style.size
        if not is_cell(ch):
            return _Glyph(face, advance, advance, 0.0, 100.0)
        if ch in _STRETCHED and advance < style.pitch:
            return _Glyph(face, style.pitch, advance, 0.0, 100.0 * style.pitch / advance)
        if ch in _OPENING and advance < style.pitch:
            return _Glyph(face, style.pitch, advance, style.pitch - advance, 100.0)
        if ch in _CLOSING:
            return _Glyph(face, style.pitch, advance, 0.0, 100.0)
        return _Glyph(face, style.pitch, advance, (style.pitch - advance) / 2, 100.0)

    def check(self, style: Style, text: str) -> None:
        """Raise ``glyph_missing`` now if any character of ``text`` has no face."""
        for ch in text:
            if ch not in _HANGING_SPACES:
                self.glyph(style, ch)

    def measure(self, style: Style) -> Callable[[str], float]:
        """Width of a character in cells of ``style`` (for the line breaker)."""
        pitch = style.pitch
        table = self.table(style)

        def cells(ch: str) -> float:
            found = table.get(ch)
            if found is None:
                found = self.glyph(style, ch)
            return found.width / pitch

        return cells

    def width(self, style: Style, text: str) -> float:
        """Natural width of ``text`` in points, trailing spaces excluded."""
        return sum(self.glyph(style, ch).width for ch in text.rstrip(_HANGING_SPACES))

    def set_line(
        self,
        text: str,
        style: Style,
        x: float,
        y: float,
        justify_to: float | None = None,
        red: bool = False,
        scale: float = 100.0,
        fit_to: float | None = None,
    ) -> list[Run]:
        """Runs for ``text`` from (x, y); with ``justify_to`` the line is spread to that width.

        A line wider than ``justify_to`` or ``fit_to`` is first narrowed by compressing punctuation.
        Remembered without ``y``, which no position depends on (``x`` is kept: it is added in).
        """
        key = (text, style, x, justify_to, red, scale, fit_to)
        runs = self._lines.get(key)
        if runs is None:
            if len(self._lines) >= _MEMO_LIMIT:
                self._lines.clear()
            runs = self._lines[key] = tuple(self._set_line(text, style, x, 0.0, justify_to, red, scale, fit_to))
        return [Run(r.x, y, r.font, r.size, r.text, r.char_space, r.scale, r.red) for r in runs]

    def _set_line(
        self, text: str, style: Style, x: float, y: float, justify_to: float | None, red: bool, scale: float,
        fit_to: float | None,
    ) -> list[Run]:
        units = tokenize(text.rstrip(_HANGING_SPACES))
        if not units:
            return []
        glyphs = [[self.glyph(style, ch) for ch in unit] for unit in units]
        room = justify_to if justify_to is not None else fit_to
        if room is not None and sum(g.width for unit in glyphs for g in unit) > room + 1e-6:
            glyphs = _squeezed(units, glyphs, style, room)
        widths = [sum(glyph.width for glyph in unit) for unit in glyphs]
        extras = [0.0] * len(units)
        if justify_to is not None and len(units) > 1:
            weights = [_gap_weight(a, b) for a, b in itertools.pairwise(units)]
            slack = justify_to - sum(widths)
            share = slack / sum(weights)
            if 1e-6 < share and share * max(weights) <= style.pitch * _MAX_SPREAD and (
                slack <= MAX_STRETCH * sum(widths) + 1e-6
            ):
                extras = [share * weight for weight in weights] + [0.0]
        factor = scale / 100.0
        builder = _RunBuilder(y, style.size, red)
        cursor = x
        for unit, unit_glyphs, unit_width, extra in zip(units, glyphs, widths, extras, strict=True):
            if not is_space(unit):
                position = cursor
                for ch, glyph in zip(unit, unit_glyphs, strict=True):
                    builder.add(glyph, ch, position + glyph.offset * factor, scale)
                    position += glyph.width * factor
            cursor += (unit_width + extra) * factor
        return builder.finish()


def _squeezed(units: list[str], glyphs: list[list[_Glyph]], style: Style, room: float) -> list[list[_Glyph]]:
    """``glyphs`` with marks set in half a cell, in ``squeezable`` order, until the line fits ``room``."""
    flat = [glyph for unit in glyphs for glyph in unit]
    text = "".join(units)
    excess = sum(glyph.width for glyph in flat) - room
    for index in squeezable(units):
        if excess <= 1e-6:
            break
        glyph = flat[index]
        if glyph.scale != 100.0 or glyph.width <= style.pitch / 2:
            continue
        half = style.pitch / 2
        ink = half if glyph.advance > 0.9 * style.pitch else max(half, glyph.advance)  # the mark's half, or a
        gain = glyph.width - ink  # proportional quote's own advance
        if gain <= 0:
            continue
        width = glyph.width - gain
        offset = glyph.offset - gain if text[index] in OPENING_MARKS else glyph.offset
        flat[index] = _Glyph(glyph.face, width, glyph.advance, offset, glyph.scale)
        excess -= gain
    out: list[list[_Glyph]] = []
    position = 0
    for unit in glyphs:
        out.append(flat[position : position + len(unit)])
        position += len(unit)
    return out


def _gap_weight(before: str, after: str) -> int:
    """Share of a line's slack that the gap between two units takes."""
    if is_space(before) or is_space(after):
        return 1
    kinds = {_kind(before[-1]), _kind(after[0])}
    return _HAN_LATIN_WEIGHT if kinds == {"han", "latin"} else 1


def _kind(ch: str) -> str:
    if not is_cell(ch):
        return "latin"
    return "han" if unicodedata.category(ch).startswith("L") else "mark"


@dataclass
class _RunBuilder:
    """Collects glyphs into runs; a glyph joins the open run when one Tc spacing places it."""

    y: float
    size: float
    red: bool
    runs: list[Run] = field(default_factory=list)
    _x: float = 0.0
    _font: str = ""
    _scale: float = 100.0
    _text: list[str] = field(default_factory=list)
    _space: float = 0.0
    _end: float = 0.0  # where the next glyph of the open run would start, with _space after the last

    def add(self, glyph: _Glyph, ch: str, x: float, scale: float) -> None:
        glyph_scale = glyph.scale * scale / 100.0
        factor = glyph_scale / 100.0
        advance = glyph.advance * factor
        if (
            self._text
            and self._font == glyph.face.name
            and self._scale == glyph_scale
            and glyph.scale == 100.0
        ):
            if len(self._text) == 1:
                space = (x - self._end) / factor
                if abs(space) < self.size:
                    self._space = space
                    self._text.append(ch)
                    self._end = x + advance + space * factor
                    return
            elif abs(self._end - x) < 1e-6:
                self._text.append(ch)
                self._end = x + advance + self._space * factor
                return
        self._close()
        self._x, self._font, self._scale, self._text, self._space = x, glyph.face.name, glyph_scale, [ch], 0.0
        self._end = x + advance
        if glyph.scale != 100.0:
            self._close()

    def _close(self) -> None:
        if self._text:
            text = "".join(self._text)
            self.runs.append(
                Run(self._x, self.y, self._font, self.size, text, self._space, self._scale, self.red)
            )
            self._text = []

    def finish(self) -> list[Run]:
        self._close()
        return self.runs
