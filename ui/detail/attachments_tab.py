"""附件 tab: the files of the complaint; open one (a temporary copy), add more by button or drag and drop.

The names shown and written are safe base names (``app.domain.filenames``), whatever the device that
recorded the attachment sent; a copy to open goes only into the session's own temporary folder
(``ctx.open_folder``), and a program or script type is never opened: the user is told why and may
save it elsewhere instead.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.filenames import is_executable, safe_filename
from app.services.attachments import copy_for_opening, export_blob
from app.services.queries import ComplaintDetail, local_time
from ui.context import UiContext
from ui.forms.attachments_box import dropped_files, size_text
from ui.forms.lifetime import while_alive
from ui.tasks import TaskFailure
from ui.widgets import file_dialogs, icons

SHA_ROLE = 256
SENT_NAME_ROLE = 257  # the name as the event carries it: program types are judged on it too


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


class AttachmentsTab(QWidget):
    add_requested = Signal(list)  # of Path: the view stores them (one attach event each)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_add = False
        self.refusal: QMessageBox | None = None  # the "not opened" message on screen (tests read it)
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
        self.open_button.setIcon(icons.icon("open"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setIcon(icons.icon("save_as"))
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setIcon(icons.icon("attach"))
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
            size = attachment.get("size")
            item = QTreeWidgetItem([safe_filename(attachment.get("filename")),
                                    size_text(size) if isinstance(size, int) else "",
                                    _text(attachment.get("description")), f"{when} {who}".strip()])
            item.setData(0, SHA_ROLE, _text(attachment.get("sha256")))
            item.setData(0, SENT_NAME_ROLE, _text(attachment.get("filename")))
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        has_files = self.tree.topLevelItemCount() > 0
        self.open_button.setEnabled(has_files)
        self.save_button.setEnabled(has_files)

    def _selected(self) -> tuple[str, str] | None:
        """(sha256, the name as sent) of the current file."""
        item = self.tree.currentItem()
        return (item.data(0, SHA_ROLE), item.data(0, SENT_NAME_ROLE)) if item else None

    def open_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        sha, sent = chosen
        if is_executable(sent):
            self._refuse_to_open(safe_filename(sent))
            return
        self.message.hide()
        self.ctx.tasks.run(copy_for_opening, self.ctx.profile, sha, sent, self.ctx.open_folder.path,
                           on_done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
                           on_error=while_alive(self, self._failed))

    def _refuse_to_open(self, name: str) -> None:
        """A program or script is never handed to the OS: say why, offer to save it elsewhere."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File not opened"),
                          self.tr("“%1” is a program or script file. Opening it could run commands on this "
                                  "computer, so it is not opened here.").replace("%1", name),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("If you need it, save it to a folder and have it checked (for example "
                                       "by antivirus software) before you use it."))
        save = box.addButton(self.tr("Save as…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._refusal_closed(box, save))
        self.refusal = box
        box.open()

    def _refusal_closed(self, box: QMessageBox, save) -> None:
        self.refusal = None
        box.deleteLater()
        if box.clickedButton() is save:
            self.save_selected()

    def save_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            sha, sent = chosen
            path, _ = file_dialogs.ask_save_path(self, self.tr("Save attachment as"), safe_filename(sent), "",
                                                 "attachment-save")
            if path is not None:
                self.message.hide()
                self.ctx.tasks.run(export_blob, self.ctx.profile, sha, path,
                                   on_done=while_alive(self, lambda _r, p=path: file_dialogs.confirm_saved(self, p)),
                                   on_error=while_alive(self, self._failed))

    def choose_files(self) -> None:
        paths = file_dialogs.ask_open_paths(self, self.tr("Choose files to attach"), key="attachment-add")
        if paths:
            self.add_requested.emit(paths)

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
