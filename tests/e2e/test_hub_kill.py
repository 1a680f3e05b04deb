"""The client killed (SIGKILL) at random points during push and during pull, against a live hub in
its own process; syncing again afterwards loses nothing and doubles nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from app.services import auth, maintenance, sync
from app.services.profile import open_profile
from server.db import HubDatabase
from server.services import admin, enrolment
from server.settings import HubSettings
from tests.factories import PASSWORD
from tests.sync_fixtures import (
    FORWARD,
    NOTE,
    ROOT,
    Device,
    act,
    file_keyring_env,
    projection,
    register,
    start_hub_process,
)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
KILLS = 12


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setenv("LVYUE_SYNC_NUMBER_BLOCK", "400")
    with file_keyring_env(tmp_path, monkeypatch, LVYUE_SYNC_PUSH_BATCH="5", LVYUE_SYNC_PULL_PAGE="5") as env:
        proc, url = start_hub_process(tmp_path / "hub-data", env)
        database = HubDatabase(HubSettings(data_dir=tmp_path / "hub-data"))
        with database.writer() as session:
            admin.add_user(session, username="sb_officer", display_name="杨喆", roles=["clerk", "handler", "leader"],
                           region_code="532322", password=PASSWORD)
            codes = [enrolment.create_code(session, r, o) for r, o in (("532322", "双柏县发展和改革局"),
                                                                       ("532300", "楚雄州发展和改革委员会"))]
            session.commit()
        yield tmp_path, url, env, database, codes
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        database.dispose()


def sync_process(home, env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "sync", "--home", str(home)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def hub_events(database, device_id: str | None = None) -> list[tuple[str, int]]:
    with database.reader() as session:
        query = "SELECT id, device_seq FROM events" + (" WHERE device_id = :d" if device_id else "")
        return [tuple(r) for r in session.execute(text(query + " ORDER BY server_seq"), {"d": device_id})]


def kill_repeatedly(home, env, progress) -> int:
    """Start ``main.py sync`` and SIGKILL it KILLS times: mostly the moment its progress passes a random
    point (right after the hub committed a batch, or the device a page), sometimes after a random delay.
    Returns how many kills landed while the work was under way."""
    rng = random.Random(20261126)
    midway = 0
    for attempt in range(KILLS):
        done, total = progress()
        if done >= total:
            break
        target = rng.randint(done + 1, done + max(1, (total - done) // 2))
        proc = sync_process(home, env)
        deadline = time.monotonic() + (rng.uniform(0.2, 1.0) if attempt in (0, 6) else 60)
        while proc.poll() is None and time.monotonic() < deadline and progress()[0] < target:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = progress()[0]
        if done < after < total:
            midway += 1
    return midway


def test_killed_during_push_and_pull_then_nothing_lost_or_doubled(world):
    tmp_path, url, env, database, codes = world
    sync.enroll(tmp_path / "sb", url, codes[0], "sb-pc")
    a = Device(open_profile(tmp_path / "sb"), None)
    sync.sync_now(a.profile)
    a.officer = auth.login(a.profile, "sb_officer", PASSWORD)
    made = [register(a) for _ in range(120)]
    for cid in made[:60]:
        act(a, cid, "forward", FORWARD)
        act(a, cid, "note", NOTE)
    with a.profile.store.read() as session:
        local = session.execute(text("SELECT id, device_seq FROM events WHERE device_id = :d ORDER BY device_seq"),
                                {"d": a.profile.device_id}).all()
    total = len(local)
    a.profile.close()

    pushed_midway = kill_repeatedly(a.home, env, lambda: (len(hub_events(database, a.profile.device_id)), total))
    assert subprocess.run([sys.executable, "main.py", "sync", "--home", str(a.home)], cwd=ROOT, env=env,
                          capture_output=True).returncode == 0
    on_hub = hub_events(database, a.profile.device_id)
    assert sorted(on_hub, key=lambda r: r[1]) == [tuple(r) for r in local]  # each event once, chain complete
    a.profile = open_profile(a.home)
    status = sync.status(a.profile)
    assert status.pending_events == 0 and not status.rejected

    sync.enroll(tmp_path / "zhou", url, codes[1], "zhou-pc")
    p = Device(open_profile(tmp_path / "zhou"), None)
    p.profile.close()
    head = len(hub_events(database))
    own = len(hub_events(database, p.profile.device_id))

    def pulled() -> tuple[int, int]:
        con = sqlite3.connect(f"file:{p.home / 'lvyue.sqlite'}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute("SELECT COUNT(*) FROM events WHERE device_id != ?", (p.profile.device_id,)
                               ).fetchone()[0], head - own
        finally:
            con.close()

    pulled_midway = kill_repeatedly(p.home, env, pulled)
    assert subprocess.run([sys.executable, "main.py", "sync", "--home", str(p.home)], cwd=ROOT, env=env,
                          capture_output=True).returncode == 0
    p.profile = open_profile(p.home)
    mine, theirs = projection(a.profile), projection(p.profile)
    assert set(made) <= set(theirs)
    assert all(theirs[cid] == mine[cid] for cid in made)
    live = projection(p.profile)
    maintenance.rebuild_projections(p.profile)
    assert projection(p.profile) == live
    assert maintenance.verify_audit(p.profile).ok
    assert sync.sync_now(p.profile, verify=True).integrity == "ok"
    print(f"kills mid-push: {pushed_midway}/{KILLS}, mid-pull: {pulled_midway}/{KILLS}")
    assert pushed_midway >= 8 and pulled_midway >= 8, (pushed_midway, pulled_midway)
    a.profile.close()
    p.profile.close()
