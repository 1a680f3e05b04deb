"""The 同步 page's three lists: records the hub refused (with its Chinese reason and what to do),
complaints waiting for review 待核对 (each with a button that opens it), and records set aside
(隔离保存: malformed records from any computer, records the hub administrator quarantined).

All come from ``SyncStatus``; nothing is deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.domain.vocabulary import Action, label
from app.services.queries import local_time

if TYPE_CHECKING:
    from app.services.sync import ConflictItem, QuarantinedEvent, RejectedEvent

ID_ROLE = Qt.ItemDataRole.UserRole
EMPTY = "—"


def _action_text(action: str) -> str:
    try:
        return label(Action(action))
    except ValueError:
        return action


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: QTreeView asks for a row's height without the column's width,
    so long Chinese reasons would be cut to one line with “…”."""

    PADDING = 8

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        width = view.header().sectionSize(index.column()) - self.PADDING
        text = index.data() or ""
        if width <= 0 or not isinstance(text, str) or not text:
            return hint
        box = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), box.height() + self.PADDING // 2))


class _Table(QTreeWidget):
    """A list that asks for a few rows' height only: the page gives it the room that is left (and
    scrolls as a whole when a large font leaves none)."""

    ROWS = 4

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fontMetrics().height() * (self.ROWS + 2))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def _stretch(table: QTreeWidget, *fit: int) -> None:
    """``fit`` columns take their contents' width; the others share the rest and wrap their text
    (the rows grow when a column is resized)."""
    header = table.header()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents if column in fit else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)
    table.setItemDelegate(WrappingDelegate(table))
    header.sectionResized.connect(lambda *_args: table.scheduleDelayedItemsLayout())


class RefusedTable(_Table):
    """Double-click (or Enter) on a row of a known complaint opens it."""

    open_complaint = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([self.tr("Case no."), self.tr("Record"), self.tr("Recorded"), self.tr("Hub's reason"),
                              self.tr("What to do")])
        _stretch(self, 0, 1, 2)
        self.itemActivated.connect(self._activated)

    def show_rows(self, rows: tuple[RejectedEvent, ...]) -> None:
        self.clear()
        for r in rows:
            item = QTreeWidgetItem([r.case_no or EMPTY, r.action_label, local_time(r.device_time), r.message,
                                    self.advice(r)])
            item.setData(0, ID_ROLE, (r.complaint_id, r.case_no or ""))
            for column in (3, 4):
                item.setToolTip(column, item.text(column))
            self.addTopLevelItem(item)

    def advice(self, refused: RejectedEvent) -> str:
        """What the officer should do about a refused record (the hub's code decides)."""
        if refused.needs_admin:
            return self.tr("Ask the system administrator: this computer's record chain does not match the "
                           "hub's, so later records are refused too until it is repaired.")
        return {
            "out_of_scope": self.tr("The complaint is outside this computer's area. The record stays here; ask "
                                    "the hub administrator whether the complaint should move to that county."),
            "stream_unknown": self.tr("The hub never received this complaint's registration: deal with that "
                                      "refusal first, then ask the hub administrator."),
            "stream_exists": self.tr("The hub already has a complaint with this number: ask the hub "
                                     "administrator to compare the two."),
            "event_conflict": self.tr("The hub holds a different record under the same id: ask the hub "
                                      "administrator."),
            "payload_invalid": self.tr("The record is incomplete: ask the system administrator."),
            "actor_unknown": self.tr("The officer who made it may not work on this computer according to the "
                                     "hub: ask the hub administrator to check the officer's account."),
            "role_not_permitted": self.tr("The officer's role at the hub does not allow this step: ask the hub "
                                          "administrator to check the officer's roles."),
            "case_no_taken": self.tr("Another complaint already has this case number: ask the hub "
                                     "administrator."),
            "case_no_not_issued": self.tr("The case number was not handed to this computer by the hub: ask the "
                                          "hub administrator."),
            "device_time_invalid": self.tr("This computer's clock was wrong when the record was made: set the "
                                           "clock right and ask the system administrator."),
        }.get(refused.code, self.tr("Ask the hub administrator, quoting the reason."))

    def _activated(self, item: QTreeWidgetItem) -> None:
        complaint_id, case_no = item.data(0, ID_ROLE)
        if complaint_id:
            self.open_complaint.emit(complaint_id, case_no)


class ConflictTable(_Table):
    open_complaint = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setHeaderLabels([self.tr("Case no."), self.tr("Changes kept aside"), ""])
        _stretch(self, 0, 2)
        self.itemActivated.connect(lambda item: self._open(*item.data(0, ID_ROLE)))
        self.buttons: dict[str, QPushButton] = {}  # complaint id -> its 打开 button

    def show_rows(self, rows: tuple[ConflictItem, ...]) -> None:
        self.clear()
        self.buttons = {}
        for c in rows:
            kept = "；".join(f"{_action_text(k.get('action', ''))}（{local_time(k['at'])}，{self._reason(k)}）"
                            if k.get("at") else _action_text(k.get("action", "")) for k in c.kept)
            item = QTreeWidgetItem([c.case_no, kept or EMPTY, ""])
            item.setData(0, ID_ROLE, (c.complaint_id, c.case_no))
            item.setToolTip(1, kept)
            self.addTopLevelItem(item)
            button = QPushButton(self.tr("Open"), self)
            button.setToolTip(self.tr("Open complaint {case_no}: a leader settles it with “Resolve”").format(
                case_no=c.case_no))
            button.clicked.connect(lambda _checked=False, cid=c.complaint_id, no=c.case_no: self._open(cid, no))
            self.setItemWidget(item, 2, button)
            self.buttons[c.complaint_id] = button

    def _reason(self, kept: dict) -> str:
        return {"concurrent": self.tr("made at the same time as another change"),
                "state": self.tr("no longer fits the complaint's state"),
                "duplicate": self.tr("a second registration"),
                "invalid": self.tr("would leave the registration details invalid")}.get(kept.get("reason", ""),
                                                                                       kept.get("reason", ""))

    def _open(self, complaint_id: str, case_no: str) -> None:
        self.open_complaint.emit(complaint_id, case_no)


class QuarantineTable(_Table):
    """Records that do not count on this computer; double-click one of a known complaint to open it."""

    open_complaint = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([self.tr("Case no."), self.tr("Record"), self.tr("Recorded"), self.tr("Made on"),
                              self.tr("Reason")])
        _stretch(self, 0, 1, 2, 3)
        self.itemActivated.connect(self._activated)

    def show_rows(self, rows: tuple[QuarantinedEvent, ...]) -> None:
        self.clear()
        for q in rows:
            item = QTreeWidgetItem([q.case_no or EMPTY, q.action_label or EMPTY,
                                    local_time(q.device_time) if q.device_time[:4].isdigit() else EMPTY,
                                    self._source(q), q.message])
            item.setData(0, ID_ROLE, (q.stream if q.case_no else None, q.case_no or ""))
            item.setToolTip(4, q.message)
            self.addTopLevelItem(item)

    def _source(self, q: QuarantinedEvent) -> str:
        if q.origin == "hub":
            return self.tr("quarantined by the hub")
        return self.tr("this computer") if q.own else self.tr("another computer")

    def _activated(self, item: QTreeWidgetItem) -> None:
        complaint_id, case_no = item.data(0, ID_ROLE)
        if complaint_id:
            self.open_complaint.emit(complaint_id, case_no)
