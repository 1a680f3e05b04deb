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
