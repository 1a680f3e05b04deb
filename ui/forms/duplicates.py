"""The duplicate banner of the registration form 重复投诉提示: the complaint being entered may repeat one
on file (``app.services.duplicates.find_duplicates``: the same complainant and respondent, or a
near-identical text, from any channel). A non-blocking banner naming the likeliest case, with a button
that opens it; never a refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from app.domain.vocabulary import State, label
from app.services.duplicates import Candidate, find_duplicates
from ui.context import UiContext
from ui.forms.field_grid import WARNING_STYLE
from ui.forms.lifetime import while_alive

DELAY_MS = 400


class DuplicateWarning(QFrame):
    """Asks (in the background, after a pause in typing) and shows what it found."""

    open_requested = Signal(str)  # complaint id

    def __init__(self, ctx: UiContext, fields: Callable[[], dict[str, Any]]) -> None:
        super().__init__()
        self.setObjectName("duplicateWarning")
        self.setStyleSheet(WARNING_STYLE)
        self.hide()
        self._ctx = ctx
        self._fields = fields
        self.found: list[Candidate] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open that case"))
        self.open_button.clicked.connect(lambda: self.found and self.open_requested.emit(self.found[0].complaint_id))
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.look)

    def text(self) -> str:
        return self.label.text()

    def schedule(self) -> None:
        self.timer.start()

    def _key(self) -> dict[str, Any]:
        return self._fields()

    def look(self) -> None:
        key = self._key()
        complainant, respondent = key.get("complainant") or {}, key.get("respondent") or {}
        if not (complainant.get("name") or complainant.get("credit_code")) or not respondent.get("name"):
            self.hide()
            return
        self._ctx.tasks.run(find_duplicates, self._ctx.profile, self._ctx.actor, fields=key, limit=5,
                            on_done=while_alive(self, lambda found: self.show_found(key, found)),
                            on_error=lambda _failure: None)

    def show_found(self, key: dict[str, Any], found: list[Candidate]) -> None:
        if key != self._key():
            return  # the answer to an older question
        self.found = list(found)
        if not found:
            self.hide()
            return
        best = found[0]
        state = label(State(best.state))
        text = self.tr("Possibly a duplicate of %1 (%2; %3). Check that it is not the same matter; "
                       "you may still register.").replace("%1", best.case_no).replace("%2", state).replace(
                           "%3", "、".join(best.reason_labels))
        if len(found) > 1:
            others = "、".join(c.case_no for c in found[1:])
            text += " " + self.tr("Also similar: %1.").replace("%1", others)
        self.label.setText(text)
        self.open_button.setText(self.tr("Open %1").replace("%1", best.case_no))
        self.show()
