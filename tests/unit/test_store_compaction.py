"""A rebuild gives freed pages back only when more than ``SPARSE`` (5 %) of the file is free
(``app.store.compaction.vacuum_if_sparse``): VACUUM rewrites the whole file (19 s at 100,000 complaints), so
a file at exactly the share, or below it, is left as it is."""

from __future__ import annotations

import sqlite3

import pytest

from app.store import compaction
from app.store.engine import create_sqlite_engine


def _file_with_a_dropped_table(db, rows_dropped: int) -> None:
    """400 rows kept, and a table of ``rows_dropped`` rows made and dropped: its pages are left free."""
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE kept (text TEXT)")
        con.executemany("INSERT INTO kept VALUES (?)", [("x" * 500,) for _ in range(400)])
        con.execute("CREATE TABLE scratch (text TEXT)")
        con.executemany("INSERT INTO scratch VALUES (?)", [("x" * 500,) for _ in range(rows_dropped)])
        con.commit()
        con.execute("DROP TABLE scratch")


@pytest.fixture
def engine(tmp_path):
    db = tmp_path / "lvyue.sqlite"
    _file_with_a_dropped_table(db, 400)  # about half the pages now free
    engine = create_sqlite_engine(db)
    yield engine
    engine.dispose()


def _pages(engine) -> tuple[int, int]:
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        return (driver.execute("PRAGMA freelist_count").fetchone()[0],
                driver.execute("PRAGMA page_count").fetchone()[0])


def test_a_file_more_than_sparse_is_vacuumed(engine):
    free, pages = _pages(engine)
    assert compaction.free_share(engine) == free / pages and 0.4 < free / pages < 0.6
    assert compaction.vacuum_if_sparse(engine) is True
    assert compaction.free_share(engine) == 0.0
    assert compaction.vacuum_if_sparse(engine) is False  # nothing free now


@pytest.mark.parametrize("share", [compaction.SPARSE, compaction.SPARSE - 0.001])
def test_a_file_at_or_below_the_share_is_left_as_it_is(engine, monkeypatch, share):
    measured = compaction.free_share(engine)
    monkeypatch.setattr(compaction, "free_share", lambda _engine: share)
    assert compaction.vacuum_if_sparse(engine) is False
    monkeypatch.undo()
    assert compaction.free_share(engine) == measured  # no VACUUM ran


def test_a_few_free_pages_in_a_large_file_are_left(tmp_path):
    db = tmp_path / "lvyue.sqlite"
    _file_with_a_dropped_table(db, 1)  # one page free
    engine = create_sqlite_engine(db)
    try:
        free, pages = _pages(engine)
        assert free == 1 and pages > 50
        assert compaction.free_share(engine) == free / pages
        assert compaction.vacuum_if_sparse(engine) is False
        assert _pages(engine) == (free, pages)
    finally:
        engine.dispose()
