"""核实认定: the finding decides what else is asked (requirements and a date, or how a dispute ends)."""

from __future__ import annotations

from app.domain.vocabulary import Finding
from ui.dialogs.actions.base import ActionDialog

SUBSTANTIATED_ONLY = ("requirements", "rectify_due")
DISPUTED_ONLY = ("dispute_path",)


class ConcludeDialog(ActionDialog):
    def build(self) -> None:
        super().build()
        self.rows["finding"].field.changed.connect(self.follow_finding)
        self.follow_finding()

    def add_row(self, name, text, field, required):
        # required whenever shown: the finding decides (ConcludePayload's model rule)
        return super().add_row(name, text, field, required or name in (*SUBSTANTIATED_ONLY, *DISPUTED_ONLY))

    def follow_finding(self) -> None:
        finding = self.rows["finding"].field.value()
        for name in SUBSTANTIATED_ONLY:
            self.rows[name].set_visible(finding == Finding.SUBSTANTIATED.value)
        for name in DISPUTED_ONLY:
            self.rows[name].set_visible(finding == Finding.DISPUTED.value)
        if hasattr(self, "scroll"):
            self.fit()
