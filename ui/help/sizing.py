"""Help windows are sized from the font and the screen they open on: never larger than 90 % of it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit(widget: QWidget, em_wide: int, em_high: int) -> None:
    """Resize ``widget`` to ``em_wide`` × ``em_high`` characters, within 90 % of the available screen."""
    em = widget.fontMetrics().horizontalAdvance("中")
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen() or QGuiApplication.primaryScreen()
    width, height = em * em_wide, em * em_high
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, int(area.width() * 0.9)), min(height, int(area.height() * 0.9))
    widget.resize(width, height)
