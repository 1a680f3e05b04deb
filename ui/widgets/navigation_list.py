"""The main window's navigation: a list as wide as its entries at the current font size (no horizontal
scrollbar at 14 pt), sized again when the font changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QListWidget, QStyle, QWidget


class NavigationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def fit_width(self) -> int:
        """Width of the widest entry (icon, text, spacing), the frame, and a vertical scrollbar's room in
        case the window is too low for every entry."""
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("中")
        widest = max((metrics.horizontalAdvance(self.item(i).text()) for i in range(self.count())), default=em * 4)
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = widest + self.iconSize().width() + 2 * self.spacing() + 2 * self.frameWidth() + em * 2 + scrollbar
        self.setFixedWidth(width)
        return width

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.FontChange and self.count():
            self.fit_width()
        return super().event(e)
