"""核对处理: a leader settles a change that sync kept aside (待核对): take it now, or leave things as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain.masking import mask_personal_text
from app.domain.vocabulary import Action, label
from app.presentation import event_summary
from app.services.queries import local_time
from ui.dialogs.actions.base import ActionDialog
from ui.dialogs.actions.specs import ActionField
from ui.forms.inputs import ChoiceInput, FieldInput


class ResolveDialog(ActionDialog):
    def build(self) -> None:
        super().build()
        self.about_kept = QLabel()
        self.about_kept.setWordWrap(True)
        self.about_kept.setStyleSheet("color: #5f6368;")
        self.grid.add_widget(self.about_kept)
        self.rows["conflict"].field.changed.connect(self.describe_kept)
        self.describe_kept()

    def _entries(self) -> list[dict]:
        return list(self.detail.complaint.conflicts)

    def make_input(self, spec: ActionField) -> FieldInput:
        if spec.name != "conflict":
            return super().make_input(spec)
        options = []
        for entry in self._entries():
            try:
                action = label(Action(entry["action"]))
            except ValueError:
                action = entry["action"]
            who = self.detail.names.get(entry.get("actor", ""), entry.get("actor", ""))
            options.append((entry["event"], f"{action} · {who} · {local_time(entry['at'])}"))
        field = ChoiceInput(options, placeholder=len(options) != 1)
        if len(options) == 1:
            field.set_value(options[0][0])
        return field

    def describe_kept(self) -> None:
        chosen = self.rows["conflict"].field.value()
        entry = next((e for e in self._entries() if e["event"] == chosen), None)
        if entry is None:
            self.about_kept.clear()
            return
        reasons = {"concurrent": self.tr("made at the same time as another change"),
                   "state": self.tr("no longer fits the complaint's state"),
                   "duplicate": self.tr("a second registration of the same complaint")}
        self.about_kept.setText(self.tr("Kept aside because it %1: %2").replace(
            "%1", reasons.get(entry.get("reason", ""), entry.get("reason", ""))).replace(
            "%2", mask_personal_text(event_summary(entry["action"], entry.get("payload", {}), self.detail.names))))
