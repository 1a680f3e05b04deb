"""What ``audit verify`` names about the events a device pulled from another (found by mutation testing,
issue 17): an event slipped in after the last one pulled is named by its row, id, device and number; one
from a device nothing was ever pulled from is named too (and the check does not break on it); a pulled
event deleted names the device whose chain lost it; a sealed value edited at rest names its device."""

from __future__ import annotations

from sqlalchemy import insert, text

from app.common.packing import pack_event, unpacked
from app.contract.event_record import event_values
from app.domain.events import GENESIS, Event
from app.security import pulled_chain
from app.security.audit import verify
from app.store.tables import events

OTHER, STRANGER = "dev-other", "dev-stranger"


def _chain(device: str, count: int, first_server_seq: int) -> list[Event]:
    made, prev = [], GENESIS
    for n in range(1, count + 1):
        event = Event(id=f"01a2f000-0000-7000-8000-{device[-5:]}{n:07d}", stream="admin", action="office_settings",
                      payload={"office_name": f"第{n}次"}, actor="01a2f000-0000-7000-8000-0000000000aa",
                      device_id=device, device_seq=n, device_time="2026-11-26T03:00:00.000Z", base=None,
                      prev_hash=prev).sealed()
        made.append(Event(**{**event.__dict__, "server_seq": first_server_seq + n}))
        prev = event.hash
    return made


def _store(uow, chain: list[Event], *, recorded: bool) -> None:
    uow.session.execute(insert(events), [event_values(e, cipher=uow.events.cipher) for e in chain])
    if recorded:
        pulled_chain.record_pulled(uow.session, [(e.device_id, e.server_seq, e.hash) for e in chain],
                                   uow.events.device_id)


def _problems(profile) -> list[tuple]:
    with profile.store.read() as session:
        return [(p.kind, p.event_id, p.device_id, p.device_seq) for p in verify(session, profile.device_id).problems]


def _delete(profile, event_id: str) -> None:
    """What an intruder with the file does: the append-only trigger dropped, one event deleted."""
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_delete"))
        uow.session.execute(text("DELETE FROM events WHERE id = :id"), {"id": event_id})
        uow.commit()


def test_pulled_events_slipped_in_or_from_a_device_never_pulled_are_named(office):
    profile = office.profile
    pulled = _chain(OTHER, 4, 100)
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled[:3], recorded=True)
        uow.commit()
    assert _problems(profile) == []
    stranger = _chain(STRANGER, 1, 200)
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled[3:], recorded=False)  # after the last one pulled: never pulled
        _store(uow, stranger, recorded=False)
        uow.commit()
    assert sorted(_problems(profile)) == sorted([("event_inserted", pulled[3].id, OTHER, 4),
                                                 ("event_inserted", stranger[0].id, STRANGER, 1)])


def test_a_pulled_event_deleted_names_the_device_that_lost_it(office):
    profile = office.profile
    pulled = _chain(OTHER, 3, 100)
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled, recorded=True)
        uow.commit()
    _delete(profile, pulled[1].id)
    assert ("event_missing", None, OTHER, None) in _problems(profile)


def test_a_sealed_value_edited_at_rest_names_its_event_and_device(office):
    profile = office.profile
    with profile.store.read() as session:  # payloads are stored packed (``app.common.packing``)
        rows = session.execute(text("SELECT id, payload, device_id, device_seq FROM events ORDER BY seq")).all()
    row = next(r for r in rows if "enc1:" in unpacked(r.payload))
    payload = unpacked(row.payload)
    token_start = payload.index("enc1:")
    tampered = payload[:token_start + 12] + ("A" if payload[token_start + 12] != "A" else "B") + \
        payload[token_start + 13:]
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_update"))
        uow.session.execute(text("UPDATE events SET payload = :p WHERE id = :id"),
                            {"p": pack_event(tampered), "id": row.id})
        uow.commit()
    assert ("token_tampered", row.id, row.device_id, row.device_seq) in _problems(profile)


def test_a_page_that_also_holds_this_devices_own_events_records_the_others_all_the_same(office):
    profile = office.profile
    pulled = _chain(OTHER, 3, 100)
    with profile.store.unit_of_work() as uow:
        uow.session.execute(insert(events), [event_values(e, cipher=uow.events.cipher) for e in pulled])
        own = (profile.device_id, 99, "f" * 64)  # a repair pulls this device's own events too
        pulled_chain.record_pulled(uow.session, [own, *((e.device_id, e.server_seq, e.hash) for e in pulled)],
                                   profile.device_id)
        uow.commit()
    assert _problems(profile) == []


def test_heads_recorded_page_by_page_or_reset_after_a_repair_verify_clean(office):
    profile = office.profile
    pulled = _chain(OTHER, 4, 100)
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled[:2], recorded=True)  # the first page
        uow.commit()
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled[2:], recorded=True)  # the next page goes on from the stored head
        uow.commit()
    assert _problems(profile) == []
    with profile.store.unit_of_work() as uow:
        pulled_chain.reset(uow.session, profile.device_id)  # what a repair does with what it downloaded
        uow.commit()
    assert _problems(profile) == []
    _delete(profile, pulled[0].id)
    assert ("event_missing", None, OTHER, None) in _problems(profile)


def test_a_pulled_event_resealed_at_rest_names_the_device_whose_chain_changed(office):
    profile = office.profile
    pulled = _chain(OTHER, 3, 100)
    with profile.store.unit_of_work() as uow:
        _store(uow, pulled, recorded=True)
        uow.commit()
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_update"))
        uow.session.execute(text("UPDATE events SET hash = :h WHERE id = :id"), {"h": "e" * 64, "id": pulled[1].id})
        uow.commit()
    assert ("event_edited", None, OTHER, None) in _problems(profile)
