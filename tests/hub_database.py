"""The hub's own database, migrated and seeded as ``python -m server`` leaves it, for tests of the hub's
services without HTTP: the ``hub_database`` fixture (``pytest_plugins``) gives ``run`` (one committed
transaction, as ``python -m server admin`` makes its changes) and ``read``."""

from __future__ import annotations

import pytest


class HubDatabaseAccess:
    def __init__(self, database) -> None:
        self.database = database

    def run(self, func, *args, **kwargs):
        """``func(session, *args, **kwargs)`` in one committed transaction of the hub."""
        with self.database.writer() as session:
            result = func(session, *args, **kwargs)
            session.commit()
            return result

    def read(self, statement) -> list:
        with self.database.reader() as session:
            return session.execute(statement).all()


@pytest.fixture
def hub_database(tmp_path, memory_keyring):
    from server.app import prepare
    from server.db import HubDatabase
    from server.settings import HubSettings

    settings = HubSettings(data_dir=tmp_path / "hub-data")
    prepare(settings)
    made = HubDatabase(settings)
    yield HubDatabaseAccess(made)
    made.dispose()
