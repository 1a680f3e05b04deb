"""办理记录 tab: every event of the complaint — when, what, who, from which device, synced or not."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.masking import mask_personal_text
from app.domain.vocabulary import Action, label
from app.presentation import event_summary
from app.services.queries import ComplaintDetail, local_time

COLUMNS = 5


class TimelineTab(QWidget):
    def __init__(self, device_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device_id = device_id
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setObjectName("timeline")
        self.tree.setRootIsDecorated(False)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 6px; }")
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Action"), self.tr("By"), self.tr("What was recorded"),
                                   self.tr("Device")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree)

    def device_text(self, device_id: str, synced: bool) -> str:
        where = self.tr("This computer") if device_id == self.device_id else self.tr("Device %1").replace(
            "%1", device_id[-8:])
        return where + ("" if synced else self.tr(" (not synced)"))

    def show_detail(self, detail: ComplaintDetail, *, revealed: bool = False) -> None:
        """Telephone and ID numbers typed in notes and reasons show masked unless ``revealed``."""
        self.tree.clear()
        for entry in reversed(detail.timeline):  # newest first
            try:
                action = label(Action(entry.action))
            except ValueError:
                action = entry.action
            summary = event_summary(entry.action, entry.payload, detail.names)
            if not revealed:
                summary = mask_personal_text(summary)
            item = QTreeWidgetItem([local_time(entry.at), action, entry.actor_name or "—", summary,
                                    self.device_text(entry.device_id, entry.synced)])
            item.setToolTip(3, summary)
            item.setData(0, 256, entry.event_id)
            self.tree.addTopLevelItem(item)
