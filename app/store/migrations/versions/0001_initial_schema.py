"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26

Tables of tables.py, the contentless full-text index (FTS5 over bigrams and characters, see
app/store/search.py)
and triggers that keep the event log append-only.
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaints',
    sa.Column('num', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('case_no', sa.Text(), nullable=False),
    sa.Column('office_code', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('conflict', sa.Integer(), nullable=False),
    sa.Column('complainant_name', sa.Text(), nullable=False),
    sa.Column('complainant_code', sa.Text(), nullable=False),
    sa.Column('respondent_name', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.Column('channel', sa.Text(), nullable=False),
    sa.Column('sector', sa.Text(), nullable=False),
    sa.Column('breach_kind', sa.Text(), nullable=False),
    sa.Column('agreement_title', sa.Text(), nullable=False),
    sa.Column('claim_cents', sa.Integer(), nullable=True),
    sa.Column('registered_at', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Text(), nullable=False),
    sa.Column('assignee', sa.Text(), nullable=True),
    sa.Column('due_on', sa.Text(), nullable=True),
    sa.Column('due_sort', sa.Text(), nullable=False),
    sa.Column('due_kind', sa.Text(), nullable=True),
    sa.Column('typical', sa.Integer(), nullable=False),
    sa.Column('head', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('num'),
    sa.UniqueConstraint('case_no'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_assignee', ['assignee', 'due_on'], unique=False)
        batch_op.create_index('ix_complaints_claim', ['claim_cents'], unique=False)
        batch_op.create_index('ix_complaints_complainant', ['complainant_name'], unique=False)
        batch_op.create_index('ix_complaints_complainant_code', ['complainant_code'], unique=False)
        batch_op.create_index('ix_complaints_due', ['due_on'], unique=False)
        batch_op.create_index('ix_complaints_due_sort', ['due_sort'], unique=False)
        batch_op.create_index('ix_complaints_region_only', ['region_code'], unique=False)
        batch_op.create_index('ix_complaints_region', ['region_code', 'registered_at'], unique=False)
        batch_op.create_index('ix_complaints_region_due', ['region_code', 'due_on'], unique=False)
        batch_op.create_index('ix_complaints_registered', ['registered_at'], unique=False)
        batch_op.create_index('ix_complaints_respondent', ['respondent_name'], unique=False)
        batch_op.create_index('ix_complaints_state_registered', ['state', 'registered_at'], unique=False)
        batch_op.create_index('ix_complaints_updated', ['updated_at'], unique=False)

    op.create_table('events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('device_time', sa.Text(), nullable=False),
    sa.Column('base', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.Text(), nullable=False),
    sa.Column('hash', sa.Text(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id'),
    sa.UniqueConstraint('server_seq')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_stream_seq', ['stream', 'seq'], unique=False)
        batch_op.create_index('ux_events_device_seq', ['device_id', 'device_seq'], unique=True)

    op.create_table('meta',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('number_blocks',
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('next', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('series', 'year', 'start')
    )
    op.create_table('users',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('username', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.Column('failed_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.Text(), nullable=True),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('password_changed_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('complaint_data',
    sa.Column('num', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('num')
    )
    op.execute(
        "CREATE VIRTUAL TABLE complaint_search USING fts5("
        "grams, chars, content = '', tokenize = 'unicode61 remove_diacritics 0', detail = full)"
    )
    hashed = ("id", "stream", "action", "payload", "actor", "device_id", "device_seq", "device_time", "base",
              "prev_hash", "hash", "seq")
    same = " AND ".join(f"new.{c} IS old.{c}" for c in hashed)
    op.execute(
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
        f"WHEN NOT ({same} AND old.server_seq IS NULL) "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER events_append_only_delete")
    op.execute("DROP TRIGGER events_append_only_update")
    op.execute("DROP TABLE complaint_search")
    op.drop_table('complaint_data')
    op.drop_table('users')
    op.drop_table('number_blocks')
    op.drop_table('meta')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ux_events_device_seq')
        batch_op.drop_index('ix_events_stream_seq')

    op.drop_table('events')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_updated')
        batch_op.drop_index('ix_complaints_state_registered')
        batch_op.drop_index('ix_complaints_respondent')
        batch_op.drop_index('ix_complaints_registered')
        batch_op.drop_index('ix_complaints_region_due')
        batch_op.drop_index('ix_complaints_region')
        batch_op.drop_index('ix_complaints_due')
        batch_op.drop_index('ix_complaints_due_sort')
        batch_op.drop_index('ix_complaints_region_only')
        batch_op.drop_index('ix_complaints_complainant_code')
        batch_op.drop_index('ix_complaints_complainant')
        batch_op.drop_index('ix_complaints_claim')
        batch_op.drop_index('ix_complaints_assignee')

    op.drop_table('complaints')
