"""The hub's audit check 中心审计校验: every device's chain in the hub database, on demand.

A device's chain on the hub is its accepted events (``events``) and its refused ones (``rejections``:
the chain runs through them), ordered by ``device_seq``. For each device the check recomputes every
event's hash (``event_edited``; ``event_unreadable`` when its content no longer reads at all), follows ``device_seq`` from 1 without gaps (``event_missing``) or
repeats (``event_duplicated``), checks each ``prev_hash`` against the hash of the event before it
(``link_broken``), and compares the last event with the head the hub recorded for the device when it
accepted the push (``devices.chain_seq``/``chain_hash``: ``chain_truncated``, ``head_mismatch``).
Events of a device the hub never enrolled are ``device_unknown``.

Rows are streamed in the order of the ``(device_id, device_seq)`` index and merged with the
rejections, so memory stays flat however many events the hub holds. Events are read through
``app.contract.event_record.event_of`` (which reads encrypted fields).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.events import GENESIS, Event
from server.tables import devices, events, rejections

KIND_LABELS = {
    "event_edited": "内容被修改（摘要不符）",
    "event_unreadable": "内容无法读取（在库中被改动）",
    "event_missing": "记录缺失（设备序号不连续）",
    "event_duplicated": "设备序号重复",
    "link_broken": "前序摘要与上一条记录不符（插入或替换的记录）",
    "chain_truncated": "链尾记录被删除",
    "head_mismatch": "链尾与中心记录的设备链头不符",
    "device_unknown": "未注册设备的记录",
}


@dataclass(frozen=True)
class HubAuditProblem:
    kind: str
    device_id: str
    device_seq: int | None
    event_id: str | None = None
    server_seq: int | None = None  # None: a refused event (rejections) or no row

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class HubAuditReport:
    events_checked: int
    refused_checked: int
    devices: int
    problems: tuple[HubAuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Link:
    device_id: str
    device_seq: int
    event: Event
    stored_hash: str
    server_seq: int | None
    readable: bool = True


def _read(values: dict[str, Any]) -> tuple[Event, bool]:
    """The event of a stored row, and whether its content could be read at all (a sealed value that no
    longer opens, or JSON that no longer parses, was altered at rest: ``event_unreadable``)."""
    try:
        return event_of(values), True
    except Exception:  # whatever the reader raises, the row is reported and the check goes on
        return event_of({**values, "payload": {}}), False


def _accepted(session: Session) -> Iterator[_Link]:
    query = select(events).order_by(events.c.device_id, events.c.device_seq).execution_options(yield_per=2000)
    for row in session.execute(query):
        event, readable = _read(dict(row._mapping))
        yield _Link(row.device_id, row.device_seq, event, row.hash, row.server_seq, readable)


def _refused(session: Session) -> Iterator[_Link]:
    r = rejections.c
    query = (select(r.id, r.device_id, r.device_seq, r.hash, r.event).order_by(r.device_id, r.device_seq)
             .execution_options(yield_per=2000))
    for row in session.execute(query):
        try:
            values = json.loads(row.event)
        except ValueError:
            values = {"id": row.id, "device_id": row.device_id, "device_seq": row.device_seq, "hash": "",
                      "payload": "{"}
        event, readable = _read(values)
        yield _Link(row.device_id, row.device_seq, event, row.hash, None, readable)


def verify_hub(session: Session, *, progress: Callable[[int], None] | None = None) -> HubAuditReport:
    heads: dict[str, tuple[int, str]] = {
        row.id: (row.chain_seq, row.chain_hash)
        for row in session.execute(select(devices.c.id, devices.c.chain_seq, devices.c.chain_hash))
    }
    problems: list[HubAuditProblem] = []
    counts = {"accepted": 0, "refused": 0}
    seen: set[str] = set()
    current: str | None = None
    last_seq, last_hash = 0, GENESIS

    def close(device: str | None, seq: int, hash_: str) -> None:
        if device is None or device not in heads:
            return
        head_seq, head_hash = heads[device]
        if head_seq > seq:
            problems.append(HubAuditProblem("chain_truncated", device, head_seq))
        elif (head_seq == seq and head_hash != hash_) or head_seq < seq:
            problems.append(HubAuditProblem("head_mismatch", device, seq))

    def key(link: _Link) -> tuple[str, int]:
        return link.device_id, link.device_seq

    merged = heapq.merge(_accepted(session), _refused(session), key=key)
    for n, link in enumerate(merged, 1):
        counts["accepted" if link.server_seq is not None else "refused"] += 1
        if progress is not None and n % 5000 == 0:
            progress(n)
        if link.device_id != current:
            close(current, last_seq, last_hash)
            current, last_seq, last_hash = link.device_id, 0, GENESIS
            seen.add(link.device_id)
            if link.device_id not in heads:
                problems.append(HubAuditProblem("device_unknown", link.device_id, link.device_seq, link.event.id,
                                                link.server_seq))
        where = (link.device_id, link.device_seq, link.event.id, link.server_seq)
        if not link.readable:
            problems.append(HubAuditProblem("event_unreadable", *where))
        elif link.event.compute_hash() != link.stored_hash:
            problems.append(HubAuditProblem("event_edited", *where))
        if link.device_seq <= last_seq:
            problems.append(HubAuditProblem("event_duplicated", *where))
            continue
        if link.device_seq > last_seq + 1:
            problems.append(HubAuditProblem("event_missing", link.device_id, last_seq + 1, None, None))
        elif link.event.prev_hash != last_hash:
            problems.append(HubAuditProblem("link_broken", *where))
        last_seq, last_hash = link.device_seq, link.stored_hash
    close(current, last_seq, last_hash)
    for device, (head_seq, _) in heads.items():
        if device not in seen and head_seq > 0:
            problems.append(HubAuditProblem("chain_truncated", device, head_seq))
    if progress is not None:
        progress(counts["accepted"] + counts["refused"])
    return HubAuditReport(counts["accepted"], counts["refused"], len(seen | {d for d, h in heads.items() if h[0]}),
                          tuple(problems))


def describe(report: HubAuditReport) -> str:
    lines = [f"已校验 {report.events_checked} 条已接收记录、{report.refused_checked} 条拒收记录（{report.devices} 台设备）。"]
    if report.ok:
        lines.append("各设备的审计链完整，未发现篡改。")
        return "\n".join(lines)
    lines.append(f"发现 {len(report.problems)} 处问题：")
    for p in report.problems:
        where = f"中心序号 {p.server_seq}" if p.server_seq is not None else ("拒收记录" if p.event_id else "—")
        lines.append(f"  × 设备 {p.device_id}  设备序号 {p.device_seq if p.device_seq is not None else '—'}  "
                     f"{where}  事件 {p.event_id or '—'}：{p.label}")
    return "\n".join(lines)


def problem_json(p: HubAuditProblem) -> dict[str, Any]:
    return {"kind": p.kind, "label": p.label, "device_id": p.device_id, "device_seq": p.device_seq,
            "event_id": p.event_id, "server_seq": p.server_seq}
