"""The 统计 page's numbers 统计数字: the key figures (big clickable numbers), the counties side by side and
the timeliness of each stage. Every count opens its complaints (``figure_clicked``); rates show their
numerator and denominator."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.milestones import Stage
from app.domain.vocabulary import Finding
from app.reports import drill as d
from app.reports.assessment import UnitFigures
from app.reports.figures import Rate, SupervisionReport
from app.services.statistics import Area
from ui.pages.statistics_labels import stage_text
from ui.widgets.heading import NumberButton

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's Figure
AREA_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's Area (None: the total)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def rate_text(rate: Rate) -> str:
    return "—" if rate.value is None else f"{rate.value:.1%}"


def _timeliness(report: SupervisionReport, stage: Stage):
    return next(t for t in report.timeliness if t.stage == stage.value)


class SummaryPanel(QWidget):
    """The key figures as big numbers with a caption under each; a number opens its complaints."""

    figure_clicked = Signal(object)
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, NumberButton] = {}
        self.captions: dict[str, QLabel] = {}
        self._figures: dict[str, d.Figure] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        items = [
            ("received", self.tr("Received"), d.Figure(d.RECEIVED)),
            ("concluded", self.tr("Verified"), d.Figure(d.CONCLUDED)),
            ("substantiated", self.tr("Substantiated rate"), d.Figure(d.CONCLUSION, Finding.SUBSTANTIATED.value)),
            ("forward", self.tr("Forwarded on time"), d.Figure(d.LATE, Stage.FORWARD.value)),
            ("conclude", self.tr("Verified on time"), d.Figure(d.LATE, Stage.CONCLUDE.value)),
            ("breaches", self.tr("Breaches confirmed"), d.Figure(d.BREACHES)),
            ("in_force", self.tr("Sanctions in force"), d.Figure(d.SANCTIONS_IN_FORCE)),
            ("repaired", self.tr("Credit repaired"), d.Figure(d.REPAIRED)),
            ("rectify", self.tr("Rectified on time"), d.Figure(d.LATE, Stage.RECTIFY.value)),
            ("overdue", self.tr("Overdue at the end"), d.Figure(d.OVERDUE)),
        ]
        self._grid = grid
        for key, caption, figure in items:
            button = NumberButton(self, scale=1.6)
            button.clicked.connect(lambda _c=False, k=key: self.figure_clicked.emit(self._figures[k]))
            label = QLabel(caption, self, alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            self.buttons[key], self.captions[key], self._figures[key] = button, label, figure
        self.columns = 0
        self._arrange(self.COLUMNS)

    # -- columns that follow the width: 5 across, fewer on a narrow page (150 % and 14 pt), never cut off --
    def _cell_width(self) -> int:
        em = self.fontMetrics().horizontalAdvance("中")
        return max(max(b.sizeHint().width() for b in self.buttons.values()), em * 6) + self._grid.horizontalSpacing()

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for column in range(max(self.columns, columns)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for i, key in enumerate(self.buttons):
            row, column = divmod(i, columns)
            self._grid.addWidget(self.buttons[key], 2 * row, column)  # moves a widget already in the grid
            self._grid.addWidget(self.captions[key], 2 * row + 1, column)
        self.columns = columns
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._cell_width() * 2), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fitting = max(2, min(self.COLUMNS, event.size().width() // max(1, self._cell_width())))
        self._arrange(fitting)  # the grid lays out again on its next request

    def show_report(self, r: SupervisionReport) -> None:
        def count(key: str, value: int, caption: str, tip: str) -> None:
            self.buttons[key].set_value(value)
            self.buttons[key].setToolTip(tip)
            self.captions[key].setText(caption)

        def rate(key: str, text: str, caption: str, tip: str) -> None:
            self.buttons[key].value = None
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
            self.captions[key].setText(caption)

        count("received", r.received, self.tr("Received"), self.tr("Complaints registered in the period"))
        count("concluded", r.substantiated.denominator, self.tr("Verified"),
              self.tr("Findings recorded in the period"))
        rate("substantiated", rate_text(r.substantiated),
             self.tr("Substantiated ({n}/{d})").format(n=r.substantiated.numerator, d=r.substantiated.denominator),
             self.tr("Click to list the substantiated findings"))
        for key, stage, caption in (("forward", Stage.FORWARD, self.tr("On time: forwarding ({n}/{d})")),
                                    ("conclude", Stage.CONCLUDE, self.tr("On time: verification ({n}/{d})")),
                                    ("rectify", Stage.RECTIFY, self.tr("On time: rectification ({n}/{d})"))):
            t = _timeliness(r, stage)
            rate(key, rate_text(t.rate), caption.format(n=t.on_time, d=t.finished),
                 self.tr("Click to list the {n} late ones").format(n=t.late))
        count("breaches", r.breaches_confirmed, self.tr("Breaches confirmed"),
              self.tr("Refusals confirmed as breach of trust in the period"))
        count("in_force", r.sanctions.in_force_at_end, self.tr("Sanctions in force"),
              self.tr("Sanction decisions in force at the period's end"))
        count("repaired", r.credit_repaired, self.tr("Credit repaired"), self.tr("Credit repairs in the period"))
        count("overdue", r.overdue_total, self.tr("Overdue at the end"),
              self.tr("Open stages past their due date at the period's end"))


class _NumberTable(QTableWidget):
    """A read-only table whose count cells open their complaints (Enter, double-click or a click)."""

    figure_clicked = Signal(object, object)  # Figure, Area | None

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setMouseTracking(True)
        self.cellClicked.connect(self._open)
        self.itemActivated.connect(lambda item: self._open(item.row(), item.column()))

    def _open(self, row: int, column: int) -> None:
        item = self.item(row, column)
        figure = item.data(FIGURE_ROLE) if item is not None else None
        if isinstance(figure, d.Figure):
            self.figure_clicked.emit(figure, self.item(row, 0).data(AREA_ROLE))

    def _cell(self, row: int, column: int, text: str, figure: d.Figure | None = None, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        if column:
            item.setTextAlignment(_RIGHT)
        if figure is not None:
            item.setData(FIGURE_ROLE, figure)
            item.setForeground(self.palette().link())
        if tip:
            item.setToolTip(tip)
        self.setItem(row, column, item)

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)

    def mouseMoveEvent(self, e) -> None:
        item = self.itemAt(e.position().toPoint())
        linked = item is not None and isinstance(item.data(FIGURE_ROLE), d.Figure)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(e)


class CountiesTable(_NumberTable):
    """One row per county (and the prefecture's own level), then the total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Area"), self.tr("Received"), self.tr("Verified"), self.tr("Substan-\ntiated"),
                          self.tr("Forwarded\non time"), self.tr("Verified\non time"), self.tr("Breaches"),
                          self.tr("Sanctions\nin force"), self.tr("Repaired"), self.tr("Overdue")], parent)

    def show_areas(self, rows: list[tuple[str, Area | None, UnitFigures]]) -> None:
        """``rows``: (name, area, figures); the area None marks the total row (the page's own area)."""
        self.setRowCount(len(rows))
        for i, (name, area, r) in enumerate(rows):
            first = QTableWidgetItem(name)
            first.setData(AREA_ROLE, area)
            if area is None:
                font = first.font()
                font.setBold(True)
                first.setFont(font)
            self.setItem(i, 0, first)
            forward, conclude = r.stage(Stage.FORWARD), r.stage(Stage.CONCLUDE)
            substantiated = Rate(r.substantiated, r.concluded)
            self._cell(i, 1, f"{r.received:,}", d.Figure(d.RECEIVED))
            self._cell(i, 2, f"{r.concluded:,}", d.Figure(d.CONCLUDED))
            self._cell(i, 3, rate_text(substantiated), None, f"{r.substantiated}/{r.concluded}")
            self._cell(i, 4, rate_text(forward.rate), None, f"{forward.on_time}/{forward.finished}")
            self._cell(i, 5, rate_text(conclude.rate), None, f"{conclude.on_time}/{conclude.finished}")
            self._cell(i, 6, f"{r.breaches_confirmed:,}", d.Figure(d.BREACHES))
            self._cell(i, 7, f"{r.sanctions.in_force_at_end:,}", d.Figure(d.SANCTIONS_IN_FORCE))
            self._cell(i, 8, f"{r.credit_repaired:,}", d.Figure(d.REPAIRED))
            self._cell(i, 9, f"{r.overdue:,}", d.Figure(d.OVERDUE))
        self._fit_height()


class TimelinessTable(_NumberTable):
    """Each stage: finished in the period, on time, late, the rate, median and 90th percentile days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Stage"), self.tr("Done"), self.tr("On time"), self.tr("Late"),
                          self.tr("On-time rate"), self.tr("Median\n(working days)"),
                          self.tr("90th percentile\n(working days)")], parent)

    def show_report(self, r: SupervisionReport) -> None:
        self.setRowCount(len(r.timeliness))
        durations = {x.stage: x for x in r.durations}
        for i, t in enumerate(r.timeliness):
            self.setItem(i, 0, QTableWidgetItem(stage_text(t.stage)))
            self._cell(i, 1, f"{t.finished:,}", d.Figure(d.FINISHED, t.stage))
            self._cell(i, 2, f"{t.on_time:,}", d.Figure(d.ON_TIME, t.stage))
            self._cell(i, 3, f"{t.late:,}", d.Figure(d.LATE, t.stage))
            self._cell(i, 4, rate_text(t.rate), None, f"{t.on_time}/{t.finished}")
            duration = durations.get(t.stage)
            for column, value in ((5, duration.median if duration else None), (6, duration.p90 if duration else None)):
                self._cell(i, column, "—" if value is None else str(value))
        self._fit_height()


class SanctionsPanel(QWidget):
    """Findings, sanctions and repairs of the period as a short table of counts."""

    figure_clicked = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _NumberTable([self.tr("Item"), self.tr("Count")], self)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.figure_clicked.connect(self.figure_clicked)
        QVBoxLayout(self).addWidget(self.table)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def show_report(self, r: SupervisionReport, names: dict[str, str]) -> None:
        findings = {c.key: c.count for c in r.conclusions}
        rows = [(names[f.value], findings.get(f.value, 0), d.Figure(d.CONCLUSION, f.value)) for f in Finding]
        rows += [(self.tr("Breaches confirmed"), r.breaches_confirmed, d.Figure(d.BREACHES)),
                 (self.tr("Sanctions decided"), r.sanctions.decided, d.Figure(d.SANCTIONS_DECIDED)),
                 (self.tr("Sanctions in force at the end"), r.sanctions.in_force_at_end,
                  d.Figure(d.SANCTIONS_IN_FORCE)),
                 (self.tr("Sanctions expired"), r.sanctions.expired, d.Figure(d.SANCTIONS_EXPIRED)),
                 (self.tr("Sanctions lifted by repair"), r.sanctions.lifted, d.Figure(d.SANCTIONS_LIFTED)),
                 (self.tr("Credit repaired"), r.credit_repaired, d.Figure(d.REPAIRED))]
        table = self.table
        table.setRowCount(len(rows))
        for i, (text, value, figure) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(text))
            table._cell(i, 1, f"{value:,}", figure)
        table._fit_height()
