"""Screenshots for the user guide: ``python tools/screenshots.py [--home DIR] [--out DIR] [--scale 1.5]``.

Starts the window on a demo profile (made once with ``fill_demo`` and reused), logs in as the demo
officer and saves PNGs of the first-run wizard, login, workbench, complaint list, registration form,
complaint detail, an action dialog, statistics, sync (standalone) and settings to ``docs/screenshots/``.
Then a prefecture hub is started on loopback in a scratch folder (the test suite's ``LiveHub``, with an
in-memory keyring: no token reaches this computer's credential store) for the enrolment pages and the
sync page of an enrolled county computer with a refused record and a complaint waiting for review.

The shots in ``docs/screenshots/`` are taken on a real X server under Xvfb:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

(Debian: ``apt-get install xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0``).
Without ``QT_QPA_PLATFORM`` it runs on the ``offscreen`` platform (no display needed). A Chinese UI font must be installed (Noto Sans CJK SC, WenQuanYi Micro Hei,
or Microsoft YaHei on Windows), else Chinese renders as boxes: the script refuses to run without one.
``--scale`` sets ``QT_SCALE_FACTOR`` to check high-DPI rendering; ``--font-size 14`` checks large text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1366, 768)  # the usual county office screen
DEMO_HOME = Path(tempfile.gettempdir()) / "lvyue-screenshots-demo"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=DEMO_HOME, help="demo profile (created if missing)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--complaints", type=int, default=2000)
    parser.add_argument("--scale", type=float, default=None, help="QT_SCALE_FACTOR, e.g. 1.5")
    parser.add_argument("--font-size", type=int, default=None, help="interface font size (points), e.g. 14")
    return parser.parse_args()


def main() -> int:
    options = _arguments()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if options.scale:
        os.environ["QT_SCALE_FACTOR"] = str(options.scale)
    from app.services.profile import is_initialised

    if not is_initialised(options.home):
        from app.services.demo import fill_demo

        print(f"生成演示数据：{options.complaints} 件 → {options.home}")
        fill_demo(options.home, options.complaints)
    options.out.mkdir(parents=True, exist_ok=True)
    return Shooter(options.home, options.out, options.font_size).run()


class Shooter:
    def __init__(self, home: Path, out: Path, font_size: int | None = None) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QFontDatabase

        from ui.appearance import UI_FAMILIES, apply_font_size
        from ui.application import create_application
        from ui.i18n import install_translators

        self.app = create_application([])
        if not set(UI_FAMILIES) & set(QFontDatabase.families()):
            raise SystemExit("没有可用的中文界面字体（如 fonts-noto-cjk 或 fonts-wqy-microhei），截图中的中文会显示为方框。")
        self.translators = install_translators(self.app)
        self.scratch = Path(tempfile.mkdtemp(prefix="lvyue-shots-"))
        self.settings = QSettings(str(self.scratch / "ui.ini"), QSettings.Format.IniFormat)  # default layout
        apply_font_size(self.settings, font_size)
        self.home, self.out = home, out
        self.saved: list[Path] = []

    # -- helpers -------------------------------------------------------------------------------------
    def wait(self, ms: int = 300) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(self, condition: Callable[[], bool], timeout_ms: int = 15000) -> None:
        waited = 0
        while not condition():
            if waited >= timeout_ms:
                raise TimeoutError("等待界面超时")
            self.wait(50)
            waited += 50
        self.wait(250)  # let the last repaint land

    def save(self, widget, name: str) -> None:
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)
        print(f"已保存 {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def context(self, username: str, tasks):
        from app.services.auth import login
        from ui.context import UiContext

        return UiContext(self.profile, login(self.profile, username, "Demo#2026"), tasks, self.settings)

    # -- the pictures --------------------------------------------------------------------------------
    def run(self) -> int:
        from app.services.profile import open_profile
        from ui.saving_tasks import SavingTasks

        self.start_dialogs()
        self.profile = open_profile(self.home, daily_backup=False)
        tasks = SavingTasks(self.app)
        try:
            self.main_window(self.context("officer", tasks))
            self.settings_page(self.context("admin", tasks))
        finally:
            tasks.wait_idle()
            self.profile.close()
        self.enrolled(tasks)
        print(f"共 {len(self.saved)} 张截图。")
        return 0

    def start_dialogs(self) -> None:
        from ui.dialogs.first_run import FirstRunWizard
        from ui.dialogs.login import LoginDialog
        from ui.saving_tasks import SavingTasks

        tasks = SavingTasks(self.app)
        from app.services.profile import default_home

        wizard = FirstRunWizard(default_home(), tasks)  # shown, never finished: nothing is created there
        region = wizard.office_page.region
        region.setCurrentIndex(region.findText("双柏县（532322）"))
        wizard.show()
        self.wait()
        self.save(wizard, "01-first-run-office")
        wizard.next()
        page = wizard.admin_page
        page.display_name.setText("张三")
        page.passwords.password.setText("Shuangbai#26")
        page.passwords.confirm.setText("Shuangbai#2")
        self.wait()
        self.save(wizard, "02-first-run-admin")
        wizard.close()
        from app.services.profile import open_profile

        profile = open_profile(self.home, daily_backup=False)
        login = LoginDialog(tasks, username="officer", demo_password="Demo#2026")
        login.set_profile(profile)
        login.show()
        self.wait()
        self.save(login, "03-login")
        login.close()
        profile.close()

    def main_window(self, ctx) -> None:
        from app.domain.vocabulary import Action
        from app.services.queries import ComplaintFilter, list_complaints
        from ui.main_window import COMPLAINTS, DOCUMENTS, STATISTICS, SYNC, MainWindow
        from ui.models.complaint_table import LOADED_ROLE

        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        self.until(lambda: window.workbench.numbers["all.open"].value is not None)
        window.resize(*SIZE)
        self.save(window, "04-workbench")
        window.go(COMPLAINTS)
        page = window.cases.list_page
        self.until(lambda: page.model.total is not None and page.model.index(0, 0).data(LOADED_ROLE))
        self.save(window, "05-list")
        page.filter_bar.search.setText("楚雄")
        page.filter_bar.overdue.setChecked(True)
        self.until(lambda: page.model.total is not None and page.model.index(0, 0).data(LOADED_ROLE))
        self.save(window, "06-list-filtered")
        page.filter_bar.clear()
        window.new_complaint()
        self.wait(800)
        self.save(window, "07-registration")
        forwarded = list_complaints(ctx.profile, ctx.actor, ComplaintFilter(states=("forwarded",)), limit=1).rows
        if forwarded:
            row = forwarded[0]
            window.open_complaint(row.id, row.case_no)
            view = window.cases.currentWidget()
            loaded = getattr(view, "loaded", None)
            if loaded is not None:
                self.until(lambda: getattr(view, "detail", None) is not None)
            self.save(window, "08-detail")
            if hasattr(view, "start_action"):
                view.start_action(Action.CONCLUDE)
                self.until(lambda: getattr(view, "dialog", None) is not None and view.dialog.isVisible())
                self.save(view.dialog, "09-action-conclude")
                view.dialog.reject()
        for index, name in ((STATISTICS, "10-statistics"), (SYNC, "11-sync"), (DOCUMENTS, "12-documents")):
            window.go(index)
            self.wait(1200)
            self.save(window, name)
        window.cases.close_all()
        window.close()

    def settings_page(self, ctx) -> None:
        from ui.main_window import SETTINGS, MainWindow

        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        window.go(SETTINGS)
        admin = window.settings_page.user_admin
        self.until(lambda: admin is not None and admin.table.topLevelItemCount() > 0)
        self.save(window, "13-settings")
        bar = window.settings_page.verticalScrollBar()
        bar.setValue(bar.maximum())  # the user management at the bottom
        admin.table.setCurrentItem(admin.table.topLevelItem(2))
        self.wait()
        self.save(window, "14-users")
        from ui.sync.enrolment import EnrolDialog

        dialog = EnrolDialog(ctx, window)  # 设置 → 接入州级中心, filled in, never sent
        dialog.form.hub.setText("https://lvyue.cxz.gov.cn")
        dialog.form.code.setText("K7QM-2WXP-9RTA")
        dialog.form.name.setText("双柏发改局-登记室")
        dialog.show()
        self.wait()
        self.save(dialog, "18-enrol-existing")
        dialog.close()
        window.close()

    # -- with a hub ----------------------------------------------------------------------------------
    def enrolled(self, tasks) -> None:
        import keyring

        from tests.sync_fixtures import LiveHub, use_memory_keyring

        previous = keyring.get_keyring()
        use_memory_keyring()
        hub = LiveHub(self.scratch / "hub-data").start()
        try:
            hub.add_user("sb_officer", "532322", name="杨喆")
            hub.add_user("sb_handler", "532322", name="王承办")
            self.enrol_pages(hub, tasks)
            self.enrolled_sync_page(hub, tasks)
        finally:
            tasks.wait_idle()
            hub.stop()
            keyring.set_keyring(previous)

    def enrol_pages(self, hub, tasks) -> None:
        from ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.scratch / "wizard", tasks)  # filled in, never sent
        wizard.office_page.hub.click()
        wizard.show()
        self.wait()
        self.save(wizard, "15-first-run-hub")
        wizard.next()
        form = wizard.enrol_page.form
        form.hub.setText("https://lvyue.cxz.gov.cn")
        form.code.setText("K7QM-2WXP-9RTA")
        form.name.setText("双柏发改局-登记室")
        self.wait()
        self.save(wizard, "16-first-run-enrol")
        wizard.close()

    def enrolled_sync_page(self, hub, tasks) -> None:
        """Two computers of 双柏县 change one complaint offline at once; one also holds a record for another
        county (written behind the services, as a damaged or tampered profile would) and an attachment over
        the hub's limit; a malformed record of the other computer reached the hub before it checked content
        and is set aside here."""
        from app.domain.clock import iso_utc
        from app.domain.ids import uuid7
        from app.services import sync
        from app.services.act import act
        from app.store.events import Draft
        from tests.factories import intake
        from tests.sync_fixtures import FORWARD, REJECT, enrol_device, register
        from ui.context import UiContext
        from ui.main_window import SYNC, MainWindow

        office = "双柏县发展和改革局"
        a1 = enrol_device(hub, self.scratch / "sb-1", "532322", office, username="sb_officer", name="双柏发改局-登记室")
        a2 = enrol_device(hub, self.scratch / "sb-2", "532322", office, username="sb_handler", name="双柏发改局-信用股")
        try:
            complaints = [register(a1) for _ in range(3)]
            a1.sync()
            a2.sync()
            act(a1.profile, a1.officer, complaints[0], "forward", FORWARD)
            act(a2.profile, a2.officer, complaints[0], "reject", REJECT)
            a2.sync()
            with a1.profile.store.unit_of_work() as uow:
                uow.events.append(Draft(id=uuid7(), stream=uuid7(), action="register", actor=a1.officer.user_id,
                                        device_time=iso_utc(a1.profile.now()),
                                        payload={"case_no": "532323-2026-0001", "office_code": "532323",
                                                 "intake": intake("532323")}))
                uow.commit()
            register(a1)
            # a scanned video over the hub's limit: named under what waits, with the reason and the tries
            from app.services.attachments import attach_file

            hub.database.settings.max_blob_bytes = 1024 * 1024
            video = self.scratch / "现场录像.mp4"
            video.write_bytes(os.urandom(1_100_000))
            attach_file(a1.profile, a1.officer, complaints[2], video)
            # a record an older hub let through from a faulty program: a forward without a department
            from tests.poison import Rogue, plant

            plant(hub, Rogue(hub.url, a2.profile, a2.officer.user_id).make(stream=complaints[1], action="forward",
                                                                          payload={}))
            sync.set_daily_time(a1.profile, "17:30")
            window = MainWindow(UiContext(a1.profile, a1.officer, tasks, self.settings))
            window.resize(*SIZE)
            window.show()
            window.go(SYNC)
            page = window.sync
            self.until(lambda: page.controller.status is not None)
            page.sync_button.click()
            self.until(lambda: not page.controller.running and page.conflicts_box.isVisible()
                       and page.set_aside_box.isVisible())
            window.resize(*SIZE)
            self.save(window, "17-sync-enrolled")
            from PySide6.QtWidgets import QScrollArea

            page.findChild(QScrollArea).ensureWidgetVisible(page.set_aside_box)
            self.wait()
            self.save(window, "19-sync-set-aside")
            window.close()
        finally:
            tasks.wait_idle()
            a1.profile.close()
            a2.profile.close()


if __name__ == "__main__":
    sys.exit(main())
