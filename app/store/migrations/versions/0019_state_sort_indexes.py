"""the complaint list: a state's complaints in each sortable order, so a deep block reads an index

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06

A state filter sorted by another column than registration or deadline (已办结 by 投诉人, 80,000 of
100,000 demo complaints) had the state's index and sorted all its rows for every block: 12–200 ms at
100,000 complaints, growing with the depth (the first blocks read along the sort's index instead,
``app.services.queries.scans_in_order``). ``(state, column)`` gives the order of ``ORDER BY column,
num`` within one state (the row number follows the columns in an index), so any block skips along the
index and reads 100 rows: 0.2–2.5 ms at every depth (``bench/bench_ui.py``; docs/figures.md).
Five indexes of about 4 MB each at 100,000 complaints.
"""

from alembic import op


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


INDEXES = {
    "ix_complaints_state_case_no": "state, case_no",
    "ix_complaints_state_complainant": "state, complainant_name",
    "ix_complaints_state_respondent": "state, respondent_name",
    "ix_complaints_state_region": "state, region_code",
    "ix_complaints_state_claim": "state, claim_cents",
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON complaints ({columns})")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
