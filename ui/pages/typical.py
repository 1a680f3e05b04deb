"""Typical cases 典型案例 (seed §四(八)): the proposals with the criteria met and their figures, the
leader's decision (reason, editable summary), the cases listed, and the export for 信用云南."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import typical_cases, typical_export
from app.services.typical_cases import Proposals, PublishedCase, TypicalView
from ui.context import UiContext
from ui.dialogs.typical_decision import TypicalDecisionDialog
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons
from ui.widgets.empty_state import EmptyState

SHOWN = 500  # proposals listed at most (the best first)


class TypicalPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.proposals = QTreeWidget(self)
        self.proposals.setRootIsDecorated(False)
        self.proposals.setHeaderLabels([self.tr("Case no."), self.tr("Body"), self.tr("Area"),
                                        self.tr("Confirmed on"), self.tr("Kind"), self.tr("Criteria and figures")])
        self.published_list = QTreeWidget(self)
        self.published_list.setRootIsDecorated(False)
        self.published_list.setHeaderLabels([self.tr("Case no."), self.tr("Body"), self.tr("Area"),
                                             self.tr("Listed on"), self.tr("Reason")])
        for tree in (self.proposals, self.published_list):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.itemDoubleClicked.connect(lambda *_: self._decide())
            tree.currentItemChanged.connect(lambda *_: self._update_decide())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.proposals, self.tr("Proposals"))
        self.tabs.addTab(self.published_list, self.tr("Typical cases"))
        self.note = QLabel(self)
        self.decide_button = QPushButton(self.tr("Decide…"), self)
        self.decide_button.setIcon(icons.icon("handle"))
        self.export_button = QPushButton(self.tr("Export for publication…"), self)
        self.export_button.setIcon(icons.icon("export"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setIcon(icons.icon("refresh"))
        self.decide_button.clicked.connect(self._decide)
        self.export_button.clicked.connect(self._export)
        self.refresh_button.clicked.connect(self.refresh)
        self.tabs.currentChanged.connect(lambda _i: self._update_decide())
        self._update_decide()  # 审定… needs a chosen row
        buttons = QHBoxLayout()
        for button in (self.decide_button, self.export_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.shown: Proposals | None = None
        self.cases: tuple[PublishedCase, ...] = ()
        self._read: set[str] = set()  # which lists have been read (no empty state before that)
        self.proposals_empty = EmptyState(
            self.proposals, self.tr("No cases to propose. A complaint whose breach was confirmed appears here "
                                    "when it meets the typical-case criteria."),
            is_loading=lambda: "proposals" not in self._read)
        self.published_empty = EmptyState(
            self.published_list, self.tr("No typical cases yet. A leader chooses them from the proposals."),
            action_text=self.tr("Show the proposals"), on_action=lambda: self.tabs.setCurrentIndex(0),
            is_loading=lambda: "published" not in self._read)

    def refresh(self) -> None:
        ctx = self._ctx
        ctx.tasks.run(typical_cases.propose, ctx.profile, ctx.actor, limit=SHOWN, on_done=self._show_proposals,
                      on_error=self._failed, owner=self)
        ctx.tasks.run(typical_cases.published, ctx.profile, ctx.actor, on_done=self._show_published,
                      on_error=self._failed, owner=self)

    def _show_proposals(self, proposals: Proposals) -> None:
        self.shown = proposals
        self._read.add("proposals")
        self.proposals.clear()
        for p in proposals.rows:
            text = p.criteria_text + (self.tr(" (declined before; new facts)") if p.declined_before else "")
            QTreeWidgetItem(self.proposals, [p.case_no, p.respondent_name, p.region_name, p.confirmed_on,
                                             p.groups_text, text])
        self.note.setText(self.tr("{count} proposals; {hidden} declined without new facts").format(
            count=len(proposals.rows), hidden=proposals.declined_hidden))

    def _show_published(self, cases: tuple[PublishedCase, ...]) -> None:
        self.cases = cases
        self._read.add("published")
        self.published_list.clear()
        for c in cases:
            QTreeWidgetItem(self.published_list, [c.case_no, c.complaint.intake["respondent"]["name"], c.region_name,
                                                  c.marked_on.isoformat(), c.reason])
        self.export_button.setEnabled(bool(cases))

    def selected_case(self) -> str | None:
        tree = self.proposals if self.tabs.currentIndex() == 0 else self.published_list
        item = tree.currentItem()
        return item.text(0) if item else None

    def _update_decide(self) -> None:
        self.decide_button.setEnabled("leader" in self._ctx.roles and self.selected_case() is not None)

    def _decide(self) -> None:
        case_no = self.selected_case()
        if case_no is None or "leader" not in self._ctx.roles:
            return
        self._ctx.tasks.run(typical_cases.view, self._ctx.profile, self._ctx.actor, case_no,
                            on_done=self._open_dialog, on_error=self._failed, owner=self)

    def _open_dialog(self, view: TypicalView) -> None:
        dialog = TypicalDecisionDialog(view, self)
        self.dialog = dialog
        if not dialog.exec():
            return
        ctx = self._ctx
        ctx.tasks.run(typical_cases.decide, ctx.profile, ctx.actor, view.complaint.case_no,
                      accept=dialog.accepted_case, reason=dialog.reason.text(),
                      summary=dialog.summary.toPlainText() if dialog.accepted_case else None,
                      expected_head=view.complaint.head, write=True,
                      on_done=lambda _r: self.refresh(), on_error=self._failed, owner=self)

    def _export(self) -> None:
        folder = file_dialogs.ask_folder(self, self.tr("Export typical cases to"), "typical-export")
        if folder is not None:
            self.export_to(folder)

    def export_to(self, folder: Path) -> None:
        self._ctx.tasks.run(typical_export.export, self._ctx.profile, self._ctx.actor, folder,
                            on_done=self._exported, on_error=self._failed, owner=self)

    def _exported(self, result: typical_export.TypicalExport) -> None:
        self.note.setText(self.tr("Exported {count} typical cases (personal data masked) to {folder}").format(
            count=result.cases, folder=str(result.files[0].parent)))
        if result.files:
            file_dialogs.confirm_saved(self, result.files[0].parent)

    def _failed(self, failure: TaskFailure) -> None:
        QMessageBox.warning(self, self.tr("Typical cases"), failure.message)
