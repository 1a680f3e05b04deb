"""The 统计 page's period picker 统计期间: this month, this quarter, this year or custom dates, and a step
back or forward by one such period."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QButtonGroup, QDateEdit, QLabel, QPushButton, QToolButton, QWidget

from ui.widgets.flow_layout import FlowLayout, group

MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"



def period_bounds(kind: str, anchor: date) -> tuple[date, date]:
    """First and last day of the month, quarter or year that holds ``anchor``."""
    if kind == YEAR:
        return date(anchor.year, 1, 1), date(anchor.year, 12, 31)
    first_month = anchor.month if kind == MONTH else 3 * ((anchor.month - 1) // 3) + 1
    start = date(anchor.year, first_month, 1)
    months = 1 if kind == MONTH else 3
    y, m = divmod(anchor.year * 12 + first_month - 1 + months, 12)
    return start, date(y, m + 1, 1) - timedelta(days=1)


def shifted(kind: str, anchor: date, steps: int) -> date:
    """``anchor`` moved by ``steps`` months, quarters or years (onto the period's first day)."""
    start, _ = period_bounds(kind, anchor)
    months = {MONTH: 1, QUARTER: 3, YEAR: 12}[kind] * steps
    y, m = divmod(start.year * 12 + start.month - 1 + months, 12)
    return date(y, m + 1, 1)


def period_text(kind: str, start: date, end: date) -> str:
    """“2026年11月”, “2026年第三季度”, “2026年”, or “2026-01-05 至 2026-02-10”."""
    if kind == MONTH:
        return QCoreApplication.translate("PeriodPicker", "{year}-{month:02d}").format(year=start.year, month=start.month)
    if kind == QUARTER:
        quarters = (QCoreApplication.translate("PeriodPicker", "{year}, first quarter"), QCoreApplication.translate("PeriodPicker", "{year}, second quarter"),
                    QCoreApplication.translate("PeriodPicker", "{year}, third quarter"), QCoreApplication.translate("PeriodPicker", "{year}, fourth quarter"))
        return quarters[(start.month - 1) // 3].format(year=start.year)
    if kind == YEAR:
        return QCoreApplication.translate("PeriodPicker", "Year {year}").format(year=start.year)
    return QCoreApplication.translate("PeriodPicker", "{start} to {end}").format(start=start.isoformat(), end=end.isoformat())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodPicker(QWidget):
    """Emits ``changed(start, end, text)`` whenever the period changes (also for custom dates)."""

    changed = Signal(object, object, str)

    def __init__(self, today: date, parent: QWidget | None = None, *, kind: str = QUARTER) -> None:
        super().__init__(parent)
        self._today = today
        self._anchor = today
        self._kind = kind
        self.buttons: dict[str, QPushButton] = {}
        exclusive = QButtonGroup(self)
        kinds: list[QWidget] = []
        for key, text in ((MONTH, self.tr("This month")), (QUARTER, self.tr("This quarter")),
                          (YEAR, self.tr("This year")), (CUSTOM, self.tr("Custom"))):
            button = QPushButton(text, self, checkable=True)
            button.clicked.connect(lambda _c=False, k=key: self.choose(k))
            exclusive.addButton(button)
            self.buttons[key] = button
            kinds.append(button)
        self.previous = QToolButton(self, text="◀", autoRaise=True)
        self.previous.setToolTip(self.tr("Previous period"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next = QToolButton(self, text="▶", autoRaise=True)
        self.next.setToolTip(self.tr("Next period"))
        self.next.clicked.connect(lambda: self.step(1))
        start, end = period_bounds(QUARTER, today)
        self.date_from = QDateEdit(_qdate(start), self, calendarPopup=True)
        self.date_to = QDateEdit(_qdate(end), self, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_edited)
        # wraps onto a further row when the page is narrow (150 % and 14 pt on 1366×768), never scrolls
        row = FlowLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(group(self, kinds))
        row.addWidget(group(self, [self.previous, self.next]))
        row.addWidget(group(self, [self.date_from, QLabel(self.tr("to"), self), self.date_to]))
        self._quiet = False
        self.choose(kind, emit=False)

    # -- state -----------------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self._kind

    def period(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def text(self) -> str:
        return period_text(self._kind, *self.period())

    # -- changes ---------------------------------------------------------------------------------------
    def choose(self, kind: str, *, emit: bool = True) -> None:
        self._kind = kind
        self.buttons[kind].setChecked(True)
        custom = kind == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.previous.setEnabled(not custom)
        self.next.setEnabled(not custom)
        if not custom:
            self._anchor = self._today
            self._show(*period_bounds(kind, self._anchor))
        if emit:
            self._emit()

    def step(self, steps: int) -> None:
        if self._kind == CUSTOM:
            return
        self._anchor = shifted(self._kind, self._anchor, steps)
        self._show(*period_bounds(self._kind, self._anchor))
        self._emit()

    def set_custom(self, start: date, end: date) -> None:
        self.choose(CUSTOM, emit=False)
        self._show(start, end)
        self._emit()

    def _show(self, start: date, end: date) -> None:
        self._quiet = True
        try:
            self.date_from.setDate(_qdate(start))
            self.date_to.setDate(_qdate(end))
        finally:
            self._quiet = False

    def _dates_edited(self, *_args) -> None:
        if not self._quiet and self._kind == CUSTOM:
            self._emit()

    def _emit(self) -> None:
        self.changed.emit(*self.period(), self.text())
