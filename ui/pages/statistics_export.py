"""The 统计 page's 导出 menu: the 调度通报 (a draft to read, or 签发 with a number), the xlsx workbook and
the CSV files of the period, area and department the page shows.

The work runs through ``Tasks`` (figures, render and file writes off the GUI thread) behind a busy
dialog; a briefing opens in the document preview (print, save as); a saved file is confirmed with its
path. The prefecture's own level alone (州本级) has no briefing of its own: the actions say so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from app.domain.vocabulary import Role
from app.reports.tables import period_name
from app.services import briefing, reports
from app.services.file_output import write_file, write_files
from app.services.statistics import StatisticsRequest
from ui.context import UiContext
from ui.documents.preview_dialog import PdfPreviewDialog, file_name_for
from ui.pages.statistics_labels import area_text
from ui.widgets import file_dialogs
from ui.widgets.busy_dialog import BusyDialog, warn_unless_cancelled


class StatisticsExport(QObject):
    """Builds the menu and puts it on ``page`` (``StatisticsPage.set_export_menu``)."""

    def __init__(self, ctx: UiContext, page) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self._busy = BusyDialog(page)
        self.preview: PdfPreviewDialog | None = None
        menu = QMenu(page)
        self.draft_action = menu.addAction(self.tr("Briefing (draft) …"), self.draft)
        self.issue_action = menu.addAction(self.tr("Issue the briefing …"), self.issue)
        menu.addSeparator()
        self.xlsx_action = menu.addAction(self.tr("Excel workbook …"), self.workbook)
        self.csv_action = menu.addAction(self.tr("CSV files …"), self.csv)
        menu.aboutToShow.connect(self._enable)
        self.button = page.set_export_menu(menu)

    # -- what is shown -------------------------------------------------------------------------------
    def _request(self) -> StatisticsRequest:
        return self._page.request()

    def _scope(self) -> dict:
        r = self._request()
        return {"region_code": r.area.region_code, "department": r.department}

    def _name(self) -> str:
        r = self._request()
        return f"{period_name(r.period_from, r.period_to)}{area_text(r.area, self._ctx.profile.regions)}"

    def _enable(self) -> None:
        own_level = self._request().area.own_level
        why = self.tr("Choose the whole prefecture or a county to export") if own_level else ""
        for action in (self.draft_action, self.issue_action, self.xlsx_action, self.csv_action):
            action.setEnabled(not own_level)
            action.setToolTip(why)
        if not own_level and not self._ctx.actor.has(Role.LEADER):
            self.issue_action.setEnabled(False)
            self.issue_action.setToolTip(self.tr("Only a leader can issue a briefing"))

    # -- actions -------------------------------------------------------------------------------------
    def draft(self) -> None:
        self._briefing(issue=False)

    def issue(self) -> None:
        prefix = briefing.briefing_prefix(self._ctx.profile)
        answer = QMessageBox.question(
            self._page, self.tr("Issue the briefing"),
            self.tr("Issuing gives the briefing of {name} the next number of the {prefix} series and keeps it "
                    "on record; it cannot be withdrawn. Issue it now?").format(name=self._name(), prefix=prefix))
        if answer == QMessageBox.StandardButton.Yes:
            self._briefing(issue=True)

    def workbook(self) -> None:
        target = self._ask_file(self._name() + "政府违约失信投诉统计表", ".xlsx",
                                self.tr("Excel workbooks (*.xlsx)"))
        if target is None:
            return
        r = self._request()

        def make(progress=None, cancel=None) -> Path:
            data = reports.workbook(self._ctx.profile, self._ctx.actor, r.period_from, r.period_to, **self._scope(),
                                    progress=progress, cancel=cancel)
            return write_file(target, data)

        self._run(make, lambda path: self._saved(path, self.tr("The Excel workbook was saved:\n{path}").format(
            path=path)))

    def csv(self) -> None:
        folder = file_dialogs.ask_folder(self._page, self.tr("Folder for the CSV files"), "statistics-csv")
        if folder is None:
            return
        r = self._request()
        profile, actor, scope = self._ctx.profile, self._ctx.actor, self._scope()

        def make(progress=None, cancel=None) -> list[Path]:
            files = reports.csv_tables(profile, actor, r.period_from, r.period_to, **scope)
            return write_files(folder, files)

        self._run(make, lambda paths: self._saved(folder,
            self.tr("{n} CSV files were saved in {folder}").format(n=len(paths), folder=folder)))

    # -- plumbing ------------------------------------------------------------------------------------
    def _briefing(self, *, issue: bool) -> None:
        r = self._request()
        profile, actor, scope = self._ctx.profile, self._ctx.actor, self._scope()

        def make(progress=None, cancel=None):
            return briefing.briefing_pdf(profile, actor, r.period_from, r.period_to, **scope, issue=issue,
                                         progress=progress, cancel=cancel)

        self._run(make, self._show_briefing)

    def _show_briefing(self, made: briefing.Briefing) -> None:
        title = f"{made.number} {made.title}" if made.number else made.title
        note = (self.tr("Issued as {number}; the PDF is kept with the profile.").format(number=made.number)
                if made.number else self.tr("Draft: no number is taken. Use 导出 → 签发 to issue it."))
        self.preview = PdfPreviewDialog(made.pdf, title, self._page, note=note)
        self.preview.open()

    def _ask_file(self, stem: str, suffix: str, kinds: str) -> Path | None:
        suggested = file_name_for(stem).removesuffix(".pdf") + suffix
        path, _ = file_dialogs.ask_save_path(self._page, self.tr("Save as"), suggested, kinds, "statistics-export")
        if path is None:
            return None
        return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)

    def _run(self, fn, on_done) -> None:
        """``fn(progress=, cancel=)`` on the task pool behind a cancellable busy dialog."""
        self._busy.run(self._ctx.tasks, fn, title=self.tr("Export"), label=self.tr("Preparing the export…"),
                       cancel_text=self.tr("Cancel"), on_done=on_done,
                       on_error=lambda failure: warn_unless_cancelled(self._page, self.tr("Export"), failure))

    def _saved(self, path: Path, text: str) -> None:
        file_dialogs.confirm_saved(self._page, path, text)

