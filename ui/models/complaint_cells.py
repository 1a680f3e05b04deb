"""The texts of the complaint list's cells, made on the GUI thread when the view first asks for a row.

A block is read on the task pool as the driver's tuples; only the rows the view shows get texts (about
10 µs a row, by table lookups), once: painting a screen asks ``data()`` some thousands of times and
then only looks them up.
Strings are translated in the ``ComplaintTableModel`` context, spelled out in every call so that
``pyside6-lupdate`` finds them (``QCoreApplication.translate`` is safe from worker threads).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from app.domain.deadlines import DeadlineStatus
from app.domain.vocabulary import Channel, Sector, State, label
from app.presentation import deadline_text
from app.services.list_blocks import CONFLICT, row_tuple
from app.services.queries import ComplaintRow, local_time

KEYS = ("case_no", "state", "complainant", "respondent", "region", "sector", "channel", "claim", "registered",
        "deadline", "assignee")


@dataclass(frozen=True)
class RowTexts:
    cells: tuple[str, ...]  # in the order of ``KEYS``
    deadline_tip: str


# Looked up once per cell instead of building the enum member: ``label(State(value))`` and
# ``strftime`` were a third of a block's formatting time. Unknown values show as stored.
_STATES = {member.value: label(member) for member in State}
_SECTORS = {member.value: label(member) for member in Sector}
_CHANNELS = {member.value: label(member) for member in Channel}
_CHINA_OFFSET = timedelta(hours=8)  # ``app.domain.clock.CHINA`` is a fixed UTC+8
_days: dict[str, str] = {}  # "2026-11-26T17" (UTC, to the hour) -> "2026-11-27" (China date)


def registered_day(iso: str) -> str:
    """The China date of a stored UTC instant (``local_time(iso)[:10]``), remembered per UTC hour."""
    if len(iso) < 20 or not iso.endswith("Z"):  # not the stored form: the general path
        return local_time(iso)[:10]
    hour = iso[:13]
    day = _days.get(hour)
    if day is None:
        if len(_days) > 100_000:  # years of registrations; never reached in practice
            _days.clear()
        day = _days[hour] = (datetime.fromisoformat(hour + ":00:00") + _CHINA_OFFSET).date().isoformat()
    return day


def claim_text(cents: int | None) -> str:
    """``format_money(Decimal(cents) / 100)`` on integers: ``123456`` → ``"1,234.56"``."""
    if cents is None:
        return "—"
    sign, cents = ("-", -cents) if cents < 0 else ("", cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def deadline_short(status: DeadlineStatus | None) -> str:
    if status is None:
        return "—"
    due = f"{status.due_on.month:02d}-{status.due_on.day:02d}"
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
              names: dict[str, str], deadlines: dict[DeadlineStatus | None, tuple[str, str]] | None = None) -> RowTexts:
    """The texts of a ``ComplaintRow`` (``tuple_texts`` of its tuple)."""
    return tuple_texts(row_tuple(row), status, regions, names, deadlines)


def tuple_texts(t: tuple, status: DeadlineStatus | None, regions: dict[str, str], names: dict[str, str],
                deadlines: dict[DeadlineStatus | None, tuple[str, str]] | None = None) -> RowTexts:
    """The texts of one row as read (``LIST_COLUMNS`` order), made when the view first asks for it.

    ``deadlines``: the (cell, tooltip) texts of the statuses met so far, shared by the rows (each
    text asks every installed translator)."""
    state = _STATES.get(t[2], t[2])
    if t[CONFLICT]:
        state += QCoreApplication.translate("ComplaintTableModel", " · to be checked")
    deadline = None if deadlines is None else deadlines.get(status)
    if deadline is None:
        deadline = (deadline_short(status), deadline_text(status))
        if deadlines is not None:
            deadlines[status] = deadline
    assignee = t[13]
    cells = (
        t[1], state, t[4], t[5], regions.get(t[3], t[3]), _SECTORS.get(t[8], t[8]), _CHANNELS.get(t[7], t[7]),
        claim_text(t[10]), registered_day(t[11]), deadline[0], names.get(assignee, "") if assignee else "—",
    )
    return RowTexts(cells, deadline[1])
