"""sync state of an enrolled device

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

``events.horizon``: the hub sequence number up to which the event's creator had pulled (conflict
detection, DESIGN §4); set with ``server_seq`` (the append-only trigger allows exactly that).
Client tables: refused events with the hub's reason, pull marks (the horizon of unsent events),
complaints whose pulled events still await projection, blob transfer queue, reference data caches,
quarantined events after an integrity repair.
"""

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('horizon', sa.Integer(), nullable=True))  # plain ALTER: keeps triggers
    op.create_table('sync_rejections',
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('rejected_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('sync_pull_marks',
    sa.Column('marker', sa.Integer(), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('marker')
    )
    op.create_table('sync_blobs',
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('direction', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('sha256', 'direction')
    )
    op.create_table('sync_reference',
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('kind')
    )
    op.create_table('sync_dirty',
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('reindex', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('stream')
    )
    op.create_table('sync_quarantine',
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('event', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('quarantined_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )


def downgrade() -> None:
    op.drop_table('sync_quarantine')
    op.drop_table('sync_dirty')
    op.drop_table('sync_reference')
    op.drop_table('sync_blobs')
    op.drop_table('sync_pull_marks')
    op.drop_table('sync_rejections')
    op.execute("DROP TRIGGER events_append_only_update")
    op.drop_column('events', 'horizon')
