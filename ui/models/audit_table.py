"""The audit trail table 审计记录: pages of ``app.services.audit_trail`` appended as the view scrolls.

The log can hold millions of records, so the model never counts them: it reads the first page when the
filter changes and the next page (by key, after the last record shown) when the view asks for more
(``canFetchMore``/``fetchMore``), each on the task pool. Filtering and ordering happen in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from shiboken6 import isValid

from app.services.audit_trail import AuditFilter, AuditPage, AuditRecord, Cursor, audit_page
from ui.context import UiContext
from ui.tasks import TaskFailure

PAGE = 50  # a window page: the first one on screen within ~10 ms on a log of 1.5 million events
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the AuditRecord
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
COLUMNS = ("at", "category", "action", "outcome", "case_no", "actor", "device", "summary")
COLUMN_INDEX = {key: i for i, key in enumerate(COLUMNS)}


def cells(r: AuditRecord) -> tuple[str, ...]:
    return (r.at_local, r.category_label, r.action_label, r.outcome_label, r.case_no or "—", r.actor_name,
            r.device_id[:8], r.summary)


def fetch_page(ctx: UiContext, f: AuditFilter, after: Cursor | None) -> AuditPage:
    return audit_page(ctx.profile, ctx.actor, f, after, PAGE)


class AuditTableModel(QAbstractTableModel):
    loaded = Signal(int, bool)  # rows shown so far, whether more can be read
    failed = Signal(object)  # TaskFailure

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = AuditFilter()
        self._generation = 0
        self._rows: list[AuditRecord] = []
        self._texts: list[tuple[str, ...]] = []
        self._cursor: Cursor | None = None
        self._more = False
        self._loading = False

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    @property
    def more(self) -> bool:
        return self._more

    def set_filter(self, f: AuditFilter) -> None:
        self.beginResetModel()
        self._filter = f
        self._generation += 1
        self._rows, self._texts = [], []
        self._cursor, self._more, self._loading = None, False, False
        self.endResetModel()
        self._fetch(None)

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def record_at(self, row: int) -> AuditRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _fetch(self, after: Cursor | None) -> None:
        self._loading = True
        generation = self._generation
        self._ctx.tasks.run(fetch_page, self._ctx, self._filter, after,
                            on_done=lambda page, g=generation: self._loaded(g, page),
                            on_error=lambda failure, g=generation: self._fetch_failed(g, failure))

    def _loaded(self, generation: int, page: AuditPage) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._loading = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._texts.extend(cells(r) for r in page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._more = page.next_cursor is not None
        self.loaded.emit(len(self._rows), self._more)

    def _fetch_failed(self, generation: int, failure: TaskFailure) -> None:
        if isValid(self) and generation == self._generation:
            self._loading = False
            self._more = False
            self.failed.emit(failure)

    # -- Qt model ----------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(self._cursor)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section] if 0 <= section < len(COLUMNS) else None

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Category"), self.tr("Action"), self.tr("Outcome"), self.tr("Case no."),
                self.tr("User"), self.tr("Device"), self.tr("Content")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == RECORD_ROLE:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[index.row()].outcome == "failed":
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        return None
