"""unused indexes: three that no query plan chooses are dropped

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07

Every statement the app ran in the benches on a 20,000-complaint demo profile (``bench/bench_ui.py``,
``bench/bench_core.py``) and in the tests of the lists, reports, registers, audit trail, duplicates,
credit checks and typical cases was recorded and explained on that profile (``bench/bench_index_use.py``,
887 statement shapes). Dropped:

- ``ix_breach_records_confirmed (confirmed_on, region_code)``: never chosen; ``ix_breach_records_list``
  begins with ``confirmed_on`` and carries ``region_code`` too;
- ``ix_breach_records_region (region_code, confirmed_on)``: the left part of ``ix_breach_records_typical``
  (``region_code, confirmed_on, …``), which serves the same seeks (the plans now name it instead);
- ``ix_events_mark_typical (seq, stream) WHERE action = 'mark_typical'``: never chosen since 0016, the
  plans read ``ix_events_action_time`` and sort the few decisions.

Every other index is chosen by some plan, or serves an order a plan needs (a one-column index sorts
by that column then row number, the order of the list's sorts) or a lookup the recorded runs did not
make (imports by ticket number, registration's duplicate check, sorts by 更新时间 and 变更日期); they
stay. The downgrade creates the three again. Milliseconds even at 100,000 complaints (no VACUUM: the
freed pages are reused by later writes).
"""

from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


INDEXES = {
    "ix_breach_records_confirmed": "CREATE INDEX ix_breach_records_confirmed ON breach_records (confirmed_on, region_code)",
    "ix_breach_records_region": "CREATE INDEX ix_breach_records_region ON breach_records (region_code, confirmed_on)",
    "ix_events_mark_typical":
        "CREATE INDEX ix_events_mark_typical ON events (seq, stream) WHERE action = 'mark_typical'",
}


def upgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    for statement in INDEXES.values():
        op.execute(statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
