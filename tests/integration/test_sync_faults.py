"""Bad networks and bad clocks: cut-off answers, 500s, a proxy's HTML page, an answer lost after the
hub committed, a device clock a day off. Nothing is lost, nothing is doubled."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.clock import utc_now
from app.services import queries
from app.sync.transport import SyncError
from tests.factories import FixedClock
from tests.sync_fixtures import (
    COUNTY_A,
    FORWARD,
    PREFECTURE,
    REJECT,
    act,
    device,
    event_ids,
    projection,
    register,
)

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def hub_ids(hub) -> list[str]:
    from sqlalchemy import text

    with hub.database.reader() as session:
        return list(session.execute(text("SELECT id FROM events ORDER BY server_seq")).scalars())


@pytest.mark.parametrize("kind", ["500", "html", "truncate", "lost"])
def test_a_failing_push_keeps_everything_and_the_next_sync_completes(hub, tmp_path, kind):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    made = [register(a) for _ in range(3)]
    pending = a.status().pending_events
    hub.faults.add(kind, "POST", "/v1/events", times=3)  # more than the client's retries
    with pytest.raises(SyncError) as failed:
        a.sync()
    assert failed.value.transient
    assert len(hub.faults.hits) == 3  # the first try and both retries met the fault
    status = a.status()
    assert status.last_error_code in ("hub_bad_response", "hub_unreachable", "hub_error")
    assert "本机" in status.last_error_message or "中心" in status.last_error_message
    if kind != "lost":
        assert status.pending_events == pending  # nothing marked as sent
    report = a.sync()
    assert report.pushed + report.duplicates == pending
    ids = hub_ids(hub)
    assert len(ids) == len(set(ids))  # no event twice
    assert event_ids(a.profile) <= set(ids)
    assert set(projection(a.profile)) == set(made)
    assert a.status().pending_events == 0


def test_an_answer_lost_after_commit_is_retried_as_duplicates(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    register(a)
    hub.faults.add("lost", "POST", "/v1/events", times=1)  # the retry inside the same sync hears "duplicate"
    report = a.sync()
    assert report.pushed == 0 and report.duplicates >= 1
    assert a.status().pending_events == 0


@pytest.mark.parametrize("kind", ["500", "html", "truncate"])
def test_a_failing_pull_keeps_the_cursor_and_resumes(hub, tmp_path, kind):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    made = [register(a) for _ in range(4)]
    a.sync()
    hub.faults.add(kind, "GET", "/v1/events", times=3)
    with pytest.raises(SyncError):
        p.sync()
    assert len(hub.faults.hits) == 3
    assert not set(made) & set(projection(p.profile))
    p.sync()
    assert set(made) <= set(projection(p.profile))
    assert projection(p.profile)[made[0]] == projection(a.profile)[made[0]]


def test_a_proxy_error_page_on_meta_is_reported_in_chinese(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    hub.faults.add("html", "GET", "/v1/meta", times=3)
    with pytest.raises(SyncError) as failed:
        a.sync()
    assert failed.value.code == "hub_bad_response"
    assert "HTML" in a.status().last_error_message


def test_a_device_clock_a_day_ahead_is_warned_and_hub_order_decides(hub, tmp_path):
    ahead = FixedClock(utc_now() + timedelta(days=1))
    a1 = device(hub, tmp_path / "sb-fast", COUNTY_A, clock=ahead)
    a2 = device(hub, tmp_path / "sb-right", COUNTY_A)
    report = a1.sync()
    assert report.clock_skew_seconds < -23 * 3600
    assert any("时钟" in w for w in report.warnings)
    assert "时钟" in a1.status().clock_warning
    cid = register(a2)
    a2.sync()
    a1.sync()
    act(a1, cid, "reject", REJECT)  # "tomorrow" by its clock
    act(a2, cid, "forward", FORWARD)  # today
    a2.sync()  # the hub gets the forward first
    a1.sync()
    a2.sync()
    for d in (a1, a2):
        c = queries.get_complaint(d.profile, d.officer, cid).complaint
        assert c.state.value == "forwarded"  # hub order, not device time, decides
        assert [k["action"] for k in c.conflicts] == ["reject"]
    assert a2.status().clock_warning is None


def test_a_push_whose_commit_fails_is_never_reported_as_accepted(hub, tmp_path, monkeypatch):
    import threading

    from sqlalchemy.orm import Session

    a = device(hub, tmp_path / "sb", COUNTY_A)
    register(a)
    pending = a.status().pending_events
    real_commit = Session.commit
    failed = []

    def commit_fails_once_on_the_hub(self):
        if threading.current_thread() is not threading.main_thread() and not failed:
            failed.append(1)
            raise RuntimeError("disk full")
        return real_commit(self)

    monkeypatch.setattr(Session, "commit", commit_fails_once_on_the_hub)
    report = a.sync()  # the failed commit answers 500; the retry inside the same sync succeeds
    assert failed and report.pushed == pending and report.duplicates == 0  # nothing was "accepted" twice
    assert a.status().pending_events == 0
    assert event_ids(a.profile) <= set(hub_ids(hub))  # what the device marked as sent is on the hub
