"""Integrity check 数据核对 and repair: the device's digest of its scope against the hub's.

On a mismatch the device copies its database (backup API), builds a new one from the hub (its whole
scope, its own events included), carries over what only it has (settings, users, numbers, queues,
refused and unsent events, each re-checked against its device chain; what does not fit is
quarantined, never dropped), rebuilds the projections, and writes the result over the live file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.common.sqlite_copy import backup_file, timestamped_name
from app.contract.event_record import event_of, hash_text, stored_hash, stored_payload
from app.domain.clock import iso_utc, utc_now
from app.security import pulled_chain
from app.security.fieldcrypt import seal_json
from app.store.backup import restore_file
from app.store.meta import MetaStore
from app.store.projector import Horizons, Projector
from app.store.tables import events, pull_marks, quarantine
from app.store.uow import Store
from app.sync import state
from app.sync.digest import ScopeDigest
from app.sync.transport import HubClient

E = events.c
CARRIED = ("meta", "users", "number_blocks", "sync_reference", "sync_rejections", "sync_quarantine", "sync_blobs",
           "duplicate_dismissals", "credit_submissions", "credit_submission_items", "credit_checks")


def local_digest(session: Session, cursor: int) -> ScopeDigest:
    rows = session.execute(select(E.server_seq, E.hash).where(E.server_seq.is_not(None), E.server_seq <= cursor)
                           .order_by(E.server_seq).execution_options(yield_per=5000))
    return ScopeDigest().extend((r.server_seq, hash_text(r.hash)) for r in rows)


def matches(store: Store, client: HubClient) -> bool:
    with store.read() as session:
        cursor = state.cursor(MetaStore(session))
        digest = local_digest(session, cursor)
    answer = client.integrity(cursor, digest.count, digest.hexdigest)
    return answer.ok


@dataclass(frozen=True)
class RepairReport:
    backup: Path
    events: int
    carried: int
    quarantined: int


def repair(store: Store, backups: Path, client: HubClient, projector: Projector, device_id: str,
           page: int, progress: Callable[[int], None]) -> RepairReport:
    backup = backup_file(store.path, backups / timestamped_name("pre-repair", utc_now()))
    fresh_path = store.path.with_name("lvyue.repair.sqlite")
    for leftover in (fresh_path, Path(f"{fresh_path}-wal"), Path(f"{fresh_path}-shm")):
        leftover.unlink(missing_ok=True)
    fresh = Store(fresh_path)
    fresh.use_cipher(store.cipher)  # the same keys: the repaired database replaces this one
    try:
        fresh.migrate(backups)
        _carry_tables(fresh, backup)
        cursor = total = 0
        while True:
            answer = client.pull(cursor, page, include_own=True)
            with fresh.unit_of_work() as uow:
                cipher = uow.events.cipher
                rows = [{**w.model_dump(exclude={"payload"}), "payload": stored_payload(cipher, w.payload),
                         "prev_hash": stored_hash(w.prev_hash), "hash": stored_hash(w.hash)} for w in answer.events]
                if rows:
                    uow.session.execute(insert(events), rows)
                uow.commit()
            total += len(answer.events)
            cursor = answer.next_cursor
            progress(total)
            if not answer.more:
                break
        carried, quarantined = _carry_unsent(fresh, store, device_id, cursor)
        fresh.device_id = device_id
        with fresh.unit_of_work() as uow:
            uow.meta.set(state.CURSOR, str(cursor))
            marker = uow.session.execute(select(func.max(E.seq))).scalar() or 0
            uow.session.execute(insert(pull_marks).values(marker=marker, cursor=cursor))
            pulled_chain.reset(uow.session, device_id)  # the heads of what the hub just sent (the old ones were carried)
            projector.rebuild(uow.complaints)
            uow.commit()
    finally:
        fresh.close()
    restore_file(fresh_path, store.path)
    for leftover in (fresh_path, Path(f"{fresh_path}-wal"), Path(f"{fresh_path}-shm")):
        leftover.unlink(missing_ok=True)
    return RepairReport(backup, total, carried, quarantined)


def _carry_tables(fresh: Store, old_copy: Path) -> None:
    """Settings, users, numbers and queues: copied table by table from the backup (same schema)."""
    connection = sqlite3.connect(fresh.path, isolation_level=None)
    try:
        connection.execute("ATTACH DATABASE ? AS old", (str(old_copy),))
        connection.execute("BEGIN IMMEDIATE")
        for table in CARRIED:
            connection.execute(f"DELETE FROM main.{table}")
            connection.execute(f"INSERT INTO main.{table} SELECT * FROM old.{table}")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE old")
    finally:
        connection.close()


def _carry_unsent(fresh: Store, old: Store, device_id: str, cursor: int) -> tuple[int, int]:
    """Events the hub does not have (unsent or refused, or this device's own that a hub restored from an
    older backup lost): kept if they still fit this device's chain; the lost ones are sent again."""
    with fresh.read() as session:
        held = set(session.execute(select(E.id).where(E.device_id == device_id)).scalars())
    with old.read() as session:
        horizons = Horizons(session)
        rows = session.execute(select(events).where(E.server_seq.is_(None) | (E.device_id == device_id))
                               .order_by(E.device_seq)).all()
        pending = [(row, horizons.of(row)) for row in rows if row.id not in held]
    carried = quarantined = 0
    now = iso_utc(utc_now())
    with fresh.unit_of_work() as uow:
        for row, horizon in pending:
            event = event_of(row)
            reason = _misfit(uow.session, event, device_id)
            if reason == "present":
                continue
            if reason is not None:
                uow.session.execute(insert(quarantine).prefix_with("OR REPLACE").values(
                    event_id=event.id, event=seal_json(uow.events.cipher, {**event.__dict__, "horizon": horizon}),
                    reason=reason,
                    quarantined_at=now))
                quarantined += 1
                continue
            values = {c: getattr(row, c) for c in row._fields if c != "seq"}
            values["horizon"] = horizon
            values["server_seq"] = None  # unsent: pushed again with the next sync
            uow.session.execute(insert(events).values(**values))
            carried += 1
        uow.commit()
    return carried, quarantined


def _misfit(session: Session, event, device_id: str) -> str | None:
    if session.execute(select(E.id).where(E.id == event.id)).first() is not None:
        return "present"
    if event.device_id != device_id:
        return "foreign_unsynced"
    if event.compute_hash() != event.hash:
        return "hash_mismatch"
    if session.execute(select(E.id).where(E.device_id == device_id, E.device_seq == event.device_seq)).first():
        return "chain_fork"
    before = hash_text(session.execute(select(E.hash).where(E.device_id == device_id,
                                                            E.device_seq == event.device_seq - 1)).scalar())
    if event.device_seq > 1 and before is not None and before != event.prev_hash:
        return "chain_fork"
    return None
