"""Headings and big numbers whose size follows the app font (the font-size setting), never fixed pixels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSizePolicy, QWidget


def scaled_font(scale: float, bold: bool) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * scale))
    font.setBold(bold)
    return font


class Heading(QLabel):
    """A label ``scale`` times the application font, bold by default."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, scale: float = 1.4,
                 bold: bool = True) -> None:
        super().__init__(text, parent)
        self._scale, self._bold = scale, bold
        self.setFont(scaled_font(scale, bold))
        # QApplication.setFont tells only top-level windows (ApplicationFontChange) and resolves the font
        # of children that have none of their own: a label with its own font hears of it by this signal
        QApplication.instance().fontChanged.connect(self._follow)

    def _follow(self, _font: QFont) -> None:
        self.setFont(scaled_font(self._scale, self._bold))


class NumberButton(QPushButton):
    """A big number that opens the matching list (workbench); a flat, focusable button."""

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.8) -> None:
        super().__init__("…", parent)
        self._scale = scale
        self.value: int | None = None
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFont(scaled_font(scale, True))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { color: palette(link); padding: 2px 10px; }")
        QApplication.instance().fontChanged.connect(self._follow)  # as Heading

    def set_value(self, value: int | None) -> None:
        self.value = value
        self.setText("…" if value is None else f"{value:,}")

    def _follow(self, _font: QFont) -> None:
        self.setFont(scaled_font(self._scale, True))
