"""the breach register 政务失信记录台账: one row per complaint with a confirmed breach

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

A projection like the milestones (``app.domain.breach_register``), written with them. It starts empty:
``PROJECTION_VERSION`` 4 makes the profile rebuild its projections once when it is opened, which
fills it.
"""

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


STATEMENTS = [
    """CREATE TABLE breach_records (
        num INTEGER NOT NULL PRIMARY KEY, case_no TEXT NOT NULL, complaint_id TEXT NOT NULL,
        region_code TEXT NOT NULL, office_code TEXT NOT NULL, department TEXT NOT NULL,
        respondent_name TEXT NOT NULL, respondent_code TEXT, respondent_kind TEXT, complainant_name TEXT NOT NULL,
        agreement_title TEXT NOT NULL, claim_cents INTEGER, ground TEXT NOT NULL, ground_detail TEXT,
        confirmed_by TEXT NOT NULL, confirmed_on TEXT NOT NULL, recorded_on TEXT NOT NULL, facts TEXT NOT NULL,
        document_ref TEXT, status TEXT NOT NULL, repaired_on TEXT, repair_recorded_on TEXT, repair_evidence TEXT,
        repair_document TEXT, sanctions TEXT NOT NULL, accountability TEXT NOT NULL,
        sanction_count INTEGER NOT NULL, changed_on TEXT NOT NULL, digest TEXT NOT NULL)""",
    "CREATE INDEX ix_breach_records_confirmed ON breach_records (confirmed_on, region_code)",
    "CREATE INDEX ix_breach_records_respondent ON breach_records (respondent_name, status)",
    "CREATE INDEX ix_breach_records_code ON breach_records (respondent_code)",
    "CREATE INDEX ix_breach_records_region ON breach_records (region_code, confirmed_on)",
    "CREATE INDEX ix_breach_records_changed ON breach_records (changed_on)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE breach_records")
