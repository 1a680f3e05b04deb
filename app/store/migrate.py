"""Schema migrations with Alembic, after a backup copy of the database (as Vorta does)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.common.sqlite_copy import backup_file, timestamped_name
from app.domain.clock import utc_now
from app.store.compaction import vacuum

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Alembic is imported only when a migration may be needed (it costs ~170 ms of start-up otherwise).


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))  # configparser
    return config


def head_revision() -> str:
    """The newest revision, read from the file names (cheap: no Alembic import)."""
    revisions = sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))
    return revisions[-1]


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path) -> MigrationResult:
    """Bring the schema to head. An existing database is copied to ``backup_dir`` first."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    backup = None
    if current is not None:
        backup = backup_file(db_path, backup_dir / timestamped_name(f"pre-migrate-{current}", utc_now()))
    from alembic import command

    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
    if current is not None and _vacuum_after(config, current, head):
        vacuum(engine)  # the migration freed much of the file: give the pages back
    return MigrationResult(current, head, backup)


def _vacuum_after(config: Config, current: str, head: str) -> bool:
    """A migration applied just now freed much of the file (``VACUUM_AFTER = True`` in its module)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(config).iterate_revisions(head, current)
    return any(getattr(script.module, "VACUUM_AFTER", False) for script in scripts)
