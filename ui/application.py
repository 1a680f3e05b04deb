"""The desktop application 桌面程序: ``python main.py [--home DIR] [--demo]``.

Chinese by default (Qt's own catalogue and ours), high-DPI clean (fractional scaling passed through),
the interface font size from the profile's settings; then ``ui.startup`` runs the first-run wizard or
the login, and opens the main window. Quitting logs out.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.security import log_masking
from app.services.profile import resolve_home
from ui.appearance import apply_font_size, apply_readable_colours, profile_settings
from ui.i18n import install_translators
from ui.saving_tasks import SavingTasks
from ui.startup import Startup, demo_home


def parse_arguments(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", description="履约 政府违约失信投诉办理系统（桌面程序）")
    parser.add_argument("--home", help="配置档案文件夹（默认：LVYUE_HOME 或用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示配置档案（首次使用时生成演示数据）")
    return parser.parse_known_args(args)


def home_for(options: argparse.Namespace) -> Path:
    if options.demo:
        return resolve_home(options.home) if options.home else demo_home(resolve_home(None))
    return resolve_home(options.home)


def create_application(qt_args: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "lvyue", *qt_args])
    app.setApplicationName("Lvyue")
    app.setOrganizationName("Lvyue")
    return app


def main(args: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log_masking.install()  # no phone or ID number reaches a log
    options, qt_args = parse_arguments(args)
    app = create_application(qt_args)
    translators = install_translators(app)  # noqa: F841  (kept alive for the whole run)
    home = home_for(options)
    settings = profile_settings(home)
    apply_font_size(settings)
    apply_readable_colours(app)
    tasks = SavingTasks(app)
    startup = Startup(home, tasks, settings, demo=options.demo)
    exit_code = {"value": 0}

    def finish(code: int) -> None:
        exit_code["value"] = code
        app.exit(code)

    startup.finished.connect(finish)
    app.aboutToQuit.connect(startup.close)
    app.setQuitOnLastWindowClosed(False)  # dialogs follow one another until the main window is up
    startup.ready.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
    startup.start()
    code = app.exec()
    startup.close()
    return exit_code["value"] or code
