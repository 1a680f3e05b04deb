"""credit checks 信用核查: one row per result issued (local, carried over a rebuild)

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-05

Not a projection: the rows are the only record of the checks (``app.services.credit_check``), so a
rebuild from the hub copies them over (``app.sync.integrity.CARRIED``).
"""

from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


STATEMENTS = [
    """CREATE TABLE credit_checks (
        num INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, number TEXT NOT NULL UNIQUE, checked_on TEXT NOT NULL,
        checked_at TEXT NOT NULL, actor TEXT NOT NULL, actor_name TEXT NOT NULL, query TEXT NOT NULL,
        body_name TEXT NOT NULL, body_code TEXT, requester TEXT, verdict TEXT NOT NULL, case_nos TEXT NOT NULL,
        record_nums TEXT NOT NULL, scope_code TEXT NOT NULL, snapshot TEXT NOT NULL, sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL)""",
    "CREATE INDEX ix_credit_checks_checked ON credit_checks (checked_on)",
    "CREATE INDEX ix_credit_checks_body ON credit_checks (body_name)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE credit_checks")
