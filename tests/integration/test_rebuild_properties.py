"""``rebuild`` reproduces the live projections exactly (DESIGN §4: "a command rebuilds them from scratch
and must give the same rows"), for random workflow walks on two devices syncing through a live hub
(``tests/workflow_walks.py``): every action of the workflow table, events pulled from the other
device, transitions kept aside as conflicts and resolved, unsynced local work on top.

Every projection table is compared row by row, the complaint's row number replaced by its id (a
rebuild numbers the complaints in hub order, the live device in the order they reached it): the
complaint rows and aggregates, the search index (term by term), the duplicate marks, the milestone
tables, the monthly sums their triggers keep, the issued-document index and what the fold set aside.

The first example is the fixed ``TOUR`` (every action at least once); CI then tries a few seeded
walks; ``LVYUE_FUZZ_EXAMPLES=N`` runs N (``tests/fuzz_budget.py``).
"""

from __future__ import annotations

from hypothesis import example, given

from app.domain.vocabulary import Action
from app.security.fieldcrypt import open_json
from app.services import maintenance
from app.services.document_register import refresh_index
from tests.fuzz_budget import fuzz_settings
from tests.search_index import assert_index_sound
from tests.workflow_walks import TOUR, Walker, walk_devices, walks

pytest_plugins = ("tests.sync_fixtures",)  # the hub and memory_keyring fixtures

BY_NUM = ("complaints", "state_spells", "stage_deadlines", "sanction_spells", "breach_records", "duplicate_marks")
SUMS = ("stage_month_counts", "stage_month_unit_counts", "stage_month_days", "received_month")


def projections(profile) -> dict[str, list]:
    """Every projection table's rows, sorted, with ``num`` replaced by the complaint's id."""
    with profile.store.read() as session:
        sql = session.connection().exec_driver_sql
        ids = dict(sql("SELECT num, id FROM complaints").fetchall())
        tables: dict[str, list] = {}
        for name in (*BY_NUM, *SUMS, "issued_documents"):
            # a sum's triggers count down to 0 and keep the row; a rebuild writes no row for 0
            cursor = sql(f"SELECT * FROM {name}" + (" WHERE n != 0" if name in SUMS else ""))
            columns = list(cursor.keys())
            tables[name] = sorted((tuple((c, ids[v] if c == "num" else v) for c, v in zip(columns, row, strict=True))
                                   for row in cursor.fetchall()), key=repr)
        tables["complaint_data"] = sorted(((ids[n], open_json(d)) for n, d in sql(
            "SELECT num, data FROM complaint_data").fetchall()), key=repr)  # as it reads: fresh nonces
        sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, complaint_search, instance)")
        tables["complaint_search"] = sorted((term, ids[num], column, offset) for term, num, column, offset in sql(
            "SELECT term, doc, col, offset FROM temp.vocab").fetchall())
        sql("DROP TABLE temp.vocab")
        tables["set_aside"] = sorted(sql("SELECT event_id, reason, params, stream FROM sync_quarantine "
                                         "WHERE origin = 'fold'").fetchall())
    return tables


def assert_rebuild_reproduces(profile) -> None:
    with profile.store.unit_of_work() as uow:  # what reading the register does first: pulled documents
        refresh_index(uow.session)  # are indexed by this catch-up (app.store.document_index)
        uow.commit()
    live = projections(profile)
    assert live["complaints"], "the walk made no complaint"
    maintenance.rebuild_projections(profile)
    rebuilt = projections(profile)
    for name, rows in live.items():
        assert rebuilt[name] == rows, name
    assert_index_sound(profile)


def test_rebuild_reproduces_the_projections_of_random_walks(hub, tmp_path):
    devices = walk_devices(hub, tmp_path)
    files = tmp_path / "files"
    files.mkdir()

    @fuzz_settings(4)
    @given(walk=walks)
    @example(walk=TOUR)
    def run(walk):
        walker = Walker(devices, files).run(walk)
        if walk == TOUR:  # the tour is taken as written: all 23 actions, none refused
            assert not walker.refused
            assert set(walker.taken) == {a.value for a in Action}
        for d in devices:
            assert_rebuild_reproduces(d.profile)

    run()
