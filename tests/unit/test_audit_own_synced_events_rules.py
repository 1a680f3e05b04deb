"""What ``audit verify`` says about this device's own events once they reached the hub, and after a repair
reset the pulled heads (found by mutation testing, issue 17): this device's own pushed events are its own
chain, not events "pulled" from a device nothing was recorded for; resetting the pulled heads keeps this
device's chain head, so a deleted last event of its own is still reported as a truncated chain; and it
forgets the heads carried over for a device whose events the hub no longer sent (no false "missing")."""

from __future__ import annotations

from sqlalchemy import func, insert, select, text, update

from app.contract.event_record import event_values
from app.domain.events import GENESIS, Event
from app.security import pulled_chain
from app.security.audit import verify
from app.store.tables import events


def _problems(profile) -> list[tuple]:
    with profile.store.read() as session:
        return [(p.kind, p.device_id) for p in verify(session, profile.device_id).problems]


def _push_all(profile) -> int:
    """What a sync does once the hub took this device's events: each gets its hub number."""
    with profile.store.unit_of_work() as uow:
        mine = events.c.device_id == profile.device_id
        uow.session.execute(update(events).where(mine).values(server_seq=events.c.seq + 1000))
        count = uow.session.execute(select(func.count()).where(mine)).scalar_one()
        uow.commit()
    return count


def test_this_devices_own_events_pushed_to_the_hub_verify_clean(office):
    profile = office.profile
    assert _push_all(profile) > 0
    assert _problems(profile) == []


def test_a_repair_resetting_the_pulled_heads_keeps_this_devices_chain_head(office):
    profile = office.profile
    _push_all(profile)
    with profile.store.unit_of_work() as uow:
        pulled_chain.reset(uow.session, profile.device_id)  # what a repair does with what it downloaded
        uow.commit()
    assert _problems(profile) == []
    with profile.store.unit_of_work() as uow:  # an intruder with the file deletes this device's last event
        last = uow.session.execute(select(func.max(events.c.device_seq))
                                   .where(events.c.device_id == profile.device_id)).scalar_one()
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_delete"))
        uow.session.execute(text("DELETE FROM events WHERE device_id = :d AND device_seq = :n"),
                            {"d": profile.device_id, "n": last})
        uow.commit()
    assert ("chain_truncated", profile.device_id) in _problems(profile)


def test_a_repair_forgets_the_heads_of_a_device_whose_events_the_hub_no_longer_sent(office):
    profile = office.profile
    other = Event(id="01a2f000-0000-7000-8000-0000000e0001", stream="admin", action="office_settings",
                  payload={"office_name": "别处"}, actor="01a2f000-0000-7000-8000-0000000000aa",
                  device_id="dev-gone", device_seq=1, device_time="2026-11-26T03:00:00.000Z", base=None,
                  prev_hash=GENESIS).sealed()
    other = Event(**{**other.__dict__, "server_seq": 500})
    with profile.store.unit_of_work() as uow:  # pulled once, its head recorded (and carried by the repair)
        uow.session.execute(insert(events), [event_values(other, cipher=uow.events.cipher)])
        pulled_chain.record_pulled(uow.session, [(other.device_id, other.server_seq, other.hash)], profile.device_id)
        uow.commit()
    with profile.store.unit_of_work() as uow:  # the repaired file: the hub did not send it again
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_delete"))
        uow.session.execute(text("DELETE FROM events WHERE device_id = 'dev-gone'"))
        pulled_chain.reset(uow.session, profile.device_id)
        uow.commit()
    assert _problems(profile) == []
