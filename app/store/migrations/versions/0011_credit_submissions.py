"""submissions to the province 上报省平台: credit_submissions and their items

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-05

Local records (not projections): kept across an integrity repair (``app.sync.integrity.CARRIED``).
"""

from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


STATEMENTS = [
    """CREATE TABLE credit_submissions (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL UNIQUE, office_code TEXT NOT NULL,
        year INTEGER NOT NULL, seq INTEGER NOT NULL, period TEXT NOT NULL, status TEXT NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL, field_table TEXT NOT NULL, checksum TEXT NOT NULL,
        new_count INTEGER NOT NULL, changed_count INTEGER NOT NULL, repaired_count INTEGER NOT NULL,
        exported_at TEXT, exported_to TEXT, sent_on TEXT, sent_by TEXT, sent_recorded_at TEXT)""",
    "CREATE UNIQUE INDEX ux_credit_submissions_seq ON credit_submissions (office_code, year, seq)",
    """CREATE TABLE credit_submission_items (
        submission_id INTEGER NOT NULL, position INTEGER NOT NULL, complaint_id TEXT NOT NULL,
        case_no TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL, record_status TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (submission_id, position))""",
    "CREATE INDEX ix_credit_submission_items_complaint ON credit_submission_items (complaint_id, submission_id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE credit_submission_items")
    op.execute("DROP TABLE credit_submissions")
