"""Small pieces the list pages share: the list beside its detail pane, and a filter's choice box
filled again from data read on the task pool (keeping what the user had chosen when it is still there)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QWidget


def list_beside_detail(parent: QWidget, view: QWidget, detail: QWidget) -> QSplitter:
    """The list on the left (3 parts, about 60 characters wide), the detail on the right (2 parts)."""
    split = QSplitter(Qt.Orientation.Horizontal, parent)
    split.addWidget(view)
    split.addWidget(detail)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    em = parent.fontMetrics().horizontalAdvance("中")
    split.setSizes([em * 60, em * 26])
    split.setChildrenCollapsible(False)
    return split


def refill(combo: QComboBox, everything: str, options: Iterable[tuple[str, str]]) -> None:
    """``everything`` (no value) first, then ``(value, text)`` options; the chosen value stays chosen.
    Signals are the caller's to silence (the filter bars keep a "quiet" flag)."""
    current = combo.currentData()
    combo.clear()
    combo.addItem(everything, None)
    for value, text in options:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
