"""Checks that a profile's contentless search index holds exactly what its stored aggregates say.

FTS5 cannot compare a contentless index with anything (its ``integrity-check`` only checks the index's
own structure), so the index is compared term by term (``fts5vocab`` instances: term, row, column,
position) with an index built beside it, in a temporary table of the same definition, from the stored
aggregates (``app.store.complaints.search_row``, the profile's own blind tokens).
"""

from __future__ import annotations

from app.domain.complaint import Complaint
from app.security.fieldcrypt import cipher_for, open_json
from app.store.complaints import search_row

_EXPECTED = ("CREATE VIRTUAL TABLE temp.expected_search USING fts5(grams, chars, content = '', "
             "tokenize = 'unicode61 remove_diacritics 0', detail = full)")
_VOCAB = "CREATE VIRTUAL TABLE temp.{name} USING fts5vocab({schema}, {table}, instance)"


def index_differences(profile) -> tuple[list, list]:
    """(instances only in the live index, instances only in the index the aggregates give)."""
    with profile.store.read() as session:
        cipher = cipher_for(session)
        connection = session.connection()
        for statement in (_EXPECTED, _VOCAB.format(name="live_vocab", schema="main", table="complaint_search"),
                          _VOCAB.format(name="expected_vocab", schema="temp", table="expected_search")):
            connection.exec_driver_sql(statement)
        try:
            rows = connection.exec_driver_sql("SELECT num, data FROM complaint_data").fetchall()
            connection.exec_driver_sql(
                "INSERT INTO temp.expected_search(rowid, grams, chars) VALUES (?, ?, ?)",
                [(num, *search_row(Complaint.from_json(open_json(data)), cipher).values()) for num, data in rows])
            live = set(connection.exec_driver_sql("SELECT * FROM temp.live_vocab").fetchall())
            expected = set(connection.exec_driver_sql("SELECT * FROM temp.expected_vocab").fetchall())
        finally:
            for name in ("live_vocab", "expected_vocab", "expected_search"):
                connection.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
    return sorted(live - expected), sorted(expected - live)


def assert_index_sound(profile) -> None:
    """The index matches the stored aggregates, and SQLite and FTS5 find nothing wrong in the file."""
    assert index_differences(profile) == ([], [])
    with profile.store.read() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO complaint_search(complaint_search, rank) VALUES ('integrity-check', 0)")
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
