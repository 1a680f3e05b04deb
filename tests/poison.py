"""Helpers for the trust tests: a rogue device that pushes hand-made events on an enrolled device's
chain, and planting an event straight into a hub's log (as an older hub that checked nothing did)."""

from __future__ import annotations

import json

from sqlalchemy import insert, select, text, update

from app.domain.clock import iso_utc, utc_now
from app.domain.events import Event
from app.domain.ids import uuid7
from app.sync import credentials
from app.sync.transport import HubClient
from server.tables import counters
from server.tables import events as hub_events


class Rogue:
    """Pushes hand-made events on an enrolled device's chain (``profile`` of that device)."""

    def __init__(self, url: str, profile, actor: str) -> None:
        self.url = url
        self.device_id = profile.device_id
        self.token = credentials.load_token(self.device_id)
        with profile.store.unit_of_work() as uow:
            self.seq, self.prev = uow.events.chain_head()
        self.actor = actor

    def make(self, **fields) -> dict:
        values = {"id": uuid7(), "actor": self.actor, "device_time": iso_utc(utc_now()), "base": None, **fields}
        event = Event(device_id=self.device_id, device_seq=self.seq + 1, prev_hash=self.prev, **values).sealed()
        self.seq, self.prev = event.device_seq, event.hash
        return {**event.__dict__, "horizon": 0}

    def push(self, wire: dict):
        with HubClient(self.url, self.token, retries=False) as client:
            return client.push([wire]).results[0]


def hub_user_id(hub, username: str) -> str:
    with getattr(hub, "database", hub).reader() as session:
        return session.execute(text("SELECT id FROM users WHERE username = :u"), {"u": username}).scalar_one()


def stored_ids(hub) -> set[str]:
    with hub.database.reader() as session:
        return set(session.execute(select(hub_events.c.id)).scalars())


def plant(hub, wire: dict, region: str = "532322") -> None:
    """Store an event the way an older hub (which checked nothing) did: straight into the log.
    ``hub``: a ``LiveHub`` or a ``HubDatabase``."""
    database = getattr(hub, "database", hub)
    with database.writer() as session:
        seq = session.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one() + 1
        row = {k: v for k, v in wire.items() if k != "payload"}
        row.update(payload=json.dumps(wire["payload"], ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                   server_seq=seq, region=region, prefecture=region[:4], province=region[:2],
                   received_at=iso_utc(utc_now()), horizon=0)
        session.execute(insert(hub_events).values(**row))
        session.execute(update(counters).where(counters.c.name == "server_seq").values(value=seq))
        session.commit()


