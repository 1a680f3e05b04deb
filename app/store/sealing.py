"""Sealing what is already stored 存量个人信息加密: every event payload, quarantined event and
complaint aggregate rewritten with its personal data sealed under one key, and the search index
rewritten with that key's blind tokens. Used once when a profile written before issue 12 is opened
(``meta.pii_sealed``), and by a key rotation (everything re-sealed under the new key). One transaction:
the caller commits, after a backup copy.

Events are append-only (a trigger refuses any change to a hashed column); the trigger is dropped and
re-created inside the same transaction, and the hash over the clear payload does not change.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.common.packing import pack, pack_event
from app.domain.complaint import Complaint
from app.security.fieldcrypt import FieldCipher, open_json, seal_json
from app.store.complaints import search_row

SEALED_FLAG = "pii_sealed"
BATCH = 2000
_TRIGGER = "events_append_only_update"


def _rewrite(session: Session, table: str, key: str, column: str, cipher: FieldCipher,
             progress: Callable[[int], None] | None, *, packer: Callable[[str], bytes] | None = None) -> int:
    connection = session.connection()
    last, count = None, 0
    while True:
        where = f"WHERE {key} > ? " if last is not None else ""
        rows = connection.exec_driver_sql(
            f"SELECT {key}, {column} FROM {table} {where}ORDER BY {key} LIMIT {BATCH}",
            (last,) if last is not None else ()).fetchall()
        if not rows:
            return count
        changed = []
        for row_key, text in rows:
            value = open_json(text)
            sealed = seal_json(cipher, value)
            if packer is not None:  # aggregates and event payloads are stored packed (``app.common.packing``)
                sealed = packer(sealed)
            if sealed != text:
                changed.append((sealed, row_key))
        if changed:
            connection.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", changed)
        last = rows[-1][0]
        count += len(rows)
        if progress is not None:
            progress(count)


def reindex_search(session: Session, cipher: FieldCipher) -> None:
    """The whole search index again, from the stored aggregates (masked text, this key's blind tokens)."""
    connection = session.connection()
    connection.exec_driver_sql("INSERT INTO complaint_search(complaint_search) VALUES ('delete-all')")
    last = 0
    while True:
        rows = connection.exec_driver_sql(
            f"SELECT num, data FROM complaint_data WHERE num > ? ORDER BY num LIMIT {BATCH}", (last,)).fetchall()
        if not rows:
            return
        params = []
        for num, text in rows:
            row = search_row(Complaint.from_json(open_json(text)), cipher)
            params.append((num, row["grams"], row["chars"]))
        connection.exec_driver_sql("INSERT INTO complaint_search(rowid, grams, chars) VALUES (?, ?, ?)", params)
        last = rows[-1][0]


def seal_everything(session: Session, cipher: FieldCipher, progress: Callable[[int], None] | None = None) -> int:
    """Seal (or re-seal under ``cipher``) every stored document; returns the number of events."""
    connection = session.connection()
    trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_TRIGGER,)).scalar()
    if trigger:
        connection.exec_driver_sql(f"DROP TRIGGER {_TRIGGER}")
    count = _rewrite(session, "events", "seq", "payload", cipher, progress, packer=pack_event)
    if trigger:
        connection.exec_driver_sql(trigger)
    _rewrite(session, "sync_quarantine", "event_id", "event", cipher, None)
    _rewrite(session, "complaint_data", "num", "data", cipher, None, packer=pack)
    reindex_search(session, cipher)
    connection.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = '1'", (SEALED_FLAG,))
    return count


def has_rows(session: Session) -> bool:
    connection = session.connection()
    return any(connection.exec_driver_sql(f"SELECT 1 FROM {t} LIMIT 1").first() is not None
               for t in ("events", "sync_quarantine", "complaint_data"))


def truncate_wal(session_or_engine) -> None:
    """Checkpoint and empty the write-ahead log, so no page written before the sealing stays in it."""
    with session_or_engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
