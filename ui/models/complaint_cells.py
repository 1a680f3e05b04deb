"""The texts of the complaint list's cells, made on the task pool together with each block of rows.

Painting a screen asks ``data()`` some thousands of times; with the texts ready it only looks them up,
so scrolling costs the GUI thread a few milliseconds whatever the labels, dates and amounts involve.
Strings are translated in the ``ComplaintTableModel`` context, spelled out in every call so that
``pyside6-lupdate`` finds them (``QCoreApplication.translate`` is safe from worker threads).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.deadlines import DeadlineStatus
from app.domain.money import format_money
from app.domain.vocabulary import Channel, Sector, State, label
from app.presentation import deadline_text
from app.services.queries import ComplaintRow, local_time

KEYS = ("case_no", "state", "complainant", "respondent", "region", "sector", "channel", "claim", "registered",
        "deadline", "assignee")


@dataclass(frozen=True)
class RowTexts:
    cells: tuple[str, ...]  # in the order of ``KEYS``
    deadline_tip: str


def _label(enum: Any, value: str) -> str:
    try:
        return label(enum(value))
    except ValueError:
        return value


def deadline_short(status: DeadlineStatus | None) -> str:
    if status is None:
        return "—"
    due = status.due_on.strftime("%m-%d")
    if status.overdue:
        if status.working_days_left < 0:
            return QCoreApplication.translate("ComplaintTableModel", "{due} · {days} working days overdue").format(
                due=due, days=-status.working_days_left)
        return QCoreApplication.translate("ComplaintTableModel", "{due} overdue").format(due=due)
    if status.working_days_left == 0:
        return QCoreApplication.translate("ComplaintTableModel", "{due} due today").format(due=due)
    return QCoreApplication.translate("ComplaintTableModel", "{due} · {days} working days left").format(
        due=due, days=status.working_days_left)


def row_texts(row: ComplaintRow, status: DeadlineStatus | None, regions: dict[str, str],
              names: dict[str, str]) -> RowTexts:
    state = _label(State, row.state)
    if row.conflict:
        state += QCoreApplication.translate("ComplaintTableModel", " · to be checked")
    cells = (
        row.case_no, state, row.complainant_name, row.respondent_name, regions.get(row.region_code, row.region_code),
        _label(Sector, row.sector), _label(Channel, row.channel),
        "—" if row.claim_cents is None else format_money(Decimal(row.claim_cents) / 100),
        local_time(row.registered_at)[:10], deadline_short(status),
        names.get(row.assignee, "") if row.assignee else "—",
    )
    return RowTexts(cells, deadline_text(status))
