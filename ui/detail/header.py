"""The top of the complaint detail: case number, state, deadline with working days left, markers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.vocabulary import State, label
from app.presentation import deadline_text
from app.services.queries import ComplaintDetail, local_time

RED, AMBER, GREY = "#b71c1c", "#8a5a00", "#3c4043"
BADGE = "border-radius: 4px; padding: 2px 8px; color: white; background: {color};"
STATE_COLORS = {
    State.REGISTERED: "#5f6368", State.FORWARDED: "#1967d2", State.UNSUBSTANTIATED: "#5f6368",
    State.DISPUTED: "#8e24aa", State.RECTIFYING: "#a65400", State.RECTIFIED: "#188038",
    State.BREACH_CONFIRMED: "#b71c1c", State.SANCTIONED: "#b71c1c", State.REPAIRED: "#188038",
    State.CLOSED: "#3c4043",
}


def badge(text: str, color: str, name: str) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setStyleSheet(BADGE.format(color=color))
    return widget


class ComplaintHeader(QFrame):
    open_complaint = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.case_no = QLabel()
        self.case_no.setObjectName("caseNo")
        self.case_no.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.case_no.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.case_no.setFont(font)
        top.addWidget(self.case_no)
        self.state = badge("", GREY, "state")
        self.typical = badge(self.tr("Typical case"), "#0b5394", "typical")
        self.conflict = badge(self.tr("To be checked"), RED, "conflict")
        for widget in (self.state, self.typical, self.conflict):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.parties = QLabel()
        self.parties.setWordWrap(True)
        layout.addWidget(self.parties)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        layout.addWidget(self.deadline)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet(f"color: {GREY};")
        self.facts.linkActivated.connect(self.open_complaint)
        layout.addWidget(self.facts)

    def show_detail(self, detail: ComplaintDetail) -> None:
        c = detail.complaint
        self.case_no.setText(c.case_no)
        self.state.setText(label(State(c.state)))
        self.state.setStyleSheet(BADGE.format(color=STATE_COLORS.get(State(c.state), GREY)))
        self.typical.setVisible(c.typical)
        self.typical.setToolTip(c.typical_reason or "")
        self.conflict.setVisible(bool(c.conflicts))
        self.conflict.setToolTip(self.tr("%1 change(s) made elsewhere conflict with this complaint; a leader "
                                         "must resolve them.").replace("%1", str(len(c.conflicts))))
        intake = c.intake
        self.parties.setText(self.tr("%1 complains about %2 (competent department: %3)")
                             .replace("%1", intake["complainant"]["name"]).replace("%2", intake["respondent"]["name"])
                             .replace("%3", intake["respondent"]["competent_department"]))
        self._show_deadline(detail)
        facts = [self.tr("Registered %1").replace("%1", local_time(c.registered_at))]
        if detail.registration_lag > 0:
            facts.append(self.tr("received %1, registered %2 working day(s) later")
                         .replace("%1", c.received_on.isoformat()).replace("%2", str(detail.registration_lag)))
        assignee = detail.names.get(c.assignee or "", c.assignee)
        facts.append(self.tr("Handler: %1").replace("%1", assignee) if assignee else self.tr("No handler assigned"))
        if c.department:
            facts.append(self.tr("Forwarded to %1").replace("%1", c.department))
        closure = c.closure or {}
        if closure.get("kind") == "merged" and closure.get("duplicate_of"):
            link = f"<a href='{closure['duplicate_of']}'>{closure.get('duplicate_case_no') or ''}</a>"
            facts.append(self.tr("Merged into %1").replace("%1", link))
        self.facts.setText(" · ".join(facts))

    def _show_deadline(self, detail: ComplaintDetail) -> None:
        status = detail.deadline
        if status is None:
            text = self.tr("No running deadline") if detail.complaint.state != State.CLOSED else self.tr("Closed")
            self.deadline.setText(text)
            self.deadline.setStyleSheet(f"color: {GREY};")
            return
        self.deadline.setText(self.tr("Deadline: %1").replace("%1", deadline_text(status)))
        color = RED if status.overdue else AMBER if status.due_soon else GREY
        weight = "bold" if status.overdue or status.due_soon else "normal"
        self.deadline.setStyleSheet(f"color: {color}; font-weight: {weight};")
        self.deadline.setProperty("urgency", "overdue" if status.overdue else "soon" if status.due_soon else "")
