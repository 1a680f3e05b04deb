"""The hub's migrations: the schema they build is the one ``server/tables.py`` describes, and 0003
turns the old first-come prefix owners into ownership by rule (squatted prefixes dropped and logged,
a region's own or custom ones kept), on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from app.domain.regions import RegionRegistry
from server.migrate import alembic_config
from server.tables import metadata
from tests.hub_security import records
from tests.sync_fixtures import drop_pg_schema, pg_schema_url

pytest_plugins = ("tests.sync_fixtures", "tests.hub_security")  # pg_dsn, security_log_file


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        engine = create_engine(f"sqlite+pysqlite:///{tmp_path / 'hub.sqlite'}")
        yield engine
        engine.dispose()
        return
    dsn = request.getfixturevalue("pg_dsn")
    url, schema = pg_schema_url(dsn)
    engine = create_engine(url)
    yield engine
    engine.dispose()
    drop_pg_schema(dsn, schema)


def migrate(engine, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
        connection.commit()


def test_the_migrations_build_the_schema_the_tables_describe(engine):
    migrate(engine, "head")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_server_default": False})
        assert compare_metadata(context, metadata) == []


def seed_at_0002(engine) -> None:
    """A hub as 0002 left it: regions, two devices, and prefixes owned the old way (first come)."""
    migrate(engine, "0002")
    with engine.begin() as con:
        for r in RegionRegistry.load_default().to_records():
            con.execute(text("INSERT INTO regions (code, name, short_name, level, parent) "
                             "VALUES (:code, :name, :short_name, :level, :parent)"), r)
        for device, region, office in (("dev-md", "532323", "牟定县发展和改革局"),
                                       ("dev-sb", "532322", "双柏县发展和改革局")):
            con.execute(text("INSERT INTO devices (id, name, region_code, token_hash, enrolled_at, chain_seq, "
                             "chain_hash) VALUES (:d, :n, :r, :t, '2026-11-01T00:00:00.000Z', 0, 'x')"),
                        {"d": device, "n": f"{device}-pc", "r": region, "t": f"hash-{device}"})
            con.execute(text("INSERT INTO enrolment_codes (code_hash, region_code, office_name, created_at, "
                             "expires_at, used_at, device_id) VALUES (:h, :r, :o, '2026-11-01T00:00:00.000Z', "
                             "'2026-11-08T00:00:00.000Z', '2026-11-01T01:00:00.000Z', :d)"),
                        {"h": f"code-{device}", "r": region, "o": office, "d": device})
        con.execute(text("INSERT INTO document_prefixes (region_code, kind, prefix) "
                         "VALUES ('532301', 'forward_letter', '楚市发改转函')"))
        for series, region in (("doc:双发改函", "532323"),  # 牟定 asked first for 双柏's prefix
                               ("doc:楚发改函", "532322"),  # 双柏 took the prefecture's
                               ("doc:牟发改函", "532323"),  # its own by rule
                               ("doc:牟发改专", "532323"),  # a custom one only 牟定 used
                               ("doc:楚市发改转函", "532301")):  # the administrator's
            con.execute(text("INSERT INTO series_owners (series, region_code) VALUES (:s, :r)"),
                        {"s": series, "r": region})
        con.execute(text("INSERT INTO number_blocks (series, year, start, \"end\", device_id, issued_at) "
                         "VALUES ('doc:双发改函', 2026, 1, 100, 'dev-md', '2026-11-02T00:00:00.000Z')"))


def test_0003_keeps_rightful_prefix_owners_and_drops_squatters(engine, security_log_file):
    seed_at_0002(engine)
    migrate(engine, "0003")
    with engine.connect() as con:
        owners = {r.prefix: (r.region_code, r.source) for r in con.execute(text("SELECT * FROM prefix_owners"))}
        devices = {r.id: (r.office_name, r.replacements) for r in con.execute(text("SELECT * FROM devices"))}
        note = json.loads(con.execute(text(
            "SELECT value FROM hub_settings WHERE key = 'prefix_migration_0003'")).scalar_one())
    assert owners == {"楚市发改转函": ("532301", "admin"), "牟发改专": ("532323", "migrated")}
    assert devices == {"dev-md": ("牟定县发展和改革局", 0), "dev-sb": ("双柏县发展和改革局", 0)}
    dropped = {n["prefix"]: n for n in note if n["action"] == "dropped"}
    assert set(dropped) == {"双发改函", "楚发改函"}
    assert dropped["双发改函"]["owner"] == "532322" and dropped["双发改函"]["squatter"] == "532323"
    assert dropped["双发改函"]["blocks"] == [{"year": 2026, "start": 1, "end": 100, "device_id": "dev-md"}]
    assert dropped["楚发改函"]["owner"] == "532300" and dropped["楚发改函"]["blocks"] == []
    logged = records(security_log_file, "prefix_migration")
    assert {r["prefix"] for r in logged if r["action"] == "dropped"} == {"双发改函", "楚发改函"}

    from sqlalchemy.orm import Session

    from server.admin_handlers import prefix_list
    from server.services import prefixes

    with Session(engine) as session:
        assert prefixes.owner_of(session, "双发改函").region_code == "532322"  # the rule, again
        assert prefixes.owner_of(session, "楚发改函").region_code == "532300"
        _, listing = prefix_list(session, type("Args", (), {"region": "532323"})())
    assert "双发改函：原被 532323 抢先占用，已移除（归属：532322）" in listing
    assert "dev-md" in listing and "牟发改专  532323" in listing

    migrate(engine, "0002", down=True)  # and back: the explicit owners return to the old table
    with engine.connect() as con:
        back = dict(con.execute(text("SELECT series, region_code FROM series_owners")).all())
    assert back == {"doc:楚市发改转函": "532301", "doc:牟发改专": "532323"}
    migrate(engine, "head")
