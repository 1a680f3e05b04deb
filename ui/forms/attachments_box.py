"""Files to attach: dropped from the Explorer or chosen with a button, stored after registration."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.attachments import MAX_ATTACHMENT_BYTES
from ui.widgets import file_dialogs


def dropped_files(mime: QMimeData) -> list[Path]:
    """Local files (not folders, not web links) carried by a drag."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file()]


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class AttachmentsBox(QGroupBox):
    """The list of files chosen so far; drop files anywhere on it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attachments"), parent)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Drag scans of the contract, invoices and other evidence here, or add them with "
                              "the button. They are stored with the complaint when it is registered."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        layout.addWidget(self.list)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def paths(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_paths(self, paths: list[str]) -> None:
        self.list.clear()
        self.add_paths([Path(p) for p in paths], announce=False)

    def add_paths(self, paths: list[Path], *, announce: bool = True) -> None:
        present = set(self.paths())
        refused = []
        for path in paths:
            if str(path) in present:
                continue
            if not path.is_file():
                refused.append(self.tr("%1 (file not found)").replace("%1", path.name))
                continue
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                refused.append(self.tr("%1 (larger than %2 MB)").replace("%1", path.name)
                               .replace("%2", str(MAX_ATTACHMENT_BYTES // 1024 // 1024)))
                continue
            item = QListWidgetItem(f"{path.name}    {size_text(size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
            present.add(str(path))
        self.message.setText(self.tr("Not added: %1").replace("%1", "；".join(refused)) if refused else "")
        self.message.setVisible(bool(refused))
        if announce:
            self.changed.emit()

    def _choose(self) -> None:
        self.add_paths(file_dialogs.ask_open_paths(self, self.tr("Choose files to attach"), key="attachment-add"))

    def _remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if files:
            self.add_paths(files)
            event.acceptProposedAction()
