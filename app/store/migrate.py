"""Schema migrations with Alembic, after a backup copy of the database (as Vorta does)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.domain.clock import utc_now
from app.store.backup import backup_file, timestamped_name

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path) -> MigrationResult:
    """Bring the schema to head. An existing database is copied to ``backup_dir`` first."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    backup = None
    if current is not None:
        backup = backup_file(db_path, backup_dir / timestamped_name(f"pre-migrate-{current}", utc_now()))
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
    return MigrationResult(current, head, backup)
