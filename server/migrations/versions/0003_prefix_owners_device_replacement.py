"""prefixes owned by rule, device replacement codes

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

- ``prefix_owners`` replaces ``series_owners`` (a 发文字号 prefix went to the first region that asked
  for it). Ownership now comes from the hub's reference data (``server.services.prefixes``): the
  administrator's prefixes (``document_prefixes``) become explicit owners; an old first-come row is
  kept when its region is the prefix's owner by the rule, or when no other region has a claim to the
  prefix (a custom prefix only that region used); a row that squatted another region's prefix is
  dropped. Every dropped row is logged (security log, a warning on stderr, and the hub setting
  ``prefix_migration_0003`` that ``admin prefix list`` shows) with the number blocks its devices hold.
- ``enrolment_codes.replaces_device``: a code issued to replace one device (new token, same id).
- ``devices.office_name`` (backfilled from the code the device used), ``replaced_at``, ``replacements``.
"""

import json
import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

log = logging.getLogger("lvyue.hub.migrations")
# Frozen copy of the rule (server.services.prefixes.DEFAULT_SUFFIXES) as it was when this ran.
SUFFIXES = ("发改受", "发改告", "发改函", "发改督", "发改认")
NOTE_KEY = "prefix_migration_0003"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _candidates(shorts: dict[str, list[str]], prefix: str) -> list[str]:
    found: list[str] = []
    for suffix in SUFFIXES:
        if prefix.endswith(suffix) and len(prefix) > len(suffix):
            found += shorts.get(prefix[: -len(suffix)], [])
    return sorted(found)


def upgrade() -> None:
    op.create_table('prefix_owners',
    sa.Column('prefix', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('set_at', sa.Text(), nullable=False),
    sa.Column('device_id', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('prefix')
    )
    with op.batch_alter_table('enrolment_codes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replaces_device', sa.Text(), nullable=True))
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('office_name', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('replaced_at', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('replacements', sa.Integer(), server_default='0', nullable=False))
    connection = op.get_bind()
    connection.execute(sa.text(
        "UPDATE devices SET office_name = (SELECT c.office_name FROM enrolment_codes c "
        "WHERE c.device_id = devices.id ORDER BY c.used_at DESC LIMIT 1)"))
    now = _now()
    owners: dict[str, str] = {}
    set_by_admin: dict[str, set[str]] = {}
    for region, prefix in connection.execute(sa.text("SELECT region_code, prefix FROM document_prefixes")):
        set_by_admin.setdefault(prefix, set()).add(region)
    notes: list[dict] = []
    for prefix, holders in sorted(set_by_admin.items()):
        if len(holders) == 1:
            owners[prefix] = next(iter(holders))
        else:
            notes.append({"prefix": prefix, "regions": sorted(holders), "action": "admin_conflict"})
    for prefix, region in owners.items():
        connection.execute(sa.text("INSERT INTO prefix_owners (prefix, region_code, source, set_at) "
                                   "VALUES (:p, :r, 'admin', :at)"), {"p": prefix, "r": region, "at": now})
    shorts: dict[str, list[str]] = {}
    for code, short in connection.execute(sa.text("SELECT code, short_name FROM regions")):
        shorts.setdefault(short, []).append(code)
    rows = connection.execute(sa.text("SELECT series, region_code FROM series_owners ORDER BY series")).all()
    for series, region in rows:
        kind, _, prefix = series.partition(":")
        if kind != "doc" or not prefix:
            continue
        candidates = _candidates(shorts, prefix)
        owner = owners.get(prefix) or (candidates[0] if len(candidates) == 1 else None)
        if owner == region:
            continue  # the rule or the administrator gives it to the same region: nothing to keep
        if owner is None and (not candidates or region in candidates) and prefix not in set_by_admin:
            connection.execute(sa.text("INSERT INTO prefix_owners (prefix, region_code, source, set_at) "
                                       "VALUES (:p, :r, 'migrated', :at)"), {"p": prefix, "r": region, "at": now})
            owners[prefix] = region
            if candidates:
                notes.append({"prefix": prefix, "region": region, "candidates": candidates, "action": "kept_clash"})
            continue
        blocks = connection.execute(sa.text(
            "SELECT b.year, b.start, b.\"end\", b.device_id FROM number_blocks b JOIN devices d ON d.id = b.device_id "
            "WHERE b.series = :s AND d.region_code = :r ORDER BY b.year, b.start"), {"s": series, "r": region}).all()
        notes.append({"prefix": prefix, "squatter": region, "owner": owner, "candidates": candidates,
                      "action": "dropped",
                      "blocks": [{"year": y, "start": s, "end": e, "device_id": d} for y, s, e, d in blocks]})
    op.drop_table('series_owners')
    if notes:
        from server import security_log

        for note in notes:
            security_log.record("prefix_migration", **note)
            log.warning("0003 发文字号前缀归属：%s", json.dumps(note, ensure_ascii=False))
        connection.execute(sa.text("INSERT INTO hub_settings (key, value) VALUES (:k, :v)"),
                           {"k": NOTE_KEY, "v": json.dumps(notes, ensure_ascii=False, sort_keys=True)})


def downgrade() -> None:
    op.create_table('series_owners',
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('region_code', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('series')
    )
    connection = op.get_bind()
    connection.execute(sa.text("INSERT INTO series_owners (series, region_code) "
                               "SELECT 'doc:' || prefix, region_code FROM prefix_owners"))
    connection.execute(sa.text("DELETE FROM hub_settings WHERE key = :k"), {"k": NOTE_KEY})
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('replacements')
        batch_op.drop_column('replaced_at')
        batch_op.drop_column('office_name')
    with op.batch_alter_table('enrolment_codes', schema=None) as batch_op:
        batch_op.drop_column('replaces_device')
    op.drop_table('prefix_owners')
