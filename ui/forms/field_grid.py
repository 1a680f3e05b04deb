"""A labelled grid of inputs with inline messages under each field (errors red, hints grey).

``FieldGrid`` keeps the rows by dotted path so errors from the core (``FieldError.field``) land on the
widget they belong to, and so the tab order can follow the rows.

The message line under each input always takes its line, empty or not, so the fields below do not
jump when a hint or an error appears under the mouse. A long text field shows its character counter
(“已输入 N / 上限 字”) at the right of that line. ``FieldGrid.errors_changed`` fires whenever a row's
error appears, changes or goes, so a form can keep its “有 N 处填写有误” summary live.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.forms.inputs import FieldInput, TextInput

ERROR_STYLE = "color: #b71c1c;"
HINT_STYLE = "color: #5f6368;"
WARNING_STYLE = "color: #8a5a00; background: #fff4d6; border: 1px solid #f0c36d; padding: 6px;"
COUNTER_STYLE = "color: #5f6368;"
COUNTER_OVER_STYLE = "color: #b71c1c; font-weight: bold;"
EMPTY_LINE = "\u00a0"  # an empty message line keeps one line's height (see the module note)
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
        self.message = QLabel(EMPTY_LINE)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setObjectName(f"error:{path}")
        self.error: str | None = None
        self.hint: str | None = None
        self.note: str | None = None  # a standing grey note, shown when there is neither error nor hint
        self.on_error: Callable[[], None] | None = None  # set by FieldGrid
        self.limit: int | None = None
        self.counter = QLabel()
        self.counter.setObjectName(f"counter:{path}")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.counter.hide()
        self.holder = QWidget()
        box = QVBoxLayout(self.holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field.widget)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.message, 1)
        line.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(line)

    def set_error(self, text: str | None) -> None:
        before = self.error
        self.error = text
        self._mark(self.field.focus_widget, bool(text))
        self._refresh()
        if before != text and self.on_error is not None:
            self.on_error()

    def set_limit(self, limit: int | None) -> None:
        """Show “已输入 N / ``limit`` 字” under a long text field, updated as it is edited."""
        self.limit = limit
        if limit is None:
            self.counter.hide()
            return
        if not isinstance(self.field, TextInput):
            raise TypeError("a character counter belongs under a long text field")
        self.field.edit.textChanged.connect(self.count)
        self.counter.show()
        self.count()

    def count(self) -> None:
        if self.limit is None:
            return
        typed = len(self.field.edit.toPlainText().strip())
        self.counter.setText(QCoreApplication.translate("FieldGrid", "%1 / %2 characters")
                             .replace("%1", str(typed)).replace("%2", str(self.limit)))
        self.counter.setStyleSheet(COUNTER_OVER_STYLE if typed > self.limit else COUNTER_STYLE)

    def has_error(self) -> bool:
        """An error on a row that is shown (a hidden row's error does not count)."""
        return bool(self.error) and not self.holder.isHidden()

    def set_hint(self, text: str | None) -> None:
        self.hint = text
        self._refresh()

    def set_note(self, text: str | None) -> None:
        self.note = text
        self._refresh()

    def set_visible(self, visible: bool) -> None:
        shown = not self.holder.isHidden()
        for widget in (self.label, self.holder):
            widget.setVisible(visible)
        if self.error and shown != visible and self.on_error is not None:
            self.on_error()

    def _refresh(self) -> None:
        text = self.error or self.hint or self.note
        self.message.setText(text or EMPTY_LINE)
        self.message.setStyleSheet(ERROR_STYLE if self.error else HINT_STYLE)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if widget.property("invalid") == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class FieldGrid(QWidget):
    """Rows of ``label | input`` with the message under the input."""

    errors_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.rows: dict[str, FieldRow] = {}

    def add(self, path: str, label: str, field: FieldInput, required: bool = False) -> FieldRow:
        row = FieldRow(path, label, field, required)
        row.on_error = self.errors_changed.emit
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
