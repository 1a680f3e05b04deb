"""Hub schema migrations (Alembic, its own environment under ``server/migrations``) and first data."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))  # configparser
    return config


def upgrade(engine: Engine) -> None:
    """Bring the hub schema to head (safe to run on every start; PostgreSQL serialises it)."""
    config = alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_lock(7220415)")  # one migrator at a time
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
        finally:
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql("SELECT pg_advisory_unlock(7220415)")
                connection.commit()
