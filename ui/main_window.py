"""The main window 主窗口: navigation (工作台, 投诉案件, 文书, 统计, 失信记录, 信用核查, 典型案例, 同步, 设置), the
pages, the status bar.

Keys: Ctrl+1…9 switch pages, Ctrl+N registers a complaint, Ctrl+I imports complaints (批量导入),
Ctrl+F searches the list, F5 refreshes, Ctrl+W closes a complaint tab, F1 opens the user guide (帮助 menu,
``ui.help``). What an account's roles may not do (三员分立) is explained in a lasting box with the next step
(``ui.session.role_notice``), never a status-bar flash. Pages that show data are refreshed when shown after a change.

The status bar's sync indicator (``ui.sync.indicator``) is re-read after every write and every sync;
clicking it opens the 同步 page. A timer checks once a minute whether the daily sync time has come.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.domain.clock import CHINA
from app.domain.vocabulary import Role
from app.services.queries import ComplaintFilter, local_time, recent_activity
from ui.context import UiContext
from ui.credit.submission_dialog import SubmissionDialog
from ui.help.menu import install_help_menu
from ui.imports.import_dialog import ImportDialog
from ui.pages.audit import AuditPage
from ui.pages.breach_register import BreachRegisterPage
from ui.pages.case_tabs import CaseTabs
from ui.pages.credit_check import CreditCheckPage
from ui.pages.settings import SettingsPage
from ui.pages.statistics import StatisticsPage
from ui.pages.statistics_export import StatisticsExport
from ui.pages.sync import SyncPage
from ui.pages.typical import TypicalPage
from ui.pages.user_admin import role_names
from ui.pages.workbench import WorkbenchPage
from ui.session.permissions import apply_role_view, audit_only
from ui.session.role_notice import CASES, IMPORT, REGISTER, RoleNotice, explain
from ui.sync.daily import daily_due
from ui.sync.indicator import SyncIndicator
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.navigation_list import NavigationList
from ui.widgets.page_stack import PageStack
from ui.widgets.screen_fit import em, fit_to_screen, restore_geometry_if_fits, scrolling

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
WORKBENCH, COMPLAINTS, DOCUMENTS, STATISTICS, BREACHES, CREDIT, TYPICAL, AUDIT, SYNC, SETTINGS = range(10)
DAILY_CHECK_MS = 60_000  # the daily sync time is checked once a minute


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        file_dialogs.remember_in(ctx.settings)  # save/open dialogs start in the last folder, per profile
        office = ctx.profile.office
        self.setWindowTitle(self.tr("Lvyue — {office}").format(office=office.name))
        self.nav = NavigationList(self)  # first: Tab goes from the navigation into the page
        self.workbench = WorkbenchPage(ctx, self)
        self.cases = CaseTabs(ctx, self)
        self._documents: QWidget | None = None  # built when first shown (see ``documents``)
        self.import_dialog: ImportDialog | None = None  # 批量导入, opened by Ctrl+I or the list's button
        self.statistics = StatisticsPage(ctx, self)
        self.statistics_export = StatisticsExport(ctx, self.statistics)
        self.breach_register = BreachRegisterPage(ctx, self, load=False)  # read when first shown
        self.typical = TypicalPage(ctx, self)
        self.sync = SyncPage(ctx, self)
        self.settings_page = SettingsPage(ctx, self)
        self.credit = CreditCheckPage(ctx, self)
        # 审计: the auditor's page only (三权分立); for anyone else an empty stand-in behind a hidden entry
        self.audit = AuditPage(ctx, self, load=False) if ctx.actor.has(Role.AUDITOR) else QWidget(self)
        self.pages: list[QWidget] = [self.workbench, self.cases, QWidget(self), self.statistics,
                                     self.breach_register, self.credit, self.typical, self.audit, self.sync,
                                     self.settings_page]
        self._dirty = set(range(len(self.pages))) - {COMPLAINTS}  # the list loads itself at once
        self.stack = PageStack(self)  # in a scroll area: only a page that needs more room than the screen scrolls
        for page in self.pages:
            self.stack.addWidget(page)
        self._navigation()
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.nav)
        # the pages scroll rather than push the window past a small screen (1366×768 at 150 %, 14 pt)
        row.addWidget(scrolling(self.stack, central), 1)
        self.setCentralWidget(central)
        self._status_bar()
        self._shortcuts()
        self._menus()
        self.help = install_help_menu(self)  # 帮助: 用户手册 (F1), 快捷键, 新手导览, 关于
        self.role_notice: RoleNotice | None = None
        self._connect()
        self._restore()
        self.go(WORKBENCH)
        self.sync.refresh()
        self.daily_timer = QTimer(self)
        self.daily_timer.setInterval(DAILY_CHECK_MS)
        self.daily_timer.timeout.connect(self.check_daily_sync)
        self.daily_timer.start()
        ctx.tasks.run(recent_activity, ctx.profile, ctx.actor, 1, on_done=self._initial_save_time,
                      on_error=lambda _f: None)
        apply_role_view(self)  # 三员分立: what this account's roles may not use is hidden (ui.session)

    # -- building ------------------------------------------------------------------------------------
    def _hidden_page(self, page: int) -> bool:
        """Pages this account does not open: 审计 for all but auditors; for an audit-only account every
        case page (三员分立, ``ui.session.permissions``), so Ctrl+1… number only what is shown."""
        if page == AUDIT:
            return not self.ctx.actor.has(Role.AUDITOR)
        return page != SETTINGS and audit_only(self.ctx.roles)

    def _navigation(self) -> None:
        nav = self.nav
        texts = [self.tr("Workbench"), self.tr("Complaints"), self.tr("Documents"), self.tr("Statistics"),
                 self.tr("Breach register"), self.tr("Credit check"), self.tr("Typical cases"), self.tr("Audit"),
                 self.tr("Sync"), self.tr("Settings")]
        for page, (text, meaning) in enumerate(zip(texts, icons.NAVIGATION, strict=True)):
            item = QListWidgetItem(icons.icon(meaning), text, nav)  # one icon family (ui.widgets.icons)
            item.setHidden(self._hidden_page(page))
            if not item.isHidden():
                number = self.visible_pages().index(page) + 1
                item.setToolTip(f"{text} (Ctrl+{number % 10})")
        nav.setIconSize(QSize(20, 20))
        nav.setSpacing(2)
        nav.fit_width()  # from its entries at this font size, again when the font changes
        nav.currentRowChanged.connect(self._page_chosen)

    def _status_bar(self) -> None:
        actor, office = self.ctx.actor, self.ctx.profile.office
        region = self.ctx.profile.regions.find(office.region_code)
        # both give way (cut with "…", the whole text as tooltip) when the bar is narrow: 14 pt on a scaled screen
        self.user_label = ElidedLabel(self.tr("User: {name} ({roles})").format(
            name=actor.display_name, roles=role_names(actor.roles)), self)
        self.profile_label = ElidedLabel(f"{office.name} · {region.name if region else ''}（{office.region_code}）",
                                         self)
        self.saved_label = QLabel(self.tr("Last saved: —"), self)
        self.sync_label = SyncIndicator(self.sync.controller, self.ctx.profile.now, self)
        self.sync_label.clicked.connect(lambda: self.go(SYNC))
        self.busy_label = QLabel(self.tr("Working…"), self)
        self.busy_label.hide()
        bar = self.statusBar()
        for widget in (self.busy_label, self.user_label, self.profile_label, self.saved_label, self.sync_label):
            bar.addPermanentWidget(widget)

    def _shortcuts(self) -> None:
        def add(text: str, keys: QKeySequence | str, slot) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        for number, page in enumerate(self.visible_pages()[:10], start=1):  # Ctrl+1 … Ctrl+9, then Ctrl+0
            add(self.tr("Go to {page}").format(page=self.nav.item(page).text()), f"Ctrl+{number % 10}",
                lambda _c=False, n=page: self.go(n))
        add(self.tr("Register a complaint"), "Ctrl+N", self.new_complaint)
        add(self.tr("Import complaints"), "Ctrl+I", self.open_import)
        add(self.tr("Search"), "Ctrl+F", self.focus_search)
        add(self.tr("Refresh"), "F5", self.refresh_current)
        add(self.tr("Close tab"), "Ctrl+W", self._close_tab)

    def _menus(self) -> None:
        """The menu bar: 信用 (credit records) holds the submissions to the province."""
        credit = self.menuBar().addMenu(self.tr("&Credit"))
        self.submission_action = credit.addAction(self.tr("Report to the provincial platform…"))
        self.submission_action.triggered.connect(self.open_submissions)

    def open_submissions(self) -> None:
        dialog = SubmissionDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.submission_dialog = dialog

    def _connect(self) -> None:
        self.workbench.open_list.connect(self.show_list)
        self.workbench.open_complaint.connect(self.open_complaint)
        self.workbench.new_complaint.connect(self.new_complaint)
        self.workbench.calendar_help_requested.connect(self.show_calendar_settings)
        self.settings_page.sync_requested.connect(self.sync_now)
        self.statistics.open_list.connect(lambda f, text: self.show_list(f, text, back=True))
        self.cases.list_page.back_requested.connect(lambda: self.go(STATISTICS))
        self.cases.list_page.import_requested.connect(self.open_import)
        self.cases.changed.connect(self._data_changed)
        self.cases.registered.connect(self._registered)
        self.cases.list_page.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.sync.open_complaint.connect(self.open_complaint)
        self.breach_register.open_complaint.connect(self.open_complaint)
        self.sync.open_list.connect(self.show_list)
        self.sync.enrol_requested.connect(self._enrol)
        self.sync.controller.finished.connect(self._synced)
        self.sync.controller.status_changed.connect(self.settings_page.show_sync)
        self.settings_page.saved.connect(self._data_changed)
        self.settings_page.enrolled.connect(self._enrolled)
        self.ctx.tasks.failed.connect(self._unhandled_failure)
        self.ctx.tasks.busy_changed.connect(self.busy_label.setVisible)
        saved = getattr(self.ctx.tasks, "saved", None)
        if saved is not None:
            saved.connect(self._saved_now)
            saved.connect(self.sync.controller.refresh_soon)  # one more unsent record (or fewer)

    def _restore(self) -> None:
        settings = self.ctx.settings
        # a geometry saved on a larger screen (or before the scaling changed) is not restored
        if not restore_geometry_if_fits(self, settings, GEOMETRY_KEY):
            fit_to_screen(self, em(self) * 90, em(self) * 52)  # at most 92 % of the screen, centred
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    @property
    def documents(self) -> QWidget:
        """The 文书 page (``ui.documents``), built on first use: it brings the PDF engine along (~150 ms
        of imports) that the window does not need to open."""
        if self._documents is None:
            from ui.documents import DocumentsPage

            self._documents = DocumentsPage(self.ctx, self)
            placeholder = self.pages[DOCUMENTS]
            self.stack.insertWidget(DOCUMENTS, self._documents)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[DOCUMENTS] = self._documents
            self._dirty.discard(DOCUMENTS)  # it reads the register itself when built
        return self._documents

    # -- navigation ----------------------------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        """The pages this user's navigation shows, in order (审计 for auditors only; auditors nothing else
        but 设置)."""
        return [p for p in range(len(self.pages)) if not self._hidden_page(p)]

    def go(self, page: int) -> None:
        item = self.nav.item(page)
        if item is not None and item.isHidden():  # a page this account's roles do not open
            return
        self.nav.setCurrentRow(page)

    def _page_chosen(self, page: int) -> None:
        if page < 0:
            return
        if page == DOCUMENTS:
            self.documents  # noqa: B018  (built on first use)
        self.stack.setCurrentIndex(page)
        if page in self._dirty:
            self._dirty.discard(page)
            self._refresh(page)

    def _refresh(self, page: int) -> None:
        if page == COMPLAINTS:
            self.cases.list_page.refresh()
        else:
            refresh = getattr(self.pages[page], "refresh", None)
            if refresh is not None:
                refresh()

    def refresh_current(self) -> None:
        self._refresh(self.stack.currentIndex())
        if self.stack.currentIndex() != SYNC:
            self.sync.refresh()

    def show_list(self, f: ComplaintFilter, description: str = "", *, back: bool = False) -> None:
        self.go(COMPLAINTS)
        self.cases.show_list()
        self.cases.list_page.show_filter(f, description, back=back)
        self.cases.list_page.view.setFocus()

    def open_complaint(self, complaint_id: str, case_no: str = "") -> None:
        self.go(COMPLAINTS)
        self.cases.open_complaint(complaint_id, case_no)

    def explain_not_permitted(self, what: str) -> RoleNotice:
        """Why this account may not do ``what`` (三员分立), with the next step; lasts until closed."""
        self.role_notice = explain(self, self.ctx.roles, what,
                                   self.open_users if self.ctx.actor.has(Role.ADMIN) else None)
        return self.role_notice

    def open_users(self) -> None:
        """设置 → 用户管理, scrolled into view, 添加用户 focused (the administrator's next step)."""
        admin = self.settings_page.user_admin
        self.go(SETTINGS)
        if admin is not None:
            self.settings_page.ensureWidgetVisible(admin)
            button = admin.add_button

            def focus() -> None:  # once the notice that asked for it has closed and given the focus back
                self.activateWindow()
                button.setFocus(Qt.FocusReason.OtherFocusReason)

            QTimer.singleShot(0, button, focus)

    def new_complaint(self) -> None:
        if not self.ctx.actor.has(Role.CLERK):
            self.explain_not_permitted(REGISTER)
            return
        self.go(COMPLAINTS)
        self.cases.new_complaint()

    def open_import(self) -> None:
        """The 批量导入 dialog (``ui.imports``); what it registers refreshes the pages like any write."""
        if not self.ctx.actor.has(Role.CLERK):
            self.explain_not_permitted(IMPORT)
            return
        self.go(COMPLAINTS)
        self.cases.show_list()
        self.import_dialog = ImportDialog(self.ctx, self)
        self.import_dialog.imported.connect(lambda _result: (self._data_changed(), self.cases.list_page.refresh()))
        self.import_dialog.open()

    def focus_search(self) -> None:
        if self._hidden_page(COMPLAINTS):  # the auditor: no case pages
            self.explain_not_permitted(CASES)
            return
        self.go(COMPLAINTS)
        self.cases.show_list()
        self.cases.list_page.focus_search()

    def _close_tab(self) -> None:
        if self.stack.currentIndex() == COMPLAINTS:
            self.cases.close_current()

    # -- changes -------------------------------------------------------------------------------------
    def _data_changed(self, *_args) -> None:
        """Something was written: refresh what is on screen now, the rest when it is next shown."""
        self._dirty.update(range(len(self.pages)))
        self._dirty.discard(SETTINGS)
        current = self.stack.currentIndex()
        self._dirty.discard(current)
        self._refresh(current)
        if current != COMPLAINTS:
            self._dirty.add(COMPLAINTS)
        else:
            self._dirty.discard(COMPLAINTS)
        self.sync.refresh()

    # -- sync ----------------------------------------------------------------------------------------
    def check_daily_sync(self) -> bool:
        """The timer's slot: start the sync when the daily time has come and none was tried since
        (skipped while one runs). Returns True when it started one."""
        c = self.sync.controller
        s = c.status
        if c.running or s is None or not s.enrolled:
            return False
        if not daily_due(s.daily_time, s.last_attempt_at, self.ctx.profile.now()):
            return False
        return c.start()

    def _synced(self, _report) -> None:
        """Complaints, users and reference data may have arrived: every page reads again when shown."""
        self._data_changed()

    def show_calendar_settings(self) -> None:
        """The holiday warning's 怎么办…: the settings' working-day calendar section."""
        self.go(SETTINGS)
        self.settings_page.show_calendar()

    def sync_now(self) -> None:
        """设置 → 立即从州级中心获取 (the holiday schedule comes with the reference data)."""
        self.go(SYNC)
        self.sync.controller.start()

    def _enrol(self) -> None:
        self.go(SETTINGS)
        self.settings_page.enrol()

    def _enrolled(self, _enrolled) -> None:
        """A standalone profile joined the hub: show the 同步 page and run the first sync at once."""
        self.go(SYNC)
        self.sync.controller.start_first_sync()

    def _registered(self, complaint_id: str, case_no: str) -> None:
        self.statusBar().showMessage(self.tr("Registered as {case_no}").format(case_no=case_no), 8000)
        self._data_changed()
        self.cases.list_page.refresh()
        self.open_complaint(complaint_id, case_no)

    def _saved_now(self) -> None:
        self.saved_label.setText(self.tr("Last saved: {time}").format(
            time=self.ctx.profile.now().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")))

    def _initial_save_time(self, entries) -> None:
        if entries and self.saved_label.text() == self.tr("Last saved: —"):
            self.saved_label.setText(self.tr("Last saved: {time}").format(time=local_time(entries[0].at)))

    def _unhandled_failure(self, failure: TaskFailure) -> None:
        QMessageBox.warning(self, self.tr("Lvyue"), failure.message)

    # -- closing -------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.cases.close_all():
            event.ignore()
            return
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(STATE_KEY, self.saveState())
        self.ctx.settings.sync()
        self.daily_timer.stop()
        self.sync.controller.cancel()  # a running sync stops at its next safe point; the exit waits for it
        event.accept()
