"""What a device makes of its own unsent work after a repair, and of the hub's quarantine list (found by
mutation testing, issue 17, app/sync check with seed 67). An unsent event is carried over to the fresh copy
only if it fits: one whose hash does not match its content is named ``hash_mismatch``; one whose link does
not follow this device's last event in the fresh copy is a ``chain_fork``; another device's is
``foreign_unsynced``. A quarantine list may name an event this device never received: it is kept (so a
later pull skips it) with no complaint to refold."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from app.domain.events import Event
from app.domain.ids import uuid7
from app.services import intake
from app.store.tables import quarantine
from app.sync.integrity import _misfit
from app.sync.protocol import QuarantinedEvent, QuarantineList
from app.sync.quarantine import apply_list
from tests.factories import intake as make_intake


def test_an_unsent_event_that_does_not_fit_the_fresh_copy_is_named(office):
    registered = intake.register(office.profile, office.clerk, make_intake())
    with office.profile.store.unit_of_work() as uow:
        seq, head = uow.events.chain_head()
        device = uow.events.device_id
        fits = Event(id=uuid7(), stream=registered.complaint_id, action="note", payload={"text": "电话联系投诉人"},
                     actor=office.clerk.user_id, device_id=device, device_seq=seq + 1,
                     device_time="2026-11-26T04:00:00.000Z", base=None, prev_hash=head).sealed()
        assert _misfit(uow.session, fits, device) is None
        assert _misfit(uow.session, replace(fits, hash="0" * 64), device) == "hash_mismatch"
        unlinked = replace(fits, prev_hash="1" * 64).sealed()  # its own hash is right, its link is not
        assert _misfit(uow.session, unlinked, device) == "chain_fork"
        assert _misfit(uow.session, fits, "another-device") == "foreign_unsynced"


def test_a_quarantined_event_this_device_never_received_is_kept_without_a_complaint(office):
    missing = uuid7()
    listing = QuarantineList(version=3, events=[QuarantinedEvent(event_id=missing, reason="admin_quarantine",
                                                                 note="重复推送", at="2026-11-26T04:00:00.000Z")])
    with office.profile.store.unit_of_work() as uow:
        touched = apply_list(uow, listing)
        uow.commit()
    assert touched == set()
    with office.profile.store.read() as session:
        rows = session.execute(select(quarantine.c.event_id, quarantine.c.stream, quarantine.c.reason)).all()
    assert [tuple(r) for r in rows] == [(missing, None, "admin_quarantine")]


def test_an_unsent_event_the_fresh_copy_already_holds_is_neither_copied_nor_set_aside(office, tmp_path):
    """Another device's event this PC holds without a hub number (seed 79): when the hub sent it in the repair,
    the fresh copy has it, and carrying the old unnumbered row over would only make it a quarantined double."""
    from app.store.uow import Store
    from app.sync.integrity import _carry_unsent

    old = office.profile.store
    registered = intake.register(office.profile, office.clerk, make_intake())
    event_id = uuid7()
    with old.unit_of_work() as uow:  # pulled before the hub numbered it (or written by a replaced device)
        connection = uow.session.connection()
        row = connection.exec_driver_sql("SELECT * FROM events WHERE stream = ? AND action = 'register'",
                                         (registered.complaint_id,)).mappings().one()
        copy = {**row, "id": event_id, "stream": uuid7(), "device_id": "another-device", "device_seq": 1,
                "server_seq": None}
        del copy["seq"]
        connection.exec_driver_sql(f"INSERT INTO events ({', '.join(copy)}) VALUES ({', '.join('?' * len(copy))})",
                                   tuple(copy.values()))
        uow.commit()
    fresh = Store(tmp_path / "fresh.sqlite")
    fresh.use_cipher(old.cipher)
    try:
        fresh.migrate(tmp_path / "backups")
        with old.read() as session:  # the hub sent it back numbered
            row = session.connection().exec_driver_sql("SELECT * FROM events WHERE id = ?", (event_id,)).mappings().one()
        with fresh.unit_of_work() as uow:
            uow.session.connection().exec_driver_sql(
                f"INSERT INTO events ({', '.join(k for k in row if k != 'seq')}) "
                f"VALUES ({', '.join('?' for k in row if k != 'seq')})",
                tuple(7 if k == "server_seq" else v for k, v in row.items() if k != "seq"))
            uow.commit()
        carried, quarantined = _carry_unsent(fresh, old, office.profile.device_id, 7)
        with fresh.read() as session:
            copies = session.connection().exec_driver_sql("SELECT count(*) FROM events WHERE id = ?", (event_id,)).scalar()
            aside = session.execute(select(quarantine.c.event_id)).scalars().all()
    finally:
        fresh.close()
    assert (copies, aside, quarantined) == (1, [], 0)
    with old.read() as session:  # this PC's own unsent work is what is carried over
        own = session.connection().exec_driver_sql("SELECT count(*) FROM events WHERE device_id = ?",
                                                   (office.profile.device_id,)).scalar()
    assert carried == own > 0
