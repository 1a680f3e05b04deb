"""The date row of the list filters: ``[✓ 登记日期从] [2026-01-01] 至 [2026-12-06]``.

The check box turns the range on (the date edits are greyed while it is off); ``dates()`` is
``(None, None)`` when off. ``on_change`` runs after every change the user makes; callers that set
several widgets at once keep their own "quiet" flag, as they do for their combo boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QWidget


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateRange:
    def __init__(self, parent: QWidget, label: str, to_text: str, start: date, end: date,
                 on_change: Callable[[], None]) -> None:
        self.check = QCheckBox(label, parent)
        self.start = QDateEdit(qdate(start), parent, calendarPopup=True, enabled=False)
        self.end = QDateEdit(qdate(end), parent, calendarPopup=True, enabled=False)
        self.to_label = QLabel(to_text, parent)
        self._on_change = on_change
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _day: on_change())
        self.check.toggled.connect(self._toggled)

    def widgets(self) -> list[QWidget]:
        """In reading order, for the caller's layout."""
        return [self.check, self.start, self.to_label, self.end]

    def dates(self) -> tuple[date | None, date | None]:
        if not self.check.isChecked():
            return None, None
        return pydate(self.start.date()), pydate(self.end.date())

    def set_dates(self, start: date | None, end: date | None) -> None:
        """On when either end is given; an end not given keeps the date shown."""
        self.check.setChecked(start is not None or end is not None)
        if start is not None:
            self.start.setDate(qdate(start))
        if end is not None:
            self.end.setDate(qdate(end))

    def _toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self._on_change()
