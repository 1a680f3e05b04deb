"""Retention rules (issue 12): six months at least, and which daily backups may go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import retention
from app.domain.errors import DomainError


def test_six_months_is_the_floor():
    for days in (0, 30, 179, -1):
        with pytest.raises(DomainError) as short:
            retention.check_days(days)
        assert short.value.code == "retention_too_short"
    assert retention.check_days(180) == 180 and retention.check_days(3650) == 3650
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert not retention.expired(now - timedelta(days=180), now)
    assert retention.expired(now - timedelta(days=181), now)
    assert not retention.expired(now - timedelta(days=100), now, days=30)  # a shorter period is not honoured


def test_daily_backups_keep_the_last_days_and_one_a_month_for_six_months():
    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    taken = [now - timedelta(days=d) for d in range(0, 300)]
    dropped = set(retention.backups_to_drop(taken, now, keep_latest=14))
    kept = sorted(set(taken) - dropped)
    assert set(taken[:14]) <= set(kept)  # the last 14 days
    months = {(m.year, m.month) for m in kept if now - m > timedelta(days=14)}
    assert {(2026, 6), (2026, 7), (2026, 8), (2026, 9), (2026, 10), (2026, 11)} <= months
    assert all(not retention.expired(m, now) for m in kept)  # nothing older than six months is kept …
    assert len(kept) <= 14 + 7  # … and no more than one a month besides the recent days


def test_every_session_and_admin_action_has_a_chinese_label_and_can_be_picked():
    """The auditor never sees a bare code such as personal_data_revealed, and can filter by each."""
    from app.domain.audit_records import action_choices, action_label
    from app.domain.event_rules import ADMIN_ACTIONS, SESSION_ACTIONS

    codes = {code for code, _ in action_choices()}
    for action in (*SESSION_ACTIONS, *ADMIN_ACTIONS):
        assert action_label(action) != action
        assert action in codes


def test_retention_edges_a_second_past_six_months_and_a_longer_period():
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert retention.expired(now - timedelta(days=180, seconds=1), now)
    assert not retention.expired(now - timedelta(days=200), now, days=365)  # a longer period is honoured
    assert retention.expired(now - timedelta(days=366), now, days=365)
    for odd in ("365", 365.0, None):
        with pytest.raises(DomainError):
            retention.check_days(odd)


def test_the_monthly_copy_is_the_first_backup_of_the_month_and_keep_latest_zero_keeps_only_those():
    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    taken = [datetime(2026, 11, day, 9, tzinfo=UTC) for day in (3, 10, 20)] + [now]
    dropped = retention.backups_to_drop(taken, now, keep_latest=0)
    assert dropped == [datetime(2026, 11, 10, 9, tzinfo=UTC), datetime(2026, 11, 20, 9, tzinfo=UTC)]
    assert retention.backups_to_drop(taken, now, keep_latest=2) == [datetime(2026, 11, 10, 9, tzinfo=UTC)]
    old = datetime(2026, 3, 1, 9, tzinfo=UTC)  # the first of its month, but nine months ago
    assert retention.backups_to_drop([old, now], now, keep_latest=1) == [old]
