"""Hub tables 中心数据表 (SQLAlchemy Core), the same on SQLite and PostgreSQL.

``events`` holds every accepted event once, numbered by ``server_seq`` in commit order; ``region``
is the region of its complaint when it was accepted (or the device's region for session/admin
events) and decides who may pull it (``prefecture`` and ``province`` repeat its prefixes, indexed). ``stream_grants`` sends a complaint's history to a region it
moved into. ``rejections`` keeps refused events (the device chain runs through them).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, PrimaryKeyConstraint, Table, Text

from app.contract.event_record import event_columns

metadata = MetaData()

hub_settings_table = Table(
    "hub_settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

regions = Table(
    "regions", metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("short_name", Text, nullable=False),
    Column("level", Text, nullable=False),
    Column("parent", Text),
)

departments = Table(
    "departments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("region_code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", Text),  # unified social credit code
    Column("active", Integer, nullable=False, default=1),
    Index("ux_departments_region_name", "region_code", "name", unique=True),
)

users = Table(
    "users", metadata,
    Column("id", Text, primary_key=True),
    Column("username", Text, nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("roles", Text, nullable=False),  # comma-separated
    Column("region_code", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Integer, nullable=False, default=1),
    Column("updated_at", Text, nullable=False),
)

holiday_years = Table(
    "holiday_years", metadata,
    Column("year", Integer, primary_key=True),
    Column("data", Text, nullable=False),  # one year of holidays.json, canonical JSON
)

document_prefixes = Table(
    "document_prefixes", metadata,
    Column("region_code", Text, nullable=False),
    Column("kind", Text, nullable=False),  # document kind, e.g. forward_letter
    Column("prefix", Text, nullable=False),  # 发文字号 prefix, e.g. 双发改函
    PrimaryKeyConstraint("region_code", "kind"),
)

enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", Text, primary_key=True),
    Column("region_code", Text, nullable=False),
    Column("office_name", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("used_at", Text),
    Column("device_id", Text),
    Column("replaces_device", Text),  # a replacement code: only this device id may use it (admin code create --replace)
)

devices = Table(
    "devices", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("region_code", Text, nullable=False),  # scope
    Column("token_hash", Text, nullable=False, unique=True),
    Column("enrolled_at", Text, nullable=False),
    Column("revoked_at", Text),
    Column("chain_seq", BigInteger, nullable=False, default=0),
    Column("chain_hash", Text, nullable=False),
    Column("last_seen_at", Text),
    Column("client_version", Text),
    Column("office_name", Text),  # from the enrolment code
    Column("replaced_at", Text),  # last enrolment with a replacement code (a new token for this device id)
    Column("replacements", Integer, nullable=False, default=0, server_default="0"),
)

events = Table(
    "events", metadata,
    *event_columns(hub=True),  # the shared record (app.contract.event_record); server_seq is the key
    Column("region", Text, nullable=False),  # county-level code (6 digits) ...
    Column("prefecture", Text, nullable=False),  # ... its first 4 digits ...
    Column("province", Text, nullable=False),  # ... and its first 2: a pull by any scope is one index range
    Column("received_at", Text, nullable=False),
    Index("ux_hub_events_device_seq", "device_id", "device_seq", unique=True),
    Index("ix_hub_events_region_seq", "region", "server_seq"),
    Index("ix_hub_events_prefecture_seq", "prefecture", "server_seq"),
    Index("ix_hub_events_province_seq", "province", "server_seq"),
    Index("ix_hub_events_stream", "stream", "server_seq"),
)

rejections = Table(
    "rejections", metadata,
    Column("id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("hash", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("params", Text, nullable=False),
    Column("event", Text, nullable=False),  # the refused event as canonical JSON, for the administrator
    Column("received_at", Text, nullable=False),
)

streams = Table(
    "streams", metadata,
    Column("stream", Text, primary_key=True),
    Column("region", Text, nullable=False),  # current region of the complaint (respondent)
    Column("office_code", Text, nullable=False),
    Column("case_no", Text),  # the case number its registration took (unique: one complaint per number)
    Index("ux_streams_case_no", "case_no", unique=True),
)

device_users = Table(  # accounts a device created itself (a standalone office's users, before or after joining)
    "device_users", metadata,
    Column("device_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("roles", Text, nullable=False),  # comma-separated
    Column("region_code", Text, nullable=False),
    PrimaryKeyConstraint("device_id", "user_id"),
)

quarantine = Table(  # events the administrator set aside for the whole fleet (devices skip them)
    "quarantine", metadata,
    Column("event_id", Text, primary_key=True),
    Column("reason", Text, nullable=False),  # stable code, e.g. admin_quarantine
    Column("note", Text, nullable=False),  # the administrator's words
    Column("by", Text, nullable=False),
    Column("at", Text, nullable=False),
)

stream_grants = Table(
    "stream_grants", metadata,
    Column("stream", Text, nullable=False),
    Column("region", Text, nullable=False),
    Column("granted_seq", BigInteger, nullable=False),
    Column("moved", Integer, nullable=False),  # 1: the complaint moved here (its history must follow)
    PrimaryKeyConstraint("stream", "region"),
    Index("ix_stream_grants_region_seq", "region", "granted_seq"),
)

prefix_owners = Table(  # 发文字号 prefixes owned other than by the rule (server.services.prefixes)
    "prefix_owners", metadata,
    Column("prefix", Text, primary_key=True),
    Column("region_code", Text, nullable=False),
    Column("source", Text, nullable=False),  # admin | adopted (a standalone office's, at enrolment) | migrated
    Column("set_at", Text, nullable=False),
    Column("device_id", Text),  # adopted: the enrolling device
)

number_series = Table(
    "number_series", metadata,
    Column("series", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("next", BigInteger, nullable=False),
    PrimaryKeyConstraint("series", "year"),
)

number_blocks = Table(
    "number_blocks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("start", BigInteger, nullable=False),
    Column("end", BigInteger, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("issued_at", Text, nullable=False),
    Index("ix_number_blocks_series", "series", "year", "start"),
)

blobs = Table(
    "blobs", metadata,
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_at", Text, nullable=False),
)

blob_holders = Table(  # regions that proved they hold a blob by uploading it
    "blob_holders", metadata,
    Column("sha256", Text, nullable=False),
    Column("region", Text, nullable=False),
    PrimaryKeyConstraint("sha256", "region"),
)

blob_refs = Table(  # attachments: which complaint refers to a blob, pushed from which scope
    "blob_refs", metadata,
    Column("sha256", Text, nullable=False),
    Column("stream", Text, nullable=False),
    Column("pusher_region", Text, nullable=False),
    PrimaryKeyConstraint("sha256", "stream", "pusher_region"),
)
