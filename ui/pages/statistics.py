"""Statistics 统计: the supervision figures of a period and an area, the counties side by side, a monthly
trend and the breakdowns as charts — every count opens the complaints it counts.

The figures come from ``app.services.statistics`` on the task pool, with a progress bar; a newer request
cancels the older one and an older answer never replaces a newer one (``_generation``). Clicking a
number reads its complaints (``drill_down``) and emits ``open_list`` with a filter naming exactly them
and a heading (“2026年第三季度 · 双柏县 · 渠道 12345热线：17 件”) for the list's chip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.domain.vocabulary import Channel, Finding, Sector, State, choices
from app.reports import drill as d
from app.reports.assessment import total_of
from app.services.queries import ComplaintFilter
from app.services.statistics import (
    Area,
    StatisticsData,
    StatisticsRequest,
    areas,
    departments,
    drill_down,
    statistics_data,
)
from ui.appearance import as_hint
from ui.context import UiContext
from ui.pages.statistics_charts import BarsChart, TrendChart
from ui.pages.statistics_labels import area_text, drill_heading, month_text, short_month_text
from ui.pages.statistics_period import PeriodPicker
from ui.pages.statistics_tables import CountiesTable, SanctionsPanel, SummaryPanel, TimelinessTable
from ui.tasks import Job, TaskFailure
from ui.widgets import icons
from ui.widgets.flow_layout import FlowLayout, group
from ui.widgets.heading import Heading


class StatisticsPage(QWidget):
    open_list = Signal(object, str)  # ComplaintFilter, description
    loaded = Signal(object)  # StatisticsData, once shown (tests and the bench wait on it)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self._job: Job | None = None
        self._drill_generation = 0
        self.data: StatisticsData | None = None
        self.shown_period = ""  # the period's words for what is on screen (the pickers may have moved on)
        regions = ctx.profile.regions
        self.period = PeriodPicker(china_date(ctx.profile.now()), self)
        self.area = QComboBox(self)
        for area in areas(ctx.profile, ctx.actor):
            self.area.addItem(area_text(area, regions), area)
        self.area.setEnabled(self.area.count() > 1)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("All departments"), None)
        self.department.setMinimumContentsLength(10)
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setIcon(icons.icon("refresh"))
        self.progress = QProgressBar(self, textVisible=False)
        self.progress.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 8)
        self.progress.hide()
        self.export_slot = QHBoxLayout()  # the lead wires the 导出… menu here: ``set_export_menu``
        self.heading = Heading(self.tr("Counting…"), self, scale=1.3)
        self.heading.setWordWrap(True)
        self.note = QLabel(self, wordWrap=True)
        as_hint(self.note)

        self.summary = SummaryPanel(self)
        self.counties = CountiesTable(self)
        self.counties_box = self._box(self.tr("Counties side by side"), self.counties)
        self.trend = TrendChart(self)
        self.channels = BarsChart("", d.RECEIVED_BY_CHANNEL, self)
        self.sectors = BarsChart("", d.RECEIVED_BY_SECTOR, self)
        self.states = BarsChart("", d.STATE_AT_END, self)
        self.timeliness = TimelinessTable(self)
        self.sanctions = SanctionsPanel(self)
        self._lay_out()

        self.period.changed.connect(lambda *_a: self.refresh())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.department.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.summary.figure_clicked.connect(self.open_figure)
        for chart in (self.trend, self.channels, self.sectors, self.states):
            chart.figure_clicked.connect(self.open_figure)
        for table in (self.counties, self.timeliness, self.sanctions):
            table.figure_clicked.connect(self.open_figure)
        self._load_departments()

    # -- layout ----------------------------------------------------------------------------------------
    def _box(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box

    def _lay_out(self) -> None:
        actions = QWidget(self)
        buttons = QHBoxLayout(actions)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.refresh_button)
        buttons.addLayout(self.export_slot)
        filters = FlowLayout()  # wraps onto a further row when the page is narrow, never scrolls
        filters.addWidget(group(self, [QLabel(self.tr("Area"), self), self.area]))
        filters.addWidget(group(self, [QLabel(self.tr("Department"), self), self.department]))
        filters.addWidget(actions)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.heading)
        column.addWidget(self.note)
        column.addWidget(self._box(self.tr("Key figures"), self.summary))
        column.addWidget(self.counties_box)
        column.addWidget(self._box(self.tr("Monthly trend"), self.trend))
        charts = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop
        charts.addWidget(self._box(self.tr("Received by channel"), self.channels), 0, 0, top)
        charts.addWidget(self._box(self.tr("Received by sector"), self.sectors), 0, 1, top)
        charts.addWidget(self._box(self.tr("States at the period's end (all complaints)"), self.states), 1, 0, top)
        charts.addWidget(self._box(self.tr("Findings, sanctions and repairs"), self.sanctions), 1, 1,
                         Qt.AlignmentFlag.AlignTop)
        column.addLayout(charts)
        column.addWidget(self._box(self.tr("Timeliness of each stage"), self.timeliness))
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addWidget(self.period)  # the whole width: its rows wrap only when they must
        layout.addLayout(filters)
        layout.addWidget(self.scroll, 1)

    def set_export_menu(self, menu: QMenu) -> QPushButton:
        """Put the 导出… menu (built elsewhere: briefing PDF, xlsx, CSV of the shown request) beside
        刷新; ``request()`` says what is shown."""
        button = QPushButton(self.tr("Export…"), self)  # a push button like 刷新, its menu under it
        button.setIcon(icons.icon("export"))
        button.setMenu(menu)
        self.export_slot.addWidget(button)
        return button

    # -- requests --------------------------------------------------------------------------------------
    def request(self) -> StatisticsRequest:
        start, end = self.period.period()
        return StatisticsRequest(start, end, self.area.currentData(), self.department.currentData())

    def _load_departments(self) -> None:
        self._ctx.tasks.run(departments, self._ctx.profile, self._ctx.actor, on_done=self._show_departments,
                            on_error=lambda _f: None, owner=self)

    def _show_departments(self, names: list[str]) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        try:
            self.department.clear()
            self.department.addItem(self.tr("All departments"), None)
            for name in names:
                self.department.addItem(name, name)
            self.department.setCurrentIndex(max(0, self.department.findData(current)))
        finally:
            self.department.blockSignals(False)

    def refresh(self) -> None:
        """Read the figures for what the pickers say; an older read still running is cancelled."""
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        g = self._generation
        request = self.request()
        if request.period_to < request.period_from:
            self.heading.setText(self.tr("The end date is before the start date"))
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.heading.setText(self.tr("{period} · {area}: counting…").format(
            period=self.period.text(), area=self.area.currentText()))
        self._job = self._ctx.tasks.run(
            statistics_data, self._ctx.profile, self._ctx.actor, request, cancellable=True, owner=self,
            on_done=lambda data: self._show(g, data), on_error=lambda failure: self._failed(g, failure),
            on_progress=lambda done, total, _t: self._progressed(g, done, total))

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _failed(self, generation: int, failure: TaskFailure) -> None:
        if generation != self._generation:
            return  # a cancelled or replaced read
        self._job = None
        self.progress.hide()
        self.heading.setText(failure.message)

    # -- showing ---------------------------------------------------------------------------------------
    def _show(self, generation: int, data: StatisticsData) -> None:
        if generation != self._generation:
            return
        self._job = None
        self.progress.hide()
        self.data = data
        r, regions = data.report, self._ctx.profile.regions
        period, area = self.period.text(), area_text(data.request.area, regions)
        self.shown_period = period
        self.heading.setText(self.tr("{period} · {area}").format(period=period, area=area))
        if r.provisional:
            self.note.setText(self.tr("The period has not ended: figures as of {day}, and they may still grow. "
                                      "Click any number to list its complaints.").format(
                day=r.as_of.isoformat()))
        else:
            self.note.setText(self.tr("Figures from {start} to {end}. Click any number to list its complaints.")
                              .format(start=r.period_from.isoformat(), end=r.period_to.isoformat()))
        self.summary.show_report(r)
        self.counties_box.setVisible(bool(data.areas))
        if data.areas:
            rows = [(area_text(a.area, regions), a.area, a.figures) for a in data.areas]
            self.counties.show_areas([*rows, (self.tr("Total"), None, total_of(a.figures for a in data.areas))])
        first, last = data.trend[0].month, data.trend[-1].month
        self.trend.show_trend(self.tr("Received and verified per month, {first} to {last}").format(
            first=month_text(first), last=month_text(last)), data.trend, short_month_text)
        self.channels.show_counts(self._rows(Channel, r.received_by_channel))
        self.sectors.show_counts(self._rows(Sector, r.received_by_sector))
        self.states.show_counts(self._rows(State, r.states_at_end))
        self.timeliness.show_report(r)
        self.sanctions.show_report(r, dict(choices(Finding)))
        self.loaded.emit(data)

    @staticmethod
    def _rows(enum, counts) -> list[tuple[str, str, int]]:
        """Every value of ``enum`` that occurred, largest first (the report lists only those)."""
        names = dict(choices(enum))
        return [(c.key, names.get(c.key, c.key), c.count) for c in counts if c.count]

    # -- drill-down ------------------------------------------------------------------------------------
    def open_figure(self, figure: d.Figure, area: Area | None = None) -> None:
        """List the complaints behind ``figure`` (of a counties-table row when ``area`` is given)."""
        if self.data is None:
            return
        request = self.data.request
        self._drill_generation += 1
        g = self._drill_generation
        period = self.shown_period
        self._ctx.tasks.run(drill_down, self._ctx.profile, self._ctx.actor, request, figure, area, owner=self,
                            on_done=lambda found: self._drilled(g, found, period, area or request.area),
                            on_error=lambda failure: self._failed(self._generation, failure))

    def _drilled(self, generation: int, found: d.Drill, period: str, area: Area) -> None:
        if generation != self._drill_generation:
            return
        regions = self._ctx.profile.regions
        heading = drill_heading(period, area_text(area, regions), found.figure, found, regions)
        self.open_list.emit(ComplaintFilter(nums=found.nums), heading)
