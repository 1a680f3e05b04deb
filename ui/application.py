"""The desktop application 桌面程序: ``python main.py [--home DIR] [--demo]``.

Chinese by default (Qt's own catalogue and ours), high-DPI clean (fractional scaling passed through),
the interface font size from the profile's settings; then ``ui.startup`` runs the first-run wizard or
the login, and opens the main window. Quitting logs out.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.common import log_file
from app.security import log_masking
from app.services.profile import resolve_home
from ui.appearance import apply_font_size, apply_readable_colours, profile_settings
from ui.i18n import install_translators
from ui.interrupt import quit_on_ctrl_c
from ui.saving_tasks import SavingTasks
from ui.startup import Startup, demo_home
from ui.widgets.torn_down import tolerant

# Start-up timing (bench/bench_bundle.py): quit as soon as the first window is shown and say which one
# and when on stderr; the value is the launcher's time.time() at start (or 1 for no figure). Not for users.
QUIT_WHEN_SHOWN_ENV = "LVYUE_QUIT_WHEN_SHOWN"


class QuitWhenShown(QObject):
    def __init__(self, app: QApplication, started: float | None) -> None:
        super().__init__(app)
        self.app, self.started, self.done = app, started, False
        self._alive = True  # ui.widgets.torn_down

    @tolerant
    def eventFilter(self, watched, event) -> bool:
        if not self.done and event.type() == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow() \
                and watched.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            self.done = True
            import time

            elapsed = f" {time.time() - self.started:.3f} s" if self.started else ""
            print(f"shown {type(watched).__name__}{elapsed}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, self.app, lambda: self.app.exit(0))
        return False


def quit_when_shown(app: QApplication) -> QuitWhenShown | None:
    value = os.environ.get(QUIT_WHEN_SHOWN_ENV)
    if not value:
        return None
    try:
        started = float(value) if float(value) > 1 else None
    except ValueError:
        started = None
    watcher = QuitWhenShown(app, started)
    app.installEventFilter(watcher)
    return watcher


def parse_arguments(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", description="履约 政府违约失信投诉办理系统（桌面程序）")
    parser.add_argument("--home", help="配置档案文件夹（默认：LVYUE_HOME 或用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示配置档案（首次使用时生成演示数据）")
    return parser.parse_known_args(args)


def home_for(options: argparse.Namespace) -> Path:
    if options.demo:
        return resolve_home(options.home) if options.home else demo_home(resolve_home(None))
    return resolve_home(options.home)


NO_DISPLAY = ("履约桌面程序需要图形界面，但没有可用的显示（{detail}）。请在桌面环境中启动；"
              "在终端中可使用命令行：python main.py --help")
NO_DISPLAY_EXIT = 1
_DISPLAYLESS = ("offscreen", "minimal", "minimalegl", "linuxfb", "eglfs", "vnc", "vkkhrdisplay", "directfb")


def _x_display_reachable(display: str) -> bool:
    """Whether an X server answers at ``display`` (``:0``, ``unix:1.0``, ``host:10.0``)."""
    if display.startswith("/"):  # macOS launchd socket path
        return os.path.exists(display)
    host, _, rest = display.rpartition(":")
    try:
        number = int(rest.split(".")[0])
    except ValueError:
        return True  # a form we do not know: let Qt try
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        for address in (path, "\0" + path):  # the file, then Linux's abstract namespace
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                try:
                    s.connect(address)
                    return True
                except OSError:
                    continue
        return False
    try:
        with socket.create_connection((host, 6000 + number), timeout=2):
            return True
    except OSError:
        return False


def display_problem(qt_args: list[str], env=None, system: str | None = None) -> str | None:
    """Why the window cannot open here, in Chinese, or None. Asked before ``QApplication`` exists: without
    a display Qt's xcb plugin aborts the process (exit 134) instead of reporting anything."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    platform = ""
    for i, arg in enumerate(qt_args):
        if arg in ("-platform", "--platform") and i + 1 < len(qt_args):
            platform = qt_args[i + 1]
    platform = platform or env.get("QT_QPA_PLATFORM", "")
    names = [p.split(":")[0].strip() for p in platform.split(";") if p.strip()] or ["xcb", "wayland"]
    if any(name in _DISPLAYLESS or not name.startswith(("xcb", "wayland")) for name in names):
        return None
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if any(name.startswith("wayland") for name in names) and (wayland or env.get("WAYLAND_SOCKET")):
        return None
    if "xcb" in names and display and _x_display_reachable(display):
        return None
    if "xcb" in names and display:
        detail = f"无法连接 DISPLAY={display}"
    elif "xcb" in names:
        detail = "未设置 DISPLAY 环境变量"
    else:
        detail = "未设置 WAYLAND_DISPLAY 环境变量"
    return NO_DISPLAY.format(detail=detail)


def create_application(qt_args: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "lvyue", *qt_args])
    app.setApplicationName("Lvyue")
    app.setOrganizationName("Lvyue")
    return app


def console_log() -> None:
    """Warnings on the console that started the window, as before; the windowed build has none
    (``sys.stderr`` is None): its log is the profile's file (``app.common.log_file``, attached in ``_run``)."""
    root = logging.getLogger()
    if sys.stderr is None or root.handlers:
        return
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in root.handlers:
        handler.setLevel(logging.WARNING)  # our INFO lines are for the file


def main(args: list[str]) -> int:
    console_log()
    log_masking.install()  # no phone or ID number reaches a log
    options, qt_args = parse_arguments(args)
    problem = None if QApplication.instance() is not None else display_problem(qt_args)
    if problem is not None:
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    app = create_application(qt_args)
    interrupt = quit_on_ctrl_c(app)  # Ctrl+C in the console: 已取消, exit code 130 (issue 16)
    try:
        return _run(app, options)
    finally:
        if interrupt is not None:
            interrupt.close()
            interrupt.setParent(None)


def _run(app: QApplication, options: argparse.Namespace) -> int:
    timing = quit_when_shown(app)  # noqa: F841  (kept alive for the whole run)
    translators = install_translators(app)  # noqa: F841  (kept alive for the whole run)
    home = home_for(options)
    # the profile's log file; a first run (no folder yet) logs from its next start: the folder is not made here
    log = log_file.attach(home, "window") if home.is_dir() else None
    try:
        lock = hold_window_lock(home)
        if lock is None:
            return PROFILE_IN_USE_EXIT
        try:
            return _run_on(app, options, home)
        finally:
            if lock is not True:
                lock.release()
    finally:
        log_file.detach(log)


PROFILE_IN_USE_EXIT = 1


def hold_window_lock(home: Path):
    """The profile's window lock (``app.services.profile_lock``): the lock, True when there is no folder
    yet to lock (a first run), None when another window has the profile (said on the console and in a box)."""
    from app.domain.errors import DomainError
    from app.messages import describe
    from app.services.profile_lock import hold_for_window

    if not home.is_dir():
        return True
    try:
        return hold_for_window(home)
    except DomainError as error:
        text = describe(error)
        logging.getLogger(__name__).info("window refused: %s", text)
        if sys.stderr is not None:
            print(text, file=sys.stderr, flush=True)
        QMessageBox.critical(None, QCoreApplication.translate("Application", "Lvyue is already open"), text)
        return None


def _run_on(app: QApplication, options: argparse.Namespace, home: Path) -> int:
    logging.getLogger(__name__).info("window started: profile %s", home)
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
