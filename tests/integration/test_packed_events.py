"""Migration 0020 (packed events): a profile written before it reads the same events after it
(ids, hashes, payloads as byte-identical canonical JSON), audit verify passes, searches find the same,
the downgrade gives the text back; a packed profile still syncs with a real hub, which keeps text."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import text

from app.common import packing
from app.contract.event_record import event_of, hash_text
from app.domain.events import canonical_json
from app.services import auth, maintenance
from app.services.profile import open_profile
from app.store.engine import create_sqlite_engine
from app.store.migrate import _config, current_revision, head_revision
from tests.conftest import make_office
from tests.factories import PASSWORD, FixedClock, china_noon
from tests.integration.test_compact_storage import _searches
from tests.integration.test_rebuild_search_backup import populate
from tests.sync_fixtures import COUNTY_A, FORWARD, NOTE, PREFECTURE, act, device, projection, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub and memory_keyring fixtures


def _stored(db) -> dict[int, str | bytes]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT seq, payload FROM events"))
    finally:
        con.close()


def _events(db) -> list[tuple]:
    """Every event as it reads: id, hashes and the clear payload's canonical JSON."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return [(e.id, e.prev_hash, e.hash, e.device_seq, canonical_json(e.payload))
                for e in (event_of(dict(row)) for row in con.execute("SELECT * FROM events ORDER BY seq"))]
    finally:
        con.close()


def _hashes(db) -> dict[int, tuple]:
    con = sqlite3.connect(db)
    try:
        return {seq: (p, h) for seq, p, h in con.execute("SELECT seq, prev_hash, hash FROM events")}
    finally:
        con.close()


def _as_before_0020(db, seqs=None) -> None:
    """Payloads back as sealed text and hashes as hex (all rows, or those of ``seqs``), the schema at 0019."""
    con = sqlite3.connect(db)
    try:
        trigger = con.execute("SELECT sql FROM sqlite_master WHERE name = 'events_append_only_update'").fetchone()[0]
        con.execute("DROP TRIGGER events_append_only_update")
        rows = [(packing.unpacked(p), hash_text(ph), hash_text(h), seq)
                for seq, p, ph, h in con.execute("SELECT seq, payload, prev_hash, hash FROM events")
                if seqs is None or seq in seqs]
        con.executemany("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", rows)
        con.execute(trigger)
        con.execute("UPDATE alembic_version SET version_num = '0019'")
        con.commit()
    finally:
        con.close()


def test_0020_packs_every_payload_reads_the_same_and_unpacks_on_downgrade(tmp_path):
    home = tmp_path / "profile"
    office = populate(make_office(home, FixedClock(china_noon(2026, 11, 26))))
    db = office.profile.files.database
    assert all(packing.is_packed(p) for p in _stored(db).values())  # new writes are packed
    assert {(type(p), len(p), type(h), len(h)) for p, h in _hashes(db).values()} == {(bytes, 32, bytes, 32)}
    searches = _searches(office)
    office.profile.close()
    _as_before_0020(db)
    text_before, hex_before = _stored(db), _hashes(db)
    assert text_before and all(isinstance(p, str) for p in text_before.values())
    assert all(isinstance(p, str) and isinstance(h, str) for p, h in hex_before.values())
    events_before = _events(db)

    profile = open_profile(home, daily_backup=False)  # migrates to head, then VACUUM
    office.profile = profile
    assert current_revision(profile.store.engine) == head_revision()
    stored = _stored(db)
    assert all(packing.is_packed(p) for p in stored.values())
    assert {seq: packing.unpacked(p) for seq, p in stored.items()} == text_before  # the sealed JSON unchanged
    assert {seq: (hash_text(p), hash_text(h)) for seq, (p, h) in _hashes(db).items()} == hex_before
    assert {(type(p), type(h)) for p, h in _hashes(db).values()} == {(bytes, bytes)}
    assert sum(map(len, stored.values())) < 0.8 * sum(len(t.encode()) for t in text_before.values())
    assert _events(db) == events_before
    assert maintenance.verify_audit(profile).ok
    assert _searches(office) == searches
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0  # vacuumed
    con.close()
    profile.close()

    engine = create_sqlite_engine(db)
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0019")
        connection.commit()
    engine.dispose()
    assert _stored(db) == text_before and _hashes(db) == hex_before


def test_a_migrated_profile_syncs_and_the_hub_keeps_text(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    made = [register(a) for _ in range(3)]
    act(a, made[0], "forward", FORWARD)
    assert a.sync().pushed
    home, clock = a.home, a.clock
    a.profile.close()
    db = home / "lvyue.sqlite"
    seqs = sorted(_stored(db))
    _as_before_0020(db, set(seqs[::2]))  # an older profile: half of its rows still text
    mixed = _stored(db)
    assert {type(p) for p in mixed.values()} == {str, bytes}
    before = _events(db)
    a.profile = open_profile(home, clock=clock, daily_backup=False)
    assert _events(db) == before and all(packing.is_packed(p) for p in _stored(db).values())
    assert {(type(p), type(h)) for p, h in _hashes(db).values()} == {(bytes, bytes)}
    a.officer = auth.login(a.profile, COUNTY_A[2], PASSWORD)
    act(a, made[1], "note", NOTE)  # written packed after the migration, pushed below
    report = a.sync(verify=True)
    assert report.pushed == 2 and report.integrity == "ok"  # the login and the note; the digests match
    assert maintenance.verify_audit(a.profile).ok

    p = device(hub, tmp_path / "zhou", PREFECTURE)  # pulls everything and stores it packed
    assert p.sync(verify=True).integrity == "ok"
    assert projection(p.profile) == projection(a.profile)
    with p.profile.store.read() as session:
        kinds = set(session.execute(text("SELECT DISTINCT typeof(payload) FROM events")).scalars())
    assert kinds == {"blob"}
    with hub.database.reader() as session:  # the hub's form is unchanged: text
        kinds = set(session.execute(text("SELECT DISTINCT typeof(payload) FROM events")).scalars())
    assert kinds == {"text"}
    assert maintenance.verify_audit(p.profile).ok
    a.profile.close()
    p.profile.close()
