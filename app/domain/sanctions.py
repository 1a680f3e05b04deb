"""Sanctions 失信惩戒 over time: a measure is in force from its start until its end date or the
repair that lifts it, whichever comes first (``sanction_status``)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.vocabulary import SanctionMeasure


class SanctionStatus(StrEnum):
    PENDING = "pending"  # 未开始: the start date lies ahead
    IN_FORCE = "in_force"  # 实施中
    EXPIRED = "expired"  # 已到期: the end date has passed
    LIFTED = "lifted"  # 已解除: ended by a credit repair


STATUS_LABELS = {
    SanctionStatus.PENDING: "未开始",
    SanctionStatus.IN_FORCE: "实施中",
    SanctionStatus.EXPIRED: "已到期",
    SanctionStatus.LIFTED: "已解除",
}


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def sanction_status(sanction: dict[str, Any], today: date) -> SanctionStatus:
    """Where one 惩戒 stands on ``today``. An end date ends it the day after (``end_on`` is the last day);
    a repair lifts it from the repair's day unless it had already expired."""
    lifted, end = _day(sanction.get("lifted_on")), _day(sanction.get("end_on"))
    if end is not None and end < today and (lifted is None or end < lifted):
        return SanctionStatus.EXPIRED
    if lifted is not None:
        return SanctionStatus.LIFTED
    start = _day(sanction.get("start_on"))
    if start is not None and start > today:
        return SanctionStatus.PENDING
    return SanctionStatus.IN_FORCE


def in_force(sanctions: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """Sanctions in force or still to start on ``today`` (what a repair would end)."""
    return [s for s in sanctions if sanction_status(s, today) in (SanctionStatus.IN_FORCE, SanctionStatus.PENDING)]


def credit_measures(sanction: dict[str, Any]) -> list[str]:
    """The measure codes of a sanction that are credit measures (old events may list 追究责任, which is
    an accountability decision, not a measure a repair can end)."""
    return [m for m in sanction.get("measures", []) if m != SanctionMeasure.HOLD_ACCOUNTABLE]
