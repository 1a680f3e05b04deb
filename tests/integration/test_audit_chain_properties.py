"""``audit verify`` catches ANY single edited, inserted, deleted or re-sealed event, on the device's own
chain and among the events it pulled from another device (``app.security.audit``,
``app.security.pulled_chain``).

Two devices of one county take the workflow tour (``tests/workflow_walks.TOUR``: every action, offline
conflicts, several syncs), so each holds its own chain and the other's events pulled from the hub.
Each example copies one device's profile, tampers with one event the way someone holding the file
can (the append-only triggers dropped first), reopens the copy and runs ``audit verify``:

- edit: a hashed field changed, the hash left alone;
- re-seal: a field changed and the hash recomputed, anywhere in the chain or at its very end;
- delete: any event, the last one included;
- insert: a forged, correctly sealed event linked after the last one of a chain, or from a device
  this profile never pulled anything from.

Untampered copies verify clean. Seeded in CI; ``LVYUE_FUZZ_EXAMPLES=N`` runs N.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import text

from app.contract.event_record import event_of, event_values, hash_text
from app.domain.events import Event
from app.security import pulled_chain
from app.services import maintenance
from app.services.profile import open_profile
from tests.fuzz_budget import fuzz_settings
from tests.sync_fixtures import COUNTY_B, NOTE, PREFECTURE, act, device, register
from tests.workflow_walks import TOUR, Walker, walk_devices

pytest_plugins = ("tests.sync_fixtures",)  # the hub and memory_keyring fixtures

OPS = ("edit", "reseal", "reseal_last", "delete", "delete_last", "insert_after_last", "insert_new_device")
SIDES = ("own", "pulled")
TRIGGERS = ("events_append_only_update", "events_append_only_delete")


@pytest.fixture
def toured(hub, tmp_path):
    """The two devices after the tour, all synced."""
    devices = walk_devices(hub, tmp_path)
    files = tmp_path / "files"
    files.mkdir()
    Walker(devices, files).run(TOUR)
    return devices


@pytest.fixture
def copies(toured, tmp_path):
    """Backups of the two toured devices: (profile copy path, device id) each."""
    made = []
    for n, d in enumerate(toured):
        assert maintenance.verify_audit(d.profile).ok
        made.append((maintenance.backup(d.profile, tmp_path / f"device-{n}.sqlite"), d.profile.device_id))
    return made


def _rows(session, where: str, params: dict) -> list:
    return session.execute(text(f"SELECT * FROM events WHERE {where} ORDER BY server_seq, seq"), params).all()


def _last_of_chain(rows: list) -> object:
    device = rows[0].device_id
    return max((r for r in rows if r.device_id == device), key=lambda r: r.device_seq)


def tamper(session, cipher, local: str, op: str, side: str, pick: int) -> str:
    """Do ``op`` to one event of this device (``own``) or one pulled from another (``pulled``)."""
    for name in TRIGGERS:
        session.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    if side == "own":
        rows = _rows(session, "device_id = :d", {"d": local})
    else:
        rows = _rows(session, "device_id != :d AND server_seq IS NOT NULL", {"d": local})
    assert rows, side
    row = rows[pick % len(rows)]
    if op.endswith("_last") or op == "insert_after_last":
        row = _last_of_chain([row, *rows])
    event = event_of(row)
    if op in ("edit", "reseal", "reseal_last"):
        forged = replace(event, device_time="2026-01-01T00:00:00.000Z", hash=event.hash)
        if op != "edit":
            forged = forged.sealed()
        values = event_values(forged, cipher=cipher)
        session.execute(text("UPDATE events SET device_time = :t, hash = :h, payload = :p WHERE seq = :s"),
                        {"t": forged.device_time, "h": forged.hash, "p": values["payload"], "s": row.seq})
    elif op in ("delete", "delete_last"):
        session.execute(text("DELETE FROM events WHERE seq = :s"), {"s": row.seq})
    else:
        device = event.device_id if op == "insert_after_last" else str(uuid.UUID(int=pick + 1))
        forged = Event(id=str(uuid.UUID(int=10**12 + pick)), stream=event.stream, action="note",
                       payload={"text": "伪造的办理记录。"}, actor=event.actor, device_id=device,
                       device_seq=event.device_seq + 1 if op == "insert_after_last" else 1,
                       device_time=event.device_time, base=event.id,
                       prev_hash=event.hash if op == "insert_after_last" else "0" * 64, hash="").sealed()
        top = session.execute(text("SELECT COALESCE(MAX(server_seq), 0) FROM events")).scalar_one()
        server_seq = None if side == "own" and op == "insert_after_last" else top + 1
        session.execute(text(
            "INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, base, "
            "prev_hash, hash, server_seq, horizon) VALUES (:id, :stream, :action, :payload, :actor, :device_id, "
            ":device_seq, :device_time, :base, :prev_hash, :hash, :server_seq, :horizon)"),
            {**event_values(forged, cipher=cipher), "server_seq": server_seq, "horizon": top})
    return row.id


def _open_copy(source, home):
    home.mkdir()
    shutil.copyfile(source, home / "lvyue.sqlite")
    return open_profile(home, daily_backup=False)


def every_kind(test):
    """Each (tampering, side) once as an explicit example, on alternate devices, before the random ones."""
    for n, (op, side) in enumerate((op, side) for op in OPS for side in SIDES):
        test = example(device=n % 2, op=op, side=side, pick=n * 7)(test)
    return test


def test_the_untampered_copies_verify_clean(copies, tmp_path):
    for n, (source, device_id) in enumerate(copies):
        profile = _open_copy(source, tmp_path / f"clean-{n}")
        try:
            assert profile.device_id == device_id
            report = maintenance.verify_audit(profile)
            assert report.ok, report.problems
            with profile.store.read() as session:  # it holds pulled events: the property is about them too
                assert session.execute(text("SELECT COUNT(*) FROM events WHERE device_id != :d "
                                            "AND server_seq IS NOT NULL"), {"d": device_id}).scalar_one() > 10
        finally:
            profile.close()


def test_any_single_tampered_event_is_caught(copies, tmp_path):
    examples = iter(range(10**9))

    @fuzz_settings(6)
    @given(device=st.integers(0, 1), op=st.sampled_from(OPS), side=st.sampled_from(SIDES),
           pick=st.integers(0, 10**6))
    @every_kind
    def run(device, op, side, pick):
        source, device_id = copies[device]
        profile = _open_copy(source, tmp_path / f"example-{next(examples)}")
        try:
            with profile.store.unit_of_work() as uow:
                tamper(uow.session, uow.events.cipher, device_id, op, side, pick)
                uow.commit()
            report = maintenance.verify_audit(profile)
            assert not report.ok, (op, side)
        finally:
            profile.close()
            shutil.rmtree(profile.files.home)

    run()


def test_rewriting_the_recorded_heads_too_is_caught_by_the_next_sync(toured):
    """The heads live in the same file: one who re-seals a pulled event and records the heads again
    passes ``audit verify`` offline, and the next sync's integrity check (the hub's copy counts) finds
    the difference and repairs the profile from the hub (docs/security.md)."""
    d = toured[0]
    with d.profile.store.unit_of_work() as uow:
        changed = tamper(uow.session, uow.events.cipher, d.profile.device_id, "reseal_last", "pulled", 0)
        resealed = hash_text(uow.session.execute(text("SELECT hash FROM events WHERE id = :i"),
                                                 {"i": changed}).scalar_one())
        pulled_chain.reset(uow.session, d.profile.device_id)
        uow.commit()
    assert maintenance.verify_audit(d.profile).ok  # offline, a consistent rewrite of both goes unseen

    report = d.sync(verify=True)
    assert report.integrity == "repaired"
    assert maintenance.verify_audit(d.profile).ok
    with d.profile.store.read() as session:
        restored = hash_text(session.execute(text("SELECT hash FROM events WHERE id = :i"), {"i": changed}).scalar_one())
    assert restored != resealed  # the hub's event is back, not the re-sealed one


def test_the_history_of_a_complaint_moved_into_scope_verifies_clean(hub, tmp_path):
    """The history of a complaint moved into a county arrives after later events of the same device,
    with lower hub numbers (``server.services.feed``): the recorded heads do not depend on that order."""
    b = device(hub, tmp_path / "md", COUNTY_B)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    moved = register(p, "532322")  # 双柏's: not in 牟定's scope
    act(p, moved, "note", NOTE)
    p.sync()
    theirs = register(p, "532323")  # 牟定's, later in hub order
    for d in (p, b):
        d.sync()
    act(p, moved, "amend", {"changes": {"respondent.region_code": "532323", "respondent.name": "牟定县农业农村局"},
                            "reason": "被投诉主体所在地更正"})
    for d in (p, b):
        d.sync()
    with b.profile.store.read() as session:
        held = set(session.execute(text("SELECT stream FROM events WHERE device_id = :d"),
                                   {"d": p.profile.device_id}).scalars())
    assert {moved, theirs} <= held
    assert maintenance.verify_audit(b.profile).ok
