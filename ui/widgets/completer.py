"""A completer that also understands pinyin: typing ``czj`` or ``sbczj`` offers 双柏县财政局.

Qt's own ``QCompleter`` filters by prefix or substring only, so this one filters itself with
``app.services.reference.search`` (substring, full pinyin, initials) and shows the ranked rows
unfiltered. Free text stays allowed: the line edit keeps whatever the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.services.reference import search

MAX_ROWS = 50


class PinyinCompleter(QCompleter):
    """Attach with ``PinyinCompleter(items, line_edit)``; ``picked(text)`` fires when a row is chosen."""

    picked = Signal(str)

    def __init__(self, items: Sequence[str] | Callable[[], Sequence[str]], line_edit: QLineEdit) -> None:
        super().__init__(line_edit)
        self._items = items
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self._edit = line_edit
        line_edit.setCompleter(self)
        line_edit.textEdited.connect(self._refresh)
        self.activated[str].connect(self.picked)

    def items(self) -> list[str]:
        return list(self._items() if callable(self._items) else self._items)

    def set_items(self, items: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        self._items = items

    def matches_for(self, text: str) -> list[str]:
        """The rows offered for ``text``, best first."""
        return search(text, self.items(), limit=MAX_ROWS) if text.strip() else []

    def _refresh(self, text: str) -> None:
        rows = self.matches_for(text)
        self._model.setStringList(rows)
        if rows and self._edit.hasFocus():
            self.complete()
        else:
            self.popup().hide()
