"""Store (an open profile database) and the unit of work that every write goes through.

``with store.unit_of_work() as uow: ...; uow.commit()`` — anything not committed is rolled back.
Only services commit. Sessions never cross threads: each unit of work opens its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app.common.sqlite_setup import writer_engine
from app.security.fieldcrypt import FieldCipher, bind, unbind
from app.store.backup import mark_damaged
from app.store.complaints import ComplaintStore
from app.store.engine import create_sqlite_engine
from app.store.events import EventLog
from app.store.meta import MetaStore
from app.store.migrate import MigrationResult, upgrade
from app.store.numbers import NumberAllocator
from app.store.users import UserStore


class UnitOfWork:
    def __init__(self, factory: sessionmaker, device_id: str, owns_series: bool) -> None:
        self._factory = factory
        self._device_id = device_id
        self._owns_series = owns_series
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.events = EventLog(self.session, self._device_id)
        self.complaints = ComplaintStore(self.session)
        self.users = UserStore(self.session)
        self.numbers = NumberAllocator(self.session, owns_series=self._owns_series)
        self.meta = MetaStore(self.session)
        return self

    def __exit__(self, *exc) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class _DriverError:
    """What ``Store._on_error`` reads of SQLAlchemy's error context, for an error of the driver itself."""

    def __init__(self, error: sqlite3.Error) -> None:
        self.original_exception = error


class Store:
    """An open profile database file.

    ``busy_ms``: how long a write waits for a lock held by another process (default 30 s,
    ``LVYUE_BUSY_TIMEOUT_MS``). A read or write that finds the file damaged leaves a mark beside it
    (``app.store.backup.mark_damaged``) so the next start checks it fully and offers a restore."""

    def __init__(self, path: Path, *, busy_ms: int | None = None) -> None:
        self.path = path
        self.engine = create_sqlite_engine(path, busy_ms=busy_ms)
        event.listen(self.engine, "handle_error", self._on_error)
        self._writer = sessionmaker(bind=writer_engine(self.engine), expire_on_commit=False)
        self._reader = sessionmaker(bind=self.engine)
        self.device_id = ""
        self.owns_series = True
        self.cipher: FieldCipher | None = None

    def use_cipher(self, cipher: FieldCipher) -> None:
        """Seal this database's personal data with ``cipher`` (``app.security.fieldcrypt``)."""
        self.cipher = cipher
        bind(self.engine.url, cipher)

    def _on_error(self, context) -> None:
        from app.store.faults import DATABASE_ATTRIBUTE, is_corruption

        try:  # lets the message name the file and check its disk (app.store.faults.fault_of)
            setattr(context.original_exception, DATABASE_ATTRIBUTE, str(self.path))
        except AttributeError:
            pass
        if is_corruption(context.original_exception):
            mark_damaged(self.path, str(context.original_exception))

    def migrate(self, backup_dir: Path) -> MigrationResult:
        return upgrade(self.engine, self.path, backup_dir)

    def load_identity(self) -> None:
        """Read device id and numbering mode from ``meta`` (after migration)."""
        with self.read() as session:
            values = MetaStore(session).all()
        self.device_id = values.get("device_id", "")
        self.owns_series = values.get("numbering", "standalone") == "standalone"

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._writer, self.device_id, self.owns_series)

    def reading(self) -> UnitOfWork:
        """The repositories of a unit of work on a plain read transaction: it never waits for the write
        lock another process holds (a sync) and works on a read-only database. Never committed."""
        return UnitOfWork(self._reader, self.device_id, self.owns_series)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (one consistent snapshot), closed afterwards."""
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def driver_read(self) -> Iterator[sqlite3.Cursor]:
        """A cursor of the pool's own ``sqlite3`` connection in one read transaction (one snapshot),
        for reads where SQLAlchemy's statement, session and ``Row`` cost more than the SQL (the list's
        blocks, ``app.services.list_blocks``). Errors are marked as the engine marks them (``_on_error``)."""
        pooled = self.engine.raw_connection()
        try:
            cursor = pooled.driver_connection.cursor()
            cursor.execute("BEGIN")
            try:
                yield cursor
            finally:
                cursor.execute("ROLLBACK")
                cursor.close()
        except sqlite3.Error as error:
            self._on_error(_DriverError(error))
            raise
        finally:
            pooled.close()

    def close(self) -> None:
        self.engine.dispose()
        if self.cipher is not None:
            unbind(self.engine.url, self.cipher)
