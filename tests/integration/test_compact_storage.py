"""Migration 0018 (compact storage): the aggregates are packed, the search index merged and the file
vacuumed; every aggregate reads the same, every search finds the same rows, and the downgrade unpacks."""

from __future__ import annotations

import hashlib
import sqlite3

from alembic import command

from app.common import packing
from app.common.aggregate_dictionary import DICTIONARY_Z1
from app.security.fieldcrypt import open_json
from app.services import queries
from app.services.profile import open_profile
from app.store.engine import create_sqlite_engine
from app.store.migrate import _config, current_revision, head_revision
from tests.conftest import make_office
from tests.factories import FixedClock, china_noon
from tests.integration.test_rebuild_search_backup import populate

F = queries.ComplaintFilter
# names, parts of names, case numbers, dates in them, credit codes, agreement numbers, texts, a phone's
# last digits (blind tokens), several words, 1 character, nothing
TERMS = ["雄", "彧", "堃泰", "有限公司", "双柏县财政局", "财政", "532322", "532322-2026-0012", "2026-00", "0007",
         "9153", "SBN", "sbn", "扶持协议", "不属于", "2345", "12345", "县 公司", "0", "不存在的词"]


def _searches(office) -> dict:
    found = {}
    for term in TERMS:
        for sort, descending in (("registered_at", True), ("complainant", False)):
            page = queries.list_complaints(office.profile, office.clerk, F(search=term), sort=sort,
                                           descending=descending, limit=100)
            found[term, sort] = ([r.case_no for r in page.rows], page.total, page.more)
    return found


def _aggregates(db) -> dict:
    con = sqlite3.connect(db)
    try:
        return {num: open_json(data) for num, data in con.execute("SELECT num, data FROM complaint_data")}
    finally:
        con.close()


def test_the_dictionary_never_changes():
    """Packed aggregates read only with these exact bytes (a new dictionary needs a new marker)."""
    assert packing.MARKER == b"z1"
    assert hashlib.sha256(DICTIONARY_Z1.encode()).hexdigest()[:16] == "edc59a5de2670ca0"


def test_pack_round_trip_and_text_reads_as_it_is():
    text = '{"intake":{"complainant":{"name":"双柏县彧辉建材有限公司"}},"state":"registered"}'
    packed = packing.pack(text)
    assert packed.startswith(b"z1") and len(packed) < len(text.encode())
    assert packing.unpacked(packed) == text and packing.unpacked(text) == text
    assert open_json(packed) == open_json(text)


def test_0018_packs_keeps_searches_and_unpacks_on_downgrade(tmp_path):
    home = tmp_path / "profile"
    office = populate(make_office(home, FixedClock(china_noon(2026, 11, 26))))
    db = office.profile.files.database
    # as a profile written before 0018: aggregates as text, schema at 0017
    con = sqlite3.connect(db)
    rows = con.execute("SELECT num, data FROM complaint_data").fetchall()
    assert rows and all(packing.is_packed(data) for _, data in rows)  # new writes are packed
    con.executemany("UPDATE complaint_data SET data = ? WHERE num = ?",
                    [(packing.unpacked(data), num) for num, data in rows])
    con.execute("UPDATE alembic_version SET version_num = '0017'")
    con.commit()
    con.close()
    text_before = dict(sqlite3.connect(db).execute("SELECT num, data FROM complaint_data").fetchall())
    assert all(isinstance(t, str) for t in text_before.values())
    searches = _searches(office)
    aggregates = _aggregates(db)
    assert sum(1 for (rows_, total, more) in searches.values() if rows_) >= 12  # the sample finds things
    office.profile.close()

    profile = open_profile(home, daily_backup=False)  # migrates to head, then VACUUM
    office.profile = profile
    assert current_revision(profile.store.engine) == head_revision()
    con = sqlite3.connect(db)
    stored = con.execute("SELECT data FROM complaint_data").fetchall()
    assert all(packing.is_packed(data) for (data,) in stored)
    assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0  # vacuumed
    con.close()
    assert _aggregates(db) == aggregates
    assert _searches(office) == searches
    profile.close()

    engine = create_sqlite_engine(db)
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0017")
        connection.commit()
    engine.dispose()
    assert dict(sqlite3.connect(db).execute("SELECT num, data FROM complaint_data").fetchall()) == text_before


def test_a_rebuild_gives_the_freed_pages_back(tmp_path):
    from app.services import maintenance
    from app.store.compaction import SPARSE, free_share

    office = populate(make_office(tmp_path / "profile", FixedClock(china_noon(2026, 11, 26))))
    try:
        before = _searches(office)
        maintenance.rebuild_projections(office.profile)  # old rows and index segments freed, then VACUUM
        assert free_share(office.profile.store.engine) <= SPARSE
        assert _searches(office) == before
    finally:
        office.profile.close()
