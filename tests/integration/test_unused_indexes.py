"""Migration 0022: the indexes no plan chose are gone, the schema is what tables.py declares, and the
queries that named them still seek an index."""

from __future__ import annotations

import sqlite3

from app.services.profile import open_profile
from app.store.migrate import current_revision, head_revision
from app.store.tables import metadata
from tests.migrating import migrate_to

DROPPED = {"ix_breach_records_confirmed", "ix_breach_records_region", "ix_events_mark_typical"}
# created by migration 0003 for the document register, declared in app.store.document_index
ELSEWHERE = {"ix_events_issue_document"}


def _indexes(db) -> dict[str, str]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        con.close()


def test_the_schema_has_exactly_the_indexes_tables_py_declares(office):
    declared = {ix.name for table in metadata.tables.values() for ix in table.indexes}
    present = {name for name, table in _indexes(office.profile.files.database).items() if table in metadata.tables}
    assert present - ELSEWHERE == declared
    assert not DROPPED & declared


def test_0022_drops_three_indexes_and_the_downgrade_brings_them_back(office):
    db = office.profile.files.database
    office.profile.close()
    migrate_to(db, "0021", down=True)
    assert DROPPED <= set(_indexes(db))
    profile = open_profile(db.parent, daily_backup=False)  # migrates to head
    try:
        assert current_revision(profile.store.engine) == head_revision()
    finally:
        profile.close()
    assert not DROPPED & set(_indexes(db))
    migrate_to(db, "0021", down=True)
    assert DROPPED <= set(_indexes(db))
    migrate_to(db, "head", down=False)
    assert not DROPPED & set(_indexes(db))


def _plan(db, sql: str) -> str:
    con = sqlite3.connect(db)
    try:
        return " | ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + sql))
    finally:
        con.close()


def test_the_queries_that_named_the_dropped_indexes_still_seek_one(office):
    db = office.profile.files.database
    # the register's sanction counts in a county (ix_breach_records_region before)
    plan = _plan(db, "SELECT COUNT(DISTINCT s.num) FROM sanction_spells s JOIN breach_records b ON b.num = s.num "
                     "WHERE s.lifted_on IS NULL AND b.region_code >= '532322' AND b.region_code < '532323' "
                     "AND b.confirmed_on >= '2026-12-03'")
    assert "SEARCH b USING" in plan and "INDEX" in plan, plan
    # the decisions on typical cases (ix_events_mark_typical before)
    plan = _plan(db, "SELECT e.stream, e.payload FROM events e WHERE e.action = 'mark_typical' ORDER BY e.seq")
    assert "SEARCH e USING INDEX ix_events_action_time (action=?)" in plan, plan
    plan = _plan(db, "SELECT MAX(m.seq) FROM events m WHERE m.stream = 'x' AND m.action = 'mark_typical'")
    assert "SEARCH m USING INDEX" in plan, plan
