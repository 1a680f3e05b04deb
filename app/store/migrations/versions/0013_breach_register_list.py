"""the breach register's list: indexes that page it in order and count it without reading its rows

Revision ID: 0013
Revises: 0007
Create Date: 2026-12-05

``app.services.credit_register.register_page`` walks one of these in the order of the list and stops
after a page (no sort of the whole selection); the counts and the names offered to the pinyin search
are read from the indexes alone.
"""

from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


STATEMENTS = [
    # the list in confirmation order, with what the filters test (no row read for a row left out)
    "CREATE INDEX ix_breach_records_list ON breach_records "
    "(confirmed_on, case_no, region_code, status, department, sanction_count)",
    "CREATE INDEX ix_breach_records_amount ON breach_records (claim_cents, case_no, region_code, status)",
    # the counts of a selection and the names of the bodies in scope
    "CREATE INDEX ix_breach_records_scope ON breach_records "
    "(region_code, status, department, confirmed_on, sanction_count)",
    "CREATE INDEX ix_breach_records_names ON breach_records (respondent_name, case_no, region_code)",
]
NAMES = ("ix_breach_records_list", "ix_breach_records_amount", "ix_breach_records_scope", "ix_breach_records_names")


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name in NAMES:
        op.execute(f"DROP INDEX {name}")
