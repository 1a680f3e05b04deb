"""Heads of the pulled events 下载记录链头: what this device recorded, per origin device, as it pulled.

A device holds only the events of its scope, so another device's chain has gaps here and its hash
links cannot show a deleted event, a forged one appended after the last, or the last one edited and
re-sealed (its hash recomputed). So each pull, in the transaction that stores the page, advances a
head per origin device over the events it stored from it: their count, the highest ``server_seq``,
and a multiset digest (the sum modulo 2^256 of SHA-256("{server_seq}:{hash}") of each event). The sum
does not depend on the order the events arrived in: the history of a complaint moved into this
scope arrives after later events, with lower hub numbers (``server.services.feed``).

The heads are kept in ``meta`` (``pulled_head:<device id>``). ``audit verify`` recomputes them from the
events held and reports a difference (``app.security.audit``): fewer events than recorded
(``event_missing``), more (``event_inserted``; the extra ones are named when they come after the last
recorded hub number and the recorded ones are intact), or the same number with another digest
(``event_edited``: an event re-sealed).

The heads live in the same file as the events: they make tampering with pulled events visible to
``audit verify`` offline unless the heads are rewritten too, exactly as ``chain_head`` does for this
device's own chain. What one who rewrites both cannot hide is caught online: every sync's integrity
check compares a digest of every event held in scope with the hub's (``app.sync.integrity``), and the
hub's copy is the one that counts (docs/security.md).

A profile from before the heads existed adopts the events it holds once, at opening (``adopt``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.contract.event_record import hash_text
from app.store.meta import MetaStore
from app.store.tables import events, meta

PREFIX = "pulled_head:"
ADOPTED = "pulled_heads"  # meta key set once the heads cover every pulled event held


MODULUS = 2 ** 256


def item(server_seq: int, event_hash: str | bytes) -> int:
    """One event's term (``event_hash`` as 64 hex digits, or its 32 stored bytes: ``hash_text``)."""
    text = hash_text(event_hash)
    return int.from_bytes(hashlib.sha256(f"{server_seq}:{text}".encode("ascii")).digest(), "big")


@dataclass(frozen=True)
class Head:
    count: int = 0
    total: int = 0  # the multiset digest: sum of ``item`` modulo 2^256
    max_server_seq: int = 0

    def advance(self, server_seq: int, event_hash: str) -> Head:
        return Head(self.count + 1, (self.total + item(server_seq, event_hash)) % MODULUS,
                    max(self.max_server_seq, server_seq))

    def text(self) -> str:
        return f"{self.count}:{self.max_server_seq}:{self.total:064x}"

    @classmethod
    def parse(cls, value: str) -> Head:
        count, max_seq, total = value.split(":", 2)
        return cls(int(count), int(total, 16), int(max_seq))


def record_pulled(session: Session, rows: Iterable[tuple[str, int, str]], local_device_id: str) -> None:
    """Advance the heads over ``rows`` (origin device, server_seq, hash) just stored; this device's own
    events are left to its own chain."""
    store = MetaStore(session)
    heads: dict[str, Head] = {}
    for device, server_seq, event_hash in rows:
        if device == local_device_id:
            continue
        if device not in heads:
            stored = store.get(PREFIX + device)
            heads[device] = Head.parse(stored) if stored else Head()
        heads[device] = heads[device].advance(server_seq, event_hash)
    for device, head in heads.items():
        store.set(PREFIX + device, head.text())


def recorded_heads(session: Session) -> dict[str, Head]:
    rows = session.execute(select(meta.c.key, meta.c.value).where(meta.c.key.startswith(PREFIX, autoescape=True)))
    return {key[len(PREFIX):]: Head.parse(value) for key, value in rows}


def pulled_rows(session: Session, local_device_id: str):
    """(device_id, server_seq, hash, seq, id, device_seq) of every event held from another device
    that came through the hub, per device in device order (the unique index: no sort; the digest does
    not depend on the order)."""
    e = events.c
    return session.execute(select(e.device_id, e.server_seq, e.hash, e.seq, e.id, e.device_seq)
                           .where(e.device_id != local_device_id, e.server_seq.is_not(None))
                           .order_by(e.device_id, e.device_seq).execution_options(yield_per=5000))


def adopt(session: Session, local_device_id: str) -> bool:
    """Record the heads of every pulled event held, once (a profile from before the heads, or one
    just rebuilt from the hub by a repair). Returns whether it did."""
    store = MetaStore(session)
    if store.get(ADOPTED):
        return False
    reset(session, local_device_id)
    return True


def reset(session: Session, local_device_id: str) -> None:
    """The heads again from the events held (after a repair downloaded them all from the hub)."""
    session.execute(meta.delete().where(meta.c.key.startswith(PREFIX, autoescape=True)))
    heads: dict[str, Head] = {}
    for row in pulled_rows(session, local_device_id):
        heads[row.device_id] = heads.get(row.device_id, Head()).advance(row.server_seq, row.hash)
    store = MetaStore(session)
    for device, head in heads.items():
        store.set(PREFIX + device, head.text())
    store.set(ADOPTED, "1")
