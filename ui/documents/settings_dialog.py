"""发文设置: issuing office, 发文字号 prefixes, contact, address and 抄送 defaults of the documents."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.document_kinds import KIND_LABELS
from app.domain.errors import ValidationFailed
from app.domain.vocabulary import Role
from app.messages import message
from app.services import office_settings
from app.services.office_settings import OfficeSettings
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets.screen_fit import em, fit_to_screen, scrolling

INVALID = "QLineEdit { border: 1px solid #c0392b; }"
_SPLIT = re.compile(r"[、，,;；\n]+")


class OfficeSettingsDialog(QDialog):
    """Empty fields show their default in grey and keep following it (an empty value = the default)."""

    saved = Signal(object)  # OfficeSettings

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("office-settings")
        self.setWindowTitle(self.tr("Document settings"))
        self.may_edit = ctx.actor.has(Role.ADMIN) or ctx.actor.has(Role.LEADER)
        self.defaults = office_settings.defaults(ctx.profile)
        self.labels = labels = {
            "issuer": self.tr("Issuing office"), "signer": self.tr("Signature"),
            "printed_by": self.tr("Printed by (document format)"),
            "upstream_office": self.tr("Office breaches are reported to"),
            "contact_person": self.tr("Contact person"), "contact_phone": self.tr("Contact phone"),
            "address": self.tr("Address"),
        }
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, text in labels.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"setting:{key}")
            edit.setPlaceholderText(str(self.defaults.get(key) or ""))
            edit.setReadOnly(not self.may_edit)
            self.fields[key] = edit
            form.addRow(text, edit)

        self.kinds = QTableWidget(len(KIND_LABELS), 3, self)
        self.kinds.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Number prefix"),
                                              self.tr("Copy to (separate with 、)")])
        self.kinds.verticalHeader().hide()
        self.kinds.horizontalHeader().setStretchLastSection(True)
        self.prefixes: dict[str, QLineEdit] = {}
        self.copies: dict[str, QLineEdit] = {}
        for row, (kind, name) in enumerate(KIND_LABELS.items()):
            self.kinds.setItem(row, 0, QTableWidgetItem(name))
            prefix, copy = QLineEdit(self), QLineEdit(self)
            prefix.setObjectName(f"prefix:{kind}")
            copy.setObjectName(f"copy_to:{kind}")
            prefix.setPlaceholderText(self.defaults["prefixes"][kind])
            for edit in (prefix, copy):
                edit.setReadOnly(not self.may_edit)
            self.kinds.setCellWidget(row, 1, prefix)
            self.kinds.setCellWidget(row, 2, copy)
            self.prefixes[kind], self.copies[kind] = prefix, copy
        self.kinds.resizeColumnsToContents()
        self.kinds.setMinimumHeight(self.fontMetrics().height() * 9)  # five rows or so, then it scrolls
        group = QGroupBox(self.tr("Numbers and copies per kind"), self)
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.kinds)

        self.errors = QLabel(self, wordWrap=True)
        self.errors.setObjectName("settings-errors")
        self.errors.setStyleSheet("color: #c0392b;")
        self.errors.hide()
        hint = self.tr("Empty fields use the default shown in grey. Documents already issued keep what they said.")
        if not self.may_edit:
            hint = self.tr("Only an administrator or a leader may change these settings.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # the fields scroll when the screen is small or the font large; the buttons stay below them
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(group, 1)
        inner.addWidget(QLabel(hint, content, wordWrap=True))
        inner.addWidget(self.errors)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content, self), 1)
        layout.addWidget(buttons)
        fit_to_screen(self, em(self) * 56, em(self) * 54)
        ctx.tasks.run(office_settings.get, ctx.profile, on_done=self.show_settings, on_error=self._failed)

    def show_settings(self, settings: OfficeSettings) -> None:
        for key, edit in self.fields.items():
            edit.setText(getattr(settings, key) if key in settings.changed else "")
        for kind, edit in self.prefixes.items():
            value = settings.prefixes[kind]
            edit.setText(value if value != self.defaults["prefixes"][kind] else "")
            if kind in settings.hub_prefixes:
                edit.setText(value)
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Set by the prefecture hub"))
        for kind, edit in self.copies.items():
            edit.setText("、".join(settings.copy_to.get(kind, ())))
        self.save_button.setEnabled(self.may_edit)

    def changes(self) -> dict:
        changes: dict = {key: edit.text().strip() for key, edit in self.fields.items()}
        changes["prefixes"] = {kind: edit.text().strip() for kind, edit in self.prefixes.items() if not edit.isReadOnly()}
        changes["copy_to"] = {kind: [name for name in _SPLIT.split(edit.text()) if name.strip()]
                              for kind, edit in self.copies.items()}
        return changes

    def save(self) -> None:
        self._mark({})
        self.save_button.setEnabled(False)
        self.ctx.tasks.run(office_settings.update, self.ctx.profile, self.ctx.actor, self.changes(), write=True,
                           on_done=self._saved, on_error=self._failed)

    def _saved(self, settings: OfficeSettings) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.save_button.setEnabled(self.may_edit)
        error = failure.error
        if isinstance(error, ValidationFailed):
            self._mark({e.field: message(e.code, e.params) for e in error.errors})
        else:
            self.errors.setText(failure.message)
            self.errors.show()

    def _mark(self, problems: dict[str, str]) -> None:
        edits = {**self.fields, **{f"prefixes.{k}": e for k, e in self.prefixes.items()},
                 **{f"copy_to.{k}": e for k, e in self.copies.items()}}
        for field, edit in edits.items():
            bad = any(key == field or key.startswith(field + ".") for key in problems)
            edit.setStyleSheet(INVALID if bad else "")
        lines = []
        for field, text in problems.items():
            kind = field.split(".")[1] if "." in field else None
            where = KIND_LABELS.get(kind, kind) if kind else self.labels.get(field, field)
            lines.append(f"{where}：{text}")
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
