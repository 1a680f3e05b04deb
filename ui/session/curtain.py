"""The curtain 遮挡层 drawn over a window while the session is locked: an opaque child widget that fills
its top-level window and follows its size, so nothing of the case data shows, while every widget and
what was typed in it stays underneath, untouched. It takes no input (the lock dialog is modal)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Curtain(QWidget):
    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("session-curtain")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        self.setPalette(palette)
        label = QLabel(text, self, alignment=Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded) and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()  # stays above widgets added while locked (a late result opening a panel)
        return False

    def lift(self) -> None:
        """Take the curtain away (unlocked)."""
        if not shiboken6.isValid(self):
            return
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()
