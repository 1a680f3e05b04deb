"""The camera of ``tools/all_screenshots.py``: a Qt application with the app's translators and a Chinese
font, and the ways to shoot — a widget, the screen, a dialog with its place on the screen (``geometry.txt``),
the modal window an action opens — plus the demo profile's data key kept in a file."""

from __future__ import annotations

import argparse
import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_HOME = Path(tempfile.gettempdir()) / "lvyue-shots-demo"
PASSWORD = "Demo#2026"


def use_key_file(home: Path) -> None:
    """The demo profile's data key in a file (tests.sync_fixtures.FileKeyring), not the OS keyring."""
    from app.security import data_keys
    from tests.sync_fixtures import DATA_KEY_FILE_ENV, KEYRING_FILE_ENV, FileKeyring

    keys = Path(f"{home}.keys")
    keys.mkdir(parents=True, exist_ok=True)
    os.environ[DATA_KEY_FILE_ENV] = str(keys / "data-keys.json")
    os.environ[KEYRING_FILE_ENV] = str(keys / "keyring.json")
    backend = FileKeyring()
    data_keys._backend = lambda: backend




class Camera:
    def __init__(self, options: argparse.Namespace) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QFontDatabase, QGuiApplication

        from ui.appearance import UI_FAMILIES, apply_font_size
        from ui.application import create_application
        from ui.i18n import install_translators

        self.app = create_application([])
        bundled = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
        if bundled.exists():
            QFontDatabase.addApplicationFont(str(bundled))
        if not set(UI_FAMILIES) & set(QFontDatabase.families()):
            raise SystemExit("没有可用的中文界面字体（如 fonts-noto-cjk 或 fonts-wqy-microhei），截图中的中文会显示为方框。")
        self.translators = install_translators(self.app)
        self.scratch = Path(tempfile.mkdtemp(prefix="lvyue-all-shots-"))
        self.settings = QSettings(str(self.scratch / "ui.ini"), QSettings.Format.IniFormat)  # default layout
        apply_font_size(self.settings, options.font_size)
        screen = QGuiApplication.primaryScreen()
        scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
        physical = round(screen.geometry().width() * screen.devicePixelRatio())
        self.setup = str(physical) if scale == 1 else f"{physical}-{round(scale * 100)}"
        if options.font_size:
            self.setup += f"-{options.font_size}pt"
        self.out: Path = options.out or ROOT / "docs" / "screenshots" / self.setup
        self.out.mkdir(parents=True, exist_ok=True)
        self.font_size = options.font_size
        self.screen_grabs = options.screen_grabs if options.screen_grabs is not None else physical <= 1366
        self.home = options.home
        self.saved: list[Path] = []
        self.failed: list[str] = []
        self.geometry: list[str] = []

    # -- helpers -------------------------------------------------------------------------------------
    @property
    def screen(self):
        """Asked each time: Qt may replace the QScreen object during the run (seen after the PDF view)."""
        from PySide6.QtGui import QGuiApplication

        return QGuiApplication.primaryScreen()

    def wait(self, ms: int = 300) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(self, condition: Callable[[], bool], timeout_ms: int = 20000) -> bool:
        waited = 0
        while not condition():
            if waited >= timeout_ms:
                print("  （等待超时，照原样截图）")
                return False
            self.wait(50)
            waited += 50
        self.wait(250)  # let the last repaint land
        return True

    @staticmethod
    def compact(path: Path) -> None:
        """256 colours without dithering: a window shot looks the same at a fifth of the bytes."""
        from PIL import Image

        with Image.open(path) as image:
            quantized = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                                      dither=Image.Dither.NONE)
        quantized.save(path, optimize=True)

    def save(self, widget, name: str) -> None:
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.compact(path)
        self.saved.append(path)
        print(f"已保存 {name}.png")

    def save_screen(self, name: str) -> None:
        path = self.out / f"{name}.png"
        self.screen.grabWindow(0).save(str(path))
        self.compact(path)
        self.saved.append(path)
        print(f"已保存 {name}.png")

    def dialog(self, widget, name: str, *, settle_ms: int = 400) -> None:
        """The dialog whole, its place on the screen (geometry.txt) and, on small screens, the screen."""
        if not widget.isVisible():
            widget.show()
        self.wait(settle_ms)
        self.save(widget, name)
        frame, available = widget.frameGeometry(), self.screen.availableGeometry()
        fits = available.contains(frame)
        self.geometry.append(f"{name}: {frame.width()}×{frame.height()} at ({frame.x()},{frame.y()}) "
                             f"in {available.width()}×{available.height()}"
                             + ("" if fits else "  ← DOES NOT FIT"))
        if self.screen_grabs:
            self.save_screen(f"{name}-screen")

    def modal(self, trigger: Callable[[], object], name: str) -> None:
        """Shoot the modal window ``trigger`` opens (a QMessageBox.question, a dialog's exec) and close it
        with Escape's answer (No / Cancel)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        before = QApplication.activeModalWidget()
        state = {"tries": 0, "done": False}

        def grab() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None or widget is before:
                state["tries"] += 1
                if state["tries"] < 60:
                    QTimer.singleShot(100, grab)
                else:
                    state["done"] = True
                    self.failed.append(f"{name}: no modal window appeared")
                return
            self.dialog(widget, name)
            widget.reject()
            state["done"] = True

        QTimer.singleShot(300, grab)
        trigger()
        self.until(lambda: state["done"], 8000)

    def attempt(self, label: str, shoot: Callable[[], None]) -> None:
        """One group of shots; a failure is written down and the run goes on."""
        try:
            shoot()
        except Exception as error:
            traceback.print_exc()
            self.failed.append(f"{label}: {type(error).__name__}: {error}")

    def context(self, username: str):
        from app.services.auth import login
        from ui.context import UiContext

        return UiContext(self.profile, login(self.profile, username, PASSWORD), self.tasks, self.settings)

    def window(self, ctx):
        from ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
        window.setGeometry(self.screen.availableGeometry())
        self.wait(300)
        return window
