"""Every page and every dialog in one run: ``python tools/all_screenshots.py [--out DIR] [--home DIR]``.

Run it once per screen setup, on a real X server under Xvfb (the PNGs land in
``docs/screenshots/<setup>/``, the setup named from the screen: ``1366`` or ``1920-125``):

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/all_screenshots.py
    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python tools/all_screenshots.py

Each run takes about 1½ minutes (the demo profile of 2,000 complaints is made once, ~15 s, and reused;
``--fresh`` makes it anew). The main window fills the screen for the ``page-*`` shots; each dialog is
grabbed whole (``dialog-*``, its own window, whatever its size) and, on a screen up to 1366 pixels wide
or with ``--screen-grabs``, the whole screen too (``dialog-*-screen``): does it fit, are its buttons on
the screen? Message boxes a dialog opens (confirmations, the 开具 prompt) are grabbed while they are
open and answered "No"/"Cancel": nothing is written by a shot, except that the first run issues a few
documents in the demo profile (so the 文书 register is not empty) and sets the office contact.
``window-default-screen`` is the main window at the size it first opens with (nothing saved);
``page-*-after-font-14`` the list and the 文书 register right after 字号 14 磅 is chosen with the window
open. ``geometry.txt`` in the output folder lists each dialog's frame and whether it fits the screen's
available area; ``failed.txt`` what could not be shot.

The demo profile keeps its data key in a file next to it (``<home>.keys/``, the test suite's
``FileKeyring``): a screenshot machine has no OS credential store, and the key is for demo data only.
Needs a Chinese UI font (Noto Sans CJK SC, WenQuanYi Micro Hei; the bundled one is added if present).
``--font-size 14`` shoots with the large interface font. ``tools/screenshots.py`` still makes the
user guide's numbered shots (and the sync page of an enrolled computer, which needs a hub).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.screenshot_camera import DEMO_HOME, PASSWORD, Camera, use_key_file  # noqa: E402

SAMPLE_IMPORT = ROOT / "docs" / "examples" / "hotline-12345-export.xlsx"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=DEMO_HOME, help="demo profile (created if missing)")
    parser.add_argument("--out", type=Path, default=None, help="default: docs/screenshots/<setup>")
    parser.add_argument("--complaints", type=int, default=2000)
    parser.add_argument("--fresh", action="store_true", help="make the demo profile anew")
    parser.add_argument("--font-size", type=int, default=None, help="interface font size (points), e.g. 14")
    parser.add_argument("--screen-grabs", action="store_true", default=None,
                        help="also grab the whole screen for each dialog (default: on screens ≤1366 wide)")
    return parser.parse_args()


def main() -> int:
    options = _arguments()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if options.fresh:
        shutil.rmtree(options.home, ignore_errors=True)
        shutil.rmtree(f"{options.home}.keys", ignore_errors=True)
    use_key_file(options.home)
    from app.services.profile import is_initialised

    if not is_initialised(options.home):
        from app.services.demo import fill_demo

        print(f"生成演示数据：{options.complaints} 件 → {options.home}")
        fill_demo(options.home, options.complaints)
    started = time.monotonic()
    shooter = Shooter(options)
    code = shooter.run()
    print(f"共 {len(shooter.saved)} 张截图，{time.monotonic() - started:.0f} 秒 → {shooter.out}")
    return code




class Shooter(Camera):
    """Every page and dialog, in the order an officer meets them."""

    # -- the run -------------------------------------------------------------------------------------
    def run(self) -> int:
        from app.services.profile import open_profile
        from ui.saving_tasks import SavingTasks

        self.tasks = SavingTasks(self.app)
        self.attempt("start dialogs", self.start_dialogs)
        self.profile = open_profile(self.home, daily_backup=False)
        try:
            self.attempt("demo documents", self.prepare)
            self.attempt("login", self.login)
            officer = self.context("officer")
            window = self.window(officer)
            try:
                self.attempt("pages", lambda: self.pages(window))
                self.attempt("registration", lambda: self.registration(window))
                self.attempt("detail", lambda: self.detail(window))
                self.attempt("actions", lambda: self.actions(window))
                self.attempt("documents", lambda: self.documents(window))
                self.attempt("import", lambda: self.import_dialog(window))
                self.attempt("submission", lambda: self.submission(window))
                self.attempt("typical", lambda: self.typical(window))
                self.attempt("lock", lambda: self.lock(window))
                self.attempt("help", lambda: self.help_windows(window))
                self.attempt("font change", lambda: self.font_change(window))
            finally:
                window.cases.close_all()
                window.close()
                window.deleteLater()
            self.attempt("default size", self.default_window)
            self.attempt("auditor", self.auditor)
            self.attempt("admin", self.admin)
            self.attempt("restore", self.restore)
        finally:
            self.tasks.wait_idle()
            self.profile.close()
        (self.out / "geometry.txt").write_text("\n".join(self.geometry) + "\n", encoding="utf-8")
        (self.out / "failed.txt").write_text("\n".join(self.failed) + "\n", encoding="utf-8")
        if self.failed:
            print("未能截取：\n  " + "\n  ".join(self.failed))
        return 0

    def prepare(self) -> None:
        """Once per demo profile: the office contact (documents print it) and a few issued documents."""
        from app.services import documents, office_settings
        from app.services.auth import login
        from app.services.queries import ComplaintFilter, list_complaints

        marker = self.home / "screenshots-prepared"
        if marker.exists():
            return
        admin = login(self.profile, "admin", PASSWORD)
        office_settings.update(self.profile, admin, {"contact_person": "杨喆", "contact_phone": "0878-4123456"})
        officer = login(self.profile, "officer", PASSWORD)
        issued = 0
        for state in ("forwarded", "rectifying", "breach_confirmed", "sanctioned", "unsubstantiated", "closed"):
            rows = list_complaints(self.profile, officer, ComplaintFilter(states=(state,)), limit=3).rows
            for row in rows:
                for offer in documents.offers(self.profile, officer, row.case_no)[:1]:
                    documents.issue(self.profile, officer, row.case_no, offer.kind)
                    issued += 1
        print(f"演示文书：开具 {issued} 份")
        marker.write_text("documents issued\n", encoding="utf-8")

    def start_dialogs(self) -> None:
        from ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.scratch / "wizard", self.tasks)  # shown, never finished
        region = wizard.office_page.region
        region.setCurrentIndex(region.findText("双柏县（532322）"))
        self.dialog(wizard, "dialog-first-run-office")
        wizard.next()
        page = wizard.admin_page
        self.dialog(wizard, "dialog-first-run-admin-empty")
        page.display_name.setText("张三")
        page.passwords.password.setText("Shuangbai#26")
        page.passwords.confirm.setText("Shuangbai#2")
        self.dialog(wizard, "dialog-first-run-admin")
        page.passwords.confirm.setText("Shuangbai#26")
        wizard.next()  # 创建: the profile is made on the write worker, then the closing page
        self.until(lambda: wizard.currentPage() is wizard.done_page, 20000)
        if wizard.currentPage() is wizard.done_page:
            self.dialog(wizard, "dialog-first-run-done")
        else:
            self.failed.append("dialog-first-run-done: the wizard did not reach its closing page")
        wizard.close()
        wizard = FirstRunWizard(self.scratch / "wizard-hub", self.tasks)
        wizard.office_page.hub.click()
        self.dialog(wizard, "dialog-first-run-hub")
        wizard.next()
        form = wizard.enrol_page.form
        self.dialog(wizard, "dialog-first-run-enrol-empty")
        form.hub.setText("https://lvyue.cxz.gov.cn")
        form.code.setText("K7QM-2WXP-9RTA")
        form.name.setText("双柏发改局-登记室")
        self.dialog(wizard, "dialog-first-run-enrol")
        wizard.close()

    def login(self) -> None:
        from ui.dialogs.login import LoginDialog

        login = LoginDialog(self.tasks, username="leader")
        login.set_profile(self.profile)
        self.dialog(login, "dialog-login")
        login.password.setText("wrong-password")
        login._login()
        self.until(lambda: login.error.isVisible(), 5000)
        self.dialog(login, "dialog-login-wrong-password")
        login.close()
        from app.services.auth import login as sign_in

        sign_in(self.profile, "leader", PASSWORD)  # the failed attempt is forgotten: reruns never lock it

    # -- as the officer (clerk, handler, leader) ----------------------------------------------------
    def pages(self, window) -> None:
        from ui.main_window import BREACHES, COMPLAINTS, CREDIT, DOCUMENTS, STATISTICS, SYNC, TYPICAL
        from ui.models.complaint_table import LOADED_ROLE

        self.until(lambda: window.workbench.numbers["all.open"].value is not None)
        self.save(window, "page-workbench")
        window.go(COMPLAINTS)
        page = window.cases.list_page

        def list_loaded() -> bool:
            return page.model.total is not None and (page.model.total == 0 or page.model.index(0, 0).data(LOADED_ROLE))

        self.until(list_loaded)
        self.save(window, "page-complaints")
        page.filter_bar.search.setText("楚雄")
        page.filter_bar.overdue.setChecked(True)
        self.wait(600)
        self.until(list_loaded)
        self.save(window, "page-complaints-filtered")
        page.filter_bar.clear()
        page.filter_bar.search.setText("没有这样的企业")
        self.wait(600)
        self.until(list_loaded)
        self.save(window, "page-complaints-empty")
        page.filter_bar.clear()
        self.wait(600)
        window.go(DOCUMENTS)
        docs = window.documents
        self.until(lambda: docs.model.rowCount() > 0, 8000)
        self.save(window, "page-documents")
        window.go(STATISTICS)
        self.until(lambda: window.statistics.data is not None)
        self.save(window, "page-statistics")
        window.go(BREACHES)
        register = window.breach_register
        self.until(lambda: register.model.rowCount() > 0, 10000)
        self.save(window, "page-breach-register")  # the first record is chosen at once, its detail beside
        window.go(CREDIT)
        self.wait(600)
        self.save(window, "page-credit-check")
        credit = window.credit
        credit.search.setText(self.respondent_name() or "公司")
        credit.lookup()
        self.until(lambda: credit.candidates.count() > 0, 6000)
        if credit.candidates.count():
            credit.candidates.setCurrentRow(0)
            self.wait(1500)
        self.save(window, "page-credit-check-result")
        window.go(TYPICAL)
        self.until(lambda: window.typical.proposals.topLevelItemCount() > 0, 8000)
        self.save(window, "page-typical")
        window.go(SYNC)
        self.wait(1200)
        self.save(window, "page-sync")

    def respondent_name(self) -> str | None:
        detail = self.find_detail("sanctioned")
        return detail.complaint.intake["respondent"]["name"] if detail else None

    def find_detail(self, state: str, actor=None):
        from app.services.auth import login
        from app.services.queries import ComplaintFilter, get_complaint, list_complaints

        actor = actor or login(self.profile, "officer", PASSWORD)
        rows = list_complaints(self.profile, actor, ComplaintFilter(states=(state,)), limit=1).rows
        return get_complaint(self.profile, actor, rows[0].id) if rows else None

    def registration(self, window) -> None:
        from ui.forms.registration import RegistrationForm

        window.new_complaint()
        self.wait(1000)
        self.save(window, "page-registration")
        form = window.findChild(RegistrationForm)
        form.submit()
        self.wait(600)
        self.save(window, "page-registration-errors")
        bar = form.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.wait(400)
        self.save(window, "page-registration-errors-bottom")
        form.clear()
        self.wait(200)
        window.cases.close_all()

    def detail(self, window) -> None:
        from dataclasses import replace

        from app.domain.document_kinds import available_kinds
        from app.domain.vocabulary import Action
        from app.domain.workflow import RULES

        detail = self.find_detail("sanctioned")
        window.open_complaint(detail.complaint.id, detail.complaint.case_no)
        view = window.cases.currentWidget()
        self.until(lambda: getattr(view, "detail", None) is not None)
        for index, name in enumerate(("registration", "record", "attachments", "sanctions")):
            view.tabs.setCurrentIndex(index)
            self.wait(400)
            self.save(window, f"page-detail-{name}")
        view.tabs.setCurrentIndex(0)
        forwarded = self.find_detail("forwarded")
        window.open_complaint(forwarded.complaint.id, forwarded.complaint.case_no)
        view = window.cases.currentWidget()
        self.until(lambda: getattr(view, "detail", None) is not None)
        self.save(window, "page-detail-forwarded")
        # asked after an action that produces a document, once the complaint is read again; the action
        # changed what may be done next, so the action bar is rebuilt under the question (shown here with
        # one action fewer — nothing is written)
        kind = next(iter(available_kinds(forwarded.complaint)), RULES[Action.CONCLUDE].produces[0])
        changed = replace(forwarded, allowed=tuple(a for a in forwarded.allowed if a != Action.CONCLUDE))

        def after_action() -> None:
            view._offer_after_reload = kind
            view._show(changed)

        self.modal(after_action, "prompt-issue-document")
        view.reload()
        window.cases.close_all()

    def actions(self, window) -> None:
        """Every action dialog, on a complaint whose state offers it: as opened, then with its errors (an
        empty submit) or, where nothing is missing, its confirmation (answered No)."""
        from app.domain.vocabulary import Action, State
        from ui.detail.complaint_view import NOT_OFFERED
        from ui.dialogs.actions import dialog_for

        ctx = window.ctx
        where: dict[Action, object] = {}
        for state in State:
            detail = self.find_detail(state.value, ctx.actor)
            if detail is None:
                continue
            for action in detail.allowed:
                where.setdefault(action, detail)
        skipped = {Action.REGISTER, Action.ATTACH} | {Action(a) for a in NOT_OFFERED}
        for action in Action:
            if action in skipped:
                continue
            detail = where.get(action)
            if detail is None:
                self.failed.append(f"dialog-action-{action.value}: no complaint of the demo offers it to the officer")
                continue

            def shoot(action=action, detail=detail) -> None:
                dialog = dialog_for(action, ctx, detail, window)
                dialog.open()
                name = f"dialog-action-{action.value.replace('_', '-')}"
                self.dialog(dialog, name)
                if dialog.problems():
                    dialog.submit()
                    self.dialog(dialog, f"{name}-errors")
                elif action == Action.SANCTION:  # no measure ticked: the domain's field error first
                    from PySide6.QtWidgets import QCheckBox

                    dialog.submit()
                    self.dialog(dialog, f"{name}-errors")
                    boxes = dialog.findChildren(QCheckBox)
                    if boxes:
                        boxes[0].setChecked(True)
                    self.modal(dialog.submit, f"{name}-confirm")
                elif dialog.confirmation():
                    self.modal(dialog.submit, f"{name}-confirm")
                dialog.reject()
                dialog.deleteLater()

            self.attempt(f"action {action.value}", shoot)

    def documents(self, window) -> None:
        from app.services import documents
        from ui.documents import IssueDocumentDialog
        from ui.documents.preview_dialog import PdfPreviewDialog
        from ui.main_window import DOCUMENTS

        detail = self.find_detail("forwarded")
        ref = detail.complaint.case_no
        dialog = IssueDocumentDialog(window.ctx, ref, window)
        dialog.open()
        self.until(lambda: dialog.issue_button.isEnabled(), 20000)
        self.dialog(dialog, "dialog-issue-document")
        self.modal(lambda: dialog.issue_selected(confirm=True), "dialog-issue-document-confirm")
        offer = dialog.selected_offer()
        dialog.reject()
        dialog.deleteLater()
        if offer is not None:
            pdf = documents.preview(self.profile, window.ctx.actor, ref, offer.kind)
            preview = PdfPreviewDialog(pdf, f"{offer.label} {ref}", window)
            preview.open()
            self.dialog(preview, "dialog-document-preview", settle_ms=1200)
            preview.reject()
            preview.deleteLater()
        window.go(DOCUMENTS)
        page = window.documents
        page.open_reminders()
        self.wait(1500)
        self.dialog(page.reminders, "dialog-reminders")
        page.reminders.reject()

    def import_dialog(self, window) -> None:
        window.open_import()
        dialog = window.import_dialog
        self.dialog(dialog, "dialog-import-empty")
        index = dialog.mapping_box.findText("12345热线工单导出")
        if index >= 0:
            dialog.mapping_box.setCurrentIndex(index)
            dialog._mapping_chosen()
        dialog.load_file(SAMPLE_IMPORT)
        self.until(lambda: dialog.preview_result is not None, 20000)
        self.dialog(dialog, "dialog-import-preview")
        dialog.reject()

    def submission(self, window) -> None:
        window.open_submissions()
        dialog = window.submission_dialog
        self.wait(2000)
        self.dialog(dialog, "dialog-submission")
        dialog.reject()

    def typical(self, window) -> None:
        from app.services import typical_cases
        from ui.dialogs.typical_decision import TypicalDecisionDialog

        page = window.typical
        item = page.proposals.topLevelItem(0)
        if item is None:
            self.failed.append("dialog-typical-decision: no proposal in the demo")
            return
        view = typical_cases.view(self.profile, window.ctx.actor, item.text(0))
        dialog = TypicalDecisionDialog(view, window)
        self.dialog(dialog, "dialog-typical-decision")
        dialog.reject()

    def help_windows(self, window) -> None:
        """帮助 (F1): the user guide in the window, the shortcut table, the tour and 关于."""
        for name, show in (("dialog-help-guide", window.help.show_guide),
                           ("dialog-help-shortcuts", window.help.show_shortcuts),
                           ("dialog-help-tour", window.help.show_tour),
                           ("dialog-help-about", window.help.show_about)):
            dialog = show()
            self.dialog(dialog, name, settle_ms=800)
            dialog.close()

    def lock(self, window) -> None:
        from ui.session.lock_dialog import LockDialog

        dialog = LockDialog(window.ctx, window)
        self.dialog(dialog, "dialog-lock")
        dialog.password.setText("wrong")
        self.wait(100)
        dialog.close()
        dialog.deleteLater()

    def font_change(self, window) -> None:
        """设置 → 字号 14 磅 while the window is open ("立即应用于所有窗口"): the list and the register as they
        are then, and the navigation; the size is put back for the shots that follow."""
        from ui.appearance import DEFAULT_FONT_SIZE, apply_font_size
        from ui.main_window import COMPLAINTS, DOCUMENTS

        if self.font_size and self.font_size >= 14:
            return
        apply_font_size(self.settings, 14)
        try:
            window.go(COMPLAINTS)
            window.cases.show_list()
            self.wait(1000)
            self.save(window, "page-complaints-after-font-14")
            window.go(DOCUMENTS)
            self.wait(1000)
            self.save(window, "page-documents-after-font-14")
        finally:
            apply_font_size(self.settings, self.font_size or DEFAULT_FONT_SIZE)
            self.wait(500)

    def default_window(self) -> None:
        """The main window as it first opens (nothing saved yet), on the screen: does it fit?"""
        from PySide6.QtCore import QSettings

        from app.services.auth import login
        from ui.context import UiContext
        from ui.main_window import MainWindow

        settings = QSettings(str(self.scratch / "first.ini"), QSettings.Format.IniFormat)
        window = MainWindow(UiContext(self.profile, login(self.profile, "officer", PASSWORD), self.tasks, settings))
        window.show()
        self.until(lambda: window.workbench.numbers["all.open"].value is not None)
        self.geometry.append(f"window-default: {window.width()}×{window.height()} at ({window.x()},{window.y()}) in "
                             f"{self.screen.availableGeometry().width()}×{self.screen.availableGeometry().height()}"
                             + ("" if self.screen.availableGeometry().contains(window.frameGeometry())
                                else "  ← DOES NOT FIT"))
        self.save_screen("window-default-screen")
        window.close()
        window.deleteLater()

    # -- the auditor and the administrator ----------------------------------------------------------
    def auditor(self) -> None:
        from ui.main_window import AUDIT

        window = self.window(self.context("auditor"))
        window.go(AUDIT)
        self.wait(2500)
        self.save(window, "page-audit")
        window.close()
        window.deleteLater()

    def admin(self) -> None:
        from PySide6.QtWidgets import QScrollArea

        from ui.dialogs.user_dialogs import AddUserDialog, OwnPasswordDialog, PasswordDialog
        from ui.documents.settings_dialog import OfficeSettingsDialog
        from ui.main_window import SETTINGS
        from ui.sync.enrolment import EnrolDialog

        ctx = self.context("admin")
        window = self.window(ctx)
        self.modal(window.new_complaint, "dialog-role-notice-admin")  # Ctrl+N: who may register, what next
        window.go(SETTINGS)
        admin = window.settings_page.user_admin
        self.until(lambda: admin is not None and admin.table.topLevelItemCount() > 0)
        self.save(window, "page-settings")
        scroll = window.settings_page if isinstance(window.settings_page, QScrollArea) else \
            window.settings_page.findChild(QScrollArea)
        if scroll is not None:
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        admin.table.setCurrentItem(admin.table.topLevelItem(2))
        self.wait()
        self.save(window, "page-users")
        dialog = AddUserDialog(ctx, window)
        self.dialog(dialog, "dialog-user-add")
        dialog.reject()
        user = admin.selected()
        if user is not None:
            dialog = PasswordDialog(ctx, user, window)
            self.dialog(dialog, "dialog-user-password")
            dialog.reject()
        dialog = OwnPasswordDialog(ctx.tasks, ctx.profile, ctx.actor, window)
        self.dialog(dialog, "dialog-own-password")
        dialog.reject()
        dialog = OfficeSettingsDialog(ctx, window)
        self.dialog(dialog, "dialog-document-settings", settle_ms=1000)
        dialog.reject()
        dialog = EnrolDialog(ctx, window)  # 设置 → 接入州级中心, filled in, never sent
        self.dialog(dialog, "dialog-enrol-empty")
        dialog.form.hub.setText("https://lvyue.cxz.gov.cn")
        dialog.form.code.setText("K7QM-2WXP-9RTA")
        dialog.form.name.setText("双柏发改局-登记室")
        self.dialog(dialog, "dialog-enrol")
        dialog.reject()
        window.close()
        window.deleteLater()

    def restore(self) -> None:
        from ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.home, "file is not a database", self.tasks)  # shown, nothing restored
        self.dialog(dialog, "dialog-restore", settle_ms=2500)
        dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
