"""The breach register table 政务失信记录台账: records paged in from SQL in blocks, never all at once.

Like ``ui.models.complaint_table``: ``rowCount`` is the count of the selection (read with the first
block, one COUNT per filter), further blocks of ``BLOCK`` records are read on the task pool when the
view asks for them and kept in a small LRU cache; sorting is an ORDER BY of
``app.services.credit_register.register_page``. Nothing here sorts or filters Python rows.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from shiboken6 import isValid

from app.services.credit_register import BreachRecord, RegisterFilter, RegisterPage, register_page
from ui.context import UiContext
from ui.tasks import TaskFailure

BLOCK = 100
MAX_BLOCKS = 40
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the BreachRecord
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class Column:
    key: str
    sort: str | None  # sort key of ``credit_register.SORTS`` (None: not sortable)


# Most telling first: on a 1366×768 screen at 125 % the last ones are a scroll away (the detail panel
# repeats them).
COLUMNS = (
    Column("case_no", "case_no"), Column("respondent", "respondent"), Column("county", "region"),
    Column("confirmed_on", "confirmed_on"), Column("status", None), Column("sanctions", None),
    Column("amount", "amount"), Column("department", None), Column("confirmed_by", None), Column("code", None),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Totals:
    total: int
    in_force: int
    sanctioned_now: int


def cells(r: BreachRecord) -> tuple[str, ...]:
    return (r.case_no, r.respondent_name, r.region_name, r.confirmed_on, r.status_label,
            str(len(r.sanctions_in_force)) if r.sanctions else "—", r.claim_yuan or "—", r.department,
            r.confirmed_by, r.respondent_code or "—")


@dataclass(frozen=True)
class Block:
    rows: tuple[BreachRecord, ...]
    texts: tuple[tuple[str, ...], ...]
    totals: Totals | None = field(default=None)


def fetch_block(ctx: UiContext, f: RegisterFilter, block: int, with_total: bool) -> Block:
    page: RegisterPage = register_page(ctx.profile, ctx.actor, f, offset=block * BLOCK, limit=BLOCK,
                                       count=with_total)
    totals = Totals(page.total, page.in_force, page.sanctioned_now) if with_total else None
    return Block(page.rows, tuple(cells(r) for r in page.rows), totals)


class BreachRegisterModel(QAbstractTableModel):
    totals_changed = Signal(object)  # Totals, after every filter change or refresh
    failed = Signal(object)  # TaskFailure
    block_loaded = Signal(int)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = RegisterFilter()
        self._generation = 0
        self._total = 0
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._pending: set[int] = set()

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    def set_filter(self, f: RegisterFilter) -> None:
        self.beginResetModel()
        self._filter = f
        self._generation += 1
        self._total = 0
        self._blocks.clear()
        self._pending.clear()
        self.endResetModel()
        self._fetch(0, with_total=True)

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is not None:
            from dataclasses import replace

            self.set_filter(replace(self._filter, sort=key, ascending=order == Qt.SortOrder.AscendingOrder))

    def record_at(self, row: int) -> BreachRecord | None:
        block = self._blocks.get(row // BLOCK)
        if block is None or row % BLOCK >= len(block.rows):
            return None
        return block.rows[row % BLOCK]

    def _fetch(self, block: int, *, with_total: bool = False) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        generation = self._generation
        self._ctx.tasks.run(
            fetch_block, self._ctx, self._filter, block, with_total,
            on_done=lambda result, g=generation, b=block: self._loaded(g, b, result),
            on_error=lambda failure, g=generation, b=block: self._fetch_failed(g, b, failure),
        )

    def _loaded(self, generation: int, block: int, result: Block) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._pending.discard(block)
        self._blocks[block] = result
        self._blocks.move_to_end(block)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        if result.totals is not None:
            if result.totals.total:
                self.beginInsertRows(QModelIndex(), 0, result.totals.total - 1)
                self._total = result.totals.total
                self.endInsertRows()
            self.totals_changed.emit(result.totals)
        first = block * BLOCK
        last = min(first + BLOCK, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.block_loaded.emit(block)

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
        return self.headers()[section] if 0 <= section < len(COLUMNS) else None

    def headers(self) -> list[str]:
        return [self.tr("Case no."), self.tr("Government body"), self.tr("County"), self.tr("Confirmed on"),
                self.tr("Status"), self.tr("Sanctions in force"), self.tr("Claim (yuan)"),
                self.tr("Competent department"), self.tr("Confirmed by"), self.tr("Credit code")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number, offset = divmod(index.row(), BLOCK)
        block = self._blocks.get(number)
        if block is None:
            self._fetch(number)
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if offset >= len(block.rows):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return block.texts[offset][column]
        if role == RECORD_ROLE:
            return block.rows[offset]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COLUMN_INDEX["amount"], COLUMN_INDEX["sanctions"]):
            return _RIGHT
        return None
