"""A demo prefecture profile for module-scoped fixtures: ``fill_demo`` at a fixed clock, plus one county
user (the 统计 page and drill-down tests use it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from app.services import auth, users
from app.services.demo import DEMO_PASSWORD, fill_demo
from app.services.profile import Profile, open_profile
from tests.factories import FixedClock


def demo_prefecture(tmp_path_factory, now: datetime, *, complaints: int, seed: int,
                    county_user: tuple[str, str, str]) -> Iterator[Profile]:
    """Yield the opened profile; ``county_user`` is (login, display name, region code), a leader."""
    home = tmp_path_factory.mktemp("demo") / "profile"
    mp = pytest.MonkeyPatch()
    mp.setattr("app.services.demo.utc_now", lambda: now)
    fill_demo(home, complaints, seed=seed)
    mp.undo()
    profile = open_profile(home, clock=FixedClock(now), daily_backup=False)
    admin = auth.login(profile, "admin", DEMO_PASSWORD)
    username, display_name, region_code = county_user
    users.add_user(profile, admin, username=username, display_name=display_name, roles=["leader"],
                   region_code=region_code, password=DEMO_PASSWORD)
    yield profile
    profile.close()
