"""The register of issued documents as a Qt model, paged in from SQL (``documents.list_documents``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services import documents
from app.services.documents import DocumentPage, DocumentRow
from ui.context import UiContext
from ui.tasks import TaskFailure

Index = QModelIndex | QPersistentModelIndex
RECIPIENT = 3  # 主送: the column of free text, the one that stretches and elides


class DocumentTableModel(QAbstractTableModel):
    """Rows arrive a page at a time on a background thread; a new filter drops late answers."""

    PAGE = 100
    loaded = Signal(int)  # total rows matching the filter
    failed = Signal(object)  # TaskFailure

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DocumentRow] = []
        self.total = 0
        self.search = ""
        self.kind: str | None = None
        self._generation = 0
        self._loading = False
        self.headers = [self.tr("Number"), self.tr("Kind"), self.tr("Case"), self.tr("Recipient"),
                        self.tr("Date"), self.tr("Pages")]

    def set_filter(self, search: str = "", kind: str | None = None) -> None:
        self.search, self.kind = search.strip(), kind or None
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()
        self._load(0)

    def _load(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        self.ctx.tasks.run(documents.list_documents, self.ctx.profile, self.ctx.actor, self.search, self.kind,
                           offset, self.PAGE, on_done=lambda page: self._arrived(generation, page),
                           on_error=lambda failure: self._failed(generation, failure))

    def _arrived(self, generation: int, page: DocumentPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if page.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.total = page.total
        self.loaded.emit(page.total)

    def _failed(self, generation: int, failure: TaskFailure) -> None:
        if generation == self._generation:
            self._loading = False
            self.failed.emit(failure)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self.rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            date = row.issued_on
            return (row.number, row.kind_label, row.case_no, row.recipient,
                    f"{date[:4]}-{date[5:7]}-{date[8:10]}", str(row.pages))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # an elided cell shows its full text instead (ElidingToolTips)
            return row.recipient if index.column() == RECIPIENT else row.title
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, row: int) -> DocumentRow:
        return self.rows[row]
