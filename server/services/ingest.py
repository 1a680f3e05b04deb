"""Push 上传: checking and accepting a device's events, one answer per event.

Order of checks for each event (oldest first): a known id (duplicate, or ``event_conflict`` when the
content differs); a replayed rejection; the hash and the device; the device chain (``chain_gap`` /
``chain_fork``); then the content (scope, stream). Content refusals are recorded in ``rejections``
and the device chain runs through them, so the events after a refused one are still accepted.

Gap-safe ordering: on PostgreSQL the batch takes ``pg_advisory_xact_lock`` before reading the
sequence counter and holds it until commit, so sequence numbers become visible in order and a
puller can never pass a number that a slower transaction commits later. SQLite has one writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, Event, canonical_json
from app.messages import message
from app.sync.protocol import ChainHead, PushResponse, PushResult, WireEvent
from server.auth import Device
from server.db import insert_ignore
from server.tables import blob_refs, counters, devices, events, rejections, stream_grants, streams

SEQ_LOCK_KEY = 7220416  # pg_advisory_xact_lock key serialising server_seq assignment
REGION_PATH = "respondent.region_code"


@dataclass(frozen=True)
class Known:
    hash: str
    device_id: str
    device_seq: int
    server_seq: int


@dataclass(frozen=True)
class Refused:
    hash: str
    code: str
    params: dict[str, Any]


@dataclass
class Batch:
    """What one push changes, collected in memory and written at the end."""

    seq: int
    chain_seq: int
    chain_hash: str
    event_rows: list[dict[str, Any]] = field(default_factory=list)
    rejection_rows: list[dict[str, Any]] = field(default_factory=list)
    new_streams: dict[str, dict[str, Any]] = field(default_factory=dict)
    moved: dict[str, str] = field(default_factory=dict)
    grants: list[dict[str, Any]] = field(default_factory=list)
    refs: set[tuple[str, str, str]] = field(default_factory=set)


def _parse(raw: dict[str, Any]) -> WireEvent | str:
    try:
        return WireEvent.model_validate(raw)
    except ValidationError:
        return str(raw.get("id") or "")[:64] if isinstance(raw, dict) else ""


def _event(wire: WireEvent) -> Event:
    return Event(id=wire.id, stream=wire.stream, action=wire.action, payload=wire.payload, actor=wire.actor,
                 device_id=wire.device_id, device_seq=wire.device_seq, device_time=wire.device_time,
                 base=wire.base, prev_hash=wire.prev_hash, hash=wire.hash)


def _rejected(event_id: str, code: str, **params: Any) -> PushResult:
    return PushResult(id=event_id, status="rejected", code=code, message=message(code, params), params=params)


def _lock(session: Session) -> None:
    """Serialise sequence assignment until this transaction ends (PostgreSQL; SQLite has one writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(SEQ_LOCK_KEY)))


def push(session: Session, device: Device, raw_events: list[dict[str, Any]]) -> PushResponse:
    parsed = [_parse(raw) for raw in raw_events]
    hashes_ok = {w.id: _event(w).compute_hash() == w.hash for w in parsed if isinstance(w, WireEvent)}
    _lock(session)
    counter = session.execute(
        select(counters.c.value).where(counters.c.name == "server_seq").with_for_update()
    ).scalar_one()
    dev = session.execute(
        select(devices.c.chain_seq, devices.c.chain_hash).where(devices.c.id == device.id).with_for_update()
    ).one()
    wires = [w for w in parsed if isinstance(w, WireEvent)]
    ids = [w.id for w in wires]
    known: dict[str, Known] = {}
    refused: dict[str, Refused] = {}
    if ids:
        for r in session.execute(select(events.c.id, events.c.hash, events.c.device_id, events.c.device_seq,
                                        events.c.server_seq).where(events.c.id.in_(ids))):
            known[r.id] = Known(r.hash, r.device_id, r.device_seq, r.server_seq)
        for r in session.execute(select(rejections.c.id, rejections.c.hash, rejections.c.code, rejections.c.params)
                                 .where(rejections.c.id.in_(ids))):
            refused[r.id] = Refused(r.hash, r.code, json.loads(r.params))
    names = {w.stream for w in wires}
    stream_state = {r.stream: {"region": r.region, "office_code": r.office_code}
                    for r in session.execute(select(streams).where(streams.c.stream.in_(names)))} if names else {}
    batch = Batch(seq=counter, chain_seq=dev.chain_seq, chain_hash=dev.chain_hash)
    now = iso_utc(utc_now())
    results = []
    for item in parsed:
        if not isinstance(item, WireEvent):
            results.append(_rejected(item, "malformed"))
            continue
        results.append(_one(item, device, batch, known, refused, stream_state, hashes_ok[item.id], now))
    _write(session, device, batch, counter)
    return PushResponse(results=results, chain=ChainHead(device_seq=batch.chain_seq, hash=batch.chain_hash))


def _same(row: Known, wire: WireEvent) -> bool:
    return row.hash == wire.hash and row.device_id == wire.device_id and row.device_seq == wire.device_seq


def _one(wire: WireEvent, device: Device, batch: Batch, known: dict[str, Known], refused: dict[str, Refused],
         stream_state: dict, hash_ok: bool, now: str) -> PushResult:
    if wire.id in known:
        row = known[wire.id]
        if _same(row, wire):
            return PushResult(id=wire.id, status="duplicate", server_seq=row.server_seq)
        return _rejected(wire.id, "event_conflict")
    if wire.id in refused:
        row = refused[wire.id]
        if row.hash == wire.hash:
            return _rejected(wire.id, row.code, **row.params)
        return _rejected(wire.id, "event_conflict")
    if not hash_ok:
        return _rejected(wire.id, "hash_mismatch")
    if wire.device_id != device.id:
        return _rejected(wire.id, "wrong_device")
    if wire.device_seq != batch.chain_seq + 1 or wire.prev_hash != batch.chain_hash:
        if wire.device_seq <= batch.chain_seq:
            return _rejected(wire.id, "chain_fork", device_seq=wire.device_seq, hub_seq=batch.chain_seq)
        return _rejected(wire.id, "chain_gap", device_seq=wire.device_seq, expected=batch.chain_seq + 1)
    batch.chain_seq, batch.chain_hash = wire.device_seq, wire.hash
    refusal = _content_problem(wire, device, stream_state)
    if refusal is not None:
        code, params = refusal
        batch.rejection_rows.append({
            "id": wire.id, "device_id": wire.device_id, "device_seq": wire.device_seq, "hash": wire.hash,
            "code": code, "params": canonical_json(params), "received_at": now,
            "event": canonical_json(wire.model_dump(exclude={"server_seq"})),
        })
        refused[wire.id] = Refused(wire.hash, code, params)
        return _rejected(wire.id, code, **params)
    batch.seq += 1
    region = _accept(wire, device, batch, stream_state)
    row = wire.model_dump(exclude={"server_seq"})
    row.update(server_seq=batch.seq, payload=canonical_json(wire.payload), region=region, prefecture=region[:4],
               province=region[:2], received_at=now, horizon=min(wire.horizon, batch.seq - 1))
    batch.event_rows.append(row)
    known[wire.id] = Known(wire.hash, wire.device_id, wire.device_seq, batch.seq)
    return PushResult(id=wire.id, status="accepted", server_seq=batch.seq)


def _region_of(payload: dict[str, Any]) -> str | None:
    try:
        region = payload["intake"]["respondent"]["region_code"]
    except (KeyError, TypeError):
        return None
    return region if isinstance(region, str) and len(region) == 6 and region.isdigit() else None


def _content_problem(wire: WireEvent, device: Device, stream_state: dict) -> tuple[str, dict] | None:
    if wire.stream in (SESSION_STREAM, ADMIN_STREAM):
        return None
    state = stream_state.get(wire.stream)
    if wire.action == "register":
        region, office = _region_of(wire.payload), wire.payload.get("office_code")
        if region is None or not (isinstance(office, str) and len(office) == 6 and office.isdigit()):
            return "payload_invalid", {"action": wire.action}
        if state is not None:
            return "stream_exists", {}
        if not (device.sees(region) and device.sees(office)):
            return "out_of_scope", {"region": region}
        return None
    if state is None:
        return "stream_unknown", {}
    if not device.sees(state["region"]):
        return "out_of_scope", {"region": state["region"]}
    if wire.action == "amend":
        changes = wire.payload.get("changes")
        if not isinstance(changes, dict):
            return "payload_invalid", {"action": wire.action}
        new_region = changes.get(REGION_PATH)
        if new_region is not None:
            if not (isinstance(new_region, str) and len(new_region) == 6 and new_region.isdigit()):
                return "payload_invalid", {"action": wire.action}
            if not device.sees(new_region):
                return "out_of_scope", {"region": new_region}
    if wire.action == "attach" and not isinstance(wire.payload.get("sha256"), str):
        return "payload_invalid", {"action": wire.action}
    return None


def _accept(wire: WireEvent, device: Device, batch: Batch, stream_state: dict) -> str:
    """Update stream state for an accepted event; returns the region the event is filed under."""
    if wire.stream in (SESSION_STREAM, ADMIN_STREAM):
        return device.region_code
    if wire.action == "register":
        region = _region_of(wire.payload)
        assert region is not None
        stream_state[wire.stream] = {"region": region, "office_code": wire.payload["office_code"]}
        batch.new_streams[wire.stream] = {"stream": wire.stream, **stream_state[wire.stream]}
        batch.grants.append({"stream": wire.stream, "region": region, "granted_seq": batch.seq, "moved": 0})
        return region
    state = stream_state[wire.stream]
    region = state["region"]
    if wire.action == "amend":
        new_region = wire.payload["changes"].get(REGION_PATH)
        if new_region and new_region != region:
            state["region"] = new_region  # later events go to the new region; this one still reaches the old
            if wire.stream in batch.new_streams:
                batch.new_streams[wire.stream]["region"] = new_region
            else:
                batch.moved[wire.stream] = new_region
            batch.grants.append({"stream": wire.stream, "region": new_region, "granted_seq": batch.seq, "moved": 1})
    if wire.action == "attach":
        batch.refs.add((wire.payload["sha256"], wire.stream, device.region_code))
    return region


def _write(session: Session, device: Device, batch: Batch, counter: int) -> None:
    if batch.event_rows:
        session.execute(insert(events), batch.event_rows)
    if batch.rejection_rows:
        session.execute(insert(rejections), batch.rejection_rows)
    if batch.new_streams:
        session.execute(insert(streams), list(batch.new_streams.values()))
    for stream, region in batch.moved.items():
        session.execute(update(streams).where(streams.c.stream == stream).values(region=region))
    insert_ignore(session, stream_grants, batch.grants)
    insert_ignore(session, blob_refs, [{"sha256": sha, "stream": stream, "pusher_region": region}
                                       for sha, stream, region in sorted(batch.refs)])
    if batch.seq != counter:
        session.execute(update(counters).where(counters.c.name == "server_seq").values(value=batch.seq))
    session.execute(update(devices).where(devices.c.id == device.id).values(
        chain_seq=batch.chain_seq, chain_hash=batch.chain_hash, last_seen_at=iso_utc(utc_now())))
