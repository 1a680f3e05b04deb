"""Screenshots of the 失信记录 page (政务失信记录台账) for the user guide, as the prefecture and as a
county user.

    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python tools/register_screenshots.py [--home DIR] [--out DIR]

Uses (and makes once) the same demo profile as ``tools/statistics_screenshots.py`` (a 楚雄市 leader is
added to it). The main window at the logical size a 1366×768 screen gives at ``QT_SCALE_FACTOR``, on
the 失信记录 page with a sanctioned record chosen: ``register-prefecture-125.png``,
``register-county-125.png``; before the page is in the navigation, the page alone at that size.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from statistics_screenshots import COUNTY, COUNTY_USER, DEMO_HOME, PASSWORD, SIZE, Shots  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=DEMO_HOME)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--complaints", type=int, default=2000)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.services.profile import is_initialised

    if not is_initialised(options.home):
        from app.services.demo import fill_demo

        print(f"生成演示数据：{options.complaints} 件 → {options.home}")
        fill_demo(options.home, options.complaints)
    options.out.mkdir(parents=True, exist_ok=True)
    suffix = str(round(float(os.environ.get("QT_SCALE_FACTOR", "1")) * 100))
    return RegisterShots(options.home, options.out, suffix).run()


class RegisterShots(Shots):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        from PySide6.QtGui import QFontDatabase

        from ui.appearance import apply_font_size

        # a machine without a Chinese face (a CI box) shows what a county PC with 微软雅黑 would
        QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
        apply_font_size(self.settings)

    def run(self) -> int:
        from app.services import auth, users
        from app.services.profile import open_profile
        from ui.context import UiContext
        from ui.saving_tasks import SavingTasks

        profile = open_profile(self.home, daily_backup=False)
        tasks = SavingTasks(self.app)
        try:
            if COUNTY_USER not in {u.username for u in users.list_users(profile)}:
                admin = auth.login(profile, "admin", PASSWORD)
                users.add_user(profile, admin, username=COUNTY_USER, display_name="李楚雄", roles=["leader"],
                               region_code=COUNTY, password=PASSWORD)
            for username, name in (("officer", "register-prefecture"), (COUNTY_USER, "register-county")):
                ctx = UiContext(profile, auth.login(profile, username, PASSWORD), tasks, self.settings)
                self.shoot(ctx, name)
        finally:
            tasks.wait_idle()
            profile.close()
        return 0

    def shoot(self, ctx, name: str) -> None:
        import ui.main_window as main_window
        from app.services import credit_register
        from app.services.credit_register import RegisterFilter
        from ui.pages.breach_register import BreachRegisterPage

        if hasattr(main_window, "BREACHES"):
            window = main_window.MainWindow(ctx)
            window.resize(*SIZE)
            window.show()
            window.go(main_window.BREACHES)
            page = window.breach_register
        else:
            window = page = BreachRegisterPage(ctx)
            window.resize(*SIZE)
            window.show()
        self.until(lambda: page.current_record() is not None)
        sanctioned = credit_register.register_page(ctx.profile, ctx.actor, RegisterFilter(sanction="in_force"),
                                                   limit=1).rows
        if sanctioned:  # a record whose detail shows sanctions, chosen in the list
            for row in range(page.model.rowCount()):
                record = page.model.record_at(row)
                if record is not None and record.sanctions:
                    page.view.setCurrentIndex(page.model.index(row, 0))
                    break
        window.resize(*SIZE)
        self.wait(400)
        self.save(window, name)
        window.close()
        window.deleteLater()


if __name__ == "__main__":
    raise SystemExit(main())
