"""The leader's decision on a typical case 典型案例审定: accept or decline, the reason, and the summary
(a draft from the record, editable before publication)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import typical as rules
from app.services.typical_cases import TypicalView
from ui.widgets.screen_fit import em, fit_to_screen


class TypicalDecisionDialog(QDialog):
    def __init__(self, view: TypicalView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        c = view.complaint
        self.setWindowTitle(self.tr("Typical case: {case_no}").format(case_no=c.case_no))
        criteria = "；".join(rules.describe(code, figure) for code, figure in view.criteria.items())
        self.criteria = QLabel(criteria or self.tr("No criterion is met"), self)
        self.criteria.setWordWrap(True)
        self.accept_choice = QRadioButton(self.tr("List as a typical case"), self)
        self.decline_choice = QRadioButton(self.tr("Do not list (not proposed again without new facts)"), self)
        self.accept_choice.setChecked(True)
        self.reason = QLineEdit(self)
        self.summary = QPlainTextEdit(view.summary, self)
        self.accept_choice.toggled.connect(self.summary.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Body"), QLabel(c.intake["respondent"]["name"], self))
        form.addRow(self.tr("Criteria met"), self.criteria)
        form.addRow(self.tr("Decision"), self.accept_choice)
        form.addRow("", self.decline_choice)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Summary"), self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, em(self) * 56, em(self) * 46)

    @property
    def accepted_case(self) -> bool:
        return self.accept_choice.isChecked()

    def _ok(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Please give the reason for the decision."))
            return
        if self.accepted_case and not self.summary.toPlainText().strip():
            self.error.setText(self.tr("A typical case needs a summary."))
            return
        self.accept()
