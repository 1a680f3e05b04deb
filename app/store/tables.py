"""Tables of the local profile database (Core, not ORM: rows map to domain dataclasses by hand).

``events`` is the append-only source of truth; ``complaints``, ``complaint_data`` and
``complaint_search`` are projections rebuilt from it. The full-text table is created by the migrations (SQLAlchemy has no FTS5 DDL).
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, PrimaryKeyConstraint, Table, Text

from app.contract.event_record import event_columns

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # local arrival order
    *event_columns(hub=False),  # the shared record (app.contract.event_record)
    Index("ix_events_stream_seq", "stream", "seq"),
    Index("ux_events_device_seq", "device_id", "device_seq", unique=True),
    # the audit trail newest first, by period, category or complaint, action, actor or device (migration 0016)
    Index("ix_events_time", "device_time"),
    Index("ix_events_stream_time", "stream", "device_time"),
    Index("ix_events_action_time", "action", "device_time"),
    Index("ix_events_actor_time", "actor", "device_time"),
    Index("ix_events_device_time", "device_id", "device_time"),
)

# After each applied pull page: the last local row and the cursor reached (the horizon of unsent events).
pull_marks = Table(
    "sync_pull_marks",
    metadata,
    Column("marker", Integer, primary_key=True),
    Column("cursor", Integer, nullable=False),
)

# Events that do not count: set aside by the fold (malformed), quarantined by the hub administrator
# for the whole fleet, or left over by an integrity repair. Folds skip them; the 同步 page lists them.
quarantine = Table(
    "sync_quarantine",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("event", Text, nullable=False),  # the event as canonical JSON
    Column("reason", Text, nullable=False),  # stable code
    Column("quarantined_at", Text, nullable=False),
    Column("origin", Text, nullable=False, default="repair"),  # fold | hub | repair
    Column("params", Text, nullable=False, default="{}"),
    Column("stream", Text),
)

complaints = Table(
    "complaints",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),  # rowid shared with the search index
    Column("id", Text, nullable=False, unique=True),
    Column("case_no", Text, nullable=False, unique=True),
    Column("office_code", Text, nullable=False),
    Column("region_code", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("conflict", Integer, nullable=False, default=0),
    Column("complainant_name", Text, nullable=False),
    Column("complainant_code", Text, nullable=False),
    Column("respondent_name", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("sector", Text, nullable=False),
    Column("breach_kind", Text, nullable=False),
    Column("agreement_title", Text, nullable=False),
    Column("claim_cents", Integer),
    Column("registered_at", Text, nullable=False),
    Column("received_on", Text, nullable=False),
    Column("assignee", Text),
    Column("due_on", Text),
    Column("due_sort", Text, nullable=False),  # due_on, or "9999-12-31" when none: sortable on an index
    Column("due_kind", Text),
    Column("typical", Integer, nullable=False, default=0),
    Column("head", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("channel_ref", Text),  # the source channel's own ticket number (工单编号; migration 0008)
    # duplicates 重复投诉 (migration 0009, ``app.domain.duplicates``): the parties' keys, and the complaint
    # this one was merged into (合并), if any
    Column("complainant_key", Text),
    Column("respondent_key", Text),
    Column("merged_into", Text),
    Index("ix_complaints_registered", "registered_at"),
    Index("ix_complaints_state_registered", "state", "registered_at"),
    # the list's sorts and filters (migration 0017)
    Index("ix_complaints_state", "state"),
    Index("ix_complaints_state_due", "state", "due_sort", "num", "due_on"),
    Index("ix_complaints_sector", "sector", "registered_at"),
    Index("ix_complaints_channel", "channel", "registered_at"),
    Index("ix_complaints_typical", "typical", "registered_at"),
    Index("ix_complaints_conflict", "conflict", "registered_at"),
    Index("ix_complaints_due_registered", "due_on", "registered_at", "state"),
    # one state in each sortable order: deep blocks of a state filter (migration 0019)
    Index("ix_complaints_state_case_no", "state", "case_no"),
    Index("ix_complaints_state_complainant", "state", "complainant_name"),
    Index("ix_complaints_state_respondent", "state", "respondent_name"),
    Index("ix_complaints_state_region", "state", "region_code"),
    Index("ix_complaints_state_claim", "state", "claim_cents"),
    Index("ix_complaints_region", "region_code", "registered_at"),
    Index("ix_complaints_region_due", "region_code", "due_on"),
    Index("ix_complaints_due", "due_on"),
    Index("ix_complaints_due_sort", "due_sort"),
    Index("ix_complaints_region_only", "region_code"),
    Index("ix_complaints_updated", "updated_at"),
    Index("ix_complaints_assignee", "assignee", "due_on"),
    Index("ix_complaints_complainant", "complainant_name"),
    Index("ix_complaints_respondent", "respondent_name"),
    Index("ix_complaints_claim", "claim_cents"),
    Index("ix_complaints_complainant_code", "complainant_code"),
    Index("ix_complaints_respondent_region", "respondent_name", "region_code", "registered_at", "department"),
    Index("ix_complaints_department", "department", "registered_at"),
    Index("ix_complaints_channel_ref", "channel", "channel_ref"),
    Index("ix_complaints_parties", "respondent_key", "complainant_key", "received_on"),
    # each body's complaints, channels and complainants in a window (typical cases, migration 0010)
    Index("ix_complaints_respondent_channels", "respondent_name", "registered_at", "region_code", "channel",
          "complainant_code"),
)

# The aggregate as canonical JSON, kept apart so list scans read narrow rows (a few hundred bytes,
# not kilobytes): one complaint opens with one primary-key read here. Stored packed (zlib with a preset
# dictionary, ``app.common.packing``; migration 0018): read it with ``open_json``, not ``json_extract``.
complaint_data = Table(
    "complaint_data",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=False),  # = complaints.num
    Column("data", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Text, primary_key=True),
    Column("username", Text, nullable=False, unique=True),  # stored lower-case
    Column("display_name", Text, nullable=False),
    Column("roles", Text, nullable=False),  # comma-separated Role values
    Column("region_code", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Integer, nullable=False, default=1),
    Column("failed_count", Integer, nullable=False, default=0),
    Column("locked_until", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("password_changed_at", Text),
    Column("must_change_password", Integer, nullable=False, default=0),  # a temporary password (migration 0015)
)

number_blocks = Table(
    "number_blocks",
    metadata,
    Column("series", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer),  # NULL: the profile owns the rest of the series (standalone)
    Column("next", Integer, nullable=False),
    PrimaryKeyConstraint("series", "year", "start"),
)

# Supervision milestones 办理节点 (``app.domain.milestones``), projections like ``complaints`` and keyed
# by its ``num``: rewritten with the complaint's row, rebuilt with it. Reports are SQL over these. Each
# row carries the complaint's region and department (and names) so a report needs no join.
# The dates of the first two are day numbers (days since 1970-01-01, ``app.common.days``), and state_spells
# is WITHOUT ROWID (migration 0021). stage_deadlines keeps its rowid: the overdue list reads its rows through
# an index, and finding them by the three-column key took twice as long for 0.6 MB at 20,000 complaints.
state_spells = Table(
    "state_spells",
    metadata,
    Column("num", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("state", Text, nullable=False),
    Column("entered_on", Integer, nullable=False),  # recorded date of the event that entered the state
    Column("left_on", Integer),  # recorded date of the event that left it; NULL: still in it
    Column("region_code", Text, nullable=False),
    Column("department", Text, nullable=False),
    PrimaryKeyConstraint("num", "seq"),
    Index("ix_state_spells_state", "state", "left_on", "entered_on", "region_code", "department"),
    sqlite_with_rowid=False,
)

stage_deadlines = Table(
    "stage_deadlines",
    metadata,
    Column("num", Integer, nullable=False),
    Column("stage_no", Integer, nullable=False),
    Column("segment", Integer, nullable=False),  # 0, then one more per extension
    Column("stage", Text, nullable=False),  # forward | conclude | rectify | feedback
    Column("started_on", Integer, nullable=False),
    Column("due_on", Integer, nullable=False),
    Column("set_on", Integer, nullable=False),  # the due date is in force from this (recorded) day …
    Column("until_on", Integer),  # … until this day (extension or end); NULL: still in force
    Column("ended_on", Integer),  # last segment of a finished stage: the day it ended
    Column("outcome", Text),  # how it ended ("extended" on a segment an extension replaced)
    Column("working_days", Integer),  # working days from start to end (finished stages)
    Column("due_rank", Integer, nullable=False),  # WorkCalendar.working_day_number(due_on)
    Column("region_code", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("case_no", Text, nullable=False),
    Column("respondent_name", Text, nullable=False),
    PrimaryKeyConstraint("num", "stage_no", "segment"),
    Index("ix_stage_deadlines_ended", "ended_on", "stage", "outcome", "due_on", "working_days", "region_code"),
    Index("ix_stage_deadlines_open", "until_on", "set_on", "due_on", "region_code", "department", "due_rank"),
    Index("ix_stage_deadlines_outcome", "outcome", "ended_on", "region_code", "respondent_name", "department"),
    Index("ix_stage_deadlines_department", "department", "ended_on", "stage", "outcome", "due_on", "working_days",
          "region_code"),
)

sanction_spells = Table(
    "sanction_spells",
    metadata,
    Column("num", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("recorded_on", Text, nullable=False),
    Column("start_on", Text, nullable=False),
    Column("end_on", Text),  # last day of the measure's period; NULL: no end date
    Column("lifted_on", Text),  # lifted by a credit repair from this day
    Column("region_code", Text, nullable=False),
    Column("department", Text, nullable=False),
    PrimaryKeyConstraint("num", "seq"),
)

# The breach register 政务失信记录台账 (``app.domain.breach_register``): one row per complaint with a
# confirmed breach, written with the milestones (migration 0007). ``sanctions`` and ``accountability``
# are JSON lists; ``digest`` changes with anything a submission to the province carries.
breach_records = Table(
    "breach_records",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=False),  # = complaints.num
    Column("case_no", Text, nullable=False),
    Column("complaint_id", Text, nullable=False),
    Column("region_code", Text, nullable=False),
    Column("office_code", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("respondent_name", Text, nullable=False),
    Column("respondent_code", Text),
    Column("respondent_kind", Text),
    Column("complainant_name", Text, nullable=False),
    Column("agreement_title", Text, nullable=False),
    Column("claim_cents", Integer),
    Column("ground", Text, nullable=False),
    Column("ground_detail", Text),
    Column("confirmed_by", Text, nullable=False),
    Column("confirmed_on", Text, nullable=False),
    Column("recorded_on", Text, nullable=False),
    Column("facts", Text, nullable=False),
    Column("document_ref", Text),
    Column("status", Text, nullable=False),  # in_force | repaired
    Column("repaired_on", Text),
    Column("repair_recorded_on", Text),
    Column("repair_evidence", Text),
    Column("repair_document", Text),
    Column("sanctions", Text, nullable=False),
    Column("accountability", Text, nullable=False),
    Column("sanction_count", Integer, nullable=False),
    Column("changed_on", Text, nullable=False),
    Column("digest", Text, nullable=False),
    Index("ix_breach_records_respondent", "respondent_name", "status"),
    Index("ix_breach_records_code", "respondent_code"),
    Index("ix_breach_records_changed", "changed_on"),
    Index("ix_breach_records_typical", "region_code", "confirmed_on", "respondent_name", "ground", "claim_cents",
          "case_no", "complaint_id", "complainant_name"),  # typical-case proposals (migration 0010)
    # the list's order and filters, counts and pinyin names from the index alone (migration 0013)
    Index("ix_breach_records_list", "confirmed_on", "case_no", "region_code", "status", "department",
          "sanction_count"),
    Index("ix_breach_records_amount", "claim_cents", "case_no", "region_code", "status"),
    Index("ix_breach_records_scope", "region_code", "status", "department", "confirmed_on", "sanction_count"),
    Index("ix_breach_records_names", "respondent_name", "case_no", "region_code"),
)

# Monthly sums kept by SQLite triggers on ``stage_deadlines`` and ``complaints`` (migration 0005), so a
# year's report adds up a few thousand rows instead of scanning a few hundred thousand; days of a
# period outside whole months are read from the detail rows.
stage_month_counts = Table(
    "stage_month_counts",
    metadata,
    Column("month", Text, nullable=False),  # YYYY-MM of ended_on
    Column("region_code", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("on_time", Integer, nullable=False),  # ended_on <= due_on
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("month", "region_code", "stage", "outcome", "on_time"),
)

stage_month_unit_counts = Table(  # the same per county and department, for the assessment figures (0006)
    "stage_month_unit_counts",
    metadata,
    Column("month", Text, nullable=False),
    Column("region_code", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("on_time", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("month", "region_code", "department", "stage", "outcome", "on_time"),
)

stage_month_days = Table(
    "stage_month_days",
    metadata,
    Column("month", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("working_days", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("month", "stage", "outcome", "working_days"),
)

received_month = Table(
    "received_month",
    metadata,
    Column("month", Text, nullable=False),  # YYYY-MM of the registration (China time)
    Column("region_code", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("sector", Text, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("month", "region_code", "channel", "sector"),
)


# Duplicates 重复投诉 (migration 0009). ``duplicate_marks``: the MinHash band marks of each complaint's
# text (``app.domain.similarity``), a projection written with the search row; a few marks per complaint.
duplicate_marks = Table(
    "duplicate_marks",
    metadata,
    Column("mark", Integer, nullable=False),
    Column("num", Integer, nullable=False),  # = complaints.num
    PrimaryKeyConstraint("mark", "num"),
    Index("ix_duplicate_marks_num", "num"),
    sqlite_with_rowid=False,
)

# Pairs a handler said are not duplicates 不是重复: local decisions, not events, so carried over a
# rebuild (``app.sync.integrity.CARRIED``). ``first_id`` < ``second_id`` (``duplicates.pair``).
duplicate_dismissals = Table(
    "duplicate_dismissals",
    metadata,
    Column("first_id", Text, nullable=False),
    Column("second_id", Text, nullable=False),
    Column("dismissed_by", Text, nullable=False),
    Column("dismissed_at", Text, nullable=False),
    Column("reason", Text, nullable=False),
    PrimaryKeyConstraint("first_id", "second_id"),
)

# Submissions to the province 上报省平台 (``app.domain.submissions``, migration 0011): local records of
# what left the office, kept across an integrity repair (``app.sync.integrity.CARRIED``); not projections.
# Items name the record by ``complaint_id`` (stable across rebuilds, unlike ``num``) and keep the row
# exactly as exported (``data``: JSON list in the order of the submission's ``field_table``).
credit_submissions = Table(
    "credit_submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", Text, nullable=False, unique=True),
    Column("office_code", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("period", Text, nullable=False),  # YYYY-MM
    Column("status", Text, nullable=False),  # draft | exported | sent
    Column("created_at", Text, nullable=False),
    Column("created_by", Text, nullable=False),  # display name
    Column("field_table", Text, nullable=False),  # JSON: the field table as used
    Column("checksum", Text, nullable=False),  # SHA-256 of the records part
    Column("new_count", Integer, nullable=False),
    Column("changed_count", Integer, nullable=False),
    Column("repaired_count", Integer, nullable=False),
    Column("exported_at", Text),
    Column("exported_to", Text),
    Column("sent_on", Text),
    Column("sent_by", Text),
    Column("sent_recorded_at", Text),
    Index("ux_credit_submissions_seq", "office_code", "year", "seq", unique=True),
)

credit_submission_items = Table(
    "credit_submission_items",
    metadata,
    Column("submission_id", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("complaint_id", Text, nullable=False),
    Column("case_no", Text, nullable=False),
    Column("kind", Text, nullable=False),  # new | changed | repaired
    Column("digest", Text, nullable=False),  # the record's digest as sent
    Column("record_status", Text, nullable=False),  # in_force | repaired as sent
    Column("data", Text, nullable=False),
    PrimaryKeyConstraint("submission_id", "position"),
    Index("ix_credit_submission_items_complaint", "complaint_id", "submission_id"),
)

# Credit checks 信用核查 (``app.services.credit_check``, migration 0012): one row per result issued, local
# to the device like the briefings (never synced), carried over a rebuild (``app.sync.integrity.CARRIED``).
# ``case_nos`` / ``record_nums``: JSON lists of the register records the result named; ``snapshot``: every
# value the printed result shows, from which a reprint renders the same bytes (``sha256``).
credit_checks = Table(
    "credit_checks",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("number", Text, nullable=False, unique=True),  # 楚发改信核〔2026〕1号
    Column("checked_on", Text, nullable=False),  # China date
    Column("checked_at", Text, nullable=False),  # UTC timestamp
    Column("actor", Text, nullable=False),  # user id
    Column("actor_name", Text, nullable=False),
    Column("query", Text, nullable=False),  # as typed
    Column("body_name", Text, nullable=False),  # the body matched ("" when only a code was checked)
    Column("body_code", Text),
    Column("requester", Text),  # the department that asked for it (optional)
    Column("verdict", Text, nullable=False),  # in_force | repaired | none
    Column("case_nos", Text, nullable=False),
    Column("record_nums", Text, nullable=False),
    Column("scope_code", Text, nullable=False),
    Column("snapshot", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("pages", Integer, nullable=False),
    Index("ix_credit_checks_checked", "checked_on"),
    Index("ix_credit_checks_body", "body_name"),
)


list_stamp = Table(  # one row; moved by triggers on every change to complaints (migration 0023)
    "list_stamp",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
)
