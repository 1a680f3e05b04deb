"""The duplicate warning of the registration form: an open complaint by the same enterprise against the
same body already exists (``open_duplicates``). A warning with the case numbers, never a refusal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from app.domain.identifiers import normalize_code
from app.domain.vocabulary import State, label
from app.services.intake import PossibleDuplicate, open_duplicates
from ui.context import UiContext
from ui.forms.field_grid import WARNING_STYLE
from ui.forms.lifetime import while_alive

DELAY_MS = 400


class DuplicateWarning(QLabel):
    """Asks (in the background, after a pause in typing) and shows what it found."""

    def __init__(self, ctx: UiContext, complainant_code: Callable[[], str], respondent: Callable[[], str]) -> None:
        super().__init__()
        self.setObjectName("duplicateWarning")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        self.hide()
        self._ctx = ctx
        self._key = lambda: (normalize_code(complainant_code()), respondent().strip())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.look)

    def schedule(self) -> None:
        self.timer.start()

    def look(self) -> None:
        code, name = key = self._key()
        if not code or not name:
            self.hide()
            return
        self._ctx.tasks.run(open_duplicates, self._ctx.profile, code, name,
                            on_done=while_alive(self, lambda found: self.show_found(key, found)),
                            on_error=lambda _failure: None)

    def show_found(self, key: tuple[str, str], found: list[PossibleDuplicate]) -> None:
        if key != self._key():
            return  # the answer to an older question
        if not found:
            self.hide()
            return
        cases = "、".join(f"{d.case_no}（{label(State(d.state))}）" for d in found)
        self.setText(self.tr("This enterprise already has an open complaint against this body: %1. Check that it is "
                             "not the same matter; you may still register.").replace("%1", cases))
        self.show()
