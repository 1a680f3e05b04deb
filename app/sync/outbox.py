"""Push 上传: this device's unsent events, oldest first, and what the hub answered for each.

An event leaves the outbox only when the hub has it (accepted or duplicate: ``server_seq`` set in
the same transaction that records the answer) or refused it (kept locally in ``sync_rejections``
with the hub's Chinese reason, and still shown). Nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.clock import iso_utc, utc_now
from app.domain.events import canonical_json
from app.store.tables import events
from app.sync.protocol import PushResponse, wire_values
from app.sync.tables import rejections

E = events.c


def _unsent(device_id: str):
    refused = select(rejections.c.event_id)
    return (E.device_id == device_id, E.server_seq.is_(None), E.id.not_in(refused))


def pending_count(session: Session, device_id: str) -> int:
    return session.execute(select(func.count()).select_from(events).where(*_unsent(device_id))).scalar_one()


def next_batch(session: Session, device_id: str, limit: int) -> list:
    return session.execute(select(events).where(*_unsent(device_id)).order_by(E.device_seq)
                           .limit(limit)).all()


def unsent_attachments(session: Session, device_id: str) -> list:
    return session.execute(select(E.action, E.payload).where(*_unsent(device_id), E.action == "attach")).all()


def wire(row, horizon: int) -> dict:
    return wire_values(event_of(row), horizon)


@dataclass
class PushOutcome:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    refold: set[str] = field(default_factory=set)  # complaints whose event order changed


def record_results(session: Session, rows: list, horizons: dict[str, int], response: PushResponse) -> PushOutcome:
    by_id = {row.id: row for row in rows}
    outcome = PushOutcome()
    now = iso_utc(utc_now())
    received = []
    for result in response.results:
        row = by_id.get(result.id)
        if row is None:
            continue
        if result.status in ("accepted", "duplicate") and result.server_seq is not None:
            received.append({"b_id": row.id, "b_seq": result.server_seq, "b_horizon": horizons[row.id]})
            if result.status == "accepted":
                outcome.accepted += 1
            else:
                outcome.duplicates += 1
        elif result.status == "rejected":
            session.execute(insert(rejections).prefix_with("OR REPLACE").values(
                event_id=row.id, code=result.code or "rejected", message=result.message or "",
                params=canonical_json(result.params), rejected_at=now))
            outcome.rejected += 1
            if row.stream not in ("session", "admin"):
                outcome.refold.add(row.stream)
    if received:
        session.execute(update(events).where(E.id == bindparam("b_id"), E.server_seq.is_(None))
                        .values(server_seq=bindparam("b_seq"), horizon=bindparam("b_horizon")), received)
    return outcome
