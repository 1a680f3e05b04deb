"""The auditor's page 审计: the audit trail with its filters, the detail of one record, 导出 (xlsx or
CSV, personal data masked) and 校验 (``audit verify``: every event's hash and every device chain).

Shown to users with the auditor role only (three-way separation of duties, docs/security.md); the
service refuses anyone else as well. Records are paged from SQL newest first (``ui.models.audit_table``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import audit_records as ar
from app.domain.clock import china_date
from app.security.audit import AuditReport
from app.services import audit_export, audit_trail, maintenance
from app.services.audit_trail import AuditFilter, AuditRecord
from ui.context import UiContext
from ui.models.audit_table import COLUMN_INDEX, COLUMNS, RECORD_ROLE, AuditTableModel
from ui.pages.audit_filters import AuditFilterBar
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons
from ui.widgets.busy_dialog import BusyDialog, warn_unless_cancelled
from ui.widgets.column_fit import FontColumns
from ui.widgets.empty_state import EmptyState
from ui.widgets.list_parts import list_beside_detail

_WIDTHS = {"at": 10, "category": 5, "action": 6, "outcome": 3, "case_no": 9, "actor": 8, "device": 5,
           "summary": 30}  # in characters


class AuditPage(QWidget):
    exported = Signal(object)  # AuditExport (tests)
    verified = Signal(object)  # AuditReport (tests)
    detail_shown = Signal(object)  # AuditRecord with its masked payload (tests)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = BusyDialog(self)
        self._error_shown = False
        self.filter_bar = AuditFilterBar(ctx, self)
        self.count_label = QLabel(self)
        self.verify_label = QLabel(self)
        self.verify_label.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Verify the audit chain"), self)
        self.verify_button.setIcon(icons.icon("check"))
        self.verify_button.setToolTip(self.tr("Recompute every record's hash and check each device's chain"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setIcon(icons.icon("export"))
        self.export_button.setToolTip(self.tr("Save the records shown as an Excel workbook or a CSV file"))
        self.model = AuditTableModel(ctx, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COLUMN_INDEX["summary"], QHeaderView.ResizeMode.Stretch)
        self.columns = FontColumns(self.view, {i: _WIDTHS[key] for i, key in enumerate(COLUMNS)}, rows=1.6)
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)

        heading = QHBoxLayout()
        heading.addWidget(self.count_label, 1)
        heading.addWidget(self.verify_button)
        heading.addWidget(self.export_button)
        split = list_beside_detail(self, self.view, self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(heading)
        layout.addWidget(self.verify_label)
        layout.addWidget(split, 1)

        self.filter_bar.changed.connect(self._filter_changed)
        self.model.loaded.connect(self._show_count)
        self.model.failed.connect(self._show_failure)
        self.model.modelReset.connect(lambda: self._show(None))
        self.view.selectionModel().currentRowChanged.connect(lambda current, _p: self._show(
            self.model.index(current.row(), 0).data(RECORD_ROLE) if current.isValid() else None))
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self._show(None)
        self._loading = True
        self.empty_state = EmptyState(
            self.view, self.tr("No audit records yet. Logins, administration and case handling are recorded here."),
            filtered_text=self.tr("No audit records match the filters."), clear_text=self.tr("Clear filters"),
            on_clear=self.filter_bar.clear, is_filtered=lambda: self.model.filter != AuditFilter(),
            is_loading=lambda: self._loading)
        if load:
            self.refresh()

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._error_shown = False
        self._loading = True
        self.count_label.setText(self.tr("Reading…"))
        self.model.set_filter(self.filter_bar.current())
        self._ctx.tasks.run(audit_trail.devices, self._ctx.profile, self._ctx.actor, owner=self,
                            on_done=lambda found: self.filter_bar.set_devices(found, self._ctx.profile.device_id),
                            on_error=lambda _f: None)

    def _filter_changed(self, f: AuditFilter) -> None:
        if f != self.model.filter:
            self._error_shown = False
            self._loading = True
            self.count_label.setText(self.tr("Reading…"))
            self.model.set_filter(f)

    def _show_count(self, shown: int, more: bool) -> None:
        self._loading = False
        self.empty_state.update_state()
        if not shown:
            self.count_label.setText(self.tr("No audit records match the filters"))
        elif more:
            self.count_label.setText(self.tr("{n} records shown, newest first (scroll down for older ones)")
                                     .format(n=f"{shown:,}"))
        else:
            self.count_label.setText(self.tr("{n} records, newest first").format(n=f"{shown:,}"))
        self.export_button.setEnabled(shown > 0)
        if shown and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_failure(self, failure: TaskFailure) -> None:
        self._loading = False
        if not self._error_shown:
            self._error_shown = True
            self.count_label.setText(self.tr("The audit records could not be read"))
            QMessageBox.warning(self, self.tr("Audit"), failure.message)

    def current_record(self) -> AuditRecord | None:
        index = self.view.currentIndex()
        return self.model.index(index.row(), 0).data(RECORD_ROLE) if index.isValid() else None

    def _show(self, record: AuditRecord | None) -> None:
        if record is None:
            hint = self.tr("Choose a record to see it here.")
            self.detail.setHtml(f"<p>{escape(hint)}</p>")
            return
        self.detail.setHtml(self._html(record, None))
        self._ctx.tasks.run(audit_trail.audit_record, self._ctx.profile, self._ctx.actor, record.seq, owner=self,
                            on_done=self._detail_loaded, on_error=lambda _f: None)

    def _detail_loaded(self, record: AuditRecord) -> None:
        current = self.current_record()
        if current is not None and current.seq == record.seq:
            self.detail.setHtml(self._html(record, record.payload))
            self.detail_shown.emit(record)

    def _html(self, r: AuditRecord, payload: dict | None) -> str:
        def row(label: str, value) -> str:
            return f"<tr><td><b>{escape(label)}</b></td><td>{escape(str(value) if value not in (None, '') else '—')}</td></tr>"

        parts = [f"<h3>{escape(r.action_label)}（{escape(r.outcome_label)}）</h3><table cellspacing='4'>",
                 row(self.tr("Time"), r.at_local), row(self.tr("Category"), r.category_label),
                 row(self.tr("User"), r.actor_name), row(self.tr("Case no."), r.case_no),
                 row(self.tr("Device"), r.device_id), row(self.tr("Device sequence"), r.device_seq),
                 row(self.tr("Hub sequence"), r.server_seq if r.server_seq is not None else self.tr("Not synced yet")),
                 row(self.tr("Record id"), r.event_id), "</table>"]
        if payload is not None:
            title = self.tr("Content (personal data masked)")
            parts.append(f"<p><b>{escape(title)}</b></p>")
            parts.append("<table cellspacing='2'>")
            for name, value in audit_trail.detail_lines(payload):
                parts.append(row(name, value))
            parts.append("</table>")
        return "".join(parts)

    # -- verify --------------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_label.setText(self.tr("Verifying…"))
        profile = self._ctx.profile
        self._busy.run(self._ctx.tasks, lambda: maintenance.verify_audit(profile),
                       title=self.tr("Verify the audit chain"),
                       label=self.tr("Checking every record of the audit chain…"),
                       on_done=self._verified, on_error=self._verify_failed)

    def summary(self, report: AuditReport) -> str:
        head = self.tr("{events} records of {devices} devices checked.").format(
            events=f"{report.events_checked:,}", devices=report.devices)
        if report.ok:
            return head + " " + self.tr("The audit chain is complete: nothing was altered.")
        lines = [head + " " + self.tr("{n} problems found:").format(n=len(report.problems))]
        for p in report.problems[:20]:
            if p.row is not None:
                where = self.tr("row {row}").format(row=p.row)
            elif p.kind == "chain_truncated":
                where = self.tr("end of the chain")
            else:  # a pulled event missing, forged or re-sealed (app.security.pulled_chain): no row of its own
                where = self.tr("records downloaded from the hub")
            lines.append(self.tr("{where}: {kind} (device {device}, number {seq}, record {event})").format(
                where=where, kind=ar.PROBLEM_LABELS.get(p.kind, p.kind), device=p.device_id[:8],
                seq=p.device_seq if p.device_seq is not None else "—", event=p.event_id or "—"))
        if len(report.problems) > 20:
            lines.append(self.tr("… and {n} more").format(n=len(report.problems) - 20))
        return "\n".join(lines)

    def _verified(self, report: AuditReport) -> None:
        self.verify_button.setEnabled(True)
        text = self.summary(report)
        self.verify_label.setText(text)
        self.verify_label.setStyleSheet("" if report.ok else "color: #b00020;")
        self.verified.emit(report)
        if report.ok:
            QMessageBox.information(self, self.tr("Verify the audit chain"), text)
        else:
            QMessageBox.warning(self, self.tr("Verify the audit chain"), text)

    def _verify_failed(self, failure: TaskFailure) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText(self.tr("The check could not run: {reason}").format(reason=failure.message))
        QMessageBox.warning(self, self.tr("Verify the audit chain"), failure.message)

    # -- export --------------------------------------------------------------------------------------
    def ask_file(self) -> Path | None:
        today = china_date(self._ctx.profile.now()).isoformat()
        path, chosen = file_dialogs.ask_save_path(self, self.tr("Save as"), f"审计记录-{today}.xlsx", ";;".join(
            (self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)"))), "audit-export")
        if path is None:
            return None
        if not path.name.lower().endswith((".xlsx", ".csv")):
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        return path

    def export(self) -> None:
        target = self.ask_file()
        if target is None:
            return
        profile, actor, f = self._ctx.profile, self._ctx.actor, self.model.filter

        def make(progress=None, cancel=None):
            def counted(n: int) -> None:
                if progress is not None:
                    progress(n, 0, "")

            # the save dialog has asked about an existing file already
            return audit_export.export_audit(profile, actor, f, target, force=True, progress=counted, cancel=cancel)

        def moved(dialog, done: int, _total: int) -> None:  # the total is not known in advance
            dialog.setLabelText(self.tr("{n} records written…").format(n=f"{done:,}"))

        self._busy.run(self._ctx.tasks, make, title=self.tr("Export"), label=self.tr("Writing the audit records…"),
                       cancel_text=self.tr("Cancel"), moved=moved, on_done=self._exported,
                       on_error=lambda failure: warn_unless_cancelled(self, self.tr("Export"), failure))

    def _exported(self, written) -> None:
        self.exported.emit(written)
        file_dialogs.confirm_saved(self, written.path, self.tr("{n} records were saved to {path}").format(
            n=f"{written.records:,}", path=written.path))
