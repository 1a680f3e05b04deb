"""Setting one line of text: each character in a face that has it, CJK characters on the grid.

Full-width characters (ideographs and Chinese punctuation, including the ambiguous-width quotes,
dashes and ellipsis) take one *cell* of the style's pitch; Latin letters and digits keep their own
advance widths. A line given a target width spreads its slack evenly over the gaps between its
unbreakable units (justification; see ``linebreak`` for why lines can come out short).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from app.documents.fonts import Face, FontSet, Role
from app.documents.linebreak import is_space, tokenize

_AMBIGUOUS_CELLS = frozenset("“”‘’—―─…⋯·•※§№")
_OPENING = frozenset("“‘")
_CLOSING = frozenset("”’")
_STRETCHED = frozenset("—―─")
_HANGING_SPACES = " \t"


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
    """Lays out lines in a :class:`FontSet`; caches each character's face and metrics per style."""

    fonts: FontSet
    _glyphs: dict[tuple[Style, str], _Glyph] = field(default_factory=dict)

    def glyph(self, style: Style, ch: str) -> _Glyph:
        key = (style, ch)
        found = self._glyphs.get(key)
        if found is not None:
            return found
        face = self.fonts.face_for(style.role, ch)
        advance = face.advance(ch) * style.size
        if not is_cell(ch):
            found = _Glyph(face, advance, advance, 0.0, 100.0)
        elif ch in _STRETCHED and advance < style.pitch:
            found = _Glyph(face, style.pitch, advance, 0.0, 100.0 * style.pitch / advance)
        elif ch in _OPENING and advance < style.pitch:
            found = _Glyph(face, style.pitch, advance, style.pitch - advance, 100.0)
        elif ch in _CLOSING:
            found = _Glyph(face, style.pitch, advance, 0.0, 100.0)
        else:
            found = _Glyph(face, style.pitch, advance, (style.pitch - advance) / 2, 100.0)
        self._glyphs[key] = found
        return found

    def check(self, style: Style, text: str) -> None:
        """Raise ``glyph_missing`` now if any character of ``text`` has no face."""
        for ch in text:
            if ch not in _HANGING_SPACES:
                self.glyph(style, ch)

    def measure(self, style: Style) -> Callable[[str], float]:
        """Width of a character in cells of ``style`` (for the line breaker)."""
        pitch = style.pitch

        def cells(ch: str) -> float:
            return self.glyph(style, ch).width / pitch

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
    ) -> list[Run]:
        """Runs for ``text`` from (x, y); with ``justify_to`` the line is spread to that width."""
        units = tokenize(text.rstrip(_HANGING_SPACES))
        if not units:
            return []
        widths = [sum(self.glyph(style, ch).width for ch in unit) for unit in units]
        extra = 0.0
        if justify_to is not None and len(units) > 1:
            slack = justify_to - sum(widths)
            gaps = len(units) - 1
            if 1e-6 < slack <= gaps * style.pitch:
                extra = slack / gaps
        factor = scale / 100.0
        builder = _RunBuilder(y, style.size, red)
        cursor = x
        for unit, unit_width in zip(units, widths, strict=True):
            if not is_space(unit):
                position = cursor
                for ch in unit:
                    glyph = self.glyph(style, ch)
                    builder.add(glyph, ch, position + glyph.offset * factor, scale)
                    position += glyph.width * factor
            cursor += (unit_width + extra) * factor
        return builder.finish()


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
        if self._text and self._font == glyph.face.name and self._scale == glyph_scale and glyph.scale == 100.0:
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
            self.runs.append(Run(self._x, self.y, self._font, self.size, text, self._space, self._scale, self.red))
            self._text = []

    def finish(self) -> list[Run]:
        self._close()
        return self.runs
