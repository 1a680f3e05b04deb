"""Pull 下载 and the scope digest: the events a device may read, in hub order.

A device reads the events filed under a region in its scope, plus the history of complaints that
moved into its scope (``stream_grants``). The hub head is read before the events, and because
sequence numbers commit in order (see ``ingest``), every event up to that head is already visible:
a page never skips one that commits late. A short page ends the cursor at the head, so the next
pull starts after everything already considered and a sync with nothing new costs one index probe.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, not_, select, union
from sqlalchemy.orm import Session

from app.sync.digest import ScopeDigest
from app.sync.protocol import IntegrityResponse, PullResponse, wire_event
from server.auth import Device, prefix_range
from server.tables import counters, events, stream_grants


def hub_head(session: Session) -> int:
    return session.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()


def _in_scope(column, device: Device):
    lo, hi = prefix_range(device.prefix)
    return and_(column >= lo, column < hi)


def _filed_in_scope(device: Device):
    """The scope test on ``events`` as one equality on an indexed column (county, prefecture, province),
    so a pull is an ordered index range scan whatever the scope."""
    column = {6: events.c.region, 4: events.c.prefecture, 2: events.c.province}[len(device.prefix)]
    return column == device.prefix


def pull(session: Session, device: Device, cursor: int, limit: int, *, include_own: bool = False) -> PullResponse:
    head = hub_head(session)  # first: everything up to here has committed
    e = events.c
    where = [e.server_seq > cursor, e.server_seq <= head, _filed_in_scope(device)]
    if not include_own:
        where.append(e.device_id != device.id)
    rows = session.execute(select(events).where(*where).order_by(e.server_seq).limit(limit)).all()
    more = len(rows) == limit
    page_end = rows[-1].server_seq if more else head
    found = {row.id: row for row in rows}
    g = stream_grants.c
    grants = session.execute(
        select(g.stream, g.granted_seq).where(_in_scope(g.region, device), g.moved == 1, g.granted_seq > cursor,
                                              g.granted_seq <= page_end)
    ).all()
    for grant in grants:  # a complaint moved into this scope: send what came before
        history = session.execute(select(events).where(
            e.stream == grant.stream, e.server_seq <= grant.granted_seq, not_(_in_scope(e.region, device))))
        for row in history:
            found.setdefault(row.id, row)
    ordered = sorted(found.values(), key=lambda r: r.server_seq)
    return PullResponse(events=[wire_event(r) for r in ordered], next_cursor=max(page_end, cursor), more=more,
                        head=head)


def _digest_rows(session: Session, device: Device, cursor: int) -> Iterator[tuple[int, str]]:
    e, g = events.c, stream_grants.c
    direct = select(e.server_seq, e.hash).where(
        e.server_seq <= cursor, _filed_in_scope(device) | (e.device_id == device.id))
    moved = (select(e.server_seq, e.hash).join(stream_grants, g.stream == e.stream)
             .where(_in_scope(g.region, device), g.moved == 1, g.granted_seq <= cursor,
                    e.server_seq <= g.granted_seq))
    query = union(direct, moved).order_by("server_seq")
    for row in session.execute(query.execution_options(yield_per=5000)):
        yield row[0], row[1]


def integrity(session: Session, device: Device, cursor: int, count: int, digest: str) -> IntegrityResponse:
    ours = ScopeDigest().extend(_digest_rows(session, device, cursor))
    return IntegrityResponse(ok=ours.count == count and ours.hexdigest == digest, count=ours.count,
                             digest=ours.hexdigest)
