"""The 文书 page: every issued document, with search, preview or reprint, and printing several at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents.render import Printable
from app.domain.document_kinds import KIND_LABELS
from app.domain.errors import DomainError
from app.messages import describe
from app.services import documents
from app.services.documents import DocumentRow
from app.services.file_output import write_pdf
from ui.context import UiContext
from ui.documents.document_table import RECIPIENT, DocumentTableModel
from ui.documents.preview_dialog import PdfPreviewDialog, file_name_for, save_pdf
from ui.documents.printing import prepare_printer, print_with_progress
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons
from ui.widgets.column_fit import ElidingToolTips, FontColumns
from ui.widgets.empty_state import EmptyState
from ui.widgets.heading import Heading


class DocumentsPage(QWidget):
    """``refresh()`` re-reads the register (the shell calls it when the page is shown)."""

    previewed = Signal(object)  # the PdfPreviewDialog opened
    printed = Signal(int)  # documents sent to the printer

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PdfPreviewDialog | None = None
        self._printer: QPrinter | None = None
        self.model = DocumentTableModel(ctx, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search number, case, recipient, complainant, respondent"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for code, name in KIND_LABELS.items():
            self.kind.addItem(name, code)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegate(ElidingToolTips(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RECIPIENT, QHeaderView.ResizeMode.Stretch)  # the one free-text column
        # widths from the font: a long 发文字号, the longest kind, a case number, a date; again at 字号 changes
        self.columns = FontColumns(self.table, {0: "双发改函〔2026〕123号", 1: max(KIND_LABELS.values(), key=len),
                                                2: "532300-2026-0001", 4: "2026-12-31", 5: "99"}, rows=1.6)
        self.status = QLabel(self)
        self.open_button = QPushButton(self.tr("Preview / reprint"), self)
        self.open_button.setIcon(icons.icon("preview"))
        self.print_button = QPushButton(self.tr("Print selected…"), self)
        self.print_button.setIcon(icons.icon("print"))
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setIcon(icons.icon("save_as"))
        self.reminders_button = QPushButton(self.tr("Reminders…"), self)
        self.reminders_button.setIcon(icons.icon("remind"))
        self.reminders_button.setToolTip(self.tr("Overdue steps by department; issue 催办函 or 督办通知 in a batch"))
        self.reminders_button.setVisible(bool({"handler", "leader"} & set(ctx.roles)))  # they issue the letters

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind)
        filters.addWidget(self.reminders_button)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        for button in (self.open_button, self.print_button, self.save_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(self.tr("Issued documents"), self, scale=1.3))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._show_failure)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.save_button.clicked.connect(self.save_selected)
        self.reminders_button.clicked.connect(self.open_reminders)
        self._loading = True
        self.empty_state = EmptyState(
            self.table, self.tr("No documents have been issued yet. Documents are issued while handling a "
                                "complaint (open it, then choose the step)."),
            filtered_text=self.tr("No documents match the search."), clear_text=self.tr("Clear the search"),
            on_clear=self.clear_filters, is_filtered=lambda: bool(self.search.text() or self.kind.currentData()),
            is_loading=lambda: self._loading)
        self._selection_changed()
        self.refresh()

    def clear_filters(self) -> None:
        self.search.clear()
        self.kind.setCurrentIndex(0)
        self.refresh()

    def open_reminders(self) -> None:
        """The 催办督办 dialog (``ui.documents.reminders_dialog``); the register is re-read after a batch."""
        from ui.documents.reminders_dialog import RemindersDialog

        self.reminders = RemindersDialog(self.ctx, self)
        self.reminders.issued.connect(lambda _result: self.refresh())
        self.reminders.open()

    def refresh(self) -> None:
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        self.model.set_filter(self.search.text(), self.kind.currentData())

    def selected_rows(self) -> list[DocumentRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row) for row in rows]

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        row = rows[0]
        self.ctx.tasks.run(documents.for_printing, self.ctx.profile, row.event_id, actor=self.ctx.actor,
                           on_done=lambda found: self._show(row, found), on_error=self._show_failure)

    def _show(self, row: DocumentRow, found: Printable) -> None:
        self.preview = PdfPreviewDialog(found.pdf, f"{row.number} {row.kind_label}", self, printable=found)
        self.preview.open()
        self.previewed.emit(self.preview)

    def print_selected(self, printer: QPrinter | None = None) -> None:
        """Print every selected document in one job; without ``printer`` the system dialog asks for one."""
        rows = self.selected_rows()
        if not rows:
            return
        title = rows[0].number if len(rows) == 1 else self.tr("%1 documents").replace("%1", str(len(rows)))
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer, title)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return
        self._printer = printer
        progress = QProgressDialog(self.tr("Preparing documents…"), self.tr("Cancel"), 0, len(rows), self)
        progress.setWindowTitle(self.tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        job = self.ctx.tasks.run(
            documents.many_for_printing, self.ctx.profile, [r.event_id for r in rows], actor=self.ctx.actor,
            cancellable=True,
            on_progress=lambda done, total, _ref: progress.setValue(done),
            on_done=lambda pdfs: self._print_now(progress, pdfs, len(rows)),
            on_error=lambda failure: (progress.close(), self._show_failure(failure)),
        )
        progress.canceled.connect(job.cancel)

    def _print_now(self, progress: QProgressDialog, pdfs: list[Printable], wanted: int) -> None:
        cancelled = progress.wasCanceled() or len(pdfs) < wanted
        progress.close()
        if cancelled or self._printer is None:
            return
        if print_with_progress(self, self._printer, pdfs):
            self.printed.emit(len(pdfs))

    def save_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            row = rows[0]
            self.ctx.tasks.run(documents.reprint, self.ctx.profile, row.event_id, actor=self.ctx.actor,
                               on_done=lambda pdf: self._save_one(row, pdf), on_error=self._show_failure)
            return
        folder = file_dialogs.ask_folder(self, self.tr("Save the selected documents in"), "documents")
        if folder is not None:
            self.ctx.tasks.run(documents.reprint_many, self.ctx.profile, [r.event_id for r in rows],
                               actor=self.ctx.actor, on_done=lambda pdfs: self._save_all(folder, rows, pdfs),
                               on_error=self._show_failure)

    def _save_one(self, row: DocumentRow, pdf: bytes) -> None:
        save_pdf(self, pdf, f"{row.number} {row.kind_label}")

    def _save_all(self, folder: Path, rows: list[DocumentRow], pdfs: list[bytes]) -> None:
        failed: list[str] = []
        for row, pdf in zip(rows, pdfs, strict=True):
            try:
                write_pdf(folder / file_name_for(f"{row.number} {row.kind_label}"), pdf)
            except DomainError as error:  # open in WPS/Acrobat, a folder of that name…: said, never silent
                failed.append(describe(error))
        saved = len(pdfs) - len(failed)
        text = self.tr("Saved %1 documents in %2").replace("%1", str(saved)).replace("%2", str(folder))
        self.status.setText(text)
        if failed:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save the selected documents in"),
                              text + "\n" + self.tr("Not saved: %1").replace("%1", str(len(failed))), parent=self)
            box.setObjectName("save-failed")
            box.setDetailedText("\n".join(failed))
            box.setInformativeText(failed[0])
            box.open()
            return
        file_dialogs.confirm_saved(self, folder, text)

    def _loaded(self, total: int) -> None:
        self._loading = False
        self.empty_state.update_state()
        self.status.setText(self.tr("%1 documents").replace("%1", str(total)) if total
                            else self.tr("No documents match") if self.search.text() or self.kind.currentData()
                            else self.tr("No documents have been issued yet"))

    def _selection_changed(self, *_args) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.open_button.setEnabled(count == 1)
        self.print_button.setEnabled(count > 0)
        self.save_button.setEnabled(count > 0)

    def _show_failure(self, failure: TaskFailure) -> None:
        self._loading = False
        self.status.setText(failure.message)
        QMessageBox.warning(self, self.tr("Documents"), failure.message)
