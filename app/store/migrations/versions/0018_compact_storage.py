"""compact storage: the complaint aggregates packed, the search index merged, then VACUUM

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06

``complaint_data.data`` held each aggregate's canonical JSON as text (4.0 KB on average, 484 MB of a
2.0 GB profile at 100,000 demo complaints); it is now zlib with a preset dictionary
(``app.common.packing``, 1.5 KB). Rows are packed as they are (sealed JSON in, the same JSON out):
nothing is re-sealed and the projection does not change meaning, so no rebuild. The search index is
merged into one segment (FTS5 ``optimize``; ``app.store.complaints.optimize_search_index``). The freed
pages are returned to the file system by a VACUUM after the migration (``VACUUM_AFTER``, run by
``app.store.migrate.upgrade`` outside the migration's transaction). The downgrade unpacks.

The audit indexes of 0016 stay: EXPLAIN QUERY PLAN at 100,000 complaints shows the typical-case queries
go from 25 ms to 707 ms without ``ix_events_stream_seq`` and the auditor's device filter from 0.4 ms to
2 s without ``ix_events_device_time``.
"""

from alembic import op

from app.common.packing import MARKER, pack, unpacked

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

VACUUM_AFTER = True
BATCH = 2000


def _rewrite(convert, select_where: str) -> None:
    connection = op.get_bind().connection  # the driver's connection: plain executemany, 100,000 rows
    cursor = connection.cursor()
    last = 0
    while True:
        rows = cursor.execute(f"SELECT num, data FROM complaint_data WHERE num > ? AND {select_where} "
                              f"ORDER BY num LIMIT {BATCH}", (last,)).fetchall()
        if not rows:
            break
        cursor.executemany("UPDATE complaint_data SET data = ? WHERE num = ?",
                           [(convert(data), num) for num, data in rows])
        last = rows[-1][0]
    cursor.close()


def upgrade() -> None:
    _rewrite(lambda data: pack(data if isinstance(data, str) else bytes(data).decode("utf-8")),
             "typeof(data) = 'text'")
    op.execute("INSERT INTO complaint_search(complaint_search) VALUES ('optimize')")


def downgrade() -> None:
    _rewrite(unpacked, f"typeof(data) = 'blob' AND substr(data, 1, 2) = x'{MARKER.hex()}'")
