"""The event record 事件记录: its columns and its row form, the same in the profile and on the hub.

``Event`` (``app.domain.events``) is the domain's view; ``WireEvent`` (``app.sync.protocol``) is how
it travels. Both stores keep the same eleven hashed fields plus ``server_seq`` and ``horizon``; each
store adds its own bookkeeping (the profile: ``seq``, its local arrival order; the hub: the region
columns a pull filters on). ``event_columns`` builds the shared columns for either table, and
``event_of``/``event_values`` convert between a stored row and an ``Event``: nothing else spells them.

At rest the payload's personal data is sealed (``app.security.fieldcrypt``; which fields:
``app.domain.personal_data``): ``event_values(..., cipher=)`` writes the sealed payload and ``event_of``
opens it again, so the hash, the chain and the wire form stay those of the clear payload. A profile
also packs the sealed JSON (``stored_payload``: zlib with a preset dictionary, ``app.common.packing``;
migration 0020) and keeps ``prev_hash``/``hash`` as their 32 bytes (``stored_hash``); ``event_of`` and
``hash_text`` read packed and text forms alike (rows written before 0020, rows slipped in as text). The
hub stores text (it seals with ``seal_json`` itself and never calls ``event_values`` with a cipher).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import BigInteger, Column, Text

from app.common.packing import pack_event
from app.domain.events import Event, canonical_json
from app.security.fieldcrypt import FieldCipher, open_json, open_value, seal_json

# The fields the hash covers (``Event.hashed_fields``), in row order, then the hub's order and the horizon.
HASHED = ("id", "stream", "action", "payload", "actor", "device_id", "device_seq", "device_time", "base",
          "prev_hash", "hash")
STORED = (*HASHED, "server_seq", "horizon")
_HEX = re.compile(r"[0-9a-f]{64}")


def event_columns(*, hub: bool) -> list[Column]:
    """Fresh ``Column`` objects of the shared fields. On the hub ``server_seq`` is the primary key and
    every event has a horizon; in a profile both stay empty until the event has been through the hub."""
    return [
        *([Column("server_seq", BigInteger, primary_key=True, autoincrement=False)] if hub else []),
        Column("id", Text, nullable=False, unique=True),
        Column("stream", Text, nullable=False),  # complaint id, or "session" / "admin"
        Column("action", Text, nullable=False),
        Column("payload", Text, nullable=False),  # canonical JSON (a profile: packed, a BLOB)
        Column("actor", Text, nullable=False),
        Column("device_id", Text, nullable=False),
        Column("device_seq", BigInteger, nullable=False),
        Column("device_time", Text, nullable=False),
        Column("base", Text),
        Column("prev_hash", Text, nullable=False),  # 64 hex digits (a profile: its 32 bytes, a BLOB)
        Column("hash", Text, nullable=False),
        *([] if hub else [Column("server_seq", BigInteger, unique=True)]),  # set once by sync, in hub order
        Column("horizon", BigInteger, nullable=not hub),  # hub seq up to which the creator had pulled
    ]


def _get(row: Any, name: str, default: Any = None) -> Any:
    if isinstance(row, Mapping):
        return row.get(name, default)
    return getattr(row, name, default)


def stored_hash(value: Any) -> Any:
    """A profile's stored form of a hash: the 32 bytes of its 64 lowercase hex digits (anything else,
    which only a forged or damaged event holds, as it is: it then reads back unchanged)."""
    if isinstance(value, str) and _HEX.fullmatch(value):
        return bytes.fromhex(value)
    return value


def hash_text(value: Any) -> Any:
    """A stored hash as its 64 hex digits, whether stored as 32 bytes or as text (``None`` as it is)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def event_of(row: Any) -> Event:
    """An ``Event`` from a stored row (a SQLAlchemy ``Row``, a mapping or any object with the fields).
    ``payload`` may be its JSON text or already a dict; sealed values are opened (``TokenError`` when
    one does not: ``app.security.audit`` reports that as tampering)."""
    payload = _get(row, "payload")
    return Event(
        id=_get(row, "id"), stream=_get(row, "stream"), action=_get(row, "action"),
        payload=open_json(payload) if isinstance(payload, str | bytes) else open_value(payload),
        actor=_get(row, "actor"), device_id=_get(row, "device_id"), device_seq=_get(row, "device_seq"),
        device_time=_get(row, "device_time"), base=_get(row, "base"), prev_hash=hash_text(_get(row, "prev_hash")),
        hash=hash_text(_get(row, "hash")), server_seq=_get(row, "server_seq"),
    )


def stored_payload(cipher: FieldCipher, payload: Any, clear_json: str | None = None) -> bytes:
    """A profile's stored form of a payload: its canonical JSON, personal data sealed, packed."""
    return pack_event(seal_json(cipher, payload, clear_json))


def event_values(event: Event, *, horizon: int | None = None, payload_json: str | None = None,
                 cipher: FieldCipher | None = None) -> dict[str, Any]:
    """The row form of ``event``: every shared column (``payload`` as canonical JSON). With ``cipher``
    (only a profile writes with it, its own) the payload is stored sealed and packed
    (``stored_payload``) and the hashes as bytes (``stored_hash``); without it, the text form (the wire)."""
    payload = payload_json if payload_json is not None else canonical_json(event.payload)
    prev_hash, event_hash = event.prev_hash, event.hash
    if cipher is not None:
        prev_hash, event_hash = stored_hash(prev_hash), stored_hash(event_hash)
    return {
        "id": event.id, "stream": event.stream, "action": event.action,
        "payload": stored_payload(cipher, event.payload, payload) if cipher is not None else payload,
        "actor": event.actor, "device_id": event.device_id, "device_seq": event.device_seq,
        "device_time": event.device_time, "base": event.base, "prev_hash": prev_hash, "hash": event_hash,
        "server_seq": event.server_seq, "horizon": horizon,
    }
