"""quarantine: where a set-aside event came from, and the reason's parameters

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

``sync_quarantine`` held only events an integrity repair could not carry over. It now also lists
events the fold sets aside (malformed, from any device: ``origin = 'fold'``) and events the hub
administrator quarantined for the whole fleet (``origin = 'hub'``); those stay in ``events`` (the
log is complete and the scope digest still matches) and every fold skips them.
"""

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('sync_quarantine', sa.Column('origin', sa.Text(), nullable=False, server_default='repair'))
    op.add_column('sync_quarantine', sa.Column('params', sa.Text(), nullable=False, server_default='{}'))
    op.add_column('sync_quarantine', sa.Column('stream', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_quarantine') as batch_op:
        batch_op.drop_column('stream')
        batch_op.drop_column('params')
        batch_op.drop_column('origin')
