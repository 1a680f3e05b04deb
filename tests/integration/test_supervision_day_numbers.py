"""Migration 0021: the supervision tables keep their dates as day numbers (state spells WITHOUT ROWID). A profile written
before it gives the same rows, monthly sums and report after it, keeps its sums right on later actions,
and the downgrade gives back the ISO text it had."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date as D

from app.services import reports
from app.services.maintenance import rebuild_projections
from app.services.profile import open_profile
from app.store.migrate import current_revision, head_revision
from tests.integration.test_reports import FROM, IN_PERIOD, LATER, TO, milestone_rows, monthly_sums, run
from tests.migrating import migrate_to

TABLES = ("state_spells", "stage_deadlines")
AFTER = {"state_spells": (True, {"integer", "null"}), "stage_deadlines": (False, {"integer", "null"})}


def _stored(db) -> dict[str, tuple]:
    """Each table's declaration and the stored types of its date columns."""
    con = sqlite3.connect(db)
    try:
        found = {}
        for table in TABLES:
            dates = [c for (c,) in con.execute(f"SELECT name FROM pragma_table_info('{table}') "
                                               f"WHERE name LIKE '%\\_on' ESCAPE '\\'")]
            types = {t for c in dates for (t,) in con.execute(f"SELECT DISTINCT typeof({c}) FROM {table}")}
            sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            found[table] = ("WITHOUT ROWID" in sql, types)
        return found
    finally:
        con.close()


def _schema(db) -> set[tuple]:
    """The names of the indexes and triggers on the two tables."""
    con = sqlite3.connect(db)
    try:
        return set(con.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE tbl_name IN (?, ?) "
                               "AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%'", TABLES))
    finally:
        con.close()


def _sums_of_rows(office) -> list[list[tuple]]:
    """The monthly stage sums as the detail rows give them (finished stages by the month they ended)."""
    counts, days = Counter(), Counter()
    for _, _, _, stage, _, due, _, _, ended, outcome, worked, _, region, *_ in milestone_rows(office)[1]:
        if ended is not None:
            counts[(ended[:7], region, stage, outcome, int(ended <= due))] += 1
            days[(ended[:7], stage, outcome, worked)] += 1
    return [sorted((*k, n) for k, n in c.items()) for c in (counts, days)]


def _report(office) -> dict:
    return reports.supervision(office.profile, office.leader, FROM, TO).to_json()


def test_0021_converts_the_rows_keeps_the_figures_and_the_downgrade_gives_the_text_back(office):
    cases: dict[str, str] = {}
    run(office, IN_PERIOD + LATER, cases)
    db = office.profile.files.database
    assert _stored(db) == AFTER  # new writes: day numbers
    rows, sums, report, schema = milestone_rows(office), monthly_sums(office), _report(office), _schema(db)
    assert all(rows[:2]) and all(sums) and report["timeliness"] and sums[:2] == _sums_of_rows(office)
    office.profile.close()

    migrate_to(db, "0020", down=True)
    assert _stored(db) == {t: (False, {"text", "null"}) for t in TABLES}
    assert _schema(db) == schema
    con = sqlite3.connect(db)
    assert con.execute("SELECT due_on FROM stage_deadlines ORDER BY num, stage_no LIMIT 1").fetchone()[0] == \
        rows[1][0][5]  # the ISO text the day number stood for
    con.close()

    office.profile = open_profile(office.profile.files.home, daily_backup=False)  # migrates to head
    assert current_revision(office.profile.store.engine) == head_revision()
    assert _stored(db) == AFTER
    assert _schema(db) == schema
    assert (milestone_rows(office), monthly_sums(office), _report(office)) == (rows, sums, report)

    # the triggers keep the sums on the converted tables as a rebuild makes them
    run(office, [(D(2026, 11, 20), "J", "forward", {"department": "双柏县人民政府"}),
                 (D(2026, 11, 24), "J", "conclude", {"finding": "unsubstantiated", "explanation": "经核实不属实"})],
        cases)
    after = monthly_sums(office)
    assert after != sums and after[:2] == _sums_of_rows(office)
    rebuild_projections(office.profile)
    assert monthly_sums(office) == after
