"""Push 上传: checking and accepting a device's events, one answer per event.

Order of checks for each event (oldest first): a known id (duplicate, or ``event_conflict`` when the
content differs); a replayed rejection; the hash and the device; the device chain (``chain_gap``: a
number skipped, ``chain_fork``: a number already taken, ``chain_broken``: the next number whose
``prev_hash`` is not the hash of the device's event stored before it); then the content (``event_checks``: the domain's acceptance of the event, scope,
stream, case number, actor and role). Content refusals are recorded in ``rejections`` and the device
chain runs through them, so the events after a refused one are still accepted; every refusal of a
push is written to the security log.

Gap-safe ordering: on PostgreSQL the batch takes ``pg_advisory_xact_lock`` before reading the
sequence counter and holds it until commit, so sequence numbers become visible in order and a
puller can never pass a number that a slower transaction commits later. SQLite has one writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, canonical_json
from app.messages import message
from app.security.fieldcrypt import seal_json
from app.sync.protocol import ChainHead, PushResponse, PushResult, WireEvent
from server import security_log
from server.auth import Device
from server.db import insert_ignore
from server.services import event_checks
from server.services.event_checks import Context
from server.tables import (
    blob_refs,
    counters,
    device_users,
    devices,
    events,
    rejections,
    stream_grants,
    streams,
)

SEQ_LOCK_KEY = 7220416  # pg_advisory_xact_lock key serialising server_seq assignment


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


def _rejected(event_id: str, code: str, **params: Any) -> PushResult:
    return PushResult(id=event_id, status="rejected", code=code, message=message(code, params), params=params)


def _lock(session: Session) -> None:
    """Serialise sequence assignment until this transaction ends (PostgreSQL; SQLite has one writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(SEQ_LOCK_KEY)))


def push(session: Session, device: Device, raw_events: list[dict[str, Any]]) -> PushResponse:
    parsed = [_parse(raw) for raw in raw_events]
    hashes_ok = {w.id: w.to_event().compute_hash() == w.hash for w in parsed if isinstance(w, WireEvent)}
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
    ctx = Context(session, device)
    ctx.preload({w.stream for w in wires if w.stream not in (SESSION_STREAM, ADMIN_STREAM)},
                {w.actor for w in wires})
    batch = Batch(seq=counter, chain_seq=dev.chain_seq, chain_hash=dev.chain_hash)
    now = iso_utc(utc_now())
    results = []
    for item in parsed:
        if not isinstance(item, WireEvent):
            results.append(_rejected(item, "malformed"))
            continue
        results.append(_one(item, device, batch, known, refused, ctx, hashes_ok[item.id], now))
    _write(session, device, batch, counter, ctx)
    _log_refusals(device, results)
    return PushResponse(results=results, chain=ChainHead(device_seq=batch.chain_seq, hash=batch.chain_hash))


def _log_refusals(device: Device, results: list[PushResult]) -> None:
    refused = [r for r in results if r.status == "rejected"]
    if refused:
        codes: dict[str, int] = {}
        for r in refused:
            codes[r.code or "rejected"] = codes.get(r.code or "rejected", 0) + 1
        security_log.record("events_refused", device=device.id, device_name=device.name, region=device.region_code,
                            codes=codes, events=[f"{r.id}:{r.code}" for r in refused[:20]])


def _same(row: Known, wire: WireEvent) -> bool:
    return row.hash == wire.hash and row.device_id == wire.device_id and row.device_seq == wire.device_seq


def _one(wire: WireEvent, device: Device, batch: Batch, known: dict[str, Known], refused: dict[str, Refused],
         ctx: Context, hash_ok: bool, now: str) -> PushResult:
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
        if wire.device_seq == batch.chain_seq + 1:  # the next number, but not linked to the event stored before it
            return _rejected(wire.id, "chain_broken", device_seq=wire.device_seq)
        return _rejected(wire.id, "chain_gap", device_seq=wire.device_seq, expected=batch.chain_seq + 1)
    batch.chain_seq, batch.chain_hash = wire.device_seq, wire.hash
    refusal = event_checks.check(wire.to_event(), ctx)
    if refusal is not None:
        code, params = refusal
        batch.rejection_rows.append({
            "id": wire.id, "device_id": wire.device_id, "device_seq": wire.device_seq, "hash": wire.hash,
            "code": code, "params": canonical_json(params), "received_at": now,
            "event": seal_json(ctx.cipher, wire.model_dump(exclude={"server_seq"})),
        })
        refused[wire.id] = Refused(wire.hash, code, params)
        return _rejected(wire.id, code, **params)
    batch.seq += 1
    region = _accept(wire, device, batch, ctx)
    row = wire.model_dump(exclude={"server_seq"})
    row.update(server_seq=batch.seq, payload=seal_json(ctx.cipher, wire.payload), region=region, prefecture=region[:4],
               province=region[:2], received_at=now, horizon=min(wire.horizon, batch.seq - 1))
    batch.event_rows.append(row)
    known[wire.id] = Known(wire.hash, wire.device_id, wire.device_seq, batch.seq)
    return PushResult(id=wire.id, status="accepted", server_seq=batch.seq)


def _accept(wire: WireEvent, device: Device, batch: Batch, ctx: Context) -> str:
    """Update stream state for an accepted event; returns the region the event is filed under."""
    if wire.stream in (SESSION_STREAM, ADMIN_STREAM):
        return device.region_code
    view = ctx.streams[wire.stream]
    assert view is not None
    if wire.action == "register":
        batch.new_streams[wire.stream] = {"stream": wire.stream, "region": view.region,
                                          "office_code": view.office_code, "case_no": view.case_no}
        batch.grants.append({"stream": wire.stream, "region": view.region, "granted_seq": batch.seq, "moved": 0})
        return view.region
    region = view.region
    if wire.action == "amend":
        new_region = (view.intake or {}).get("respondent", {}).get("region_code")
        if new_region and new_region != region:
            view.region = new_region  # later events go to the new region; this one still reaches the old
            if wire.stream in batch.new_streams:
                batch.new_streams[wire.stream]["region"] = new_region
            else:
                batch.moved[wire.stream] = new_region
            batch.grants.append({"stream": wire.stream, "region": new_region, "granted_seq": batch.seq, "moved": 1})
    if wire.action == "attach":
        batch.refs.add((wire.payload["sha256"], wire.stream, device.region_code))
    return region


def _write(session: Session, device: Device, batch: Batch, counter: int, ctx: Context) -> None:
    if batch.event_rows:
        session.execute(insert(events), batch.event_rows)
    if batch.rejection_rows:
        session.execute(insert(rejections), batch.rejection_rows)
    if batch.new_streams:
        session.execute(insert(streams), list(batch.new_streams.values()))
    for stream, region in batch.moved.items():
        session.execute(update(streams).where(streams.c.stream == stream).values(region=region))
    insert_ignore(session, stream_grants, batch.grants)
    for row in ctx.new_users.values():
        session.execute(delete(device_users).where(device_users.c.device_id == row["device_id"],
                                                   device_users.c.user_id == row["user_id"]))
        session.execute(insert(device_users).values(**row))
    insert_ignore(session, blob_refs, [{"sha256": sha, "stream": stream, "pusher_region": region}
                                       for sha, stream, region in sorted(batch.refs)])
    if batch.seq != counter:
        session.execute(update(counters).where(counters.c.name == "server_seq").values(value=batch.seq))
    session.execute(update(devices).where(devices.c.id == device.id).values(
        chain_seq=batch.chain_seq, chain_hash=batch.chain_hash, last_seen_at=iso_utc(utc_now())))
