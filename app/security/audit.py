"""Audit verification 审计校验: re-check every event's hash and every device chain.

Finds edited rows (hash no longer matches), deleted rows (a gap in a device's sequence or a chain that
skips), inserted rows (a link to the wrong predecessor, or an unsynced row claiming another device),
a truncated tail (the recorded chain head is missing), and sealed personal data that no longer opens
(``token_tampered``: AES-GCM authentication failed, the value was edited or moved at rest).

Events pulled from other devices have gaps here (only the scope's events are held), so their links
alone cannot show a deletion, an event forged after the last, or the last one re-sealed: they are
checked against the heads recorded, per origin device, when they were pulled
(``app.security.pulled_chain``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.events import GENESIS
from app.security.fieldcrypt import TokenError
from app.security.pulled_chain import Head, pulled_rows, recorded_heads
from app.store.meta import MetaStore
from app.store.tables import events


@dataclass(frozen=True)
class AuditProblem:
    kind: str  # event_edited | token_tampered | event_missing | event_inserted | chain_truncated | foreign_unsynced
    row: int | None  # local row number (events.seq)
    event_id: str | None
    device_id: str
    device_seq: int | None


@dataclass(frozen=True)
class AuditReport:
    events_checked: int
    devices: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, local_device_id: str) -> AuditReport:
    problems: list[AuditProblem] = []
    query = select(events).order_by(events.c.device_id, events.c.device_seq)
    previous: dict[str, tuple[int, str]] = {}
    checked = 0
    for row in session.execute(query):
        checked += 1
        try:
            event = event_of(row)
        except TokenError:  # a sealed value that fails authentication: edited (or moved) at rest
            event = event_of({**row._mapping, "payload": "{}"})
            problems.append(AuditProblem("token_tampered", row.seq, event.id, event.device_id, event.device_seq))
        except ValueError:  # a payload that does not unpack or parse: edited at rest
            event = event_of({**row._mapping, "payload": "{}"})
            problems.append(AuditProblem("event_edited", row.seq, event.id, event.device_id, event.device_seq))
        else:
            if event.compute_hash() != event.hash:
                problems.append(AuditProblem("event_edited", row.seq, event.id, event.device_id, event.device_seq))
        device = event.device_id
        if device != local_device_id and event.server_seq is None:
            problems.append(AuditProblem("foreign_unsynced", row.seq, event.id, device, event.device_seq))
        last_seq, last_hash = previous.get(device, (0, GENESIS))
        foreign = device != local_device_id
        if event.device_seq == last_seq + 1:
            if event.prev_hash != last_hash:
                problems.append(AuditProblem("event_inserted", row.seq, event.id, device, event.device_seq))
        elif event.device_seq <= last_seq:
            problems.append(AuditProblem("event_inserted", row.seq, event.id, device, event.device_seq))
        elif not foreign:  # another device's chain may have gaps: we only hold the events in our scope
            problems.append(AuditProblem("event_missing", row.seq, event.id, device, last_seq + 1))
        previous[device] = (event.device_seq, event.hash)
    recorded = MetaStore(session).get("chain_head")
    if recorded:
        head_seq, head_hash = recorded.split(":", 1)
        last_seq, last_hash = previous.get(local_device_id, (0, GENESIS))
        if int(head_seq) > last_seq or (int(head_seq) == last_seq and head_hash != last_hash):
            problems.append(AuditProblem("chain_truncated", None, None, local_device_id, int(head_seq)))
        elif int(head_seq) < last_seq:  # rows appended behind the application's back
            for row in session.execute(
                select(events.c.seq, events.c.id, events.c.device_seq)
                .where(events.c.device_id == local_device_id, events.c.device_seq > int(head_seq))
            ):
                problems.append(AuditProblem("event_inserted", row.seq, row.id, local_device_id, row.device_seq))
    problems.extend(_pulled_problems(session, local_device_id))
    return AuditReport(checked, len(previous), tuple(problems))


class _Held:
    """One origin device's pulled events as held now, against the head recorded as they were pulled."""

    def __init__(self, recorded: Head | None) -> None:
        self.recorded = recorded
        self.head = Head()
        self.known = Head()  # those up to the highest hub number recorded
        self.extra: list = []  # those after it (all of them without a recorded head)

    def add(self, row) -> None:
        self.head = self.head.advance(row.server_seq, row.hash)
        if self.recorded is not None and row.server_seq <= self.recorded.max_server_seq:
            self.known = self.known.advance(row.server_seq, row.hash)
        else:
            self.extra.append(row)

    def problems(self, device: str) -> list[AuditProblem]:
        want = self.recorded
        if want is not None and self.head.count < want.count:
            return [AuditProblem("event_missing", None, None, device, None)]
        if want is not None and (self.known.count, self.known.total) != (want.count, want.total):
            # a recorded one changed (re-sealed), or a forged one sits among them
            return [AuditProblem("event_edited" if self.head.count == want.count else "event_inserted",
                                 None, None, device, None)]
        # the recorded ones are intact (or none was recorded): those after them were never pulled
        return [AuditProblem("event_inserted", r.seq, r.id, device, r.device_seq) for r in self.extra]


def _pulled_problems(session: Session, local_device_id: str) -> list[AuditProblem]:
    """The pulled events of each origin device against the head recorded as they were pulled."""
    recorded = recorded_heads(session)
    held: dict[str, _Held] = {device: _Held(head) for device, head in recorded.items()}
    for row in pulled_rows(session, local_device_id):
        if row.device_id not in held:
            held[row.device_id] = _Held(None)
        held[row.device_id].add(row)
    return [problem for device, state in held.items() for problem in state.problems(device)]
