"""A labelled grid of inputs with inline messages under each field (errors red, hints grey).

``FieldGrid`` keeps the rows by dotted path so errors from the core (``FieldError.field``) land on the
widget they belong to, and so the tab order can follow the rows.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.forms.inputs import FieldInput

ERROR_STYLE = "color: #b71c1c;"
HINT_STYLE = "color: #5f6368;"
WARNING_STYLE = "color: #8a5a00; background: #fff4d6; border: 1px solid #f0c36d; padding: 6px;"
INVALID_SHEET = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"], '
    'QDateEdit[invalid="true"] { border: 1px solid #c62828; }'
)


class FieldRow:
    """Label, input, and the message line below the input."""

    def __init__(self, path: str, label: str, field: FieldInput, required: bool) -> None:
        self.path = path
        self.field = field
        self.required = required
        self.label = QLabel(label + ("<span style='color:#c62828'> *</span>" if required else ""))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setBuddy(field.focus_widget)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.label.setContentsMargins(0, 5, 0, 0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.message.setObjectName(f"error:{path}")
        self.error: str | None = None
        self.hint: str | None = None
        self.holder = QWidget()
        box = QVBoxLayout(self.holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field.widget)
        box.addWidget(self.message)

    def set_error(self, text: str | None) -> None:
        self.error = text
        self._mark(self.field.focus_widget, bool(text))
        self._refresh()

    def set_hint(self, text: str | None) -> None:
        self.hint = text
        self._refresh()

    def set_visible(self, visible: bool) -> None:
        for widget in (self.label, self.holder):
            widget.setVisible(visible)

    def _refresh(self) -> None:
        text = self.error or self.hint
        self.message.setText(text or "")
        self.message.setStyleSheet(ERROR_STYLE if self.error else HINT_STYLE)
        self.message.setVisible(bool(text))

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if widget.property("invalid") == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class FieldGrid(QWidget):
    """Rows of ``label | input`` with the message under the input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.rows: dict[str, FieldRow] = {}

    def add(self, path: str, label: str, field: FieldInput, required: bool = False) -> FieldRow:
        row = FieldRow(path, label, field, required)
        index = self.grid.rowCount()
        self.grid.addWidget(row.label, index, 0)
        self.grid.addWidget(row.holder, index, 1)
        self.rows[path] = row
        return row

    def add_widget(self, widget: QWidget) -> None:
        """A full-width line (a warning, a note) below the rows added so far."""
        self.grid.addWidget(widget, self.grid.rowCount(), 0, 1, 2)


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (the order of the paper form)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
