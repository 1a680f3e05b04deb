"""A profile from before the pulled-event heads (found by mutation testing, issue 17): it adopts the pulled
events it holds once, so ``audit verify`` checks them from then on; adopting again does nothing, so an
event deleted afterwards is not hidden by a second adoption at the next start."""

from __future__ import annotations

from sqlalchemy import insert, text

from app.contract.event_record import event_values
from app.domain.events import GENESIS, Event
from app.security import pulled_chain
from app.security.audit import verify
from app.store.tables import events, meta

OTHER = "dev-other"


def _pulled(count: int) -> list[Event]:
    made, prev = [], GENESIS
    for n in range(1, count + 1):
        event = Event(id=f"01a2f000-0000-7000-8000-0000000f{n:04d}", stream="admin", action="office_settings",
                      payload={"office_name": f"第{n}次"}, actor="01a2f000-0000-7000-8000-0000000000aa",
                      device_id=OTHER, device_seq=n, device_time="2026-11-26T03:00:00.000Z", base=None,
                      prev_hash=prev).sealed()
        made.append(Event(**{**event.__dict__, "server_seq": 300 + n}))
        prev = event.hash
    return made


def _problems(profile) -> list[tuple]:
    with profile.store.read() as session:
        return [(p.kind, p.device_id) for p in verify(session, profile.device_id).problems]


def _adopt(profile) -> bool:
    with profile.store.unit_of_work() as uow:
        done = pulled_chain.adopt(uow.session, profile.device_id)
        uow.commit()
    return done


def test_an_old_profile_adopts_its_pulled_events_once_and_a_later_deletion_is_caught(office):
    profile = office.profile
    pulled = _pulled(3)
    with profile.store.unit_of_work() as uow:  # pulled before the heads existed: no head, not adopted
        uow.session.execute(insert(events), [event_values(e, cipher=uow.events.cipher) for e in pulled])
        uow.session.execute(meta.delete().where(meta.c.key == pulled_chain.ADOPTED))
        uow.commit()
    assert _adopt(profile) is True
    assert _problems(profile) == []
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_delete"))
        uow.session.execute(text("DELETE FROM events WHERE id = :id"), {"id": pulled[1].id})
        uow.commit()
    assert _adopt(profile) is False  # the next start: already adopted, the heads stay as recorded
    assert ("event_missing", OTHER) in _problems(profile)
