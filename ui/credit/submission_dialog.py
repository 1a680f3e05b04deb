"""Submissions to the province 上报省平台 in the window: a month, the preview of what would go up (new,
changed, repaired, held back), create and export to a folder, and the history with each submission's
status, exporting again and recording it as sent.

Opened from the 信用 menu of the main window. Work runs through ``ctx.tasks`` (previews on the pool,
writes on the writer); the dialog holds no thread and no session. Sized from the available screen (it
fits 1366×768 at 125 %).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.services import credit_submissions
from app.services.credit_submissions import Exported, Preview, SubmissionInfo
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs
from ui.widgets.empty_state import EmptyState
from ui.widgets.screen_fit import em, fit_to_screen

NUMBER = Qt.ItemDataRole.UserRole


def create_and_export(profile, actor, period: str, folder: Path) -> Exported:
    """Make the submission and write its files (one background job: a failed export leaves a draft)."""
    made = credit_submissions.create(profile, actor, period)
    return credit_submissions.export(profile, actor, made.info.number, folder)


class SentDialog(QDialog):
    """Asks the date a submission was sent to the province."""

    def __init__(self, number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record as sent"))
        self.on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Submission %1 was sent to the provincial platform on:").replace("%1", number),
                           self))
        form.addRow(self.tr("Date sent"), self.on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> date:
        return self.on.date().toPython()


class SubmissionDialog(QDialog):
    previewed = Signal(object)  # Preview
    exported = Signal(object)  # Exported
    marked = Signal(object)  # SubmissionInfo
    history_loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Report to the provincial platform"))
        today = china_date(ctx.profile.now())
        self.period = QDateEdit(QDate(today.year, today.month, 1), self)
        self.period.setDisplayFormat("yyyy-MM")
        self.period.setMaximumDate(QDate(today.year, today.month, 28))
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.create_button = QPushButton(self.tr("Create and export…"), self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.history = QTableWidget(0, 9, self)
        self.history.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Period"), self.tr("Status"), self.tr("New"), self.tr("Changed"),
            self.tr("Repaired"), self.tr("Created"), self.tr("Sent on"), self.tr("Sent by")])
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Export again…"), self)
        self.sent_button = QPushButton(self.tr("Record as sent…"), self)
        close = QPushButton(self.tr("Close"), self)

        new_box = QGroupBox(self.tr("New submission"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period (month):"), self))
        top.addWidget(self.period)
        top.addWidget(self.preview_button)
        top.addStretch(1)
        top.addWidget(self.create_button)
        box = QVBoxLayout(new_box)
        box.addLayout(top)
        box.addWidget(self.counts)
        history_box = QGroupBox(self.tr("Submissions"), self)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.sent_button)
        hbox = QVBoxLayout(history_box)
        hbox.addWidget(self.history, 1)
        hbox.addLayout(actions)
        bottom = QHBoxLayout()
        bottom.addWidget(self.warning, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(new_box)
        layout.addWidget(history_box, 1)
        layout.addLayout(bottom)
        self._history_read = False
        self._history_asked = 0  # refresh_history calls so far
        self.history_empty = EmptyState(
            self.history, self.tr("No submissions yet. Choose the month above and press “Create and export…”."),
            is_loading=lambda: not self._history_read)
        self._fit()

        self.period.dateChanged.connect(lambda *_: self.refresh_preview())
        self.preview_button.clicked.connect(self.refresh_preview)
        self.create_button.clicked.connect(self._choose_folder_and_create)
        self.export_button.clicked.connect(self._choose_folder_and_export)
        self.sent_button.clicked.connect(self._ask_sent)
        self.history.itemSelectionChanged.connect(self._enable)
        close.clicked.connect(self.reject)
        self._rows: list[SubmissionInfo] = []
        self._enable()
        self.refresh_preview()
        self.refresh_history()

    def _fit(self) -> None:
        fit_to_screen(self, em(self) * 64, em(self) * 34)

    # -- the preview --------------------------------------------------------------------------------
    def period_text(self) -> str:
        return self.period.date().toString("yyyy-MM")

    def set_period(self, text: str) -> None:
        year, month = (int(part) for part in text.split("-"))
        self.period.setDate(QDate(year, month, 1))

    def refresh_preview(self) -> None:
        self.counts.setText(self.tr("Loading…"))
        self.ctx.tasks.run(credit_submissions.preview, self.ctx.profile, self.ctx.actor, self.period_text(),
                           on_done=self._show_preview, on_error=self._failed, owner=self)

    def _show_preview(self, p: Preview) -> None:
        text = (self.tr("New %1, changed %2, repaired %3 (%4 in all) would go up for %5.")
                .replace("%1", str(p.new)).replace("%2", str(p.changed)).replace("%3", str(p.repaired))
                .replace("%4", str(p.total)).replace("%5", p.period))
        if p.held_back:
            text += "\n" + self.tr("Held back (missing required fields): %1").replace(
                "%1", "；".join(f"{h.case_no}（{'、'.join(h.problems)}）" for h in p.held_back[:5])
                + ("…" if len(p.held_back) > 5 else ""))
        self.counts.setText(text)
        warnings = [self.tr("Submission %1 was exported but is not recorded as sent.").replace("%1", n)
                    for n in p.unsent]
        if p.draft:
            warnings.append(self.tr("Draft %1 is open: export it before creating another.").replace("%1", p.draft))
        self.warning.setText("\n".join(warnings))
        self.create_button.setEnabled(p.total > 0 and p.draft is None)
        self.previewed.emit(p)

    # -- creating and exporting ----------------------------------------------------------------------
    def _choose_folder_and_create(self) -> None:
        folder = file_dialogs.ask_folder(self, self.tr("Folder for the submission files"), "credit-submission")
        if folder is not None:
            self.create_into(folder)

    def create_into(self, folder: Path) -> None:
        self.create_button.setEnabled(False)
        self.ctx.tasks.run(create_and_export, self.ctx.profile, self.ctx.actor, self.period_text(), folder,
                           write=True, on_done=self._exported, on_error=self._failed, owner=self)

    def _exported(self, done: Exported) -> None:
        self.counts.setText(self.tr("Submission %1 written: %2").replace("%1", done.info.number).replace(
            "%2", "、".join(p.name for p in done.paths)))
        if done.paths:
            file_dialogs.confirm_saved(self, done.paths[0].parent)
        self.refresh_history()
        self.refresh_preview()
        self.exported.emit(done)

    # -- the history ---------------------------------------------------------------------------------
    def refresh_history(self) -> None:
        # Reads run on the pool side by side and may finish out of order: only the latest one is shown
        # (a read that began between "create" and "export" would otherwise put 草稿 back over 已导出).
        self._history_asked += 1
        asked = self._history_asked
        self.ctx.tasks.run(credit_submissions.submissions, self.ctx.profile,
                           on_done=lambda rows: self._show_history(rows) if asked == self._history_asked else None,
                           on_error=self._failed, owner=self)

    def _show_history(self, rows: tuple[SubmissionInfo, ...]) -> None:
        self._rows = list(rows)
        self._history_read = True
        self.history.setRowCount(len(rows))
        self.history_empty.update_state()
        for r, info in enumerate(rows):
            cells = [info.number, info.period, info.status_label, str(info.new), str(info.changed),
                     str(info.repaired), info.created_at[:10], info.sent_on or "—", info.sent_by or "—"]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(NUMBER, info.number)
                if 3 <= c <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(r, c, item)
        self._enable()
        self.history_loaded.emit(len(rows))

    def selected(self) -> SubmissionInfo | None:
        rows = self.history.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select(self, number: str) -> None:
        for r, info in enumerate(self._rows):
            if info.number == number:
                self.history.selectRow(r)

    def _enable(self) -> None:
        info = self.selected()
        self.export_button.setEnabled(info is not None)
        self.sent_button.setEnabled(info is not None and info.status == "exported")

    def _choose_folder_and_export(self) -> None:
        info = self.selected()
        folder = file_dialogs.ask_folder(self, self.tr("Folder for the submission files"),
                                         "credit-submission") if info else None
        if info and folder is not None:
            self.export_into(info.number, folder)

    def export_into(self, number: str, folder: Path) -> None:
        self.ctx.tasks.run(credit_submissions.export, self.ctx.profile, self.ctx.actor, number, folder, write=True,
                           on_done=self._exported, on_error=self._failed, owner=self)

    def _ask_sent(self) -> None:
        info = self.selected()
        if info is None:
            return
        ask = SentDialog(info.number, china_date(self.ctx.profile.now()), self)
        if ask.exec() == QDialog.DialogCode.Accepted:
            self.mark_sent(info.number, ask.chosen())

    def mark_sent(self, number: str, on: date) -> None:
        self.ctx.tasks.run(credit_submissions.mark_sent, self.ctx.profile, self.ctx.actor, number, on, write=True,
                           on_done=self._marked, on_error=self._failed, owner=self)

    def _marked(self, info: SubmissionInfo) -> None:
        self.refresh_history()
        self.refresh_preview()
        self.marked.emit(info)

    def _failed(self, failure: TaskFailure) -> None:
        self.failed.emit(failure.message)
        if failure.expected:
            self.counts.setText(failure.message)
        else:
            QMessageBox.critical(self, self.tr("Report to the provincial platform"), failure.message)
