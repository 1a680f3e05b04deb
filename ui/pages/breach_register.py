"""The breach register page 失信记录 (政务失信记录台账): filter bar, counts, the SQL-paged table and
the detail panel of the chosen record; 导出 writes the selection as xlsx, 打开投诉 opens the case.

On a prefecture profile the table has a county column and the bar a county filter (the prefecture's
register view); a county sees its own records only (``credit_register`` keeps the scope).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.services import credit_register, register_export
from app.services.credit_register import BreachRecord, RegisterFilter
from ui.context import UiContext
from ui.models.breach_register_table import COLUMN_INDEX, COLUMNS, RECORD_ROLE, BreachRegisterModel, Totals
from ui.pages.breach_register_detail import RecordDetail
from ui.pages.breach_register_filters import RegisterFilterBar, is_prefecture
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons
from ui.widgets.busy_dialog import BusyDialog, warn_unless_cancelled
from ui.widgets.column_fit import FontColumns
from ui.widgets.empty_state import EmptyState
from ui.widgets.list_parts import list_beside_detail

_WIDTHS = {"case_no": 9, "respondent": 11, "code": 10, "county": 4, "department": 10, "confirmed_by": 10,
           "confirmed_on": 6, "status": 3, "sanctions": 5, "amount": 7}  # in characters
_DESCENDING_FIRST = {"confirmed_on", "amount"}


class BreachRegisterPage(QWidget):
    open_complaint = Signal(str, str)  # complaint id, case number
    exported = Signal(object)  # RegisterExport (tests)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load`` False: nothing is read until ``refresh`` (the main window refreshes a page when it is
        first shown)."""
        super().__init__(parent)
        self._ctx = ctx
        self._filter = RegisterFilter()
        self._busy = BusyDialog(self)
        self._error_shown = False
        self.filter_bar = RegisterFilterBar(ctx, self)
        self.count_label = QLabel(self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setIcon(icons.icon("export"))
        self.export_button.setToolTip(self.tr("Save the records shown as an Excel workbook"))
        self.open_button = QPushButton(self.tr("Open the complaint"), self)
        self.open_button.setIcon(icons.icon("open"))
        self.open_button.setEnabled(False)
        self.model = BreachRegisterModel(ctx, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(COLUMN_INDEX["respondent"], QHeaderView.ResizeMode.Interactive)
        self.columns = FontColumns(self.view, {i: _WIDTHS[c.key] for i, c in enumerate(COLUMNS)}, rows=1.7)
        self._prefecture = is_prefecture(ctx)
        self._hide_columns()
        header.sectionClicked.connect(self._header_clicked)
        self.detail = RecordDetail(self)

        heading = QHBoxLayout()
        heading.addWidget(self.count_label, 1)
        heading.addWidget(self.open_button)
        heading.addWidget(self.export_button)
        split = list_beside_detail(self, self.view, self.detail)
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(heading)
        layout.addWidget(split, 1)

        self.filter_bar.changed.connect(self._filter_changed)
        self.model.totals_changed.connect(self._show_totals)
        self.model.failed.connect(self._show_failure)
        self.model.modelReset.connect(lambda: (self._hide_columns(), self._show(None)))
        self.view.selectionModel().currentRowChanged.connect(lambda current, _p: self._show(self._record(current)))
        self.view.doubleClicked.connect(lambda _i: self._open())
        self.open_button.clicked.connect(self._open)
        self.export_button.clicked.connect(self.export)
        self._show_sort()
        self._loading = True
        self.empty_state = EmptyState(
            self.view, self.tr("No breach records yet. A record is made when a complaint's breach is confirmed "
                               "(核实认定)."),
            filtered_text=self.tr("No records match the filters."), clear_text=self.tr("Clear filters"),
            on_clear=self.filter_bar.clear, is_filtered=self._filtered, is_loading=lambda: self._loading)
        if load:
            self.refresh()

    def _filtered(self) -> bool:
        plain = RegisterFilter()
        return replace(self._filter, sort=plain.sort, ascending=plain.ascending) != plain

    def _hide_columns(self) -> None:
        """The county column on a prefecture only; the confirming authority is in the detail panel (a
        reset of the model shows every section again, so this runs after each)."""
        header = self.view.horizontalHeader()
        header.setSectionHidden(COLUMN_INDEX["county"], not self._prefecture)
        header.setSectionHidden(COLUMN_INDEX["confirmed_by"], True)

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._error_shown = False
        self._loading = True
        self.count_label.setText(self.tr("Counting…"))
        self.model.set_filter(self._filter)
        self._ctx.tasks.run(credit_register.departments, self._ctx.profile, self._ctx.actor, owner=self,
                            on_done=self.filter_bar.set_departments, on_error=lambda _f: None)

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def _filter_changed(self, f: RegisterFilter) -> None:
        f = replace(f, sort=self._filter.sort, ascending=self._filter.ascending)
        if f != self._filter:
            self._filter = f
            self._error_shown = False
            self._loading = True
            self.count_label.setText(self.tr("Counting…"))
            self.model.set_filter(f)

    def _header_clicked(self, column: int) -> None:
        key = COLUMNS[column].sort
        if key is None:
            self._show_sort()
            return
        ascending = not self._filter.ascending if key == self._filter.sort else key not in _DESCENDING_FIRST
        self._filter = replace(self._filter, sort=key, ascending=ascending)
        self._show_sort()
        self.model.set_filter(self._filter)

    def _show_sort(self) -> None:
        column = next(i for i, c in enumerate(COLUMNS) if c.sort == self._filter.sort)
        order = Qt.SortOrder.AscendingOrder if self._filter.ascending else Qt.SortOrder.DescendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)

    def _show_totals(self, totals: Totals) -> None:
        self._loading = False
        self.empty_state.update_state()
        self.count_label.setText(self.tr("{total} records ({in_force} in force, {sanctioned} under sanction today)")
                                 .format(total=f"{totals.total:,}", in_force=f"{totals.in_force:,}",
                                         sanctioned=f"{totals.sanctioned_now:,}"))
        self.export_button.setEnabled(totals.total > 0)
        if totals.total and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_failure(self, failure: TaskFailure) -> None:
        self._loading = False
        if not self._error_shown:
            self._error_shown = True
            self.count_label.setText(self.tr("The register could not be read"))
            QMessageBox.warning(self, self.tr("Breach register"), failure.message)

    def _record(self, index: QModelIndex) -> BreachRecord | None:
        return self.model.index(index.row(), 0).data(RECORD_ROLE) if index.isValid() else None

    def _show(self, record: BreachRecord | None) -> None:
        self.detail.show_record(record)
        self.open_button.setEnabled(record is not None)

    def current_record(self) -> BreachRecord | None:
        return self._record(self.view.currentIndex())

    def _open(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_complaint.emit(record.complaint_id, record.case_no)

    # -- export --------------------------------------------------------------------------------------
    def ask_file(self) -> Path | None:
        today = china_date(self._ctx.profile.now()).isoformat()
        path, _ = file_dialogs.ask_save_path(self, self.tr("Save as"), f"政务失信记录台账-{today}.xlsx",
                                             self.tr("Excel workbook (*.xlsx)"), "register-export")
        if path is None:
            return None
        return path if path.name.lower().endswith(".xlsx") else path.with_name(path.name + ".xlsx")

    def confirm(self, target: Path, count: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Export"), self.tr(
            "Export the {count} records shown (with the current filters) to {path}?").format(count=count,
                                                                                           path=target))
        return answer == QMessageBox.StandardButton.Yes

    def export(self) -> None:
        target = self.ask_file()
        if target is None:
            return
        count = f"{self.model.rowCount():,}"
        if not self.confirm(target, count):
            return
        profile, actor, f = self._ctx.profile, self._ctx.actor, self._filter

        def make(progress=None, cancel=None):
            # the save dialog has asked about an existing file already
            return register_export.export_register(profile, actor, f, target, force=True, progress=progress,
                                                   cancel=cancel)

        self._busy.run(self._ctx.tasks, make, title=self.tr("Export"), label=self.tr("Writing the workbook…"),
                       cancel_text=self.tr("Cancel"), on_done=self._exported,
                       on_error=lambda failure: warn_unless_cancelled(self, self.tr("Export"), failure))

    def _exported(self, written) -> None:
        self.exported.emit(written)
        file_dialogs.confirm_saved(self, written.path, self.tr("{n} records were saved to {path}").format(
            n=f"{written.records:,}", path=written.path))
