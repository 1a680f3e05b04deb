"""A tab page whose content is built the first time it is shown or asked for.

Opening a complaint builds only the tab on screen (登记信息); 办理记录, 附件 and 惩戒与修复 are made
when the user turns to them (or code asks for them), which keeps their widgets out of the first layout
and paint of the detail view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, build: Callable[[], QWidget], fill: Callable[[QWidget], None], parent: QWidget | None = None) -> None:
        """``build`` makes the content; ``fill`` shows the current data in it (called once it exists)."""
        super().__init__(parent)
        self._build, self._fill = build, fill
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The tab's widget, built (and filled) now if it was not yet."""
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
            self._fill(self._content)
        return self._content

    def refill(self) -> None:
        """New data: shown at once if the content exists, else when it is built."""
        if self._content is not None:
            self._fill(self._content)

    def showEvent(self, event) -> None:
        self.content()
        super().showEvent(event)
