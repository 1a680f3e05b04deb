"""登记信息 tab: the intake read-only, grouped as on the registration form, and the handling so far."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.disclosure import mask_field, present_fields
from app.domain.masking import mask_personal_text
from app.domain.vocabulary import DisputePath, FeedbackMethod, Finding, label
from app.services.profile import Profile
from app.services.queries import ComplaintDetail
from ui.detail.values import EMPTY, current_value, display_value
from ui.forms.intake_fields import OVERRIDE, OVERRIDE_REASON, SECTIONS, tr

SHORT = 12  # characters


class ValueLabel(QLabel):
    """A value the user can select with the mouse, made selectable when first pressed: a selectable
    label lays its text out through a text document, and 80 of them took 3 ms of opening a complaint."""

    def mousePressEvent(self, event) -> None:
        if not self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().mousePressEvent(event)


def value_label(text: str) -> QLabel:
    widget = ValueLabel(text)
    # Only texts that may need a second line wrap: a wrapping label is laid out height-for-width, and
    # some 80 of them were a third of the time to open a complaint. 12 characters fit any value column.
    widget.setWordWrap(len(text) > SHORT)
    return widget


def form_box(title: str, rows: list[tuple[str, str]]) -> QGroupBox:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for name, value in rows:
        name_label = QLabel(name + "：")
        name_label.setObjectName("fieldName")
        name_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(name_label, value_label(value))
    return box


def align_names(boxes: list[QWidget]) -> None:
    """One label width for all groups, so the values line up down the page."""
    names = [name for box in boxes for name in box.findChildren(QLabel, "fieldName")]
    width = max((name.sizeHint().width() for name in names), default=0)
    for name in names:
        name.setMinimumWidth(width)


class IntakeTab(QWidget):
    """Personal data (``app.domain.disclosure``) shows masked unless ``revealed`` holds its values."""

    amend_requested = Signal()
    reveal_requested = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        layout = QVBoxLayout(self)
        self.bar = QWidget()
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setStyleSheet("color: #5f6368;")
        bar.addWidget(self.note, 1)
        self.reveal_button = QPushButton(self.tr("Show"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setToolTip(self.tr("Show the contact's phone, ID number and address in full for a short "
                                              "time; each look is recorded in the audit trail"))
        self.reveal_button.clicked.connect(self.reveal_requested)
        bar.addWidget(self.reveal_button)
        self.amend_button = QPushButton(self.tr("Correct…"))
        self.amend_button.setObjectName("amend")
        self.amend_button.setToolTip(self.tr("Correct registered information, with the reason (kept in the record)"))
        self.amend_button.clicked.connect(self.amend_requested)
        bar.addWidget(self.amend_button)
        layout.addWidget(self.bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)  # the tab page's own background shows through
        layout.addWidget(self.scroll, 1)

    def show_detail(self, detail: ComplaintDetail, can_amend: bool, *, may_reveal: bool = False,
                    revealed: Mapping[str, Any] | None = None) -> None:
        """``revealed``: the personal fields in full after an audited reveal (None: shown masked)."""
        c = detail.complaint
        self.amend_button.setVisible(can_amend)
        can_reveal = may_reveal and revealed is None and bool(present_fields(c.intake))
        self.reveal_button.setVisible(can_reveal)
        notes = [self.tr("Corrected %1 time(s); see the record.").replace("%1", str(c.amendments))] \
            if c.amendments else []
        if revealed is not None:
            notes.append(self.tr("Personal data shown in full; it is masked again shortly."))
        self.note.setText(" ".join(notes))
        self.bar.setVisible(can_amend or can_reveal or bool(notes))
        content = QWidget()
        content.setAutoFillBackground(False)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        boxes = []
        progress = self._progress_rows(detail)
        if revealed is None:
            progress = [(name, mask_personal_text(text)) for name, text in progress]
        if progress:
            boxes.append(form_box(self.tr("Handling so far"), progress))
        for section in SECTIONS:
            rows = []
            for spec in section.fields:
                value = current_value(c.intake, spec.path)
                if spec.path == OVERRIDE_REASON or (spec.path == OVERRIDE and not value):
                    continue
                if revealed is None:
                    value = mask_field(spec.path, value)
                text = display_value(self.profile, spec, value)
                if spec.path == OVERRIDE:
                    text += "（" + (current_value(c.intake, OVERRIDE_REASON) or EMPTY) + "）"
                rows.append((tr(spec.label), text))
            boxes.append(form_box(tr(section.title), rows))
        align_names(boxes)
        for box in boxes:
            column.addWidget(box)
        column.addStretch(1)
        self.scroll.setWidget(content)

    def _progress_rows(self, detail: ComplaintDetail) -> list[tuple[str, str]]:
        c = detail.complaint
        rows = []
        if c.department:
            rows.append((self.tr("Forwarded to"), c.department))
        finding = c.finding or {}
        if finding.get("finding"):
            rows.append((self.tr("Finding"), f"{label(Finding(finding['finding']))}（{finding.get('on', '')}）"))
            rows.append((self.tr("Verification"), finding.get("explanation") or EMPTY))
            if finding.get("requirements"):
                rows.append((self.tr("Requirements"), f"{finding['requirements']}"))
            if c.rectify_due:
                rows.append((self.tr("Rectify by"), c.rectify_due.isoformat()))
            if finding.get("dispute_path"):
                rows.append((self.tr("Dispute settled by"), label(DisputePath(finding["dispute_path"]))))
        if c.rectification:
            rows.append((self.tr("Rectified"), f"{c.rectification.get('on', '')}：{c.rectification.get('evidence', '')}"))
        for feedback in c.feedbacks:
            rows.append((self.tr("Feedback"), f"{feedback.get('on', '')} {label(FeedbackMethod(feedback['method']))}："
                                              f"{feedback.get('summary', '')}"))
        if c.closure:
            kinds = {"closed": self.tr("Closed"), "rejected": self.tr("Not accepted"), "merged": self.tr("Merged")}
            text = c.closure.get("summary") or c.closure.get("reason") or c.closure.get("duplicate_case_no") or ""
            rows.append((kinds.get(c.closure.get("kind"), EMPTY), f"{c.closure.get('on', '')}：{text}"))
        return rows
