"""Screenshots of the 统计 page for the user guide, as the prefecture and as a county user.

    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python tools/statistics_screenshots.py [--home DIR] [--out DIR]

Uses (and makes once) the same demo profile as ``tools/screenshots.py`` and adds a 楚雄市 leader to it.
For each user it saves the window at 1366×768 as the user sees it, the whole page (the scrolled
content, at the window's width) and, for the prefecture, the list a number opens (渠道 12345热线). The
file names carry the scale factor (``QT_SCALE_FACTOR``): ``statistics-prefecture-125.png`` …
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCREEN = (1366, 768)  # the county office screen, in physical pixels
# At 125 % or 150 % Windows scaling the window has that many fewer logical pixels on the same screen.
_SCALE = float(os.environ.get("QT_SCALE_FACTOR") or 1)
SIZE = (round(SCREEN[0] / _SCALE), round(SCREEN[1] / _SCALE))
DEMO_HOME = Path(tempfile.gettempdir()) / "lvyue-screenshots-demo"
PASSWORD = "Demo#2026"
COUNTY_USER, COUNTY = "chuxiong", "532301"


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
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    suffix = str(round(float(scale) * 100))
    return Shots(options.home, options.out, suffix).run()


class Shots:
    def __init__(self, home: Path, out: Path, suffix: str) -> None:
        from PySide6.QtCore import QSettings

        from ui.application import create_application
        from ui.i18n import install_translators

        self.app = create_application([])
        self.translators = install_translators(self.app)
        self.scratch = Path(tempfile.mkdtemp(prefix="lvyue-stats-shots-"))
        self.settings = QSettings(str(self.scratch / "ui.ini"), QSettings.Format.IniFormat)
        self.home, self.out, self.suffix = home, out, suffix

    def wait(self, ms: int) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(self, condition, timeout_ms: int = 30000) -> None:
        waited = 0
        while not condition():
            if waited >= timeout_ms:
                raise TimeoutError("等待界面超时")
            self.wait(50)
            waited += 50
        self.wait(300)

    def save(self, widget, name: str) -> None:
        path = self.out / f"{name}-{self.suffix}.png"
        widget.grab().save(str(path))
        print(f"已保存 {path}")

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
            for username, name in (("officer", "statistics-prefecture"), (COUNTY_USER, "statistics-county")):
                ctx = UiContext(profile, auth.login(profile, username, PASSWORD), tasks, self.settings)
                self.window(ctx, name, drill=username == "officer")
        finally:
            tasks.wait_idle()
            profile.close()
        return 0

    def window(self, ctx, name: str, *, drill: bool) -> None:
        from app.reports import drill as d
        from ui.main_window import STATISTICS, MainWindow
        from ui.models.complaint_table import LOADED_ROLE

        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        page = window.statistics
        window.go(STATISTICS)
        self.until(lambda: page.data is not None)
        window.resize(*SIZE)
        self.wait(300)
        self.save(window, name)
        content = page.scroll.widget()
        self.save(content, f"{name}-full")
        if drill:
            opened = []
            page.open_list.connect(lambda f, text: opened.append(text))
            page.open_figure(d.Figure(d.RECEIVED_BY_CHANNEL, "hotline_12345"))
            self.until(lambda: bool(opened))
            lp = window.cases.list_page
            self.until(lambda: lp.model.total is not None and lp.model.index(0, 0).data(LOADED_ROLE))
            self.save(window, f"{name}-drill")
        window.close()
        window.deleteLater()


if __name__ == "__main__":
    raise SystemExit(main())
