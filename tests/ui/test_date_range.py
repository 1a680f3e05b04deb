"""The date row shared by the list filters (ui/widgets/date_range.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ui.widgets.date_range import DateRange


def test_off_means_no_dates_and_on_gives_both(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    changes: list[int] = []
    row = DateRange(holder, "登记日期从", "至", date(2026, 1, 1), date(2026, 12, 6), lambda: changes.append(1))
    assert row.dates() == (None, None) and not row.start.isEnabled()
    row.check.setChecked(True)
    assert row.start.isEnabled() and row.end.isEnabled() and changes == [1]
    assert row.dates() == (date(2026, 1, 1), date(2026, 12, 6))
    row.end.setDate(row.end.date().addDays(-5))
    assert row.dates()[1] == date(2026, 12, 1) and len(changes) == 2
    row.set_dates(None, None)
    assert row.dates() == (None, None) and not row.end.isEnabled()
    row.set_dates(date(2026, 3, 1), None)  # one end given: on, the other end as shown
    assert row.dates() == (date(2026, 3, 1), date(2026, 12, 1))
    assert row.widgets() == [row.check, row.start, row.to_label, row.end] and row.to_label.text() == "至"
