"""Sealing the hub's stored personal data 存量个人信息加密 (issue 12): on start, once, every event
payload and refused event a hub of an older version stored in clear is sealed with the hub's key
(a SQLite hub is copied first; a PostgreSQL hub is one transaction — take a ``pg_dump`` before
upgrading, docs/operator-guide.md). ``python -m server admin key rotate`` re-seals everything under a
new key the same way.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.common.sqlite_copy import backup_file, timestamped_name
from app.domain.clock import utc_now
from app.security.fieldcrypt import FieldCipher, open_json, seal_json
from server.services.reference import get_setting, put_setting
from server.tables import events, rejections

SEALED_FLAG = "pii_sealed"
BATCH = 2000


def _rewrite(session: Session, table, key, column, cipher: FieldCipher) -> int:
    last, count = None, 0
    while True:
        query = select(key, column).order_by(key).limit(BATCH)
        rows = session.execute(query.where(key > last) if last is not None else query).all()
        if not rows:
            return count
        for row_key, text in rows:
            sealed = seal_json(cipher, open_json(text))
            if sealed != text:
                session.execute(update(table).where(key == row_key).values({column.name: sealed}))
        last = rows[-1][0]
        count += len(rows)


def seal_everything(session: Session, cipher: FieldCipher) -> int:
    """Seal (or re-seal under ``cipher``) the hub's stored events and refusals; the caller commits."""
    count = _rewrite(session, events, events.c.server_seq, events.c.payload, cipher)
    _rewrite(session, rejections, rejections.c.id, rejections.c.event, cipher)
    put_setting(session, SEALED_FLAG, "1")
    return count


def sqlite_path(url: str) -> Path | None:
    from sqlalchemy import make_url

    parsed = make_url(url)  # unquotes the database part ("%23" -> "#"), as the engine does
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


def backup_hub(url: str, data_dir: Path, reason: str) -> Path | None:
    """A copy of a SQLite hub database in ``data_dir/backups`` (PostgreSQL: the operator's pg_dump)."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    return backup_file(path, data_dir / "backups" / timestamped_name(reason, utc_now()).replace("lvyue-", "hub-"))


def seal_clear_rows(database) -> bool:
    """On start: seal what an older hub stored in clear (once, after a copy). True when it did."""
    with database.writer() as session:
        if get_setting(session, SEALED_FLAG) == "1":
            return False
        stored = session.execute(select(events.c.server_seq).limit(1)).first() is not None or \
            session.execute(select(rejections.c.id).limit(1)).first() is not None
    if stored:
        backup_hub(database.settings.database_url, database.settings.data_dir, "pre-seal")
    with database.writer() as session:
        seal_everything(session, database.cipher)
        session.commit()
    if stored and sqlite_path(database.settings.database_url) is not None:
        with database.engine.connect() as connection:  # no page written before the sealing left in the log
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return stored
