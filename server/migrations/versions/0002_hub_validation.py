"""hub validation: case numbers owned by one complaint, events quarantined for the whole fleet,
users a device created itself (the accounts of a standalone office that joined)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import json

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('streams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('case_no', sa.Text(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT stream, payload FROM events WHERE action = 'register' ORDER BY server_seq")).all()
    seen = set()
    for stream, payload in rows:
        try:
            case_no = json.loads(payload).get('case_no')
        except (ValueError, AttributeError):
            case_no = None
        if isinstance(case_no, str) and case_no not in seen:
            seen.add(case_no)
            connection.execute(sa.text("UPDATE streams SET case_no = :case_no WHERE stream = :stream"),
                               {"case_no": case_no, "stream": stream})
    with op.batch_alter_table('streams', schema=None) as batch_op:
        batch_op.create_index('ux_streams_case_no', ['case_no'], unique=True)
    op.create_table('device_users',
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Text(), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'user_id')
    )
    for device_id, payload in connection.execute(sa.text(
            "SELECT device_id, payload FROM events WHERE stream = 'admin' AND action = 'user_add' ORDER BY server_seq")):
        try:
            data = json.loads(payload)
            values = {"device_id": device_id, "user_id": str(data["user_id"]),
                      "roles": ",".join(str(r) for r in data.get("roles") or []),
                      "region_code": str(data.get("region_code") or "")}
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        connection.execute(sa.text("DELETE FROM device_users WHERE device_id = :device_id AND user_id = :user_id"),
                           values)
        connection.execute(sa.text("INSERT INTO device_users (device_id, user_id, roles, region_code) "
                                   "VALUES (:device_id, :user_id, :roles, :region_code)"), values)
    op.create_table('quarantine',
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('by', sa.Text(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )


def downgrade() -> None:
    op.drop_table('quarantine')
    op.drop_table('device_users')
    with op.batch_alter_table('streams', schema=None) as batch_op:
        batch_op.drop_index('ux_streams_case_no')
        batch_op.drop_column('case_no')
