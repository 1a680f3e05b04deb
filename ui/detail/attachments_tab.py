"""附件 tab: the files of the complaint; open one (a temporary copy), add more by button or drag and drop."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.attachments import export_blob
from app.services.queries import ComplaintDetail, local_time
from ui.context import UiContext
from ui.forms.attachments_box import dropped_files, size_text
from ui.forms.lifetime import while_alive
from ui.tasks import TaskFailure

SHA_ROLE = 256


class AttachmentsTab(QWidget):
    add_requested = Signal(list)  # of Path: the view stores them (one attach event each)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_add = False
        self._temp = Path(tempfile.mkdtemp(prefix="lvyue-open-"))
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Drop files here to attach them to the complaint."))
        self.hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.hint)
        self.tree = QTreeWidget()
        self.tree.setObjectName("attachments")
        self.tree.setRootIsDecorated(False)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 6px; }")
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Description"), self.tr("Added")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        layout.addWidget(self.tree, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setObjectName("attach")
        for button in (self.open_button, self.save_button, self.add_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.add_button.clicked.connect(self.choose_files)

    def show_detail(self, detail: ComplaintDetail, can_add: bool) -> None:
        self.can_add = can_add
        self.setAcceptDrops(can_add)
        self.add_button.setVisible(can_add)
        self.hint.setVisible(can_add)
        times = {t.event_id: (local_time(t.at), t.actor_name) for t in detail.timeline}
        self.tree.clear()
        for attachment in detail.complaint.attachments:
            when, who = times.get(attachment.get("event", ""), ("", ""))
            item = QTreeWidgetItem([attachment["filename"], size_text(int(attachment.get("size", 0))),
                                    attachment.get("description") or "", f"{when} {who}".strip()])
            item.setData(0, SHA_ROLE, attachment["sha256"])
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        has_files = self.tree.topLevelItemCount() > 0
        self.open_button.setEnabled(has_files)
        self.save_button.setEnabled(has_files)

    def _selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return (item.data(0, SHA_ROLE), item.text(0)) if item else None

    def open_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            sha, name = chosen
            target = self._temp / sha[:12] / name
            self.ctx.tasks.run(export_blob, self.ctx.profile, sha, target,
                               on_done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
                               on_error=while_alive(self, self._failed))

    def save_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment as"), chosen[1])
            if name:
                self.ctx.tasks.run(export_blob, self.ctx.profile, chosen[0], Path(name),
                                   on_error=while_alive(self, self._failed))

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files to attach"))
        if names:
            self.add_requested.emit([Path(n) for n in names])

    def _failed(self, failure: TaskFailure) -> None:
        self.message.setText(failure.message)
        self.message.show()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_add and dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if self.can_add and files:
            self.add_requested.emit(files)
            event.acceptProposedAction()
