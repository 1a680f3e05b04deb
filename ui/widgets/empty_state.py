"""Empty states 空状态: what a list or table says when it has no rows, and the next thing to do.

``EmptyState(view, …)`` lies over the view's viewport while its model has no rows (and is not still
loading), with a sentence and, when given, one button. Two cases are told apart:

- nothing yet (还没有投诉。按 Ctrl+N 登记第一件投诉 — [登记投诉]);
- the filters match nothing (没有符合筛选条件的投诉 — [清除筛选]), when ``is_filtered()`` is true.

It follows the model's signals by itself; pages call ``update_state()`` when only the loading or the
filter state changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.appearance import HINT_COLOUR
from ui.widgets import icons
from ui.widgets.torn_down import mark_alive, tolerant


def _never() -> bool:
    return False


class EmptyState(QWidget):
    def __init__(self, view: QAbstractItemView, empty_text: str, *, action_text: str = "",
                 on_action: Callable[[], object] | None = None, filtered_text: str = "", clear_text: str = "",
                 on_clear: Callable[[], object] | None = None, is_filtered: Callable[[], bool] = _never,
                 is_loading: Callable[[], bool] = _never) -> None:
        super().__init__(view.viewport())
        mark_alive(self)
        self.setObjectName("empty_state")
        self._view = view
        self._empty = (empty_text, action_text, on_action)
        self._filtered = (filtered_text or empty_text, clear_text, on_clear)
        self._is_filtered = is_filtered
        self._is_loading = is_loading
        self._on_button: Callable[[], object] | None = None
        self.picture = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter)
        pixmap = icons.icon("empty").pixmap(48, 48)
        if not pixmap.isNull():
            self.picture.setPixmap(pixmap)
        self.picture.setVisible(not pixmap.isNull())
        self.label = QLabel(self, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(f"color: {HINT_COLOUR};")
        self.button = QPushButton(self)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self._model = None
        self.watch_model()
        self.hide()
        self.update_state()

    # -- following the model -------------------------------------------------------------------------
    def watch_model(self) -> None:
        """Follow the view's current model (call again if the view gets another model)."""
        model = self._view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_state)

    def update_state(self, *_args) -> None:
        model = self._view.model()
        empty = model is not None and model.rowCount() == 0 and not self._is_loading()
        if empty:
            filtered = self._is_filtered()
            text, button_text, slot = self._filtered if filtered else self._empty
            self.label.setText(text)
            self.button.setText(button_text)
            self.button.setVisible(bool(button_text and slot))
            self._on_button = slot
            self.setGeometry(self._view.viewport().rect())
        self.setVisible(empty)
        if empty:
            self.raise_()

    @property
    def shown_text(self) -> str:
        """What it says now ("" while hidden)."""
        return self.label.text() if not self.isHidden() else ""

    def _clicked(self) -> None:
        if self._on_button is not None:
            self._on_button()

    @tolerant
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._view.viewport():
            self.setGeometry(self._view.viewport().rect())
        return False
