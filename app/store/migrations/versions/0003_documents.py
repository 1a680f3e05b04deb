"""issued documents index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

``issued_documents``: one row per ``issue_document`` event (文书台账), a projection rebuilt from the
events (app/store/document_index.py, app/services/documents.py). A partial index on ``events`` lets
the catch-up read only the document events after the last one indexed, however long the log is.
"""

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('complaint_id', sa.Text(), nullable=False),
    sa.Column('case_no', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('variant', sa.Text(), nullable=True),
    sa.Column('number', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=False),
    sa.Column('issued_on', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.Text(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('template_version', sa.Integer(), nullable=False),
    sa.Column('search', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_index('ix_issued_documents_issued', 'issued_documents', ['issued_at'])
    op.create_index('ix_issued_documents_kind', 'issued_documents', ['kind', 'issued_at'])
    op.create_index('ix_issued_documents_complaint', 'issued_documents', ['complaint_id', 'issued_at'])
    op.create_index('ix_issued_documents_number', 'issued_documents', ['number'])
    op.execute("CREATE INDEX ix_events_issue_document ON events (seq) WHERE action = 'issue_document'")
    op.execute("DELETE FROM meta WHERE key = 'documents_indexed_seq'")  # the next catch-up indexes them all


def downgrade() -> None:
    op.execute("DROP INDEX ix_events_issue_document")
    op.drop_index('ix_issued_documents_number', table_name='issued_documents')
    op.drop_index('ix_issued_documents_complaint', table_name='issued_documents')
    op.drop_index('ix_issued_documents_kind', table_name='issued_documents')
    op.drop_index('ix_issued_documents_issued', table_name='issued_documents')
    op.drop_table('issued_documents')
