"""list stamp: a counter that every change to ``complaints`` moves, for kept list orders

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07

A filtered list sorted by a column no index serves in that filter (行业 by 投诉人, 县 by 金额 …) sorts
every match for each block it reads deep. ``app.services.list_orders`` keeps such an order (the row
numbers in list order) between blocks; ``list_stamp.n`` tells it whether the complaints changed since:
three triggers add one on every insert, update and delete of a ``complaints`` row, whichever connection
or process writes it, in the writer's own transaction (a reader sees the stamp of its snapshot).

Every statement tolerates a profile that already has the table (one whose version row was set back by
hand or by a test that replays an older migration on a current schema).
"""

from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

TRIGGERS = {
    "list_stamp_insert": "AFTER INSERT ON complaints",
    "list_stamp_update": "AFTER UPDATE ON complaints",
    "list_stamp_delete": "AFTER DELETE ON complaints",
}


def upgrade() -> None:
    op.execute("CREATE TABLE IF NOT EXISTS list_stamp (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL)")
    op.execute("INSERT OR IGNORE INTO list_stamp (id, n) VALUES (1, 0)")
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {when} BEGIN UPDATE list_stamp SET n = n + 1 WHERE id = 1; END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS list_stamp")
