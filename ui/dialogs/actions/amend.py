"""更正登记信息: pick the intake fields to correct, give the new values and the reason.

The editors are the registration form's own (same checks, same completers); the current value is
shown under each. Fields left unchanged are not sent. Personal data (phone, ID number, address) shows
masked and its editor starts empty unless the case page revealed it (``revealed``); an empty editor
of a masked field leaves the field as it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.disclosure import PERSONAL_FIELDS, mask_field
from app.domain.errors import FieldError
from app.domain.glyphs import INTAKE_NAMES
from app.domain.intake import AMENDABLE_SECTIONS, AMENDABLE_TOP
from app.domain.text_limits import intake_limit
from app.messages import message
from ui.detail.values import current_value, display_value
from ui.dialogs.actions.base import ActionDialog
from ui.forms import checks
from ui.forms.field_grid import FieldGrid
from ui.forms.intake_fields import CREDIT_CODE, FIELDS, OVERRIDE, SECTIONS, tr
from ui.forms.sections import make_input


def amendable(path: str) -> bool:
    section, _, _name = path.rpartition(".")
    return section in AMENDABLE_SECTIONS if section else path in AMENDABLE_TOP


class AmendDialog(ActionDialog):
    revealed: dict[str, Any] | None = None  # personal fields in full, when the case page revealed them

    def masked(self, path: str) -> bool:
        return path in PERSONAL_FIELDS and self.revealed is None

    def build(self) -> None:
        self.intake = self.detail.complaint.intake
        picker = QWidget()
        line = QHBoxLayout(picker)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("Field to correct")))
        self.picker = QComboBox()
        self.picker.setObjectName("amendPicker")
        for section in SECTIONS:
            for spec in section.fields:
                if amendable(spec.path):
                    self.picker.addItem(f"{tr(section.title)} · {tr(spec.label)}", spec.path)
        line.addWidget(self.picker, 1)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("amendAdd")
        self.add_button.clicked.connect(lambda: self.add_change(self.picker.currentData()))
        line.addWidget(self.add_button)
        self.grid.add_widget(picker)
        self.changes = FieldGrid()
        self.changes.errors_changed.connect(self._recount)
        self.grid.add_widget(self.changes)
        self.empty_note = QLabel(self.tr("Choose a field above and add it; then type the corrected value."))
        self.empty_note.setStyleSheet("color: #5f6368;")
        self.grid.add_widget(self.empty_note)
        self.change_paths: list[str] = []
        super().build()

    def add_change(self, path: str) -> None:
        if path in self.rows:
            self.rows[path].field.focus_widget.setFocus()
            return
        spec = FIELDS[path]
        field = make_input(spec, self.ctx, self.today)
        old = current_value(self.intake, path)
        if not self.masked(path):
            field.set_value(old)
        section = next(s for s in SECTIONS if spec in s.fields)
        row = self.changes.add(path, f"{tr(section.title)} · {tr(spec.label)}", field, spec.required)
        shown = mask_field(path, old) if self.masked(path) else old
        if spec.kind == "long":
            row.set_limit(intake_limit(path))
        row.set_hint(self.tr("Now: %1").replace("%1", display_value(self.ctx.profile, spec, shown)))
        self.rows[path] = row
        self.change_paths.append(path)
        field.changed.connect(lambda p=path: self.recheck(p))
        self.empty_note.hide()
        QTimer.singleShot(0, self.fit)  # the new row's widgets are shown by the next event loop turn
        field.focus_widget.setFocus()

    def payload(self) -> dict[str, Any]:
        changes = {}
        for path in self.change_paths:
            value = self.rows[path].field.value()
            value = None if checks.is_empty(value) and not isinstance(value, bool) else value
            if value is None and self.masked(path):
                continue  # left empty: the masked value stays as it is
            if value != current_value(self.intake, path):
                changes[path] = value
        reason = self.rows["reason"].field.value()
        return {"changes": changes, **({"reason": reason} if reason else {})}

    def problems(self) -> dict[str, str]:
        found = {}
        override = self.rows[OVERRIDE].field.value() if OVERRIDE in self.rows else bool(
            current_value(self.intake, OVERRIDE))
        for path in self.change_paths:
            spec = FIELDS[path]
            if self.masked(path) and checks.is_empty(self.rows[path].field.value()):
                continue
            text = checks.problem(spec.kind, self.rows[path].field.value(), spec.required,
                                  override=override if path == CREDIT_CODE else False, name=path in INTAKE_NAMES,
                                  limit=intake_limit(path))
            if text:
                found[path] = text
        if not self.rows["reason"].field.value():
            found["reason"] = message("required")
        if not found and not self.payload()["changes"]:
            found["__changes__"] = self.tr("Nothing was changed: correct at least one field.")
        return found

    def row_for(self, error: FieldError) -> str | None:
        name = error.field.removeprefix("changes.")
        return name if name in self.rows else super().row_for(error)
