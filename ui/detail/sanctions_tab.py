"""惩戒与修复 tab: the breach determination, each sanction (measures, body, period, lifted) and the repair."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.sanctions import SanctionStatus, sanction_status
from app.domain.vocabulary import RefusalGround, Responsibility, SanctionMeasure, label
from app.services.queries import ComplaintDetail
from ui.detail.intake_tab import align_names, form_box

EMPTY = "—"


class SanctionsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.empty = QLabel(self.tr("No breach has been determined for this complaint."))
        self.empty.setStyleSheet("color: #5f6368;")
        self.layout_.addWidget(self.empty)
        self.breach_holder = QVBoxLayout()
        self.layout_.addLayout(self.breach_holder)
        self.sanctions_box = QGroupBox(self.tr("Sanctions"))
        box = QVBoxLayout(self.sanctions_box)
        self.tree = QTreeWidget()
        self.tree.setObjectName("sanctions")
        self.tree.setRootIsDecorated(False)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 6px; }")
        self.tree.setWordWrap(True)
        self.tree.setHeaderLabels([self.tr("Measures"), self.tr("Imposed by"), self.tr("Period"), self.tr("Status")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.tree)
        self.layout_.addWidget(self.sanctions_box, 1)
        # 追究责任 is not a credit measure: its own list, untouched by a repair
        self.accountability_box = QGroupBox(self.tr("Accountability"))
        self.accountability = QTreeWidget()
        self.accountability.setObjectName("accountability")
        self.accountability.setRootIsDecorated(False)
        self.accountability.setWordWrap(True)
        self.accountability.setHeaderLabels([self.tr("Name"), self.tr("Position"), self.tr("Responsibility"),
                                             self.tr("Outcome"), self.tr("Decided by")])
        QVBoxLayout(self.accountability_box).addWidget(self.accountability)
        self.layout_.addWidget(self.accountability_box)
        self.repair_holder = QVBoxLayout()
        self.layout_.addLayout(self.repair_holder)

    @staticmethod
    def _clear(holder: QVBoxLayout) -> None:
        while holder.count():
            widget = holder.takeAt(0).widget()
            if widget:
                widget.deleteLater()

    def show_detail(self, detail: ComplaintDetail) -> None:
        c = detail.complaint
        self._clear(self.breach_holder)
        self._clear(self.repair_holder)
        self.empty.setVisible(not c.breach and not c.sanctions and not c.accountability)
        if c.breach:
            b = c.breach
            self.breach_holder.addWidget(form_box(self.tr("Breach determination"), [
                (self.tr("Confirmed by"), b.get("confirmed_by") or EMPTY),
                (self.tr("Confirmed on"), b.get("confirmed_on") or EMPTY),
                (self.tr("Ground"), label(RefusalGround(b.get("ground") or "overdue"))
                 + (f"：{b['ground_detail']}" if b.get("ground_detail") else "")),
                (self.tr("Facts"), b.get("facts") or EMPTY),
                (self.tr("Document"), b.get("document_ref") or EMPTY),
            ]))
        self.sanctions_box.setVisible(bool(c.sanctions))
        self.tree.clear()
        for s in c.sanctions:
            measures = "、".join([label(SanctionMeasure(m)) for m in s.get("measures", [])]
                                + list(s.get("other_measures") or []))
            until = s.get("end_on") or self.tr("until repaired")
            period = f"{s.get('start_on', '')} — {until}"
            state = sanction_status(s, detail.today) if detail.today else None
            if state == SanctionStatus.EXPIRED:
                status = self.tr("Expired on %1").replace("%1", s.get("end_on") or "")
            elif s.get("lifted_on"):
                status = self.tr("Lifted on %1").replace("%1", s["lifted_on"])
            elif state == SanctionStatus.PENDING:
                status = self.tr("Starts on %1").replace("%1", s.get("start_on") or "")
            else:
                status = self.tr("In force")
            item = QTreeWidgetItem([measures, s.get("imposed_by", ""), period, status])
            item.setToolTip(0, measures + (f"\n{s['note']}" if s.get("note") else ""))
            self.tree.addTopLevelItem(item)
        self.accountability_box.setVisible(bool(c.accountability))
        self.accountability.clear()
        for decision in c.accountability:
            for person in decision.get("persons", []):
                self.accountability.addTopLevelItem(QTreeWidgetItem([
                    person.get("name", ""), person.get("position", ""),
                    label(Responsibility(person.get("responsibility", "direct"))), person.get("outcome", ""),
                    f"{decision.get('decided_by', '')} {decision.get('decided_on', '')}"]))
        if c.repair:
            r = c.repair
            self.repair_holder.addWidget(form_box(self.tr("Credit repair"), [
                (self.tr("Agreement fulfilled on"), r.get("fulfilled_on") or EMPTY),
                (self.tr("Evidence"), r.get("evidence") or EMPTY),
                (self.tr("Repaired on"), r.get("on") or EMPTY),
            ]))
        align_names([holder.itemAt(i).widget() for holder in (self.breach_holder, self.repair_holder)
                     for i in range(holder.count())])
