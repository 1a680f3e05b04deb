"""Retention of audit records 审计记录保存期限 (等保 2.0, GB/T 22239-2019 8.1.4.3 安全审计 c):
audit records are kept at least six months; the system refuses any setting that would keep less.

The event log itself (the audit trail, DESIGN §4) is never pruned: the profile's ``events`` table is
append-only (triggers refuse UPDATE and DELETE) and the hub keeps every accepted and refused event.
What rotates is kept for ``MIN_DAYS`` at least (the hub's security log, ``server.security_log``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.errors import DomainError

MIN_DAYS = 180  # six months and then some: 等保 asks for "不少于六个月"


def check_days(days: int) -> int:
    """``days`` when it keeps audit records six months or longer; ``retention_too_short`` otherwise."""
    if not isinstance(days, int) or days < MIN_DAYS:
        raise DomainError("retention_too_short", days=days, minimum=MIN_DAYS)
    return days


def expired(last_written: datetime, now: datetime, days: int = MIN_DAYS) -> bool:
    """Whether something last written at ``last_written`` may go: older than ``days`` (never fewer than
    ``MIN_DAYS``) at ``now``."""
    return now - last_written > timedelta(days=max(days, MIN_DAYS))


def backups_to_drop(taken: list[datetime], now: datetime, keep_latest: int) -> list[datetime]:
    """Which daily backups may go, given when each was taken: all but the newest ``keep_latest``, except
    the first backup of each month taken within ``MIN_DAYS`` of ``now`` (so the copies of the log span
    six months, one a month, beside the recent days)."""
    ordered = sorted(taken)
    recent = set(ordered[-keep_latest:]) if keep_latest > 0 else set()
    monthly: dict[tuple[int, int], datetime] = {}
    for moment in ordered:
        if not expired(moment, now):
            monthly.setdefault((moment.year, moment.month), moment)
    keep = recent | set(monthly.values())
    return [moment for moment in ordered if moment not in keep]
