"""Chinese line breaking (禁则) for official documents. Pure: no fonts, no reportlab.

Approach: lines are filled greedily up to the available width; if the break so found would start
the next line with a closing mark (``，。、；：？！）》”…—`` and their kin, GB/T 15834 §5) or end this
line with an opening mark (``（《“〔【``), the breaker first tries *push-in* with punctuation
compression (标点挤压, ``squeeze=True``): the marks that may be set in half a cell — a closing mark at
the line end, the first of two marks in a row, an opening mark at the line start, see
:func:`squeezable` — give back enough room to take the next unit(s) up to a legal break. Otherwise
it pushes out: the break moves left, one unbreakable unit at a time, until it is legal. That line is
then shorter than the grid and the renderer spreads the slack over its gaps, by at most 5 % (see
``typeset``). Nothing ever hangs outside the 156 mm text area of GB/T 9704.

Unbreakable units: one CJK character; a *Latin run* — letters and digits with the ASCII marks and
symbols among them (``1,234,567.89``, ``532322-2026-0007``, ``91532322MA6N12345X``, ``12.5%``,
``¥300``, ``https://x.gov.cn/a?id=017``, ``ID:A-17``); a document number's year and serial
``〔2023〕509号``; a run of dashes ``——`` or ellipses ``……``; a run of spaces (which may hang past the
line end and is never carried to the start of a line). A unit wider than a whole line is split by
characters: the only case where a number or word is ever cut.

If no legal break exists within a line, a word or number ending the line gives its last character to
the next line (so "。" never starts one); only when that is impossible too (a line made only of
closing marks) is the greedy break kept: the width limit always wins over the 禁则.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Measure = Callable[[str], float]
"""Width of one character, in the caller's unit (grid cells for the renderer)."""

LINE_START_FORBIDDEN = frozenset("，。、；：？！）》」』”’〕】〉］｝〗〙…—―～·・％‰℃°′″ー々〻,.;:?!)]}%")
"""Characters that may not begin a line (行首禁则)."""

LINE_END_FORBIDDEN = frozenset("（《「『“‘〔【〈［｛〖〘([{￥¥$＄£€№")
"""Characters that may not end a line (行尾禁则)."""

_JOINERS = frozenset("．－／：")  # full-width joiners; ASCII marks all join a Latin run
_SUFFIXES = frozenset("%％‰℃°")
_PREFIXES = frozenset("￥¥$＄£€№#")
_REPEATED = frozenset("—―─…⋯")
_EPSILON = 1e-9


def is_word_char(ch: str) -> bool:
    """Latin letters and digits (half- or full-width): the parts of words and numbers."""
    code = ord(ch)
    if code < 0x80:
        return ch.isalnum()
    return (
        (0xC0 <= code <= 0x24F and code not in (0xD7, 0xF7))
        or 0xFF10 <= code <= 0xFF19
        or 0xFF21 <= code <= 0xFF3A
        or 0xFF41 <= code <= 0xFF5A
    )


def _is_ascii_mark(ch: str) -> bool:
    return "!" <= ch <= "~" and not ch.isalnum()


def _number_end(text: str, i: int) -> int:
    """End of a document number's year and serial ``〔2023〕509号`` starting at ``i``, or ``i``."""
    n = len(text)
    j = i + 1
    while j < n and text[j].isdigit() and text[j].isascii():
        j += 1
    if j - i != 5 or j >= n or text[j] != "〕":
        return i
    k = j + 1
    while k < n and text[k].isdigit() and text[k].isascii():
        k += 1
    if k == j + 1 or k >= n or text[k] != "号":
        return i
    return k + 1


def is_space(unit: str) -> bool:
    return unit[:1] in (" ", "\t")


def tokenize(text: str) -> list[str]:
    """Split ``text`` into unbreakable units; ``"".join(tokenize(t)) == t``."""
    units: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        j = i + 1
        if ch == "〔" and _number_end(text, i) > i:
            j = _number_end(text, i)
        elif _starts_run(text, i):
            while j < n:
                nxt = text[j]
                if is_word_char(nxt) or _is_ascii_mark(nxt) or nxt in _SUFFIXES:
                    j += 1
                elif nxt in _JOINERS and j + 1 < n and is_word_char(text[j + 1]):
                    j += 2
                else:
                    break
        elif ch in _REPEATED or ch in (" ", "\t"):
            while j < n and text[j] == ch:
                j += 1
        units.append(text[i:j])
        i = j
    return units


def _starts_run(text: str, i: int) -> bool:
    """Does a Latin run start at ``i``: a letter or digit, or marks and symbols leading into one?"""
    ch = text[i]
    if is_word_char(ch):
        return True
    if not (_is_ascii_mark(ch) or ch in _PREFIXES):
        return False
    j = i + 1
    while j < len(text) and _is_ascii_mark(text[j]):
        j += 1
    return j < len(text) and is_word_char(text[j])


OPENING_MARKS = frozenset("（《「『“‘〔【〈［｛〖〘")
"""Full-width opening marks: the glyph in the right half of its cell, the left half blank."""

CLOSING_MARKS = frozenset("，。、；：）》」』”’〕】〉］｝〗〙")
"""Full-width closing and pause marks whose glyph sits in the left half of the cell (not ？！, centred
in some faces)."""


def squeezable(units: Sequence[str]) -> list[int]:
    """Indices (into ``"".join(units)``) of the marks a line may set in half a cell, in the order they
    are given up: a closing mark ending the line, the first of two marks in a row (or the second
    when both open), an opening mark starting the line. Compression is only used when a line needs
    it (see :func:`break_lines` and ``typeset``)."""
    text = "".join(units)
    found: list[int] = []
    if text and text[-1] in CLOSING_MARKS:
        found.append(len(text) - 1)
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in CLOSING_MARKS and (b in CLOSING_MARKS or b in OPENING_MARKS):
            found.append(i)
        elif a in OPENING_MARKS and b in OPENING_MARKS:
            found.append(i + 1)
    if text and text[0] in OPENING_MARKS:
        found.append(0)
    seen: set[int] = set()
    return [i for i in found if not (i in seen or seen.add(i))]


def squeeze_room(text: str, measure: Measure) -> float:
    """The most a line can shrink by compressing its punctuation (:func:`squeezable`)."""
    return sum(measure(text[i]) / 2 for i in squeezable([text]))


def can_break(before: str, after: str) -> bool:
    """May a line end after unit ``before`` and the next begin with unit ``after``?"""
    return not (after[0] in LINE_START_FORBIDDEN or before[-1] in LINE_END_FORBIDDEN or is_space(after))


def line_width(line: str, measure: Measure) -> float:
    """Width of a laid-out line; trailing spaces hang outside it."""
    return sum(measure(ch) for ch in line.rstrip(" \t"))


def break_lines(
    text: str, measure: Measure, width: float, first_width: float | None = None, *, squeeze: bool = False
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (``first_width`` for the first line).

    With ``squeeze`` a line may be wider by what compressing its punctuation gives back
    (:func:`squeeze_room`); the renderer must then compress it. The lines joined give back ``text``
    exactly: nothing is dropped, added or reordered.
    """
    if not text:
        return []
    units = tokenize(text)
    widths = [sum(measure(ch) for ch in unit) for unit in units]
    lines: list[str] = []
    start = 0
    cap = width if first_width is None else first_width
    while start < len(units):
        end = _greedy_end(units, widths, start, cap, measure)
        if end < len(units) and not can_break(units[end - 1], units[end]) and squeeze:
            end = _pushed_in(units, widths, start, end, cap, measure)
        if end < len(units):
            end = _legal_end(units, start, end)
            if not can_break(units[end - 1], units[end]):
                end = _split_for_legal_end(units, widths, start, end, measure)
        lines.append("".join(units[start:end]))
        start = end
        cap = width
    return lines


def _pushed_in(units: list[str], widths: list[float], start: int, end: int, cap: float, measure: Measure) -> int:
    """The first legal break after ``end`` (at most three units on) if compressed punctuation makes
    the line fit; else ``end``."""
    used = sum(widths[start:end])
    for stop in range(end + 1, min(end + 3, len(units)) + 1):
        used += widths[stop - 1]
        if stop < len(units) and not can_break(units[stop - 1], units[stop]):
            continue
        line = "".join(units[start:stop])
        if used - squeeze_room(line.rstrip(" \t"), measure) <= cap + _EPSILON:
            return stop
        return end
    return end


def _greedy_end(units: list[str], widths: list[float], start: int, cap: float, measure: Measure) -> int:
    """Index after the last unit that fits from ``start``; splits a unit wider than a line."""
    used = 0.0
    end = start
    while end < len(units):
        if is_space(units[end]):
            used += widths[end]
            end += 1
            continue
        if used + widths[end] <= cap + _EPSILON:
            used += widths[end]
            end += 1
            continue
        if end == start:
            _split_unit(units, widths, end, cap, measure)
            end += 1
        break
    return end


def _split_unit(units: list[str], widths: list[float], index: int, cap: float, measure: Measure) -> None:
    """Cut a unit too wide for a whole line so that its head fills the line."""
    unit = units[index]
    used = 0.0
    cut = 0
    while cut < len(unit) and used + measure(unit[cut]) <= cap + _EPSILON:
        used += measure(unit[cut])
        cut += 1
    while 1 < cut < len(unit) and (unit[cut] in LINE_START_FORBIDDEN or unit[cut - 1] in LINE_END_FORBIDDEN):
        cut -= 1  # never cut a number so that its "," or "." starts the next line
    cut = max(cut, 1)
    head, tail = unit[:cut], unit[cut:]
    units[index : index + 1] = [head, tail] if tail else [head]
    widths[index : index + 1] = (
        [sum(map(measure, head)), sum(map(measure, tail))] if tail else [sum(map(measure, head))]
    )


def _split_for_legal_end(units: list[str], widths: list[float], start: int, end: int, measure: Measure) -> int:
    """No unit boundary makes a legal break (e.g. a number fills the line, then "。"): cut the last word
    of the line before its last character that may start a line, carrying that tail down with the
    marks. Returns the new end, or ``end`` unchanged when the line has no such word."""
    for index in range(end - 1, start - 1, -1):
        unit = units[index]
        if len(unit) < 2 or is_space(unit) or not is_word_char(unit[0]):
            continue
        for cut in range(len(unit) - 1, 0, -1):
            if unit[cut] not in LINE_START_FORBIDDEN and unit[cut - 1] not in LINE_END_FORBIDDEN:
                head, tail = unit[:cut], unit[cut:]
                units[index : index + 1] = [head, tail]
                widths[index : index + 1] = [sum(map(measure, head)), sum(map(measure, tail))]
                return index + 1
    return end


def _legal_end(units: Sequence[str], start: int, end: int) -> int:
    """Move a break left until no 禁则 is broken; keep the greedy break if none is legal."""
    candidate = end
    while candidate > start + 1 and not can_break(units[candidate - 1], units[candidate]):
        candidate -= 1
    if can_break(units[candidate - 1], units[candidate]):
        return candidate
    return end


def balance_lines(text: str, measure: Measure, width: float) -> list[str]:
    """Break a title into as few lines as :func:`break_lines` needs, as even in length as possible.

    GB/T 9704 §7.3.1 asks for titles arranged symmetrically (梯形或菱形); the narrowest width that
    still gives the same number of lines makes every line but the last about equally long.
    """
    lines = break_lines(text, measure, width)
    if len(lines) <= 1:
        return lines
    count = len(lines)
    low = line_width(text, measure) / count
    high = width
    best = lines
    for _ in range(24):
        if high - low < 0.01:
            break
        middle = (low + high) / 2
        trial = break_lines(text, measure, middle)
        if len(trial) <= count:
            best = trial
            high = middle
        else:
            low = middle
    return best
