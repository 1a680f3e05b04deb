"""The 统计 page's charts 统计图 (QtCharts): the monthly trend of complaints received and verified, and
horizontal bars for one breakdown (channel, sector, state at the period's end). Clicking a bar asks for
the complaints behind it (``figure_clicked``)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app.reports import drill as d
from app.reports.trend import MonthPoint

RECEIVED_COLOUR, CONCLUDED_COLOUR, BAR_COLOUR = QColor("#2f6fb3"), QColor("#e08a2c"), QColor("#3c8d6e")


class _Chart(QChartView):
    figure_clicked = Signal(object)  # Figure

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fonts()

    def _fonts(self) -> None:
        font = QFont(QApplication.font())
        title = QFont(font)
        title.setBold(True)
        self.chart().setTitleFont(title)
        self.chart().legend().setFont(font)

    def _em(self) -> int:
        return self.fontMetrics().height()

    def _axes(self, categories: list[str], top: int, category_axis_side, value_axis_side) -> None:
        chart = self.chart()
        for axis in chart.axes():
            chart.removeAxis(axis)
        font = QFont(QApplication.font())
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        axis_x.setLabelsFont(font)
        axis_x.setTruncateLabels(False)
        axis_y = QValueAxis()
        axis_y.setRange(0, max(4, top))
        axis_y.setTickCount(5)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        axis_y.setLabelsFont(font)
        chart.addAxis(axis_x, category_axis_side)
        chart.addAxis(axis_y, value_axis_side)
        for series in chart.series():
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)


def _top(value: int) -> int:
    """The value axis end: room beyond the longest bar for its label (then rounded by ``applyNiceNumbers``)."""
    return max(4, int(value * 1.15) + 1)


class TrendChart(_Chart):
    """Received and verified per month; a bar opens that month's complaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.months: list[str] = []
        self.received: QBarSet | None = None
        self.concluded: QBarSet | None = None
        self.setFixedHeight(self._em() * 17)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignTop)

    def show_trend(self, title: str, points: tuple[MonthPoint, ...], month_label) -> None:
        chart = self.chart()
        chart.setTitle(title)
        chart.removeAllSeries()  # deletes the old series and, with it, the bar sets: make new ones
        self.received = QBarSet(self.tr("Received"))
        self.concluded = QBarSet(self.tr("Verified"))
        for bar_set, colour, kind in ((self.received, RECEIVED_COLOUR, d.RECEIVED_IN_MONTH),
                                      (self.concluded, CONCLUDED_COLOUR, d.CONCLUDED_IN_MONTH)):
            bar_set.setColor(colour)
            bar_set.setLabelColor(QColor("#202020"))
            bar_set.clicked.connect(lambda i, k=kind: self._clicked(k, i))
        self.months = [p.month for p in points]
        self.received.append([p.received for p in points])
        self.concluded.append([p.concluded for p in points])
        series = QBarSeries()
        series.append(self.received)
        series.append(self.concluded)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        top = max([p.received for p in points] + [p.concluded for p in points] + [0])
        self._axes([month_label(m) for m in self.months], _top(top), Qt.AlignmentFlag.AlignBottom,
                   Qt.AlignmentFlag.AlignLeft)

    def _clicked(self, kind: str, index: int) -> None:
        if 0 <= index < len(self.months):
            self.figure_clicked.emit(d.Figure(kind, self.months[index]))


class BarsChart(_Chart):
    """One breakdown as horizontal bars, largest first; a bar opens its complaints."""

    def __init__(self, title: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.kind = kind
        self.keys: list[str] = []
        self.values: list[int] = []
        self.chart().legend().hide()
        self.setFixedHeight(self._em() * 8)

    def show_counts(self, rows: list[tuple[str, str, int]]) -> None:
        """``rows``: (key, label, count), shown top to bottom in the order given."""
        chart = self.chart()
        chart.removeAllSeries()
        rows = list(reversed(rows))  # a horizontal bar chart draws its first category at the bottom
        self.keys = [key for key, _, _ in rows]
        self.values = [n for _, _, n in rows]
        bars = QBarSet("")
        bars.setColor(BAR_COLOUR)
        bars.setLabelColor(QColor("#202020"))
        bars.append(self.values)
        bars.clicked.connect(self._clicked)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        self._axes([text for _, text, _ in rows] or [""], _top(max(self.values, default=0)),
                   Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        self.setFixedHeight(int(self._em() * (4.5 + 1.6 * max(1, len(rows)))))

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.figure_clicked.emit(d.Figure(self.kind, self.keys[index]))
