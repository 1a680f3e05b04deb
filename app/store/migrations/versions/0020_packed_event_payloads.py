"""packed events: ``events.payload`` stored as zlib with a preset dictionary, the hashes as bytes, then VACUUM

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06

Each event's payload was its sealed canonical JSON as text (444 bytes on average at 20,000 demo
complaints); it is now packed like the aggregates of 0018 (``app.common.packing.pack_event``, marker
``e1``, the dictionary of ``app.common.event_dictionary``): 229 bytes. ``prev_hash`` and ``hash`` (64 hex
digits each) are kept as their 32 bytes (``app.contract.event_record.stored_hash``). Rows are packed as they are
(sealed JSON in, the same JSON out): nothing is re-sealed, the hash over the clear payload, the chain
and the wire form do not change, so no rebuild. The append-only trigger refuses any change to a hashed
column: it is dropped and re-created around the rewrite, inside the migration's transaction (as
``app.store.sealing`` does). The freed pages go back to the file system by a VACUUM after the migration
(``VACUUM_AFTER``). The downgrade unpacks and writes the hashes as hex again.
"""

from alembic import op

from app.common.packing import EVENT_MARKER, pack_event, unpacked
from app.contract.event_record import hash_text, stored_hash

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
        rows = cursor.execute(f"SELECT seq, payload, prev_hash, hash FROM events WHERE seq > ? AND ({select_where}) "
                              f"ORDER BY seq LIMIT {BATCH}", (last,)).fetchall()
        if not rows:
            break
        cursor.executemany("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                           [(*convert(payload, prev_hash, event_hash), seq) for seq, payload, prev_hash, event_hash in rows])
        last = rows[-1][0]
    if trigger:
        cursor.execute(trigger[0])
    cursor.close()


def _packed(payload, prev_hash, event_hash) -> tuple:
    if isinstance(payload, str):
        payload = pack_event(payload)
    return payload, stored_hash(prev_hash), stored_hash(event_hash)


def _text(payload, prev_hash, event_hash) -> tuple:
    return unpacked(payload), hash_text(prev_hash), hash_text(event_hash)


def upgrade() -> None:
    _rewrite(_packed, "typeof(payload) = 'text' OR typeof(hash) = 'text' OR typeof(prev_hash) = 'text'")


def downgrade() -> None:
    _rewrite(_text, f"(typeof(payload) = 'blob' AND substr(payload, 1, 2) = x'{EVENT_MARKER.hex()}') "
                    "OR typeof(hash) = 'blob' OR typeof(prev_hash) = 'blob'")
