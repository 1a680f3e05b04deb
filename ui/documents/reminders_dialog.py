"""Reminders 催办督办 in the window: overdue steps by county and department, tick cases, issue 催办函 or
督办通知 in one batch with progress, then print or save the merged PDF (the preview dialog's paths).

Opened from the 文书 page. The work runs through ``ctx.tasks`` (the list on the pool, the batch on the
writer with progress and cancel); the widget holds no thread and no session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.document_kinds import KIND_LABELS
from app.domain.reminders import SUPERVISION_NOTICE, URGE_LETTER
from app.services import reminders
from app.services.reminders import BatchResult, OverdueItem
from ui.context import UiContext
from ui.documents.preview_dialog import PdfPreviewDialog
from ui.tasks import TaskFailure
from ui.widgets.screen_fit import em, fit_to_screen

CASE = Qt.ItemDataRole.UserRole


class RemindersDialog(QDialog):
    loaded = Signal(int)  # overdue items listed
    issued = Signal(object)  # the BatchResult of a batch

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PdfPreviewDialog | None = None
        self.setWindowTitle(self.tr("Reminders — overdue steps"))
        self.kind = QComboBox(self)
        for code in (URGE_LETTER, SUPERVISION_NOTICE):
            self.kind.addItem(KIND_LABELS[code], code)
        self.department = QLineEdit(self)
        self.department.setPlaceholderText(self.tr("Filter by responsible body"))
        self.department.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Case / responsible body"), self.tr("Overdue step"), self.tr("Due"),
                                   self.tr("Working days over"), self.tr("Urged"), self.tr("Supervised")])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.select_button = QPushButton(self.tr("Select all issuable"), self)
        self.issue_button = QPushButton(self.tr("Issue for selected…"), self)
        close = QPushButton(self.tr("Close"), self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:"), self))
        top.addWidget(self.kind)
        top.addWidget(self.department, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.select_button, self.issue_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, em(self) * 60, em(self) * 32)

        self.kind.currentIndexChanged.connect(self._mark_issuable)
        self.department.editingFinished.connect(self.refresh)
        self.select_button.clicked.connect(self.select_issuable)
        self.issue_button.clicked.connect(self.issue_selected)
        close.clicked.connect(self.reject)
        self.tree.itemChanged.connect(lambda *_: self._count())
        self.refresh()

    # -- the list -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self.ctx.tasks.run(reminders.overdue_steps, self.ctx.profile, self.ctx.actor,
                           department=self.department.text().strip() or None, on_done=self._show,
                           on_error=self._failed, owner=self)

    def _show(self, items: list[OverdueItem]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for group in reminders.by_department(items):
            head = QTreeWidgetItem(self.tree, [self.tr("%1 · %2 (%3, at most %4 working days over)")
                                               .replace("%1", group.region_name).replace("%2", group.responsible)
                                               .replace("%3", str(len(group.items)))
                                               .replace("%4", str(group.most_days_over))])
            head.setFirstColumnSpanned(True)
            head.setFlags(head.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            head.setCheckState(0, Qt.CheckState.Unchecked)
            for item in group.items:
                row = QTreeWidgetItem(head, [item.case_no, item.step_label, item.due_on.isoformat(),
                                             str(item.working_days_over), str(item.urged), str(item.supervised)])
                row.setData(0, CASE, item)
                row.setCheckState(0, Qt.CheckState.Unchecked)
            head.setExpanded(True)
        self.tree.blockSignals(False)
        self._mark_issuable()
        self.loaded.emit(len(items))

    def _rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i).child(j) for i in range(self.tree.topLevelItemCount())
                for j in range(self.tree.topLevelItem(i).childCount())]

    def _mark_issuable(self) -> None:
        """Rows the chosen kind cannot be issued for are greyed and cannot be ticked."""
        kind = self.kind.currentData()
        self.tree.blockSignals(True)
        for row in self._rows():
            item: OverdueItem = row.data(0, CASE)
            issuable = kind in item.kinds
            flags = row.flags() | Qt.ItemFlag.ItemIsUserCheckable
            row.setFlags(flags if issuable else flags & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled)
            if not issuable:
                row.setCheckState(0, Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._count()

    def selected_cases(self) -> list[str]:
        return [row.data(0, CASE).case_no for row in self._rows() if row.checkState(0) == Qt.CheckState.Checked]

    def select_issuable(self) -> None:
        for row in self._rows():
            if row.flags() & Qt.ItemFlag.ItemIsEnabled:
                row.setCheckState(0, Qt.CheckState.Checked)

    def _count(self) -> None:
        rows = self._rows()
        chosen = len(self.selected_cases())
        self.issue_button.setEnabled(chosen > 0)
        self.status.setText(self.tr("%1 overdue, %2 selected").replace("%1", str(len(rows)))
                            .replace("%2", str(chosen)) if rows else self.tr("No overdue steps"))

    # -- the batch ----------------------------------------------------------------------------------
    def issue_selected(self) -> None:
        cases = self.selected_cases()
        if not cases:
            return
        label = self.kind.currentText()
        asked = QMessageBox.question(self, self.windowTitle(), self.tr("Issue %1 numbered %2 now?")
                                     .replace("%1", str(len(cases))).replace("%2", label))
        if asked != QMessageBox.StandardButton.Yes:
            return
        self.run_batch(cases)

    def run_batch(self, cases: list[str]) -> None:
        """Issue the chosen kind for ``cases`` in the background (tests call this without the question)."""
        progress = QProgressDialog(self.tr("Issuing documents…"), self.tr("Cancel"), 0, len(cases), self)
        progress.setWindowTitle(self.windowTitle())
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.issue_button.setEnabled(False)
        job = self.ctx.tasks.run(
            reminders.issue_batch, self.ctx.profile, self.ctx.actor, self.kind.currentData(), cases,
            write=True, cancellable=True, owner=self,
            on_progress=lambda done, _total, _ref: progress.setValue(done),
            on_done=lambda result: (progress.close(), self._done(result)),
            on_error=lambda failure: (progress.close(), self._failed(failure)),
        )
        progress.canceled.connect(job.cancel)

    def _done(self, result: BatchResult) -> None:
        lines = [self.tr("Issued %1 %2.").replace("%1", str(len(result.issued))).replace("%2", result.kind_label)]
        lines += [f"{f.ref}：{f.message}" for f in result.failed]
        if result.cancelled:
            lines.append(self.tr("Cancelled before the rest."))
        note = "\n".join(lines)
        self.issued.emit(result)
        self.refresh()
        if result.pdf:
            self.preview = PdfPreviewDialog(result.pdf, f"{result.kind_label}（{len(result.issued)}）", self,
                                            note=note, parts=[issued.printable for issued in result.issued])
            self.preview.open()
        else:
            QMessageBox.warning(self, self.windowTitle(), note)

    def _failed(self, failure: TaskFailure) -> None:
        self.status.setText(failure.message)
        self._count()
