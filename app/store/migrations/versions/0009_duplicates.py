"""duplicates 重复投诉: the parties' keys and merged_into on complaints, text marks, dismissed pairs

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-05

``complaints`` gains ``complainant_key``, ``respondent_key`` (normalised, ``app.domain.duplicates``)
and ``merged_into`` (the complaint a merged one was merged into); ``duplicate_marks`` holds a few
MinHash marks per complaint's text (``app.domain.similarity``), 8 rows of two integers per complaint
(about 15 MB at 100,000). Both are projections: they start empty and ``PROJECTION_VERSION`` 5 makes
the profile rebuild its projections once when it is opened, which fills them.
``duplicate_dismissals`` is local (pairs a handler said are not duplicates), carried over rebuilds.
"""

from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


STATEMENTS = [
    "ALTER TABLE complaints ADD COLUMN complainant_key TEXT",
    "ALTER TABLE complaints ADD COLUMN respondent_key TEXT",
    "ALTER TABLE complaints ADD COLUMN merged_into TEXT",
    "CREATE INDEX ix_complaints_parties ON complaints (respondent_key, complainant_key, received_on)",
    """CREATE TABLE duplicate_marks (
        mark INTEGER NOT NULL, num INTEGER NOT NULL, PRIMARY KEY (mark, num)) WITHOUT ROWID""",
    "CREATE INDEX ix_duplicate_marks_num ON duplicate_marks (num)",
    """CREATE TABLE duplicate_dismissals (
        first_id TEXT NOT NULL, second_id TEXT NOT NULL, dismissed_by TEXT NOT NULL,
        dismissed_at TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (first_id, second_id))""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE duplicate_dismissals")
    op.execute("DROP TABLE duplicate_marks")
    op.execute("DROP INDEX ix_complaints_parties")
    for column in ("merged_into", "respondent_key", "complainant_key"):
        op.execute(f"ALTER TABLE complaints DROP COLUMN {column}")
