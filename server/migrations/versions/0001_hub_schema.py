"""hub schema: reference data, devices, the event log with its sequence counter, numbering, blobs

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob_holders',
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('region', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'region')
    )
    op.create_table('blob_refs',
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('pusher_region', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'stream', 'pusher_region')
    )
    op.create_table('blobs',
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('stored_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('counters',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('departments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('code', sa.Text(), nullable=True),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.create_index('ux_departments_region_name', ['region_code', 'name'], unique=True)

    op.create_table('devices',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('token_hash', sa.Text(), nullable=False),
    sa.Column('enrolled_at', sa.Text(), nullable=False),
    sa.Column('revoked_at', sa.Text(), nullable=True),
    sa.Column('chain_seq', sa.BigInteger(), nullable=False),
    sa.Column('chain_hash', sa.Text(), nullable=False),
    sa.Column('last_seen_at', sa.Text(), nullable=True),
    sa.Column('client_version', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('document_prefixes',
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('prefix', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('region_code', 'kind')
    )
    op.create_table('enrolment_codes',
    sa.Column('code_hash', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('office_name', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.Text(), nullable=False),
    sa.Column('used_at', sa.Text(), nullable=True),
    sa.Column('device_id', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('code_hash')
    )
    op.create_table('events',
    sa.Column('server_seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('device_seq', sa.BigInteger(), nullable=False),
    sa.Column('device_time', sa.Text(), nullable=False),
    sa.Column('base', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.Text(), nullable=False),
    sa.Column('hash', sa.Text(), nullable=False),
    sa.Column('horizon', sa.BigInteger(), nullable=False),
    sa.Column('region', sa.Text(), nullable=False),
    sa.Column('prefecture', sa.Text(), nullable=False),
    sa.Column('province', sa.Text(), nullable=False),
    sa.Column('received_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('server_seq'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_hub_events_prefecture_seq', ['prefecture', 'server_seq'], unique=False)
        batch_op.create_index('ix_hub_events_province_seq', ['province', 'server_seq'], unique=False)
        batch_op.create_index('ix_hub_events_region_seq', ['region', 'server_seq'], unique=False)
        batch_op.create_index('ix_hub_events_stream', ['stream', 'server_seq'], unique=False)
        batch_op.create_index('ux_hub_events_device_seq', ['device_id', 'device_seq'], unique=True)

    op.create_table('holiday_years',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('hub_settings',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('number_blocks',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('start', sa.BigInteger(), nullable=False),
    sa.Column('end', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('number_blocks', schema=None) as batch_op:
        batch_op.create_index('ix_number_blocks_series', ['series', 'year', 'start'], unique=False)

    op.create_table('number_series',
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('next', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('series', 'year')
    )
    op.create_table('regions',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('short_name', sa.Text(), nullable=False),
    sa.Column('level', sa.Text(), nullable=False),
    sa.Column('parent', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('rejections',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('device_seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.Text(), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('event', sa.Text(), nullable=False),
    sa.Column('received_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('series_owners',
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('series')
    )
    op.create_table('stream_grants',
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('region', sa.Text(), nullable=False),
    sa.Column('granted_seq', sa.BigInteger(), nullable=False),
    sa.Column('moved', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('stream', 'region')
    )
    with op.batch_alter_table('stream_grants', schema=None) as batch_op:
        batch_op.create_index('ix_stream_grants_region_seq', ['region', 'granted_seq'], unique=False)

    op.create_table('streams',
    sa.Column('stream', sa.Text(), nullable=False),
    sa.Column('region', sa.Text(), nullable=False),
    sa.Column('office_code', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('stream')
    )
    op.create_table('users',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('username', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )


def downgrade() -> None:
    op.drop_table('users')
    op.drop_table('streams')
    with op.batch_alter_table('stream_grants', schema=None) as batch_op:
        batch_op.drop_index('ix_stream_grants_region_seq')

    op.drop_table('stream_grants')
    op.drop_table('series_owners')
    op.drop_table('rejections')
    op.drop_table('regions')
    op.drop_table('number_series')
    with op.batch_alter_table('number_blocks', schema=None) as batch_op:
        batch_op.drop_index('ix_number_blocks_series')

    op.drop_table('number_blocks')
    op.drop_table('hub_settings')
    op.drop_table('holiday_years')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ux_hub_events_device_seq')
        batch_op.drop_index('ix_hub_events_stream')
        batch_op.drop_index('ix_hub_events_region_seq')
        batch_op.drop_index('ix_hub_events_province_seq')
        batch_op.drop_index('ix_hub_events_prefecture_seq')

    op.drop_table('events')
    op.drop_table('enrolment_codes')
    op.drop_table('document_prefixes')
    op.drop_table('devices')
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_index('ux_departments_region_name')

    op.drop_table('departments')
    op.drop_table('counters')
    op.drop_table('blobs')
    op.drop_table('blob_refs')
    op.drop_table('blob_holders')
