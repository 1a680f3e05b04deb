"""Headings and big numbers whose size follows the app font (the font-size setting), never fixed pixels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.setFont(scaled_font(self._scale, self._bold))
        return super().event(e)


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

    def set_value(self, value: int | None) -> None:
        self.value = value
        self.setText("…" if value is None else f"{value:,}")

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.setFont(scaled_font(self._scale, True))
        return super().event(e)
