"""Client-side sync tables (migration 0002) and the event columns sync reads and writes.

``synced_events`` maps the same ``events`` table as ``app.store.tables`` plus ``horizon``.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, PrimaryKeyConstraint, Table, Text

metadata = MetaData()

synced_events = Table(
    "events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False),
    Column("stream", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("device_seq", Integer, nullable=False),
    Column("device_time", Text, nullable=False),
    Column("base", Text),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    Column("server_seq", Integer),
    Column("horizon", Integer),
)

rejections = Table(
    "sync_rejections", metadata,
    Column("event_id", Text, primary_key=True),
    Column("code", Text, nullable=False),
    Column("message", Text, nullable=False),  # the hub's Chinese reason
    Column("params", Text, nullable=False),
    Column("rejected_at", Text, nullable=False),
)

pull_marks = Table(  # after each applied page: the last local row and the cursor reached
    "sync_pull_marks", metadata,
    Column("marker", Integer, primary_key=True),
    Column("cursor", Integer, nullable=False),
)

dirty = Table(  # complaints with pulled events not yet projected (committed with the page)
    "sync_dirty", metadata,
    Column("stream", Text, primary_key=True),
    Column("reindex", Integer, nullable=False),
)

blob_queue = Table(
    "sync_blobs", metadata,
    Column("sha256", Text, nullable=False),
    Column("direction", Text, nullable=False),  # up | down
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    PrimaryKeyConstraint("sha256", "direction"),
)

reference = Table(
    "sync_reference", metadata,
    Column("kind", Text, primary_key=True),
    Column("data", Text, nullable=False),
)

quarantine = Table(
    "sync_quarantine", metadata,
    Column("event_id", Text, primary_key=True),
    Column("event", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("quarantined_at", Text, nullable=False),
)
