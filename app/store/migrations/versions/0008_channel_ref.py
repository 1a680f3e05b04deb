"""complaints.channel_ref: the source channel's own ticket number (12345 工单编号…), indexed with the channel

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Imports (``app.services.imports``) refuse a ticket already registered from the same channel; the index
``(channel, channel_ref)`` answers that per row. Existing rows are filled from the stored aggregate (the
fold of their events, amendments included); ``PROJECTION_VERSION`` 5 rebuilds the projection anyway.
"""

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE complaints ADD COLUMN channel_ref TEXT")
    op.execute("""UPDATE complaints SET channel_ref = (
        SELECT NULLIF(TRIM(json_extract(d.data, '$.intake.channel_ref')), '')
        FROM complaint_data d WHERE d.num = complaints.num)""")
    op.execute("CREATE INDEX ix_complaints_channel_ref ON complaints (channel, channel_ref)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_complaints_channel_ref")
    op.execute("ALTER TABLE complaints DROP COLUMN channel_ref")
