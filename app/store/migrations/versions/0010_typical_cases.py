"""typical cases 典型案例: indexes for the proposals

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-05

The proposals (``app.services.typical_cases.propose``) read every decision on a typical case (a partial
index over the few ``mark_typical`` events instead of walking each breach's stream), count each body's
complaints, channels and complainants within the window (a covering index instead of the rows), and
list the confirmed breaches without reading their wide rows (facts, sanctions).
"""

from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


STATEMENTS = [
    "CREATE INDEX ix_events_mark_typical ON events (seq, stream) WHERE action = 'mark_typical'",
    "CREATE INDEX ix_complaints_respondent_channels ON complaints "
    "(respondent_name, registered_at, region_code, channel, complainant_code)",
    "CREATE INDEX ix_breach_records_typical ON breach_records "
    "(region_code, confirmed_on, respondent_name, ground, claim_cents, case_no, complaint_id, complainant_name)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name in ("ix_events_mark_typical", "ix_complaints_respondent_channels", "ix_breach_records_typical"):
        op.execute(f"DROP INDEX {name}")
