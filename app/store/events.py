"""The event log repository: append (sealing the device hash chain) and read back in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.contract.event_record import HASHED, event_of, event_values, hash_text
from app.domain.events import GENESIS, Event
from app.security.fieldcrypt import FieldCipher, cipher_for
from app.store.tables import events


@dataclass(frozen=True)
class Draft:
    """An event before the log gives it its device sequence number and hash."""

    id: str
    stream: str
    action: str
    payload: dict[str, Any]
    actor: str
    device_time: str
    base: str | None = None


_INSERT_COLUMNS = (*HASHED, "server_seq")
_INSERT = f"INSERT INTO events ({', '.join(_INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
_CHAIN_HEAD = "SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1"
_SET_HEAD = ("INSERT INTO meta (key, value) VALUES ('chain_head', ?) "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


class EventLog:
    def __init__(self, session: Session, device_id: str) -> None:
        self.session = session
        self.device_id = device_id
        self._cipher: FieldCipher | None = None

    @property
    def cipher(self) -> FieldCipher:
        """The database's write key (the payload's personal data is stored sealed)."""
        if self._cipher is None:
            self._cipher = cipher_for(self.session)
        return self._cipher

    def chain_head(self, device_id: str | None = None) -> tuple[int, str]:
        """(last device_seq, last hash) of a device's chain; (0, GENESIS) when it has none."""
        row = self.session.connection().exec_driver_sql(_CHAIN_HEAD, (device_id or self.device_id,)).first()
        return (row[0], hash_text(row[1])) if row else (0, GENESIS)

    def append(self, draft: Draft) -> Event:
        """Seal ``draft`` onto this device's chain and store it (driver SQL: this is the hot path)."""
        seq, prev = self.chain_head()
        event = Event(
            id=draft.id, stream=draft.stream, action=draft.action, payload=draft.payload, actor=draft.actor,
            device_id=self.device_id, device_seq=seq + 1, device_time=draft.device_time, base=draft.base,
            prev_hash=prev,
        ).sealed()
        row = event_values(event, cipher=self.cipher)
        connection = self.session.connection()
        connection.exec_driver_sql(_INSERT, tuple(row[name] for name in _INSERT_COLUMNS))
        connection.exec_driver_sql(_SET_HEAD, (f"{event.device_seq}:{event.hash}",))
        return event

    def stream(self, stream: str) -> list[Event]:
        rows = self.session.execute(select(events).where(events.c.stream == stream).order_by(events.c.seq))
        return [event_of(row) for row in rows]

    def get(self, event_id: str) -> Event | None:
        row = self.session.execute(select(events).where(events.c.id == event_id)).first()
        return event_of(row) if row else None

    def count(self) -> int:
        return self.session.execute(select(func.count()).select_from(events)).scalar_one()
