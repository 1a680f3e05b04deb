"""The main window's pages: a stack whose minimum size is the shown page's, not the largest page's.

In a scroll area (``ui.widgets.screen_fit.scrolling``) a ``QStackedWidget`` would scroll every page as
soon as one page needs more room than the screen has (the workbench at 14 pt on 1366×768 at 125 %); this
one scrolls only the page that needs it, so the other pages keep their buttons in view.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page is not None else QSize(0, 0)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()
