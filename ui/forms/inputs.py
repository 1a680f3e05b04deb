"""Input widgets with one interface: ``value()`` / ``set_value()`` in JSON form, ``changed``, ``left``.

Used by the registration form, the amend dialog and the action dialogs, so every date picker, choice
and text area behaves the same: dates are ISO strings, choices are codes, empty is ``""`` / ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from ui.widgets.torn_down import mark_alive, tolerant

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
DATE_FORMAT = "yyyy-MM-dd"
_NO_DATE = QDate(1900, 1, 1)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FieldInput(QObject):
    """Adapter around one editing widget."""

    changed = Signal()  # any edit
    left = Signal()  # editing finished (focus left the field)

    def __init__(self, widget: QWidget, focus: QWidget | None = None) -> None:
        super().__init__(widget)
        mark_alive(self)
        self.widget = widget
        self.focus_widget = focus or widget

    # Each input kind below defines ``value()`` and ``set_value(value)``.

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

    @tolerant
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched is self.focus_widget:
            self.left.emit()
        return False


class LineInput(FieldInput):
    def __init__(self, placeholder: str = "", max_length: int = 200) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.setClearButtonEnabled(True)
        super().__init__(edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)
        edit.editingFinished.connect(self.left)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class TextInput(FieldInput):
    """Multi-line text; Tab moves on to the next field as on a paper form."""

    def __init__(self, placeholder: str = "", lines: int = 4) -> None:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        height = edit.fontMetrics().lineSpacing() * lines + 16
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(int(height * 1.6))
        super().__init__(edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)
        edit.installEventFilter(self)

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class LinesInput(TextInput):
    """Several short entries, one per line (other sanction measures): the value is a list."""

    def value(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("\n".join(value or []) if isinstance(value, list) else str(value or ""))


class ChoiceInput(FieldInput):
    """A closed list (codes with Chinese labels); nothing chosen shows “请选择”."""

    def __init__(self, choices: Sequence[tuple[str, str]], *, placeholder: bool = True) -> None:
        box = QComboBox()
        for code, text in choices:
            box.addItem(text, code)
        if placeholder:
            box.setPlaceholderText(self.tr("Please choose"))
            box.setCurrentIndex(-1)
        super().__init__(box)
        self.box = box
        box.currentIndexChanged.connect(self.changed)
        box.currentIndexChanged.connect(self.left)

    def value(self) -> str | None:
        return self.box.currentData()

    def set_value(self, value: Any) -> None:
        self.box.setCurrentIndex(self.box.findData(value) if value is not None else -1)


class DateInput(FieldInput):
    """A date with a calendar popup, never empty (default: today)."""

    def __init__(self, default: date, *, maximum: date | None = None, minimum: date | None = None) -> None:
        edit = QDateEdit()
        edit.setLocale(CHINESE)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        if minimum:
            edit.setMinimumDate(qdate(minimum))
        if maximum:
            edit.setMaximumDate(qdate(maximum))
        edit.setDate(qdate(default))
        edit.calendarWidget().setLocale(CHINESE)
        super().__init__(edit)
        self.edit = edit
        edit.dateChanged.connect(self.changed)
        edit.editingFinished.connect(self.left)

    def value(self) -> str:
        return self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        if value:
            self.edit.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))


class OptionalDateInput(FieldInput):
    """A date that may stay empty (shown as “未填写”); the × button empties it again."""

    def __init__(self, *, maximum: date | None = None, suggested: date | None = None) -> None:
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = QDateEdit()
        edit.setLocale(CHINESE)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setMinimumDate(_NO_DATE)
        if maximum:
            edit.setMaximumDate(qdate(maximum))
        edit.setSpecialValueText(self.tr("Not given"))
        edit.setDate(_NO_DATE)
        edit.calendarWidget().setLocale(CHINESE)
        self._suggested = qdate(suggested or date.today())
        clear = QToolButton()
        clear.setText("×")
        clear.setToolTip(self.tr("Clear the date"))
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(lambda: edit.setDate(_NO_DATE))
        layout.addWidget(edit, 1)
        layout.addWidget(clear)
        super().__init__(holder, edit)
        self.edit = edit
        edit.calendarWidget().installEventFilter(self)
        edit.dateChanged.connect(self.changed)
        edit.editingFinished.connect(self.left)

    @tolerant
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.edit.calendarWidget() and self.value() is None:
            # an empty date would open the calendar on January 1900: show the suggested month instead
            watched.setCurrentPage(self._suggested.year(), self._suggested.month())
        return super().eventFilter(watched, event)

    def value(self) -> str | None:
        current = self.edit.date()
        return None if current == _NO_DATE else current.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        self.edit.setDate(QDate.fromString(str(value), "yyyy-MM-dd") if value else _NO_DATE)


class CheckInput(FieldInput):
    def __init__(self, text: str) -> None:
        box = QCheckBox(text)
        super().__init__(box)
        self.box = box
        box.toggled.connect(self.changed)
        box.toggled.connect(self.left)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class MultiCheckInput(FieldInput):
    """Several codes at once (sanction measures), one checkbox each, in two columns."""

    def __init__(self, choices: Sequence[tuple[str, str]], columns: int = 2) -> None:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, (code, text) in enumerate(choices):
            box = QCheckBox(text)
            box.setProperty("code", code)
            grid.addWidget(box, index // columns, index % columns, Qt.AlignmentFlag.AlignLeft)
            self.boxes[code] = box
        first = next(iter(self.boxes.values()), None)
        super().__init__(holder, first)
        for box in self.boxes.values():
            box.toggled.connect(self.changed)
            box.toggled.connect(self.left)

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)
