"""File dialogs 保存/打开对话框: the one way the window asks for a file or a folder, and says where it saved.

- The system's own dialog on Windows (Qt's static functions use it unless told otherwise; nothing here
  forbids it). Elsewhere Qt's dialog, in Chinese through Qt's ``qtbase_zh_CN`` catalogue (``ui.i18n``).
- Each dialog starts in the folder last used for its ``key`` (e.g. ``"register-export"``), otherwise in
  the user's 文档 folder (``QStandardPaths.DocumentsLocation``) — never the program's folder. The last
  folders are kept in the profile's settings once ``remember_in`` has been given them (the main window
  does), otherwise for the session only.
- ``confirm_saved`` says "已保存到 …" with 打开所在文件夹 and 关闭 (non-blocking).

Tests never open a real dialog: they patch the seams ``_get_save_file_name``, ``_get_open_file_names``,
``_get_existing_directory`` and ``open_folder`` of this module.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

# Qt's own dialog (Linux): strings its zh_CN catalogue lacks or words oddly, translated in ours (installed
# after Qt's, so looked up first) — without them it shows "Look in:", "Files of type:", "Folder".
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
)

SETTINGS_GROUP = "file_dialogs/"
_settings: QSettings | None = None
_session: dict[str, str] = {}


# -- seams (tests patch these) -------------------------------------------------------------------------
def _get_save_file_name(parent, title, start, filters):
    return QFileDialog.getSaveFileName(parent, title, start, filters)


def _get_open_file_names(parent, title, start, filters):
    return QFileDialog.getOpenFileNames(parent, title, start, filters)


def _get_open_file_name(parent, title, start, filters):
    return QFileDialog.getOpenFileName(parent, title, start, filters)


def _get_existing_directory(parent, title, start):
    return QFileDialog.getExistingDirectory(parent, title, start)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (资源管理器)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


# -- where to start ------------------------------------------------------------------------------------
def remember_in(settings: QSettings | None) -> None:
    """Keep the last folders in ``settings`` (the profile's ``ui.ini``); ``None``: this session only."""
    global _settings
    _settings = settings
    _session.clear()


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder(key: str) -> Path:
    """The last folder used for ``key`` if it still exists, else 文档."""
    last = _settings.value(SETTINGS_GROUP + key) if _settings is not None else _session.get(key)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    return documents_folder()


def remember(key: str, folder: Path) -> None:
    if _settings is not None:
        _settings.setValue(SETTINGS_GROUP + key, str(folder))
    else:
        _session[key] = str(folder)


# -- asking --------------------------------------------------------------------------------------------
def ask_save_path(parent: QWidget | None, title: str, suggested_name: str, filters: str = "",
                  key: str = "save") -> tuple[Path | None, str]:
    """Ask where to save; ``(path, chosen filter)``, ``(None, "")`` when cancelled."""
    start = start_folder(key) / Path(suggested_name).name if suggested_name else start_folder(key)
    name, chosen = _get_save_file_name(parent, title, str(start), filters)
    if not name:
        return None, ""
    path = Path(name)
    remember(key, path.parent)
    return path, chosen


def ask_open_paths(parent: QWidget | None, title: str, filters: str = "", key: str = "open", *,
                   single: bool = False) -> list[Path]:
    """Ask for files to open (one when ``single``); ``[]`` when cancelled."""
    if single:
        name, _chosen = _get_open_file_name(parent, title, str(start_folder(key)), filters)
        names = [name]
    else:
        names, _chosen = _get_open_file_names(parent, title, str(start_folder(key)), filters)
    paths = [Path(n) for n in names if n]
    if paths:
        remember(key, paths[0].parent)
    return paths


def ask_folder(parent: QWidget | None, title: str, key: str = "folder") -> Path | None:
    name = _get_existing_directory(parent, title, str(start_folder(key)))
    if not name:
        return None
    folder = Path(name)
    remember(key, folder)
    return folder


# -- after saving --------------------------------------------------------------------------------------
def confirm_saved(parent: QWidget | None, path: Path | str, text: str = "") -> QMessageBox:
    """The confirmation "已保存到 …" with 打开所在文件夹 / 关闭; shown without blocking, returned (tests
    press its buttons). ``path`` may be a file (its folder is opened) or a folder."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    text = text or QCoreApplication.translate("FileDialogs", "Saved to {path}").format(path=str(path))
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("FileDialogs", "Saved"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("saved_confirmation")
    box.open_button = box.addButton(QCoreApplication.translate("FileDialogs", "Open containing folder"), QMessageBox.ButtonRole.ActionRole)
    box.close_button = box.addButton(QCoreApplication.translate("FileDialogs", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.close_button)
    box.setEscapeButton(box.close_button)

    def clicked(button) -> None:
        if button is box.open_button:
            open_folder(folder)

    box.buttonClicked.connect(clicked)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
