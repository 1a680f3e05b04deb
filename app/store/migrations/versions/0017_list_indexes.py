"""the complaint list: indexes for its sorts and the filters of its bar, so a block reads ~100 rows

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06

The list orders by (column, num) and reads one block of 100 rows plus a count (measured at 100,000
complaints, ``bench/bench_ui.py``):

- sorting by state had only ``(state, registered_at)``: SQLite sorted every complaint again by row
  number (8 ms; other columns 0.25 ms) — ``(state)`` carries the row number after the state;
- a state sorted by deadline (已转办 by 期限, and 已办结 whose 80,000 rows share "no deadline", 60 ms)
  sorted the state's rows; ``(state, due_sort, num, due_on)`` gives that order and counts the
  state's overdue complaints from the index alone;
- a sector, channel, 典型 or 待核实 filter counted by reading every row (20–25 ms) and, for channels,
  sorted the matches: ``(column, registered_at)`` counts them and gives the default order;
- 只看超期 sorted 11,000 full rows by registration (20 ms; 22 ms for the workbench's open overdue):
  ``(due_on, registered_at, state)`` lets the list pick the block's row numbers from the index
  (``app.services.queries.list_query``), then read 100 rows (4 ms), and counts them (1 ms).
"""

from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


INDEXES = {
    "ix_complaints_state": "state",
    "ix_complaints_state_due": "state, due_sort, num, due_on",
    "ix_complaints_sector": "sector, registered_at",
    "ix_complaints_channel": "channel, registered_at",
    "ix_complaints_typical": "typical, registered_at",
    "ix_complaints_conflict": "conflict, registered_at",
    "ix_complaints_due_registered": "due_on, registered_at, state",
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON complaints ({columns})")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
