"""Audit chain on a real file: edits, deletions and insertions are caught and named; login lockout."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.common.packing import unpacked
from app.contract.event_record import hash_text
from app.domain.errors import DomainError
from app.security.audit import AuditProblem
from app.services import act, auth, intake, maintenance
from tests.factories import PASSWORD
from tests.factories import intake as make_intake


def raw(office) -> sqlite3.Connection:
    """A connection as someone with a SQLite tool would have it, append-only triggers removed."""
    office.profile.store.close()
    con = sqlite3.connect(office.profile.files.database, isolation_level=None)
    con.execute("DROP TRIGGER IF EXISTS events_append_only_update")
    con.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
    return con


def insert_alien(con: sqlite3.Connection) -> None:
    """A copy of a forward event claiming to come from another device, never through the hub (no server_seq)."""
    cols = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash, hash"
    row = list(con.execute(f"SELECT {cols} FROM events WHERE action = 'forward'").fetchone())
    row[0], row[5], row[6] = "alien", "some-other-device", 1
    con.execute(f"INSERT INTO events ({cols}) VALUES ({','.join('?' * 11)})", row)


def with_cases(office, n=3):
    for _ in range(n):
        reg = intake.register(office.profile, office.clerk, make_intake())
        act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})


def kinds(report) -> list[str]:
    return [p.kind for p in report.problems]


def test_clean_log_verifies(office):
    with_cases(office)
    report = maintenance.verify_audit(office.profile)
    assert report.ok and report.events_checked > 10


def test_the_database_refuses_updates_and_deletes_of_events(office):
    with_cases(office, 1)
    con = sqlite3.connect(office.profile.files.database)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE events SET payload = '{}' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM events WHERE seq = 3")
    con.close()


def test_an_edited_row_is_named(office):
    with_cases(office)
    con = raw(office)
    seq, payload = con.execute("SELECT seq, payload FROM events WHERE action = 'forward' LIMIT 1").fetchone()
    changed = json.loads(unpacked(payload))  # stored packed (``app.common.packing``)
    changed["department"] = "另一个部门"
    con.execute("UPDATE events SET payload = ? WHERE seq = ?", (json.dumps(changed, ensure_ascii=False), seq))
    con.close()
    report = maintenance.verify_audit(office.profile)
    assert kinds(report) == ["event_edited"]
    assert report.problems[0].row == seq


def test_a_damaged_packed_payload_is_named(office):
    with_cases(office)
    con = raw(office)
    seq, payload = con.execute("SELECT seq, payload FROM events WHERE action = 'forward' LIMIT 1").fetchone()
    assert payload[:2] == b"e1"
    con.execute("UPDATE events SET payload = ? WHERE seq = ?", (payload[:-4] + b"\xff\x00\xff\x00", seq))
    con.close()
    report = maintenance.verify_audit(office.profile)
    assert kinds(report) == ["event_edited"]
    assert report.problems[0].row == seq


def test_a_deleted_row_is_named(office):
    with_cases(office)
    con = raw(office)
    seq, device_seq = con.execute("SELECT seq, device_seq FROM events WHERE action = 'register' LIMIT 1 OFFSET 1"
                                  ).fetchone()
    con.execute("DELETE FROM events WHERE seq = ?", (seq,))
    con.close()
    report = maintenance.verify_audit(office.profile)
    assert kinds(report) == ["event_missing"]
    assert report.problems[0].device_seq == device_seq


def test_a_deleted_tail_is_noticed(office):
    with_cases(office)
    con = raw(office)
    con.execute("DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)")
    con.close()
    assert kinds(maintenance.verify_audit(office.profile)) == ["chain_truncated"]


def test_an_inserted_row_is_named(office):
    with_cases(office)
    con = raw(office)
    cols = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash, hash"
    row = con.execute(f"SELECT {cols} FROM events WHERE action = 'forward' LIMIT 1").fetchone()
    top = con.execute("SELECT MAX(device_seq) FROM events").fetchone()[0]
    forged = list(row)
    forged[0] = "forged-event"
    forged[6] = top + 1
    con.execute(f"INSERT INTO events ({cols}) VALUES ({','.join('?' * 11)})", forged)
    con.close()
    report = maintenance.verify_audit(office.profile)
    assert "event_inserted" in kinds(report)
    assert any(p.event_id == "forged-event" for p in report.problems)


def test_a_row_claiming_another_device_is_named(office):
    with_cases(office, 1)
    con = raw(office)
    insert_alien(con)
    con.close()
    problems = maintenance.verify_audit(office.profile).problems
    assert AuditProblem in {type(p) for p in problems}
    assert {"foreign_unsynced", "event_edited"} <= {p.kind for p in problems}


def test_lockout_after_five_failures_for_fifteen_minutes(office):
    for attempt in range(4):
        with pytest.raises(DomainError) as failed:
            auth.login(office.profile, "handler", "wrong-password")
        assert failed.value.code == "login_failed" and failed.value.params["remaining"] == 4 - attempt
    with pytest.raises(DomainError, match="account_locked"):
        auth.login(office.profile, "handler", "wrong-password")
    with pytest.raises(DomainError, match="account_locked"):
        auth.login(office.profile, "handler", PASSWORD)  # even the right password, while locked
    office.clock.advance(minutes=14)
    with pytest.raises(DomainError, match="account_locked"):
        auth.login(office.profile, "handler", PASSWORD)
    office.clock.advance(minutes=2)
    assert auth.login(office.profile, "handler", PASSWORD).username == "handler"


def test_logins_and_failures_are_in_the_audit_trail(office):
    with pytest.raises(DomainError):
        auth.login(office.profile, "nobody", "x")
    with pytest.raises(DomainError):
        auth.login(office.profile, "clerk", "wrong")
    auth.logout(office.profile, office.clerk)
    with office.profile.store.unit_of_work() as uow:
        session_events = uow.events.stream("session")
    actions = [(e.action, e.payload.get("reason")) for e in session_events]
    assert ("login_failed", "unknown_user") in actions
    assert ("login_failed", "wrong_password") in actions
    assert ("logout", None) in actions
    assert sum(1 for a, _ in actions if a == "login") >= 6
    assert maintenance.verify_audit(office.profile).ok


def _foreign_chain(office, second_prev: str | None = None, second_seq: int = 2, reverse: bool = False) -> None:
    """Two events of another device as a pull stores them (server_seq set), the second linked to
    ``second_prev`` (default: the first's hash) and sealed again so its own hash is right."""
    from app.domain.events import GENESIS, Event

    cols = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash"
    con = raw(office)
    row = con.execute(f"SELECT {cols} FROM events WHERE action = 'forward' LIMIT 1").fetchone()
    first = Event(f"{row[0]}-a", row[1], "note", {"text": "另一台设备的记录"}, row[4], "another-device", 1,
                  row[7], row[8], GENESIS).sealed()
    second = Event(f"{row[0]}-b", row[1], "note", {"text": "第二条"}, row[4], "another-device", second_seq,
                   row[7], row[8], second_prev or first.hash).sealed()
    pair = [(1000, first), (1001, second)]
    for server_seq, event in reversed(pair) if reverse else pair:
        con.execute(f"INSERT INTO events ({cols}, hash, server_seq) VALUES ({','.join('?' * 12)})",
                    (event.id, event.stream, event.action, json.dumps(event.payload, ensure_ascii=False),
                     event.actor, event.device_id, event.device_seq, event.device_time, event.base,
                     event.prev_hash, event.hash, server_seq))
    con.commit()
    con.close()
    # as ``app.sync.inbox`` does in the same transaction: the heads ``audit verify`` checks pulled events against
    from app.security.pulled_chain import record_pulled

    with office.profile.store.unit_of_work() as uow:
        record_pulled(uow.session, [(event.device_id, server_seq, event.hash) for server_seq, event in pair],
                      office.profile.device_id)
        uow.commit()


def test_another_devices_chain_verifies_when_its_links_hold(office):
    with_cases(office, 1)
    _foreign_chain(office)
    report = maintenance.verify_audit(office.profile)
    assert report.ok and report.devices == 2


def test_a_resealed_event_linked_to_the_wrong_predecessor_on_another_device_is_named(office):
    with_cases(office, 1)
    _foreign_chain(office, second_prev="f" * 64)
    con = sqlite3.connect(office.profile.files.database)
    seq, event_id = con.execute("SELECT seq, id FROM events WHERE device_id = 'another-device' AND device_seq = 2"
                                ).fetchone()
    con.close()
    problems = maintenance.verify_audit(office.profile).problems
    assert problems == (AuditProblem("event_inserted", seq, event_id, "another-device", 2),)


def test_another_devices_chain_may_have_gaps_but_not_go_back(office):
    with_cases(office, 1)
    _foreign_chain(office, second_prev="f" * 64, second_seq=5)  # events 2-4 are outside our scope
    assert maintenance.verify_audit(office.profile).ok


def test_another_devices_events_stored_out_of_order_still_verify(office):
    """A complaint moving into our scope brings its earlier history after later events of the same device."""
    with_cases(office, 1)
    _foreign_chain(office, reverse=True)
    assert maintenance.verify_audit(office.profile).ok


def test_a_report_names_the_row_the_event_and_its_place_in_the_chain(office):
    with_cases(office)
    con = raw(office)
    total = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    seq, event_id, device, device_seq = con.execute(
        "SELECT seq, id, device_id, device_seq FROM events WHERE action = 'forward' LIMIT 1").fetchone()
    con.execute("UPDATE events SET actor = 'someone-else' WHERE seq = ?", (seq,))
    con.close()
    report = maintenance.verify_audit(office.profile)
    assert report.events_checked == total and report.devices == 1
    assert report.problems == (AuditProblem("event_edited", seq, event_id, device, device_seq),)


def test_an_unsynced_row_of_another_device_is_named_by_its_row(office):
    with_cases(office, 1)
    con = raw(office)
    insert_alien(con)
    seq = con.execute("SELECT seq FROM events WHERE id = 'alien'").fetchone()[0]
    con.close()
    problems = maintenance.verify_audit(office.profile).problems
    assert AuditProblem("foreign_unsynced", seq, "alien", "some-other-device", 1) in problems


def test_a_row_slipped_in_before_the_first_event_is_an_insertion(office):
    with_cases(office, 1)
    con = raw(office)
    cols = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash, hash"
    row = list(con.execute(f"SELECT {cols} FROM events WHERE action = 'forward'").fetchone())
    row[0], row[6] = "before-the-first", 0
    con.execute(f"INSERT INTO events ({cols}) VALUES ({','.join('?' * 11)})", row)
    seq = con.execute("SELECT seq FROM events WHERE id = 'before-the-first'").fetchone()[0]
    con.close()
    problems = maintenance.verify_audit(office.profile).problems
    assert AuditProblem("event_inserted", seq, "before-the-first", row[5], 0) in problems


def test_a_gap_and_a_cut_tail_are_named_by_row_event_and_sequence(office):
    with_cases(office)
    con = raw(office)
    device = con.execute("SELECT device_id FROM events LIMIT 1").fetchone()[0]
    gone = con.execute("SELECT device_seq FROM events WHERE action = 'register' LIMIT 1 OFFSET 1").fetchone()[0]
    after_seq, after_id = con.execute("SELECT seq, id FROM events WHERE device_seq = ?", (gone + 1,)).fetchone()
    top = con.execute("SELECT MAX(device_seq) FROM events").fetchone()[0]
    con.execute("DELETE FROM events WHERE device_seq IN (?, ?)", (gone, top))
    con.close()
    assert maintenance.verify_audit(office.profile).problems == (
        AuditProblem("event_missing", after_seq, after_id, device, gone),
        AuditProblem("chain_truncated", None, None, device, top),
    )


def test_a_well_chained_row_appended_behind_the_applications_back_is_an_insertion(office):
    from app.domain.events import Event

    with_cases(office, 1)
    cols = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash"
    con = raw(office)
    row = con.execute(f"SELECT {cols}, hash FROM events WHERE action = 'forward'").fetchone()
    top, last_hash = con.execute("SELECT device_seq, hash FROM events ORDER BY device_seq DESC LIMIT 1").fetchone()
    event = Event("appended", row[1], "note", {"text": "事后补写"}, row[4], row[5], top + 1, row[7], row[8],
                  hash_text(last_hash)).sealed()  # stored as 32 bytes  # its links hold: only the recorded chain head tells
    con.execute(f"INSERT INTO events ({cols}, hash) VALUES ({','.join('?' * 11)})",
                (event.id, event.stream, event.action, json.dumps(event.payload, ensure_ascii=False), event.actor,
                 event.device_id, event.device_seq, event.device_time, event.base, event.prev_hash, event.hash))
    seq = con.execute("SELECT seq FROM events WHERE id = 'appended'").fetchone()[0]
    con.close()
    assert maintenance.verify_audit(office.profile).problems == (
        AuditProblem("event_inserted", seq, "appended", row[5], top + 1),)
