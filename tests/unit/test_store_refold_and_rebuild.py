"""Recomputing complaints from their events (``app.store.projector``), as a sync and a rebuild do: a
refold gives the complaint the live path saved; an event the hub administrator quarantined is left out;
a second registration under a case number another complaint holds is set aside (``case_no_taken``)
instead of saved; a rebuild of events the hub has numbered gives the same rows, and its progress bar
counts up to full."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.security.fieldcrypt import open_json
from app.services import act, intake
from app.store import projector as projector_module
from app.store.projector import Projector
from app.store.tables import complaints, events, quarantine
from tests.factories import intake as make_intake

REGISTER_COLUMNS = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash, hash"


def _case(office, forward: bool = True) -> tuple[str, str]:
    reg = intake.register(office.profile, office.clerk, make_intake())
    if forward:
        act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})
    return reg.complaint_id, reg.case_no


def _copy_registration(office, of: str, **changes) -> None:
    """Another row in the log made from the registration of stream ``of``: ``changes`` by column."""
    with office.profile.store.unit_of_work() as uow:
        connection = uow.session.connection()
        row = connection.exec_driver_sql(f"SELECT {REGISTER_COLUMNS} FROM events WHERE stream = ? "
                                         "AND action = 'register'", (of,)).mappings().one()
        values = {**row, **changes}
        connection.exec_driver_sql(f"INSERT INTO events ({', '.join(values)}) VALUES ({','.join('?' * len(values))})",
                                   tuple(values.values()))
        uow.commit()


def _refold(office, stream):
    profile = office.profile
    with profile.store.unit_of_work() as uow:
        folded = Projector(profile.calendar, profile.rules).refold(uow.complaints, stream)
        uow.commit()
    return folded


def _stored(office, stream):
    with office.profile.store.reading() as uow:
        return uow.complaints.get(stream)


def _rows(office):
    """The list's rows and every aggregate, as they read."""
    with office.profile.store.read() as session:
        rows = [tuple(r) for r in session.execute(select(complaints).order_by(complaints.c.num))]
        data = [open_json(d) for d in session.connection().exec_driver_sql(
            "SELECT data FROM complaint_data ORDER BY num").scalars()]
    return rows, data


def test_a_refold_gives_the_complaint_the_live_path_saved(office):
    stream, _ = _case(office)
    before = _stored(office, stream)
    folded = _refold(office, stream)
    assert folded is not None and folded.to_json() == before.to_json()
    assert _stored(office, stream).to_json() == before.to_json()
    assert before.department == "双柏县人民政府"


def test_an_event_the_hub_quarantined_is_left_out_of_the_refold(office):
    stream, _ = _case(office)
    with office.profile.store.unit_of_work() as uow:
        forward = uow.session.execute(select(events.c.id).where(events.c.stream == stream,
                                                                events.c.action == "forward")).scalar_one()
        uow.session.execute(quarantine.insert().values(event_id=forward, event="{}", reason="admin_quarantine",
                                                       quarantined_at="2026-11-26T04:00:00Z", origin="hub",
                                                       stream=stream))
        uow.commit()
    folded = _refold(office, stream)
    assert folded.department is None and folded.state.value == "registered"
    assert _stored(office, stream).to_json() == folded.to_json()


def test_a_second_registration_of_a_held_case_number_is_set_aside_not_saved(office):
    stream, case_no = _case(office, forward=False)
    _copy_registration(office, stream, id="copied-registration", stream="another-complaint",
                       device_id="another-device", device_seq=1)
    assert _refold(office, "another-complaint") is None
    assert _stored(office, "another-complaint") is None
    with office.profile.store.read() as session:
        aside = session.execute(select(quarantine.c.event_id, quarantine.c.reason, quarantine.c.origin,
                                       quarantine.c.params, quarantine.c.stream)).all()
        holders = session.execute(select(complaints.c.id).where(complaints.c.case_no == case_no)).scalars().all()
    assert [tuple(a[:3]) for a in aside] == [("copied-registration", "case_no_taken", "fold")]
    assert json.loads(aside[0].params) == {"case_no": case_no} and aside[0].stream == "another-complaint"
    assert holders == [stream]
    assert _refold(office, stream) is not None  # the holder itself still folds


def _rebuild(office, progress=None) -> int:
    profile = office.profile
    with profile.store.unit_of_work() as uow:
        count = Projector(profile.calendar, profile.rules).rebuild(
            uow.complaints, progress=progress, total_events=uow.events.count())
        uow.commit()
    return count


def test_a_rebuild_of_events_the_hub_numbered_gives_the_same_rows(office):
    for forward in (True, False, True):
        _case(office, forward)
    live = _rows(office)
    with office.profile.store.unit_of_work() as uow:  # the hub accepted the first half, in its own order
        connection = uow.session.connection()
        seqs = list(connection.exec_driver_sql("SELECT seq FROM events ORDER BY seq").scalars())
        for number, seq in enumerate(seqs[: len(seqs) // 2], start=1):
            connection.exec_driver_sql("UPDATE events SET server_seq = ?, horizon = ? WHERE seq = ?",
                                       (number, number - 1, seq))
        uow.commit()
    assert _rebuild(office) == 3
    assert _rows(office) == live


def test_the_rebuild_progress_counts_up_to_full(office, monkeypatch):
    for _ in range(2):
        _case(office)
    monkeypatch.setattr(projector_module, "PROGRESS_EVERY", 3)
    reports: list[tuple[int, int]] = []
    with office.profile.store.read() as session:
        total_events = session.connection().exec_driver_sql("SELECT count(*) FROM events").scalar()
    assert _rebuild(office, lambda done, total: reports.append((done, total))) == 2
    assert len(reports) > total_events // 3  # the first pass reports too
    assert {total for _, total in reports} == {2 * total_events}
    done = [d for d, _ in reports]
    assert all(isinstance(d, int) for d in done) and done == sorted(done)
    assert done[0] == 3 and done[-1] == 2 * total_events


@pytest.mark.parametrize("chunk", [1, 500])
def test_a_rebuild_in_any_chunks_gives_the_live_rows(office, chunk):
    for forward in (True, False):
        _case(office, forward)
    live = _rows(office)
    profile = office.profile
    with profile.store.unit_of_work() as uow:
        assert Projector(profile.calendar, profile.rules).rebuild(uow.complaints, chunk=chunk) == 2
        uow.commit()
    assert _rows(office) == live


def test_what_the_fold_set_aside_is_replaced_for_every_stream_however_many(office):
    streams = [f"stream-{n:04d}" for n in range(1003)]
    with office.profile.store.unit_of_work() as uow:
        uow.session.execute(quarantine.insert(), [
            {"event_id": f"event-{s}", "event": "{}", "reason": "malformed", "quarantined_at": "2026-11-26T04:00:00Z",
             "origin": "fold", "stream": s} for s in streams] + [
            {"event_id": "by-the-hub", "event": "{}", "reason": "admin_quarantine",
             "quarantined_at": "2026-11-26T04:00:00Z", "origin": "hub", "stream": streams[500]}])
        projector_module.record_set_aside(uow.session, iter(streams), [])
        left = uow.session.execute(select(quarantine.c.event_id, quarantine.c.origin)).all()
    assert [tuple(r) for r in left] == [("by-the-hub", "hub")]  # the hub's own quarantine stays


def test_a_rebuild_keeps_the_first_holder_of_a_case_number_and_sets_the_other_aside(office):
    stream, case_no = _case(office, forward=False)
    with office.profile.store.unit_of_work() as uow:
        connection = uow.session.connection()
        row = list(connection.exec_driver_sql(
            f"SELECT {REGISTER_COLUMNS} FROM events WHERE stream = ? AND action = 'register'", (stream,)).one())
        for n in (1, 2):  # two later copies under other complaint ids, written by another device
            copy = [f"copied-{n}", f"another-complaint-{n}", *row[2:5], "another-device", n, *row[7:]]
            connection.exec_driver_sql(f"INSERT INTO events ({REGISTER_COLUMNS}) VALUES ({','.join('?' * 11)})",
                                       tuple(copy))
        uow.commit()
    assert _rebuild(office) == 1
    with office.profile.store.read() as session:
        holders = session.execute(select(complaints.c.id).where(complaints.c.case_no == case_no)).scalars().all()
        aside = session.execute(select(quarantine.c.event_id, quarantine.c.reason).order_by(
            quarantine.c.event_id)).all()
    assert holders == [stream]
    assert [tuple(a) for a in aside] == [("copied-1", "case_no_taken"), ("copied-2", "case_no_taken")]


def test_a_refold_applies_the_hubs_events_before_this_pcs_unsent_ones(office):
    stream, case_no = _case(office)  # registered and forwarded, then sent: the hub numbered both
    with office.profile.store.unit_of_work() as uow:
        connection = uow.session.connection()
        seqs = list(connection.exec_driver_sql("SELECT seq FROM events WHERE stream = ? ORDER BY seq",
                                               (stream,)).scalars())
        for number, seq in enumerate(seqs, start=1):
            connection.exec_driver_sql("UPDATE events SET server_seq = ?, horizon = ? WHERE seq = ?",
                                       (number, number - 1, seq))
        uow.commit()
    act.act(office.profile, office.handler, case_no, "note", {"text": "已电话联系被投诉单位"})  # not sent yet
    live = _stored(office, stream)
    folded = _refold(office, stream)
    assert folded.to_json() == live.to_json()  # the note folds onto the registered, forwarded complaint
    assert folded.version == len(seqs) + 1 and folded.department == "双柏县人民政府"


def test_new_case_numbers_already_held_are_found_in_every_batch_of_the_check(office):
    held = [_case(office, forward=False)[1] for _ in range(4)]
    new = [SimpleNamespace(id=f"new-{n}", case_no=f"532300-2026-{n + 5000:04d}") for n in range(1001)]
    # numbers are asked about 500 at a time: the first and last of the first batch, the first of the others
    for position, case_no in zip((0, 499, 500, 1000), held, strict=True):
        new[position] = SimpleNamespace(id=f"copy-{position}", case_no=case_no)
    profile = office.profile
    with profile.store.unit_of_work() as uow:
        kept = Projector(profile.calendar, profile.rules)._unique_numbers(uow.complaints, new)
    assert [c.id for c in kept] == [c.id for c in new if not c.id.startswith("copy-")]


def _found(office, term):
    from app.store.search import match_query

    blind = office.profile.store.cipher.blind
    with office.profile.store.read() as session:
        return session.connection().exec_driver_sql(
            "SELECT c.id FROM complaint_search s JOIN complaints c ON c.num = s.rowid "
            "WHERE complaint_search MATCH ?", (match_query(term, blind),)).scalars().all()


def test_a_refold_that_takes_the_department_away_takes_it_out_of_the_search(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "双柏县财政局"})
    assert _found(office, "双柏县财政局") == [reg.complaint_id]
    with office.profile.store.unit_of_work() as uow:  # the hub administrator quarantined the forward
        forward = uow.session.execute(select(events.c.id).where(events.c.stream == reg.complaint_id,
                                                                events.c.action == "forward")).scalar_one()
        uow.session.execute(quarantine.insert().values(event_id=forward, event="{}", reason="admin_quarantine",
                                                       quarantined_at="2026-11-26T04:00:00Z", origin="hub",
                                                       stream=reg.complaint_id))
        uow.commit()
    assert _refold(office, reg.complaint_id).department is None
    assert _found(office, "双柏县财政局") == []


def test_a_rebuild_records_what_the_fold_set_aside(office):
    stream, _ = _case(office, forward=False)  # another device's "forward" carrying a registration
    _copy_registration(office, stream, id="odd-forward", action="forward", device_id="another-device", device_seq=1)
    assert _rebuild(office) == 1
    with office.profile.store.read() as session:
        aside = session.execute(select(quarantine.c.event_id, quarantine.c.reason, quarantine.c.origin,
                                       quarantine.c.stream)).all()
    assert [(a.event_id, a.origin, a.stream) for a in aside] == [("odd-forward", "fold", stream)]
    assert aside[0].reason == "payload_invalid"
    assert _stored(office, stream).state.value == "registered"


def test_a_rebuild_after_everything_was_sent_gives_the_same_rows(office):
    for forward in (True, False):
        _case(office, forward)
    live = _rows(office)
    with office.profile.store.unit_of_work() as uow:  # a full sync: the hub numbered every event, in order
        connection = uow.session.connection()
        seqs = list(connection.exec_driver_sql("SELECT seq FROM events ORDER BY seq").scalars())
        for number, seq in enumerate(seqs, start=1):
            connection.exec_driver_sql("UPDATE events SET server_seq = ?, horizon = ? WHERE seq = ?",
                                       (number, number - 1, seq))
        uow.commit()
    assert _rebuild(office) == 2
    assert _rows(office) == live


def test_the_registration_set_aside_for_a_held_number_is_the_one_first_in_hub_order(office):
    stream, _ = _case(office, forward=False)
    with office.profile.store.unit_of_work() as uow:  # two registrations of another complaint under the same
        connection = uow.session.connection()          # number, written here in the opposite of the hub's order
        row = list(connection.exec_driver_sql(
            f"SELECT {REGISTER_COLUMNS} FROM events WHERE stream = ? AND action = 'register'", (stream,)).one())
        for event_id, device_seq, server_seq in (("later-on-the-hub", 1, 20), ("first-on-the-hub", 2, 10)):
            copy = [event_id, "another-complaint", *row[2:5], "another-device", device_seq, *row[7:]]
            connection.exec_driver_sql(f"INSERT INTO events ({REGISTER_COLUMNS}, server_seq, horizon) "
                                       f"VALUES ({','.join('?' * 13)})", (*copy, server_seq, server_seq - 1))
        uow.commit()
    assert _refold(office, "another-complaint") is None
    with office.profile.store.read() as session:
        aside = session.execute(select(quarantine.c.event_id, quarantine.c.reason)).all()
    assert [tuple(a) for a in aside] == [("first-on-the-hub", "case_no_taken")]
