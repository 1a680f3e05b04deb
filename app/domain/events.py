"""Events 事件: the append-only log that is at once the audit trail, the sync unit and the history.

Each event is hash-chained to the previous event of the same device: ``hash = SHA-256(canonical
fields + prev_hash)``. Editing, inserting or deleting a row breaks the chain where it happened.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.clock import china_date, parse_iso
from app.domain.event_fact import Fact

GENESIS = "0" * 64

# Streams that are not complaints: sessions (login/logout) and administration (users, settings).
SESSION_STREAM = "session"
ADMIN_STREAM = "admin"


def canonical_json(value: Any) -> str:
    """The one JSON spelling used for hashing and storage: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class Event:
    id: str
    stream: str  # complaint id, or SESSION_STREAM / ADMIN_STREAM
    action: str
    payload: dict[str, Any]
    actor: str  # user id ("" for a failed login by an unknown name)
    device_id: str
    device_seq: int  # 1, 2, 3... per device
    device_time: str  # ISO UTC, the device's clock
    base: str | None  # the head event of the stream the actor saw when acting
    prev_hash: str
    hash: str = ""
    server_seq: int | None = field(default=None, compare=False)

    @property
    def is_complaint_event(self) -> bool:
        return self.stream not in (SESSION_STREAM, ADMIN_STREAM)

    def hashed_fields(self) -> list[Any]:
        return [self.id, self.stream, self.action, self.payload, self.actor, self.device_id, self.device_seq,
                self.device_time, self.base, self.prev_hash]

    def compute_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.hashed_fields()).encode("utf-8")).hexdigest()

    def sealed(self) -> Event:
        """This event with its hash filled in."""
        return Event(**{**self.__dict__, "hash": self.compute_hash()})

    @property
    def on(self) -> date:
        return china_date(parse_iso(self.device_time))

    def fact(self) -> Fact:
        return Fact(id=self.id, complaint_id=self.stream, action=self.action, payload=self.payload,
                    actor=self.actor, at=self.device_time, on=self.on)
