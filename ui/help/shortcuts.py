"""快捷键: the keyboard shortcuts of the window, read from its actual QActions and QShortcuts (never a
hand-typed list), so the table changes with the window. A QShortcut says what it does in its
``whatsThis``; one without a description is left out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.screen_fit import em, fit_to_screen


def _name(text: str) -> str:
    """A menu text as read aloud: no accelerator marks (``注销(&O)``, ``&Lock``), no trailing dots."""
    text = text.replace("&&", "\0")
    for mark in ("(&", "（&"):
        start = text.find(mark)
        if start >= 0 and text[start + 3:start + 4] in (")", "）"):
            text = text[:start] + text[start + 4:]
    return text.replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def collect_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every QAction and described QShortcut under ``window``, in the order they
    were made, each once. Keys in the platform's native text (``Ctrl+N``)."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for item in [*window.findChildren(QAction), *window.findChildren(QShortcut)]:
        if isinstance(item, QAction):
            keys, name = [k for k in item.shortcuts() if not k.isEmpty()], _name(item.text())
        else:
            keys, name = [k for k in item.keys() if not k.isEmpty()], _name(item.whatsThis())
        if not keys or not name:
            continue
        text = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        if (name, text) not in seen:
            seen.add((name, text))
            rows.append((name, text))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setProperty("session_transient", True)
        self.rows = collect_shortcuts(window)
        self.table = QTableWidget(len(self.rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (name, keys) in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("Also: Tab / Shift+Tab move between fields; in lists, Enter opens the selected "
                              "complaint. Menus open with Alt and the underlined letter."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, em(self) * 36, em(self) * 42)

    def keys_for(self, name: str) -> str | None:
        return next((keys for n, keys in self.rows if n == name), None)
