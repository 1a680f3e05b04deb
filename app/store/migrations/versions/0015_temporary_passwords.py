"""users: a temporary password set by the administrator must be changed at the next login

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-05

``must_change_password`` is 1 after ``app.services.users.reset_password`` (重设密码) and back to 0 once
the user chose a new password (``change_own_password``). Existing accounts start at 0.
"""

import sqlalchemy as sa
from alembic import op


revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('users', sa.Column('must_change_password', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('must_change_password')
