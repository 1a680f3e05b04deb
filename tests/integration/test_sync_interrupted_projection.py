"""A sync killed after it saved a pulled page but before it projected it (found by the crash harness):
the next opening projects the waiting complaints before anyone sees or acts on them."""

from __future__ import annotations

import pytest

from app.services import sync
from app.services.profile import open_profile
from app.sync import inbox
from tests.sync_fixtures import COUNTY_A, FORWARD, act, device, projection, register


def event_streams(profile) -> set[str]:
    from sqlalchemy import text

    with profile.store.read() as session:
        return set(session.execute(text("SELECT DISTINCT stream FROM events")).scalars())

pytest_plugins = ("tests.sync_fixtures",)


def test_pulled_events_a_killed_sync_left_unprojected_are_shown_at_the_next_opening(hub, tmp_path, monkeypatch):
    first = device(hub, tmp_path / "sb-pc1", COUNTY_A)
    second = device(hub, tmp_path / "sb-pc2", COUNTY_A)
    theirs = register(first)
    first.sync()
    second.sync()
    act(first, theirs, "forward", FORWARD)
    new = register(first)
    first.sync()

    real, calls = inbox.project_dirty, []

    def killed(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # the sync's first step: what an earlier sync left (nothing)
            return real(*args, **kwargs)
        raise KeyboardInterrupt  # after the pulled pages were saved; stands for SIGKILL

    monkeypatch.setattr(inbox, "project_dirty", killed)
    with pytest.raises(KeyboardInterrupt):
        sync.sync_now(second.profile)
    monkeypatch.undo()
    second.profile.close()
    assert {new, theirs} <= event_streams(second.profile)  # the pulled events are saved...
    stale = projection(second.profile)
    assert new not in stale and stale[theirs]["state"] == "registered"  # ...but not yet projected

    reopened = open_profile(second.home)
    try:
        shown = projection(reopened)
        assert new in shown and shown[theirs]["state"] == "forwarded"
        assert shown[theirs] == projection(first.profile)[theirs]
    finally:
        reopened.close()
        first.profile.close()


def test_a_projection_that_fails_at_the_start_of_a_sync_is_reported_by_its_kind_and_the_sync_goes_on(
        hub, tmp_path, monkeypatch):
    """The sync's first step projects what an earlier sync left; if that fails, the officer is told what kind
    of error it was (for the helpdesk) and the device still sends its own work."""
    pc = device(hub, tmp_path / "sb-pc1", COUNTY_A)
    real, calls = inbox.project_dirty, []

    def failing_first(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(inbox, "project_dirty", failing_first)
    mine = register(pc)
    report = sync.sync_now(pc.profile)
    assert "整理上次下载的案件时出错（OSError），本次同步继续进行" in report.warnings
    assert mine in stored_streams(hub)


def stored_streams(hub) -> set[str]:
    from sqlalchemy import select

    from server.tables import events as hub_events

    with hub.database.reader() as session:
        return set(session.execute(select(hub_events.c.stream)).scalars())
