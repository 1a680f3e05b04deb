"""packed event payloads: ``events.payload`` stored as zlib with a preset dictionary, then VACUUM

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06

Each event's payload was its sealed canonical JSON as text (444 bytes on average at 20,000 demo
complaints); it is now packed like the aggregates of 0018 (``app.common.packing.pack_event``, marker
``e1``, the dictionary of ``app.common.event_dictionary``): 229 bytes. Rows are packed as they are
(sealed JSON in, the same JSON out): nothing is re-sealed, the hash over the clear payload, the chain
and the wire form do not change, so no rebuild. The append-only trigger refuses any change to a hashed
column: it is dropped and re-created around the rewrite, inside the migration's transaction (as
``app.store.sealing`` does). The freed pages go back to the file system by a VACUUM after the migration
(``VACUUM_AFTER``). The downgrade unpacks.
"""

from alembic import op

from app.common.packing import EVENT_MARKER, pack_event, unpacked

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

VACUUM_AFTER = True
BATCH = 5000
TRIGGER = "events_append_only_update"


def _rewrite(convert, select_where: str) -> None:
    connection = op.get_bind().connection  # the driver's connection: plain executemany, 600,000 rows
    cursor = connection.cursor()
    trigger = cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                             (TRIGGER,)).fetchone()
    if trigger:
        cursor.execute(f"DROP TRIGGER {TRIGGER}")
    last = 0
    while True:
        rows = cursor.execute(f"SELECT seq, payload FROM events WHERE seq > ? AND {select_where} "
                              f"ORDER BY seq LIMIT {BATCH}", (last,)).fetchall()
        if not rows:
            break
        cursor.executemany("UPDATE events SET payload = ? WHERE seq = ?",
                           [(convert(payload), seq) for seq, payload in rows])
        last = rows[-1][0]
    if trigger:
        cursor.execute(trigger[0])
    cursor.close()


def upgrade() -> None:
    _rewrite(lambda payload: pack_event(payload if isinstance(payload, str) else bytes(payload).decode("utf-8")),
             "typeof(payload) = 'text'")


def downgrade() -> None:
    _rewrite(unpacked, f"typeof(payload) = 'blob' AND substr(payload, 1, 2) = x'{EVENT_MARKER.hex()}'")
