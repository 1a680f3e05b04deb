"""Personal data protection of a profile 个人信息保护: its data key, the first sealing, key rotation.

``attach`` runs whenever a profile's database is opened (after the schema migration): it loads the
profile's keys from the OS keyring (made at the first opening), binds the current one to the database,
and seals what an older version stored in clear (once, after a backup copy). ``rotate`` makes a new
key and re-seals everything under it (after a backup copy); the old key is retired: kept in the
keyring entry so the backups made before still open, never used to seal again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.common.sqlite_copy import backup_file, timestamped_name
from app.domain.clock import utc_now
from app.domain.errors import DomainError
from app.domain.ids import uuid7
from app.security import data_keys
from app.security.data_keys import KeySet
from app.security.fieldcrypt import FieldCipher
from app.store.meta import MetaStore
from app.store.sealing import SEALED_FLAG, has_rows, seal_everything, truncate_wal
from app.store.uow import Store

KEY_REF = "data_key_ref"  # meta: the profile's keyring entry (user name under ``data_keys.SERVICE``)


@dataclass(frozen=True)
class RotationReport:
    old_key: str
    new_key: str
    events: int
    backup: Path


def attach(store: Store, backups: Path) -> FieldCipher:
    """Bind the profile's current key to ``store`` (making the key on first use) and seal any clear rows."""
    with store.read() as session:
        values = MetaStore(session).all()
    ref = values.get(KEY_REF)
    if ref is None:
        keys = KeySet.fresh()
        ref = uuid7()
        data_keys.save(ref, keys)  # the keyring first: a key in meta's name is always in the keyring
        with store.unit_of_work() as uow:
            uow.meta.set(KEY_REF, ref)
            uow.commit()
    else:
        keys = data_keys.load(ref)
        if keys is None:
            raise DomainError("data_key_missing", ref=ref)
    cipher = keys.install()
    store.use_cipher(cipher)
    if values.get(SEALED_FLAG) != "1":
        _seal_clear_rows(store, backups, cipher)
    return cipher


def _seal_clear_rows(store: Store, backups: Path, cipher: FieldCipher) -> None:
    with store.read() as session:
        stored = has_rows(session)
    if stored:  # a profile of an older version: copy it first, as before a migration
        backup_file(store.path, backups / timestamped_name("pre-seal", utc_now()))
    with store.unit_of_work() as uow:
        seal_everything(uow.session, cipher)
        uow.commit()
    if stored:
        truncate_wal(store.engine)


def rotate(store: Store, backups: Path) -> RotationReport:
    """A new data key; every sealed value re-sealed under it in one transaction (after a backup)."""
    with store.read() as session:
        ref = MetaStore(session).get(KEY_REF)
    keys = data_keys.load(ref) if ref else None
    if keys is None:
        raise DomainError("data_key_missing", ref=ref or "")
    backup = backup_file(store.path, backups / timestamped_name("pre-rotate", utc_now()))
    new_keys = keys.rotated()
    data_keys.save(ref, new_keys)  # old and new both kept: whatever happens next, every token opens
    cipher = new_keys.install()
    store.use_cipher(cipher)
    with store.unit_of_work() as uow:
        count = seal_everything(uow.session, cipher)
        uow.commit()
    truncate_wal(store.engine)
    return RotationReport(keys.current, new_keys.current, count, backup)


def _key_ref(database: Path) -> str:
    """The profile's key reference, read without opening it (its keys may not be here yet)."""
    store = Store(database)
    try:
        with store.read() as session:
            ref = MetaStore(session).get(KEY_REF)
    finally:
        store.close()
    if not ref:
        raise DomainError("data_key_missing", ref="")
    return ref


def export_keys(database: Path, output: Path, passphrase: str) -> Path:
    """The profile's keys into ``output``, sealed with ``passphrase`` (for a move to a new PC)."""
    ref = _key_ref(database)
    keys = data_keys.load(ref)
    if keys is None:
        raise DomainError("data_key_missing", ref=ref)
    text = data_keys.export_text(ref, keys, passphrase)
    if output.exists():
        raise DomainError("file_exists", path=str(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    return output


def import_keys(database: Path, source: Path, passphrase: str) -> str:
    """Put the keys exported on another PC into this PC's keyring (merged with any already here)."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        raise DomainError("file_not_found", path=str(source)) from None
    ref, keys = data_keys.import_text(text, passphrase)
    if ref != _key_ref(database):
        raise DomainError("key_file_other_profile")
    here = data_keys.load(ref)
    merged = KeySet(keys.current, {**(here.keys if here else {}), **keys.keys})
    data_keys.save(ref, merged)
    return keys.current
