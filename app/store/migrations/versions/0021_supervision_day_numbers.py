"""supervision tables: dates as day numbers, state spells WITHOUT ROWID, then VACUUM

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

``state_spells`` and ``stage_deadlines`` kept their dates as ISO text (10 bytes each,
five dates a deadline row, most of them in four indexes too) in rowid tables. They now hold day numbers (days since
1970-01-01, ``app.common.days``: two bytes), and ``state_spells`` is WITHOUT ROWID, keyed by its primary
key alone (its index then holds the complaint's ``num``: a drill reads no row). ``stage_deadlines``
keeps its rowid: the overdue list reads its rows through ``ix_stage_deadlines_open``, and by the
three-column key that took twice as long, for 0.6 MB less. 45.7 -> 35.1 MB at 20,000 demo complaints
(``docs/figures.md``). Day numbers order and compare like the text did, so the
indexes are the same columns; the triggers that keep the monthly sums take the month of a day number
(``strftime('%Y-%m', d * 86400, 'unixepoch')``). The sums themselves (text months) do not change.

Each table is copied into its new form (rows converted in SQL), the old one dropped with its triggers,
the new one renamed and its indexes (as they were on file) and triggers created again. The downgrade
converts back to ISO text in rowid tables.
"""

from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

VACUUM_AFTER = True

TO_DAY = "CAST(julianday({}) - 2440587.5 AS INTEGER)"
TO_TEXT = "date({} * 86400, 'unixepoch')"

SPELLS = """CREATE TABLE {name} (
    num INTEGER NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, entered_on {date} NOT NULL, left_on {date},
    region_code TEXT NOT NULL, department TEXT NOT NULL, PRIMARY KEY (num, seq)){rowid}"""
DEADLINES = """CREATE TABLE {name} (
    num INTEGER NOT NULL, stage_no INTEGER NOT NULL, segment INTEGER NOT NULL, stage TEXT NOT NULL,
    started_on {date} NOT NULL, due_on {date} NOT NULL, set_on {date} NOT NULL, until_on {date}, ended_on {date},
    outcome TEXT, working_days INTEGER, due_rank INTEGER NOT NULL, region_code TEXT NOT NULL,
    department TEXT NOT NULL, case_no TEXT NOT NULL, respondent_name TEXT NOT NULL,
    PRIMARY KEY (num, stage_no, segment)){rowid}"""
WITHOUT_ROWID = {"state_spells"}
COLUMNS = {
    "state_spells": (SPELLS, ["num", "seq", "state", "entered_on", "left_on", "region_code", "department"],
                     {"entered_on", "left_on"}),
    "stage_deadlines": (DEADLINES, ["num", "stage_no", "segment", "stage", "started_on", "due_on", "set_on",
                                    "until_on", "ended_on", "outcome", "working_days", "due_rank", "region_code",
                                    "department", "case_no", "respondent_name"],
                        {"started_on", "due_on", "set_on", "until_on", "ended_on"}),
}

# The monthly sums' triggers (0005, 0006), with the month of the stored end date (``{new_month}``, ``{old_month}``).
TRIGGERS = [
    """CREATE TRIGGER stage_deadlines_sum_in AFTER INSERT ON stage_deadlines WHEN NEW.ended_on IS NOT NULL BEGIN
        INSERT INTO stage_month_counts (month, region_code, stage, outcome, on_time, n)
        VALUES ({new_month}, NEW.region_code, NEW.stage, NEW.outcome, NEW.ended_on <= NEW.due_on, 1)
        ON CONFLICT (month, region_code, stage, outcome, on_time) DO UPDATE SET n = n + 1;
        INSERT INTO stage_month_days (month, stage, outcome, working_days, n)
        VALUES ({new_month}, NEW.stage, NEW.outcome, NEW.working_days, 1)
        ON CONFLICT (month, stage, outcome, working_days) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER stage_deadlines_sum_out AFTER DELETE ON stage_deadlines WHEN OLD.ended_on IS NOT NULL BEGIN
        UPDATE stage_month_counts SET n = n - 1 WHERE month = {old_month}
            AND region_code = OLD.region_code AND stage = OLD.stage AND outcome = OLD.outcome
            AND on_time = (OLD.ended_on <= OLD.due_on);
        UPDATE stage_month_days SET n = n - 1 WHERE month = {old_month} AND stage = OLD.stage
            AND outcome = OLD.outcome AND working_days = OLD.working_days;
    END""",
    """CREATE TRIGGER stage_deadlines_unit_sum_in AFTER INSERT ON stage_deadlines WHEN NEW.ended_on IS NOT NULL
    BEGIN
        INSERT INTO stage_month_unit_counts (month, region_code, department, stage, outcome, on_time, n)
        VALUES ({new_month}, NEW.region_code, NEW.department, NEW.stage, NEW.outcome,
                NEW.ended_on <= NEW.due_on, 1)
        ON CONFLICT (month, region_code, department, stage, outcome, on_time) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER stage_deadlines_unit_sum_out AFTER DELETE ON stage_deadlines WHEN OLD.ended_on IS NOT NULL
    BEGIN
        UPDATE stage_month_unit_counts SET n = n - 1 WHERE month = {old_month}
            AND region_code = OLD.region_code AND department = OLD.department AND stage = OLD.stage
            AND outcome = OLD.outcome AND on_time = (OLD.ended_on <= OLD.due_on);
    END""",
]
DAY_MONTH = "strftime('%Y-%m', {}.ended_on * 86400, 'unixepoch')"
TEXT_MONTH = "substr({}.ended_on, 1, 7)"


def _convert(table: str, *, days: bool) -> None:
    create, columns, dates = COLUMNS[table]
    bind = op.get_bind()
    indexes = [sql for (sql,) in bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
        (table,))]
    convert = TO_DAY if days else TO_TEXT
    op.execute(create.format(name=f"{table}_new", date="INTEGER" if days else "TEXT",
                             rowid=" WITHOUT ROWID" if days and table in WITHOUT_ROWID else ""))
    selected = ", ".join(convert.format(c) if c in dates else c for c in columns)
    op.execute(f"INSERT INTO {table}_new ({', '.join(columns)}) SELECT {selected} FROM {table}")
    op.execute(f"DROP TABLE {table}")  # its indexes and triggers with it
    op.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for sql in indexes:
        op.execute(sql)


def _triggers(month: str) -> None:
    for sql in TRIGGERS:
        op.execute(sql.format(new_month=month.format("NEW"), old_month=month.format("OLD")))


def upgrade() -> None:
    for table in COLUMNS:
        _convert(table, days=True)
    _triggers(DAY_MONTH)


def downgrade() -> None:
    for table in COLUMNS:
        _convert(table, days=False)
    _triggers(TEXT_MONTH)
