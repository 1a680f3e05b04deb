"""Opening a profile that needs migrating (``app.store.migrate.upgrade``) runs VACUUM only when a migration
applied just now freed much of the file (``VACUUM_AFTER`` in its module: 0018, 0020, 0021): on a large
profile VACUUM takes minutes, so a later, small migration must not make the officer wait for one because an
earlier revision, applied long ago, once needed it."""

from __future__ import annotations

import sqlite3

import pytest

from app.store.engine import create_sqlite_engine
from app.store.migrate import current_revision, head_revision, upgrade
from tests.migrating import migrate_to


def _free_pages(db) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA freelist_count").fetchone()[0]


@pytest.mark.parametrize(("revision", "vacuumed"), [("0020", True), ("0021", False)])
def test_vacuum_follows_only_a_migration_that_freed_the_file(tmp_path, revision, vacuumed):
    db = tmp_path / "lvyue.sqlite"
    migrate_to(db, revision, down=False)
    with sqlite3.connect(db) as con:  # pages left free, as a large migration leaves them
        con.execute("CREATE TABLE scratch (text TEXT)")
        con.executemany("INSERT INTO scratch VALUES (?)", [("x" * 500,) for _ in range(400)])
        con.commit()
        con.execute("DROP TABLE scratch")
    assert _free_pages(db) > 40
    engine = create_sqlite_engine(db)
    try:
        result = upgrade(engine, db, tmp_path / "backups")
        assert (result.from_revision, current_revision(engine)) == (revision, head_revision())
    finally:
        engine.dispose()
    assert (_free_pages(db) == 0) is vacuumed
