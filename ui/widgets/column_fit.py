"""List columns sized from font metrics, and sized again when the font changes (设置 → 字号).

``FontColumns(view, {column: width})`` gives each listed column the width of its sample (a number of
ems, or a sample text such as ``"532300-2026-00001"``) or of its header title, whichever is wider, plus
the cell margins. When the view's font changes (``QEvent.FontChange``: the 字号 setting applies app-wide at
once) the widths are computed again, except for the columns the user resized by hand (dragging or
double-clicking the header's handle): those keep the user's width. With ``settings`` and ``key`` the hand-
sized columns are remembered across restarts (beside a header state saved by the page itself).

With ``rows=1.7`` the rows' height follows the font too (that many line heights).

``ElidingToolTips``: a delegate that shows a cell's full text as its tooltip when the cell shows it elided
("…"); otherwise the model's own tooltip.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QTreeView,
)

from ui.widgets.torn_down import mark_alive, tolerant

Width = int | float | str  # ems, or a sample text


def header_of(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[union-attr]


class FontColumns(QObject):
    def __init__(self, view: QTableView | QTreeView, widths: dict[int, Width], *, rows: float | None = None,
                 settings: QSettings | None = None, key: str | None = None) -> None:
        super().__init__(view)
        mark_alive(self)
        self.view = view
        self.header = header_of(view)
        self.widths = dict(widths)
        self.rows = rows
        self.settings, self.key = settings, key
        self.hand: set[int] = set()
        if settings is not None and key:
            stored = settings.value(key) or []
            stored = [stored] if isinstance(stored, str) else stored
            self.hand = {int(c) for c in stored if str(c).isdigit()}
        self._pressed = False
        self._applying = False
        self._viewport = self.header.viewport()
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)
        # a plain function, not a bound method: PySide looks a bound slot up by name on the object, which fails
        # once the cycle collector emptied it (ui/widgets/torn_down.py)
        self.header.sectionResized.connect(functools.partial(FontColumns._resized, self))
        self.apply()

    # -- widths --------------------------------------------------------------------------------------
    def width_for(self, column: int) -> int:
        metrics = QFontMetrics(self.view.font())
        em = metrics.horizontalAdvance("中")
        spec = self.widths[column]
        cell = metrics.horizontalAdvance(spec) if isinstance(spec, str) else int(em * spec)
        title = self.view.model().headerData(column, Qt.Orientation.Horizontal) if self.view.model() else None
        # the header's title, its margins and room for the sort arrow
        head = metrics.horizontalAdvance(str(title)) + em * 2 if title else 0
        return max(cell + em, head)

    def apply(self) -> None:
        """Size every listed column not resized by hand (and the rows, when asked)."""
        self._applying = True
        try:
            for column in self.widths:
                if column in self.hand or column >= self.header.count():
                    continue
                if self.header.sectionResizeMode(column) in (QHeaderView.ResizeMode.Interactive,
                                                             QHeaderView.ResizeMode.Fixed):
                    self.header.resizeSection(column, self.width_for(column))
            if self.rows and isinstance(self.view, QTableView):
                self.view.verticalHeader().setDefaultSectionSize(int(self.view.fontMetrics().height() * self.rows))
        finally:
            self._applying = False

    def forget_hand_sizes(self) -> None:
        self.hand.clear()
        self._store()
        self.apply()

    # -- events --------------------------------------------------------------------------------------
    @tolerant
    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._pressed and not self._applying and column not in self.hand:
            self.hand.add(column)
            self._store()

    def _store(self) -> None:
        if self.settings is not None and self.key:
            self.settings.setValue(self.key, sorted(self.hand))

    @tolerant
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.FontChange:
            self.apply()
        elif watched is self._viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._pressed = False
        return False


class ElidingToolTips(QStyledItemDelegate):
    """The full text of an elided cell as its tooltip; the model's tooltip for any other cell."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text:
                opt = QStyleOptionViewItem(option)
                self.initStyleOption(opt, index)
                style = view.style() if view is not None else None
                margin = style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin) * 2 + 2 if style else 4
                if opt.fontMetrics.horizontalAdvance(str(text)) + margin > option.rect.width():
                    QToolTip.showText(event.globalPos(), str(text), view)
                    return True
        return super().helpEvent(event, view, option, index)

    def is_elided(self, view: QAbstractItemView, index) -> bool:
        """For tests: would the cell at ``index`` show its text elided?"""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        rect = view.visualRect(index)
        return bool(text) and view.fontMetrics().horizontalAdvance(str(text)) + 4 > rect.width()
