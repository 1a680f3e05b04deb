"""The complaint list model 投诉案件列表: rows paged in from SQL in blocks, never all at once.

``rowCount`` is the total that matches the filter (one COUNT per filter change); rows are fetched in
blocks of ``BLOCK`` on the task pool when the view first asks for them and kept in a small LRU cache,
so 100,000 complaints scroll with a few hundred rows in memory. Sorting re-queries with ORDER BY
(``sort()``); filtering and search are part of the query. Nothing here sorts or filters Python rows.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from shiboken6 import isValid

from app.services.list_blocks import DeadlineMemo, RawPage, complaint_row, read_block
from app.services.queries import ComplaintFilter, ComplaintRow
from ui.context import UiContext
from ui.models.complaint_cells import KEYS, RowTexts, tuple_texts
from ui.tasks import TaskFailure

BLOCK = 100  # about three screens; a block costs about 1 ms to read with 100,000 complaints
MAX_BLOCKS = 60  # rows kept in memory: 6,000 at most
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ComplaintRow
DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 2  # the DeadlineStatus (or None)
LOADED_ROLE = Qt.ItemDataRole.UserRole + 3  # False while the row's block is still being fetched


@dataclass(frozen=True)
class Column:
    key: str
    sort: str | None  # sort key understood by ``list_complaints`` (None: not sortable)


COLUMNS = (
    Column("case_no", "case_no"), Column("state", "state"), Column("complainant", "complainant"),
    Column("respondent", "respondent"), Column("region", "region"), Column("sector", None),
    Column("channel", None), Column("claim", "claim"), Column("registered", "registered_at"),
    Column("deadline", "due_on"), Column("assignee", None),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
assert tuple(column.key for column in COLUMNS) == KEYS
_HANDLED = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
            ROW_ROLE, DEADLINE_ROLE, LOADED_ROLE}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class ListQuery:
    filter: ComplaintFilter = field(default_factory=ComplaintFilter)
    sort: str = "registered_at"
    descending: bool = True


class Block:
    """One block as read on the task pool (the driver's tuples); each row's ``ComplaintRow`` and texts
    are made on the GUI thread the first time something asks for them."""

    __slots__ = ("_rows", "_texts", "everything", "more", "names", "rows", "today", "total")

    def __init__(self, page: RawPage, names: dict[str, str]) -> None:
        self.rows = page.rows
        self.today = page.today
        self.total = page.total  # -1 unless asked for
        self.more = page.more  # ``total`` is a lower bound (a search term in most complaints)
        self.everything = page.everything
        self.names = names  # the handlers' names the texts are made with
        self._rows: list[ComplaintRow | None] = [None] * len(page.rows)
        self._texts: list[RowTexts | None] = [None] * len(page.rows)

    def row(self, offset: int) -> ComplaintRow:
        found = self._rows[offset]
        if found is None:
            found = self._rows[offset] = complaint_row(self.rows[offset], self.today)
        return found

    def formatted(self) -> int:
        """How many rows have their texts made (those the view asked for)."""
        return sum(texts is not None for texts in self._texts)

    def texts(self, offset: int, memo: DeadlineMemo, regions: dict[str, str], deadlines: dict) -> RowTexts:
        found = self._texts[offset]
        if found is None:
            t = self.rows[offset]
            found = self._texts[offset] = tuple_texts(t, memo.status(t, self.today), regions, self.names, deadlines)
        return found


def fetch_block(ctx: UiContext, query: ListQuery, block: int, with_total: bool, names: dict[str, str] | None = None,
                matches: int | None = None, everything: int | None = None) -> Block:
    """One block of rows (runs on the task pool): one read transaction on the driver's connection.

    ``names`` (the handlers' names) are read in it when not given: the model passes those of the
    query's first block to the blocks that follow; ``matches``, the count it knows, spares a filtered
    block its count, and ``everything`` the count of all complaints (``list_blocks.read_block``).
    """
    page = read_block(ctx.profile, ctx.actor, query.filter, sort=query.sort, descending=query.descending,
                      offset=block * BLOCK, limit=BLOCK, with_total=with_total, matches=matches,
                      everything=everything, with_names=names is None)
    return Block(page, names if names is not None else page.names or {})


class ComplaintTableModel(QAbstractTableModel):
    total_changed = Signal(int)  # after every filter change or refresh
    failed = Signal(object)  # TaskFailure
    block_loaded = Signal(int)  # block index (tests and the bench wait on it)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._query = ListQuery()
        self._generation = 0
        self._total = 0
        self._known = False  # the total for this query has arrived
        self._more = False  # the total is a lower bound
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._stale: dict[int, Block] = {}  # shown while a refresh is under way
        self._pending: set[int] = set()
        self._regions = {r.code: r.name for r in ctx.profile.regions.all()}
        self._names: dict[str, str] | None = None  # read with each query's first block, reused by the rest
        self._everything: int | None = None  # about all complaints (the highest row number), read once per query
        self._memo = DeadlineMemo(ctx.profile)  # deadline statuses, one per distinct deadline and day
        self._deadline_texts: dict = {}  # status -> (cell, tooltip) texts
        self._headers: list[str] | None = None

    # -- queries -----------------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int | None:
        return self._total if self._known else None

    @property
    def total_is_lower_bound(self) -> bool:
        """More complaints match than ``total`` (a search term in most of them; ``Page.more``)."""
        return self._known and self._more

    def set_query(self, query: ListQuery) -> None:
        """Show another filter or order: the count and the first block are fetched again.

        Only the order changed: the same complaints match, so the count stays (a change to them comes
        with ``refresh``) and, as in ``refresh``, the rows on screen stay until the new ones arrive —
        no placeholders are painted meanwhile, which left the GUI thread idle while the block is read.
        """
        if self._known and query.filter == self._query.filter:
            self._query = query
            self._reread(with_total=False)
            self.total_changed.emit(self._total)
            return
        self.beginResetModel()
        self._query = query
        self._generation += 1
        self._total, self._known = 0, False
        self._blocks.clear()
        self._stale.clear()
        self._pending.clear()
        self._names = None
        self._everything = None
        self._deadline_texts.clear()
        self.endResetModel()
        self._fetch(0, with_total=True)

    def refresh(self) -> None:
        """Re-read the same query (after a change): old rows stay visible until the new ones arrive."""
        self._reread(with_total=True)

    def _reread(self, *, with_total: bool) -> None:
        self._generation += 1
        if self._blocks:  # else a re-read is under way: its old rows stay
            self._stale = dict(self._blocks)
        self._blocks.clear()
        self._pending.clear()
        if with_total:  # a refresh: the handlers, the number of complaints and the day may have changed
            self._names = None
            self._everything = None
            self._deadline_texts.clear()
        self._fetch(0, with_total=with_total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(ListQuery(self._query.filter, key, descending))

    def sort_column(self) -> int:
        for i, column in enumerate(COLUMNS):
            if column.sort == self._query.sort:
                return i
        return COLUMN_INDEX["registered"]

    def row_at(self, row: int) -> ComplaintRow | None:
        block = self._blocks.get(row // BLOCK) or self._stale.get(row // BLOCK)
        if block is None or row % BLOCK >= len(block.rows):
            return None
        return block.row(row % BLOCK)

    # -- fetching ----------------------------------------------------------------------------------
    def _fetch(self, block: int, *, with_total: bool = False) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        generation = self._generation
        self._ctx.tasks.run(
            fetch_block, self._ctx, self._query, block, with_total, self._names,
            self._total if self._known and not with_total else None, self._everything,
            on_done=lambda result, g=generation, b=block, t=with_total: self._loaded(g, b, t, result),
            on_error=lambda failure, g=generation, b=block: self._fetch_failed(g, b, failure),
        )

    def _loaded(self, generation: int, block: int, with_total: bool, result: Block) -> None:
        if not isValid(self) or generation != self._generation:  # closed meanwhile, or another query
            return
        self._pending.discard(block)
        self._stale.pop(block, None)
        self._blocks[block] = result
        if self._names is None:
            self._names = result.names
        if self._everything is None:
            self._everything = result.everything
        self._blocks.move_to_end(block)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        if with_total:
            self._more = result.more
            self._apply_total(result.total)
        first = block * BLOCK
        last = min(first + BLOCK, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.block_loaded.emit(block)

    def _apply_total(self, total: int) -> None:
        old = self._total
        if total > old:
            self.beginInsertRows(QModelIndex(), old, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < old:
            self.beginRemoveRows(QModelIndex(), total, old - 1)
            self._total = total
            self.endRemoveRows()
        self._known = True
        if self._stale and total:  # rows of the old read may have moved: let the view ask again
            self.dataChanged.emit(self.index(0, 0), self.index(total - 1, len(COLUMNS) - 1))
        self.total_changed.emit(total)

    def _fetch_failed(self, generation: int, block: int, failure: TaskFailure) -> None:
        if isValid(self) and generation == self._generation:
            self._pending.discard(block)
            self.failed.emit(failure)

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self._headers is None:
            self._headers = self._translated_headers()
        return self._headers[section] if 0 <= section < len(COLUMNS) else None

    def headers(self) -> list[str]:
        """The column titles, translated once (a header repaint asks ``headerData`` for every section:
        translating all titles each time held the GUI thread — and the GIL — for a millisecond)."""
        if self._headers is None:
            self._headers = self._translated_headers()
        return list(self._headers)

    def _translated_headers(self) -> list[str]:
        return [self.tr("Case no."), self.tr("State"), self.tr("Complainant"), self.tr("Respondent"),
                self.tr("County"), self.tr("Sector"), self.tr("Channel"), self.tr("Claim (yuan)"),
                self.tr("Registered"), self.tr("Deadline"), self.tr("Handler")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _HANDLED or not index.isValid():
            return None
        row_number = index.row()
        number, offset = divmod(row_number, BLOCK)
        block = self._blocks.get(number)
        if block is None:
            self._fetch(number)
            block = self._stale.get(number)
        elif role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            self._blocks.move_to_end(number)
        if role == LOADED_ROLE:  # rows of the current query (not those still shown from before a re-read)
            return number in self._blocks
        if block is None or offset >= len(block.rows):
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return block.texts(offset, self._memo, self._regions, self._deadline_texts).cells[column]
        if role == ROW_ROLE:
            return block.row(offset)
        if role == DEADLINE_ROLE:
            return self._memo.status(block.rows[offset], block.today)
        if role == Qt.ItemDataRole.ToolTipRole:
            texts = block.texts(offset, self._memo, self._regions, self._deadline_texts)
            return texts.deadline_tip if column == COLUMN_INDEX["deadline"] else texts.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMN_INDEX["claim"]:
            return _RIGHT
        return None
