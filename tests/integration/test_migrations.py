"""Schema migrations: a database from an older release is copied before Alembic touches it."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from app.services.profile import open_profile
from app.store.engine import create_sqlite_engine
from app.store.migrate import _config, current_revision, head_revision


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_head_from_file_names_is_alembics_head():
    assert head_revision() == ScriptDirectory.from_config(_config()).get_current_head()


def test_a_fresh_database_reaches_head_without_a_backup(office):
    assert current_revision(office.profile.store.engine) == head_revision()
    assert not list(office.profile.files.backups.glob("lvyue-pre-migrate-*"))


def test_an_old_database_is_backed_up_then_migrated(tmp_path):
    chain = revisions()
    if len(chain) < 2:
        pytest.skip("only one schema revision exists so far: nothing older to migrate from")
    home = tmp_path / "old"
    home.mkdir()
    db = home / "lvyue.sqlite"
    engine = create_sqlite_engine(db)
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, chain[0])
        connection.commit()
    engine.dispose()
    con = sqlite3.connect(db)
    con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", [
        ("initialised", "1"), ("device_id", "dev-old"), ("region_code", "532322"), ("office_name", "双柏县发展和改革局"),
        ("numbering", "standalone"),
    ])
    con.commit()
    con.close()
    profile = open_profile(home, daily_backup=False)
    try:
        assert current_revision(profile.store.engine) == head_revision()
        backups = list(profile.files.backups.glob(f"lvyue-pre-migrate-{chain[0]}-*.sqlite"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == chain[0]
        old.close()
    finally:
        profile.close()
