"""supervision milestones: state spells, stage deadlines, sanction spells

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Projections of each complaint's dated history (``app.domain.milestones``) for the supervision
figures (``app.reports``), keyed by ``complaints.num``. They start empty: ``PROJECTION_VERSION`` 3
makes the profile rebuild its projections once when it is opened, which fills them.
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('state_spells',
    sa.Column('num', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('entered_on', sa.Text(), nullable=False),
    sa.Column('left_on', sa.Text(), nullable=True),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('num', 'seq')
    )
    op.create_index('ix_state_spells_left', 'state_spells', ['left_on', 'entered_on', 'state', 'region_code'])
    op.create_index('ix_state_spells_state', 'state_spells', ['state', 'entered_on', 'region_code'])
    op.create_table('stage_deadlines',
    sa.Column('num', sa.Integer(), nullable=False),
    sa.Column('stage_no', sa.Integer(), nullable=False),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Text(), nullable=False),
    sa.Column('started_on', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Text(), nullable=False),
    sa.Column('set_on', sa.Text(), nullable=False),
    sa.Column('until_on', sa.Text(), nullable=True),
    sa.Column('ended_on', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('working_days', sa.Integer(), nullable=True),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('num', 'stage_no', 'segment')
    )
    op.create_index('ix_stage_deadlines_ended', 'stage_deadlines',
                    ['ended_on', 'stage', 'outcome', 'due_on', 'working_days', 'region_code'])
    op.create_index('ix_stage_deadlines_open', 'stage_deadlines', ['until_on', 'set_on', 'due_on', 'region_code'])
    op.create_index('ix_stage_deadlines_outcome', 'stage_deadlines', ['outcome', 'ended_on', 'region_code'])
    op.create_table('sanction_spells',
    sa.Column('num', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('recorded_on', sa.Text(), nullable=False),
    sa.Column('start_on', sa.Text(), nullable=False),
    sa.Column('end_on', sa.Text(), nullable=True),
    sa.Column('lifted_on', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('num', 'seq')
    )


def downgrade() -> None:
    op.drop_table('sanction_spells')
    op.drop_index('ix_stage_deadlines_outcome', table_name='stage_deadlines')
    op.drop_index('ix_stage_deadlines_open', table_name='stage_deadlines')
    op.drop_index('ix_stage_deadlines_ended', table_name='stage_deadlines')
    op.drop_table('stage_deadlines')
    op.drop_index('ix_state_spells_state', table_name='state_spells')
    op.drop_index('ix_state_spells_left', table_name='state_spells')
    op.drop_table('state_spells')
