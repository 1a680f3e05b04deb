"""The import dialog 批量导入: choose a file, pick or edit the column mapping, preview every row with its
status, import the good rows in one transaction with progress, then the summary and the rejects file.

Opened from the complaints list (button 导入, Ctrl+I). Reading, previewing and importing run through
``ctx.tasks`` (the preview on the pool, the import on the writer with progress and cancel); the dialog
holds no thread and no session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.disclosure import PERSONAL_FIELDS, mask_field
from app.domain.masking import mask_personal_text
from app.domain.vocabulary import BreachKind, Channel, Sector, choices
from app.imports.mapping import FIELDS, Mapping
from app.services import imports
from app.services.imports import ALREADY, DUPLICATE, ERROR, OK, ImportResult, Preview
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs
from ui.widgets.screen_fit import em, fit_to_screen

STATUS_COLOURS = {OK: "#e3f4e1", DUPLICATE: "#fff3cd", ALREADY: "#e2e3e5", ERROR: "#f8d7da"}
DEFAULTS = (("channel", Channel), ("sector", Sector), ("breach_kind", BreachKind))
NOT_IMPORTED = ""



def shown_cell(path: str, text: str) -> str:
    """A source cell as the preview shows it: personal data masked (``app.domain.disclosure``)."""
    return mask_field(path, text) if path in PERSONAL_FIELDS else mask_personal_text(text)

class ImportDialog(QDialog):
    previewed = Signal(object)  # the Preview shown
    imported = Signal(object)  # the ImportResult of an import

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview_result: Preview | None = None
        self.result: ImportResult | None = None
        self.mappings: dict[str, Mapping] = {}
        self.job = None
        self.setWindowTitle(self.tr("Import complaints from other channels"))

        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("An .xlsx or .csv export (12345 hotline, supervision platform…)"))
        choose = QPushButton(self.tr("Choose file…"), self)
        self.mapping_box = QComboBox(self)
        self.save_button = QPushButton(self.tr("Save mapping as…"), self)
        self.check_button = QPushButton(self.tr("Check again"), self)

        self.columns = QTableWidget(0, 2, self)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().setVisible(False)
        self.defaults: dict[str, QComboBox] = {}
        defaults_box = QGroupBox(self.tr("When the file has no such column"), self)
        form = QFormLayout(defaults_box)
        labels = {"channel": self.tr("Channel"), "sector": self.tr("Sector"), "breach_kind": self.tr("Breach kind")}
        for name, enum in DEFAULTS:
            box = QComboBox(self)
            box.addItem(self.tr("(none)"), "")
            for code, text in choices(enum):
                box.addItem(text, code)
            self.defaults[name] = box
            form.addRow(labels[name], box)
        self.title_default = QLineEdit(self)
        form.addRow(self.tr("Agreement title"), self.title_default)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.columns, 1)
        left_layout.addWidget(defaults_box)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Status"), self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.setOpenExternalLinks(True)
        self.skip_duplicates = QCheckBox(self.tr("Do not import possible duplicates"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.setVisible(False)
        close = QPushButton(self.tr("Close"), self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        top.addWidget(self.path, 1)
        top.addWidget(choose)
        top.addWidget(QLabel(self.tr("Mapping:"), self))
        top.addWidget(self.mapping_box)
        top.addWidget(self.save_button)
        top.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_duplicates)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self._fit_screen()

        choose.clicked.connect(self.choose_file)
        self.mapping_box.activated.connect(lambda _i: self._mapping_chosen())
        self.save_button.clicked.connect(self.ask_save_mapping)
        self.check_button.clicked.connect(self.refresh_preview)
        self.import_button.clicked.connect(self.confirm_import)
        self.cancel_button.clicked.connect(self._cancel)
        close.clicked.connect(self.reject)
        self.load_mappings()

    def _fit_screen(self) -> None:
        """Sized from the available screen: 1366×768 at 125% leaves about 1092×580 for a dialog."""
        fit_to_screen(self, em(self) * 80, em(self) * 44)

    # -- mappings -----------------------------------------------------------------------------------
    def load_mappings(self, select: str | None = None) -> None:
        self.mappings = {m.name: m for m in imports.list_mappings(self.ctx.profile)}
        current = select or self.mapping_box.currentText()
        self.mapping_box.clear()
        self.mapping_box.addItems(list(self.mappings))
        if current in self.mappings:
            self.mapping_box.setCurrentText(current)
        self._show_defaults(self.mappings.get(self.mapping_box.currentText()))

    def _show_defaults(self, mapping: Mapping | None) -> None:
        defaults = mapping.defaults if mapping else {}
        for name, box in self.defaults.items():
            box.setCurrentIndex(max(0, box.findData(defaults.get(name, ""))))
        self.title_default.setText(defaults.get("agreement.title", ""))

    def _mapping_chosen(self) -> None:
        mapping = self.mappings.get(self.mapping_box.currentText())
        self._show_defaults(mapping)
        if self.preview_result is not None and mapping is not None:
            self._fill_columns(self.preview_result.headers, mapping)
            self.refresh_preview()

    def _fill_columns(self, headers: tuple[str, ...], mapping: Mapping) -> None:
        self.columns.setRowCount(len(headers))
        for row, header in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 0, item)
            box = QComboBox(self.columns)
            box.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for path, text in FIELDS.items():
                box.addItem(text, path)
            box.setCurrentIndex(max(0, box.findData(mapping.columns.get(header, NOT_IMPORTED))))
            box.currentIndexChanged.connect(lambda _i: self._edited())
            self.columns.setCellWidget(row, 1, box)

    def _edited(self) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("The mapping changed: check again before importing."))

    def current_mapping(self, name: str | None = None) -> Mapping:
        """The mapping as the table and the defaults show it now."""
        base = self.mappings.get(self.mapping_box.currentText())
        columns = dict(base.columns) if base else {}
        for row in range(self.columns.rowCount()):
            header = self.columns.item(row, 0).text()
            target = self.columns.cellWidget(row, 1).currentData()
            columns.pop(header, None)
            if target:
                columns[header] = target
        defaults = {k: v for k, v in (base.defaults if base else {}).items()
                    if k not in self.defaults and k != "agreement.title"}
        for name_, box in self.defaults.items():
            if box.currentData():
                defaults[name_] = box.currentData()
        if self.title_default.text().strip():
            defaults["agreement.title"] = self.title_default.text().strip()
        return Mapping(name or (base.name if base else ""), columns, defaults, dict(base.synonyms) if base else {})

    def ask_save_mapping(self) -> None:
        name, ok = QInputDialog.getText(self, self.windowTitle(), self.tr("Save this mapping as:"))
        if ok and name.strip():
            self.save_mapping(name.strip())

    def save_mapping(self, name: str) -> None:
        self.ctx.tasks.run(imports.save_mapping, self.ctx.profile, self.ctx.actor, self.current_mapping(name),
                           write=True, owner=self, on_done=lambda m: self.load_mappings(m.name),
                           on_error=self._failed)

    # -- preview ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        paths = file_dialogs.ask_open_paths(self, self.tr("Choose the export to import"),
                                            self.tr("Exports (*.xlsx *.csv *.txt)"), "import", single=True)
        if paths:
            self.load_file(paths[0])

    def load_file(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self.preview_result = None
        self.columns.setRowCount(0)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        if not self.path.text():
            return
        mapping = self.current_mapping()  # the chosen mapping with the table's and the defaults' edits
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking every row…"))
        self.ctx.tasks.run(imports.preview, self.ctx.profile, self.path.text(), mapping, owner=self,
                           on_done=self._show_preview, on_error=self._failed)

    def _show_preview(self, result: Preview) -> None:
        first = self.preview_result is None
        self.preview_result = result
        if first or not self.columns.rowCount():
            self._fill_columns(result.headers, self.current_mapping())
        columns = self.current_mapping().columns
        shown = [h for h in result.headers if h in columns][:6]
        self.table.clear()
        self.table.setColumnCount(3 + len(shown))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Status"), self.tr("Reason"), *shown])
        self.table.setRowCount(len(result.rows))
        labels = {OK: self.tr("Ready"), DUPLICATE: self.tr("Possible duplicate"),
                  ALREADY: self.tr("Already imported"), ERROR: self.tr("Error")}
        for i, row in enumerate(result.rows):
            brush = QBrush(QColor(STATUS_COLOURS[row.status]))
            cells = [str(row.number), labels[row.status], mask_personal_text("；".join(row.reasons)),
                     *(shown_cell(columns.get(h, ""), row.source.get(h, "")) for h in shown)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(brush)
                if column == 2:
                    item.setToolTip(mask_personal_text("\n".join(row.reasons)))
                self.table.setItem(i, column, item)
        em = self.fontMetrics().horizontalAdvance("中")
        self.table.setColumnWidth(0, em * 4)
        self.table.setColumnWidth(1, em * 6)
        self.table.setColumnWidth(2, em * 24)
        counts = {s: result.count(s) for s in (OK, DUPLICATE, ALREADY, ERROR)}
        importable = counts[OK] + counts[DUPLICATE]
        self.summary.setText(self.tr("%1 rows: %2 ready, %3 possible duplicates, %4 already imported, %5 with errors.")
                             .replace("%1", str(len(result.rows))).replace("%2", str(counts[OK]))
                             .replace("%3", str(counts[DUPLICATE])).replace("%4", str(counts[ALREADY]))
                             .replace("%5", str(counts[ERROR])))
        self.import_button.setEnabled(importable > 0)
        self.previewed.emit(result)

    # -- import -------------------------------------------------------------------------------------
    def confirm_import(self) -> None:
        if self.preview_result is None:
            return
        asked = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Register the accepted rows now? Either all of them are registered or none."))
        if asked == QMessageBox.StandardButton.Yes:
            self.run_import()

    def run_import(self) -> None:
        """Import the previewed rows in the background (tests call this without the question)."""
        result = self.preview_result
        if result is None:
            return
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, sum(1 for r in result.rows if r.importable)))
        self.progress.setValue(0)
        self.cancel_button.setVisible(True)
        self.job = self.ctx.tasks.run(
            imports.commit, self.ctx.profile, self.ctx.actor, result, skip_duplicates=self.skip_duplicates.isChecked(),
            write=True, cancellable=True, owner=self,
            on_progress=lambda done, total, _t: (self.progress.setMaximum(max(total, 1)), self.progress.setValue(done)),
            on_done=self._imported, on_error=self._failed)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        text = self.tr("Registered %1 complaints; %2 rows not imported.").replace("%1", str(len(result.imported))) \
            .replace("%2", str(result.not_imported))
        if result.imported:
            text += " " + self.tr("Case numbers %1 to %2.").replace("%1", result.imported[0].case_no) \
                .replace("%2", result.imported[-1].case_no)
        if result.rejects_path:
            url = QUrl.fromLocalFile(result.rejects_path).toString()
            text += f' <a href="{url}">' + self.tr("Open the rejects file") + "</a>"
        self.summary.setText(text)
        self.imported.emit(result)

    def _failed(self, failure: TaskFailure) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.summary.setText(failure.message)
        self.import_button.setEnabled(self.preview_result is not None and self.result is None)
