"""Moving a closed profile's database to a migration revision, up or down, as the tests of one migration do."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from app.store.engine import create_sqlite_engine
from app.store.migrate import _config


def migrate_to(db: Path, revision: str, *, down: bool) -> None:
    engine = create_sqlite_engine(db)
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
        connection.commit()
    engine.dispose()
