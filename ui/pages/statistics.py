"""Statistics 统计: real counts from SQL by state, sector, channel and county (no invented figures).

Each figure is a COUNT through ``list_complaints`` with the matching filter, read on the task pool;
double-click (or Enter on) a row opens the list with that filter. Reports and xlsx export come later.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Channel, Sector, State, choices
from app.services.queries import ComplaintFilter, counts_by_state, list_complaints
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets.heading import Heading

Breakdown = list[tuple[str, ComplaintFilter, int]]  # label, filter, count


@dataclass(frozen=True)
class StatisticsFigures:
    total: int
    by_state: Breakdown
    by_sector: Breakdown
    by_channel: Breakdown
    by_county: Breakdown


def statistics_figures(ctx: UiContext) -> StatisticsFigures:
    p, actor = ctx.profile, ctx.actor

    def count(f: ComplaintFilter) -> int:
        return list_complaints(p, actor, f, limit=0, with_total=True).total

    states = counts_by_state(p, actor)
    by_state = [(text, ComplaintFilter(states=(code,)), states.get(code, 0))
                for code, text in choices(State)]
    by_sector = [(text, f, count(f)) for code, text in choices(Sector) for f in [ComplaintFilter(sectors=(code,))]]
    by_channel = [(text, f, count(f)) for code, text in choices(Channel)
                  for f in [ComplaintFilter(channels=(code,))]]
    names = [(r.code, r.name) for r in p.regions.counties(actor.region_code)]
    own = p.regions.find(actor.region_code)
    if own is not None and own.level != "county":  # bodies of the prefecture itself
        names.append((own.code, QCoreApplication.translate("StatisticsPage", "{name} (own level)").format(
            name=own.name)))
    by_county = [(name, f, count(f)) for code, name in names for f in [ComplaintFilter(regions=(code,))]]
    return StatisticsFigures(sum(states.values()), by_state, by_sector, by_channel, by_county)


class StatisticsPage(QWidget):
    open_list = Signal(object, str)  # ComplaintFilter, description

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self.total = Heading(self.tr("Counting…"), self, scale=1.3)
        refresh = QPushButton(self.tr("Refresh (F5)"), self)
        refresh.clicked.connect(self.refresh)
        note = QLabel(self.tr("Counts of all complaints in your area, as stored on this computer. "
                              "Double-click a row to open the list."), self, wordWrap=True)
        note.setEnabled(False)
        self.tables = {
            "state": self._table(self.tr("By state")), "sector": self._table(self.tr("By sector")),
            "channel": self._table(self.tr("By channel")), "county": self._table(self.tr("By county")),
        }
        top = QHBoxLayout()
        top.addWidget(self.total, 1)
        top.addWidget(refresh)
        grid = QGridLayout()
        for i, key in enumerate(("state", "sector", "channel", "county")):
            grid.addWidget(self.tables[key].parentWidget(), i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addLayout(grid, 1)

    def _table(self, title: str) -> QTreeWidget:
        box = QGroupBox(title, self)
        table = QTreeWidget(box)
        table.setRootIsDecorated(False)
        table.setHeaderLabels([self.tr("Item"), self.tr("Complaints"), self.tr("Share")])
        header = table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        table.itemActivated.connect(self._open)
        QVBoxLayout(box).addWidget(table)
        return table

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._ctx.tasks.run(statistics_figures, self._ctx, on_done=self._show, on_error=self._failed)

    def _failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self.total.setText(failure.message)

    def _show(self, figures: StatisticsFigures) -> None:
        self._loading = False
        self.total.setText(self.tr("{total} complaints in all").format(total=f"{figures.total:,}"))
        for key, rows in (("state", figures.by_state), ("sector", figures.by_sector),
                          ("channel", figures.by_channel), ("county", figures.by_county)):
            table = self.tables[key]
            table.clear()
            for text, f, count in rows:
                share = f"{count / figures.total:.1%}" if figures.total else "—"
                item = QTreeWidgetItem([text, f"{count:,}", share])
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(0, Qt.ItemDataRole.UserRole, f)
                table.addTopLevelItem(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(f, ComplaintFilter):
            self.open_list.emit(f, "")
