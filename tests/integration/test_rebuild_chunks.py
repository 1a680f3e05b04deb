"""The rebuild folds and writes the complaints a chunk at a time (memory stays flat at 100,000): the rows
do not depend on where the chunks fall, and the demo profile it builds is whole."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from app.services.demo import fill_demo
from app.services.maintenance import verify_audit
from app.services.profile import open_profile
from app.store.projector import Projector
from tests.factories import FixedClock
from tests.integration.test_rebuild_fuzz import snapshot

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture()
def demo(tmp_path, monkeypatch):
    monkeypatch.setattr("app.services.demo.utc_now", lambda: NOW)
    home = tmp_path / "demo"
    result = fill_demo(home, 240, seed=7)
    profile = open_profile(home, clock=FixedClock(NOW), daily_backup=False)
    yield profile, result
    profile.close()


def rebuild(profile, chunk: int) -> list[tuple[int, int]]:
    reports: list[tuple[int, int]] = []
    with profile.store.unit_of_work() as uow:
        count = Projector(profile.calendar, profile.rules).rebuild(
            uow.complaints, chunk=chunk, progress=lambda done, total: reports.append((done, total)),
            total_events=uow.events.count())
        uow.commit()
    assert count == 240
    return reports


def test_the_rows_do_not_depend_on_the_chunk_size(demo):
    profile, result = demo
    assert result.complaints == 240 and result.events > 240
    built_by_demo = snapshot(profile)
    assert len(built_by_demo[0]) == 240
    with profile.store.read() as session:  # rows in the order the complaints first appear in the log
        registered = list(session.execute(text("SELECT registered_at FROM complaints ORDER BY num")).scalars())
    assert registered == sorted(registered)
    for chunk in (7, 240, 1000):
        reports = rebuild(profile, chunk)
        assert snapshot(profile) == built_by_demo, chunk
        assert reports[-1][0] == reports[-1][1]  # the bar ends full
        assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_the_streamed_demo_is_a_whole_profile(demo):
    """The demo seals its events from a heap, not a list of every plan: still one valid chain, in time
    order, each complaint's events after its registration."""
    profile, result = demo
    report = verify_audit(profile)
    assert report.ok and report.events_checked >= result.events
    with profile.store.read() as session:
        rows = session.execute(text("SELECT stream, action, device_time FROM events "
                                    "WHERE stream NOT IN ('admin', 'session') ORDER BY device_seq")).all()
    assert [r.device_time for r in rows] == sorted(r.device_time for r in rows)
    registered: set[str] = set()
    for row in rows:
        assert row.action == "register" or row.stream in registered
        registered.add(row.stream)
    assert len(registered) == 240
