"""Client-side sync tables (migration 0002).

The events themselves, the pull marks and the quarantine are part of the profile's store
(``app.store.tables``): the fold reads them too.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, PrimaryKeyConstraint, Table, Text

metadata = MetaData()

rejections = Table(
    "sync_rejections", metadata,
    Column("event_id", Text, primary_key=True),
    Column("code", Text, nullable=False),
    Column("message", Text, nullable=False),  # the hub's Chinese reason
    Column("params", Text, nullable=False),
    Column("rejected_at", Text, nullable=False),
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
