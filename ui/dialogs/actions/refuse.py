"""拒不整改认定: the ground decides what else is asked and which confirmation dates are allowed.

"逾期未整改" is offered only once the rectification deadline has passed, and then the confirmation
date lies after it; before the deadline a refusal needs the body's recorded refusal (``ground_detail``),
which the 认定书 then states (``app.domain.facts``).
"""

from __future__ import annotations

from app.documents.model import format_chinese_date
from app.domain.facts import refusal_bounds, refusal_may_be_overdue
from app.domain.vocabulary import RefusalGround
from ui.dialogs.actions.base import ActionDialog
from ui.forms.inputs import qdate


class RefuseDialog(ActionDialog):
    def build(self) -> None:
        super().build()
        self.rows["ground"].field.changed.connect(self.follow_ground)
        self.follow_ground()

    def add_row(self, name, text, field, required):
        return super().add_row(name, text, field, required or name == "ground_detail")

    def follow_ground(self) -> None:
        complaint = self.detail.complaint
        ground = self.rows["ground"].field.value() or RefusalGround.OVERDUE.value
        self.rows["ground_detail"].set_visible(ground == RefusalGround.REFUSED.value)
        if complaint.rectify_due and not refusal_may_be_overdue(complaint, self.today):
            self.rows["ground"].set_hint(self.tr("The rectification deadline (%1) has not passed yet: a refusal "
                                                 "now needs the body's recorded refusal.")
                                         .replace("%1", format_chinese_date(complaint.rectify_due)))
        bounds = refusal_bounds(complaint, ground, self.today)
        edit = getattr(self.rows["confirmed_on"].field, "edit", None)
        if edit is not None and bounds.earliest is not None:
            edit.setMinimumDate(qdate(bounds.earliest))
        if hasattr(self, "scroll"):
            self.fit()
