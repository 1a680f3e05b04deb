"""supervision milestones: state spells, stage deadlines, sanction spells, monthly sums

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Projections of each complaint's dated history (``app.domain.milestones``) for the supervision
figures (``app.reports``), keyed by ``complaints.num``, and monthly sums kept by triggers. They start
empty: ``PROJECTION_VERSION`` 3 makes the profile rebuild its projections once when it is opened,
which fills them (and the triggers fill the sums).
"""

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

MONTH_OF_REGISTRATION = "substr(datetime({row}.registered_at, '+8 hours'), 1, 7)"

STATEMENTS = [
    """CREATE TABLE state_spells (
        num INTEGER NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, entered_on TEXT NOT NULL, left_on TEXT,
        region_code TEXT NOT NULL, department TEXT NOT NULL, PRIMARY KEY (num, seq))""",
    "CREATE INDEX ix_state_spells_state ON state_spells (state, left_on, entered_on, region_code, department)",
    """CREATE TABLE stage_deadlines (
        num INTEGER NOT NULL, stage_no INTEGER NOT NULL, segment INTEGER NOT NULL, stage TEXT NOT NULL,
        started_on TEXT NOT NULL, due_on TEXT NOT NULL, set_on TEXT NOT NULL, until_on TEXT, ended_on TEXT,
        outcome TEXT, working_days INTEGER, due_rank INTEGER NOT NULL, region_code TEXT NOT NULL,
        department TEXT NOT NULL, case_no TEXT NOT NULL, respondent_name TEXT NOT NULL,
        PRIMARY KEY (num, stage_no, segment))""",
    """CREATE INDEX ix_stage_deadlines_ended ON stage_deadlines
        (ended_on, stage, outcome, due_on, working_days, region_code)""",
    """CREATE INDEX ix_stage_deadlines_open ON stage_deadlines
        (until_on, set_on, due_on, region_code, department, due_rank)""",
    "CREATE INDEX ix_stage_deadlines_outcome ON stage_deadlines (outcome, ended_on, region_code, respondent_name)",
    "CREATE INDEX ix_stage_deadlines_department ON stage_deadlines (department, ended_on)",
    """CREATE TABLE sanction_spells (
        num INTEGER NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL, recorded_on TEXT NOT NULL,
        start_on TEXT NOT NULL, end_on TEXT, lifted_on TEXT, region_code TEXT NOT NULL, department TEXT NOT NULL,
        PRIMARY KEY (num, seq))""",
    """CREATE TABLE stage_month_counts (
        month TEXT NOT NULL, region_code TEXT NOT NULL, stage TEXT NOT NULL, outcome TEXT NOT NULL,
        on_time INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (month, region_code, stage, outcome, on_time)) WITHOUT ROWID""",
    """CREATE TABLE stage_month_days (
        month TEXT NOT NULL, stage TEXT NOT NULL, outcome TEXT NOT NULL, working_days INTEGER NOT NULL,
        n INTEGER NOT NULL, PRIMARY KEY (month, stage, outcome, working_days)) WITHOUT ROWID""",
    """CREATE TABLE received_month (
        month TEXT NOT NULL, region_code TEXT NOT NULL, channel TEXT NOT NULL, sector TEXT NOT NULL,
        n INTEGER NOT NULL, PRIMARY KEY (month, region_code, channel, sector)) WITHOUT ROWID""",
    """CREATE TRIGGER stage_deadlines_sum_in AFTER INSERT ON stage_deadlines WHEN NEW.ended_on IS NOT NULL BEGIN
        INSERT INTO stage_month_counts (month, region_code, stage, outcome, on_time, n)
        VALUES (substr(NEW.ended_on, 1, 7), NEW.region_code, NEW.stage, NEW.outcome, NEW.ended_on <= NEW.due_on, 1)
        ON CONFLICT (month, region_code, stage, outcome, on_time) DO UPDATE SET n = n + 1;
        INSERT INTO stage_month_days (month, stage, outcome, working_days, n)
        VALUES (substr(NEW.ended_on, 1, 7), NEW.stage, NEW.outcome, NEW.working_days, 1)
        ON CONFLICT (month, stage, outcome, working_days) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER stage_deadlines_sum_out AFTER DELETE ON stage_deadlines WHEN OLD.ended_on IS NOT NULL BEGIN
        UPDATE stage_month_counts SET n = n - 1 WHERE month = substr(OLD.ended_on, 1, 7)
            AND region_code = OLD.region_code AND stage = OLD.stage AND outcome = OLD.outcome
            AND on_time = (OLD.ended_on <= OLD.due_on);
        UPDATE stage_month_days SET n = n - 1 WHERE month = substr(OLD.ended_on, 1, 7) AND stage = OLD.stage
            AND outcome = OLD.outcome AND working_days = OLD.working_days;
    END""",
    f"""CREATE TRIGGER complaints_received_in AFTER INSERT ON complaints BEGIN
        INSERT INTO received_month (month, region_code, channel, sector, n)
        VALUES ({MONTH_OF_REGISTRATION.format(row='NEW')}, NEW.region_code, NEW.channel, NEW.sector, 1)
        ON CONFLICT (month, region_code, channel, sector) DO UPDATE SET n = n + 1;
    END""",
    f"""CREATE TRIGGER complaints_received_out AFTER DELETE ON complaints BEGIN
        UPDATE received_month SET n = n - 1 WHERE month = {MONTH_OF_REGISTRATION.format(row='OLD')}
            AND region_code = OLD.region_code AND channel = OLD.channel AND sector = OLD.sector;
    END""",
    f"""CREATE TRIGGER complaints_received_moved AFTER UPDATE ON complaints
        WHEN OLD.region_code IS NOT NEW.region_code OR OLD.channel IS NOT NEW.channel
            OR OLD.sector IS NOT NEW.sector OR OLD.registered_at IS NOT NEW.registered_at BEGIN
        UPDATE received_month SET n = n - 1 WHERE month = {MONTH_OF_REGISTRATION.format(row='OLD')}
            AND region_code = OLD.region_code AND channel = OLD.channel AND sector = OLD.sector;
        INSERT INTO received_month (month, region_code, channel, sector, n)
        VALUES ({MONTH_OF_REGISTRATION.format(row='NEW')}, NEW.region_code, NEW.channel, NEW.sector, 1)
        ON CONFLICT (month, region_code, channel, sector) DO UPDATE SET n = n + 1;
    END""",
    """CREATE INDEX ix_complaints_respondent_region ON complaints
        (respondent_name, region_code, registered_at, department)""",
    "CREATE INDEX ix_complaints_department ON complaints (department, registered_at)",
    # complaints already on file (the rebuild on open recreates them, and the trigger counts them then)
    f"""INSERT INTO received_month (month, region_code, channel, sector, n)
        SELECT {MONTH_OF_REGISTRATION.format(row='complaints')}, region_code, channel, sector, COUNT(*)
        FROM complaints GROUP BY 1, 2, 3, 4""",
]

DROPS = [
    "DROP INDEX ix_complaints_department", "DROP INDEX ix_complaints_respondent_region",
    "DROP TRIGGER complaints_received_moved", "DROP TRIGGER complaints_received_out",
    "DROP TRIGGER complaints_received_in", "DROP TRIGGER stage_deadlines_sum_out",
    "DROP TRIGGER stage_deadlines_sum_in", "DROP TABLE received_month", "DROP TABLE stage_month_days",
    "DROP TABLE stage_month_counts", "DROP TABLE sanction_spells", "DROP TABLE stage_deadlines",
    "DROP TABLE state_spells",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROPS:
        op.execute(statement)
