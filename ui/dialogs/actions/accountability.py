"""追究责任: who decided, when, and for each person the position, the kind of responsibility and the
outcome (seed §三(四): 对造成政务失信行为的主要负责人和直接责任人依法追究责任). A table of persons with
add and remove buttons; the rest of the dialog is built from the payload model as usual."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Responsibility, choices
from ui.dialogs.actions.base import ActionDialog
from ui.forms.inputs import FieldInput

COLUMNS = ("name", "position", "responsibility", "outcome")


class PersonsInput(FieldInput):
    """Rows of persons; the value is the list the payload carries (empty rows left out)."""

    def __init__(self) -> None:
        holder = QWidget()
        super().__init__(holder)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("persons")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Position"), self.tr("Responsibility"),
                                              self.tr("Outcome")])
        header = self.table.horizontalHeader()
        cell = self.table.fontMetrics().horizontalAdvance("中")
        for column, chars in enumerate((5, 8, 6)):  # a name, a position, the responsibility box
            header.resizeSection(column, cell * chars + 16)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 7)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a person"))
        self.add_button.setObjectName("add_person")
        self.remove_button = QPushButton(self.tr("Remove the selected person"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.focus_widget = self.table
        self.add_button.clicked.connect(lambda: self.add_person())
        self.remove_button.clicked.connect(self.remove_person)
        self.table.itemChanged.connect(self.changed)
        self.add_person()

    def add_person(self, person: dict[str, Any] | None = None) -> None:
        person = person or {}
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(COLUMNS):
            if name == "responsibility":
                box = QComboBox()
                for code, text in choices(Responsibility):
                    box.addItem(text, code)
                box.setCurrentIndex(max(0, box.findData(person.get(name, Responsibility.DIRECT.value))))
                box.currentIndexChanged.connect(self.changed)
                self.table.setCellWidget(row, column, box)
            else:
                self.table.setItem(row, column, QTableWidgetItem(person.get(name, "")))
        self.table.setCurrentCell(row, 0)

    def remove_person(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def value(self) -> list[dict[str, str]]:
        persons = []
        for row in range(self.table.rowCount()):
            person = {}
            for column, name in enumerate(COLUMNS):
                if name == "responsibility":
                    person[name] = self.table.cellWidget(row, column).currentData()
                else:
                    item = self.table.item(row, column)
                    person[name] = item.text().strip() if item else ""
            if any(person[name] for name in ("name", "position", "outcome")):
                persons.append(person)
        return persons

    def set_value(self, value: Any) -> None:
        self.table.setRowCount(0)
        for person in value or []:
            self.add_person(person)


class AccountabilityDialog(ActionDialog):
    def build(self) -> None:
        self.add_row("persons", self.tr("Persons held accountable"), PersonsInput(), True)
        super().build()
        self.setMinimumWidth(760)

    def row_for(self, error):
        return "persons" if error.field.startswith("persons") else super().row_for(error)

    def problems(self) -> dict[str, str]:
        found = super().problems()
        persons = self.rows["persons"].field.value()
        incomplete = [p for p in persons if not (p["name"] and p["position"] and p["outcome"])]
        if not persons or incomplete:
            found["persons"] = self.tr("Give the name, position and outcome of every person held accountable.")
        return found
