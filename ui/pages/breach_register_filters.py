"""The breach register's filter bar: search (name, pinyin or initials, credit code, case number),
county (on a prefecture only), competent department, record status, sanctions, confirmation period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.services.credit_register import RegisterFilter
from ui.context import UiContext
from ui.widgets import icons
from ui.widgets.date_range import DateRange
from ui.widgets.flow_layout import FlowLayout, group
from ui.widgets.list_parts import refill

SEARCH_DELAY_MS = 200




def is_prefecture(ctx: UiContext) -> bool:
    """A prefecture user sees the counties below it: the register gets its county column and filter (a
    county user of a prefecture profile sees their county only, as the service scopes it)."""
    region = ctx.profile.regions.find(ctx.actor.region_code)
    return region is not None and region.level != "county"


class RegisterFilterBar(QWidget):
    changed = Signal(object)  # RegisterFilter (sort fields left at their defaults: the page sets them)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._quiet = False
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search body (name, pinyin or initials), credit code, case no."))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._emit)
        self.county = self._combo(self.tr("All counties"),
                                  [(r.code, r.name) for r in ctx.profile.regions.counties(ctx.actor.region_code)])
        self.county.setVisible(is_prefecture(ctx))
        self.department = self._combo(self.tr("All departments"), [])
        self.department.setMinimumContentsLength(10)
        self.status = self._combo(self.tr("Any status"), [("in_force", self.tr("In force")),
                                                          ("repaired", self.tr("Repaired"))])
        self.sanction = self._combo(self.tr("Any sanctions"), [("in_force", self.tr("Sanction in force")),
                                                               ("ended", self.tr("Sanctions ended")),
                                                               ("none", self.tr("No sanction"))])
        today = china_date(ctx.profile.now())
        self.dates = DateRange(self, self.tr("Confirmed from"), self.tr("to"), date(today.year, 1, 1), today,
                               self._emit)
        self.dated, self.date_from, self.date_to = self.dates.check, self.dates.start, self.dates.end
        self.reset = QPushButton(self.tr("Clear filters"), self)
        self.reset.setIcon(icons.icon("clear_filter"))
        self.reset.clicked.connect(self.clear)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 3)
        for combo in (self.county, self.department):
            top.addWidget(combo, 1)
        bottom = FlowLayout()  # wraps onto a further row when the page is narrow, never scrolls
        bottom.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.sanction, group(self, self.dates.widgets()), self.reset):
            bottom.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(bottom)

    def _combo(self, everything: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for code, text in options:
            combo.addItem(text, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.setMinimumContentsLength(max(6, longest * 3 // 2))  # Chinese characters are wider than the average
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_departments(self, names: list[str]) -> None:
        """The departments found in the register (read on the task pool by the page)."""
        self._quiet = True
        try:
            refill(self.department, self.tr("All departments"), [(name, name) for name in names])
        finally:
            self._quiet = False

    def current(self) -> RegisterFilter:
        confirmed_from, confirmed_to = self.dates.dates()
        return RegisterFilter(
            search=self.search.text().strip(), region_code=self.county.currentData(),
            department=self.department.currentData(), status=self.status.currentData(),
            sanction=self.sanction.currentData(),
            confirmed_from=confirmed_from, confirmed_to=confirmed_to,
        )

    def clear(self) -> None:
        self._quiet = True
        try:
            self.search.clear()
            for combo in (self.county, self.department, self.status, self.sanction):
                combo.setCurrentIndex(0)
            self.dated.setChecked(False)
        finally:
            self._quiet = False
        self._emit()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _emit(self, *_args) -> None:
        if self._quiet:
            return
        self._timer.stop()
        self.changed.emit(self.current())
