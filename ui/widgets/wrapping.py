"""Wrapping Chinese text 中文换行: lines of even length, never a lone "钟。" on the last one.

Qt wraps Chinese anywhere, greedily: a sentence one or two characters longer than the label leaves them
alone on a line. ``balanced_lines`` keeps the number of lines Qt would need but makes them about equally
long (the narrowest width that still needs that many lines), keeps Latin words and numbers whole and
never starts a line with closing punctuation (，。、；：？！）》”). ``WrappingLabel`` applies it whenever its
width or text changes.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

CLOSING = set("，。、；：？！）》」』”’…,.;:?!)%")


def _units(paragraph: str) -> list[str]:
    """Pieces that stay together: one CJK character, or a Latin word/number with its trailing space;
    closing punctuation sticks to what precedes it."""
    units: list[str] = []
    word = ""
    for ch in paragraph:
        if ch.isascii() and not ch.isspace() and ch not in CLOSING:
            word += ch
            continue
        if word:
            units.append(word)
            word = ""
        if (ch in CLOSING or ch.isspace()) and units:
            units[-1] += ch
        else:
            units.append(ch)
    if word:
        units.append(word)
    return units


def _greedy(units: list[str], metrics: QFontMetrics, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for unit in units:
        candidate = line + unit
        if line and metrics.horizontalAdvance(candidate.rstrip()) > width:
            lines.append(line.rstrip())
            line = unit
        else:
            line = candidate
    if line:
        lines.append(line.rstrip())
    return lines


def _clauses(units: list[str]) -> list[str]:
    """The units joined into clauses, each ending after punctuation (，。；…)."""
    clauses: list[str] = []
    clause = ""
    for unit in units:
        clause += unit
        if unit.rstrip()[-1:] in CLOSING:
            clauses.append(clause)
            clause = ""
    if clause:
        clauses.append(clause)
    return clauses


def _balanced(units: list[str], metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy lines at the narrowest width that needs no more lines than at ``width``."""
    lines = _greedy(units, metrics, width)
    if len(lines) > 1:
        low, high = 1, width
        while low < high:
            middle = (low + high) // 2
            if len(_greedy(units, metrics, middle)) <= len(lines):
                high = middle
            else:
                low = middle + 1
        lines = _greedy(units, metrics, high)
    return lines


def balanced_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (when a single piece fits), as many as greedy wrapping
    needs, of about equal length; broken after punctuation when that keeps the lines about as even."""
    result: list[str] = []
    for paragraph in text.split("\n"):
        units = _units(paragraph)
        if not units or width <= 0:
            result.append(paragraph)
            continue
        lines = _balanced(units, metrics, width)
        if len(lines) > 1:
            clauses = _clauses(units)
            by_clause = _balanced(clauses, metrics, width)
            lengths = [len(line) for line in by_clause]
            if (len(by_clause) == len(lines) and min(lengths) * 2 >= max(lengths)
                    and all(metrics.horizontalAdvance(line) <= width for line in by_clause)):
                lines = by_clause
        result.extend(lines)
    return result


class WrappingLabel(QLabel):
    """A word-wrapped label whose Chinese lines are balanced (``balanced_lines``) for its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # the layout gives the width; text follows
        self.setSizePolicy(policy)
        self._raw = ""
        self.setText(text)

    def text(self) -> str:
        """The text as given (``displayed_text``: with the line breaks added)."""
        return self._raw

    def displayed_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self._raw = text
        self._rewrap()

    def _rewrap(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        wrapped = "\n".join(balanced_lines(self._raw, self.fontMetrics(), width)) if width > 0 else self._raw
        if wrapped != super().text():
            super().setText(wrapped)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rewrap()
