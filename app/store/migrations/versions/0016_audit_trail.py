"""the audit trail: indexes that page the event log newest first, whatever the filter

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05

``app.services.audit_trail`` reads the log in the order (device_time DESC, seq DESC) and stops after a
page; each filter (period, category or complaint, action, actor, device) walks one of these in that order (the row number is
the rowid every index carries), so a page of a log of millions of events reads about a page of rows.
"""

from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS ix_events_time ON events (device_time)",
    "CREATE INDEX IF NOT EXISTS ix_events_stream_time ON events (stream, device_time)",
    "CREATE INDEX IF NOT EXISTS ix_events_action_time ON events (action, device_time)",
    "CREATE INDEX IF NOT EXISTS ix_events_actor_time ON events (actor, device_time)",
    "CREATE INDEX IF NOT EXISTS ix_events_device_time ON events (device_id, device_time)",
]
NAMES = ("ix_events_time", "ix_events_stream_time", "ix_events_action_time", "ix_events_actor_time", "ix_events_device_time")


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name in NAMES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
