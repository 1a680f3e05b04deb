"""关于: the program's name, its version (from the installed package's metadata; the frozen build and a
bare checkout fall back to ``app.__version__``) and this profile's data folder with 打开."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__


def program_version() -> str:
    try:
        return metadata.version("lvyue")
    except metadata.PackageNotFoundError:
        return __version__


def open_in_file_manager(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None,
                 opener: Callable[[Path], bool] = open_in_file_manager) -> None:
        super().__init__(parent)
        self.data_folder, self.opener = Path(data_folder), opener
        self.setWindowTitle(self.tr("About Lvyue"))
        self.setProperty("session_transient", True)
        title = QLabel(self.tr("<h2>Lvyue 履约</h2>"), self)
        purpose = QLabel(self.tr("Handling complaints about government breaches of contract and broken promises "
                                 "(政府违约失信投诉办理)."), self)
        purpose.setWordWrap(True)
        self.version = QLabel(program_version(), self)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = QLabel(str(self.data_folder), self)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setToolTip(self.tr("Show the data folder in the file manager"))
        self.open_button.clicked.connect(self._open)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_button)
        form = QFormLayout()
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Data folder"), folder_row)
        note = QLabel(self.tr("This folder holds every complaint of this office; the program keeps a daily "
                              "copy in its backups folder. Copy it elsewhere from time to time."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.setMinimumWidth(min(em * 32, self.screen().availableGeometry().width() * 9 // 10))

    def _open(self) -> None:
        self.opener(self.data_folder)
