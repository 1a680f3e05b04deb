"""The integrity check: a damaged local copy (rows deleted, edited or slipped in behind the app's
back) is found by the digest, backed up, and rebuilt from the hub; unsent work survives."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.common.packing import pack_event, unpacked
from app.domain.ids import uuid7
from app.services import maintenance
from tests.sync_fixtures import COUNTY_A, FORWARD, NOTE, PREFECTURE, act, device, projection, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def damage(profile, statements: list[str]) -> None:
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER events_append_only_update"))
        uow.session.execute(text("DROP TRIGGER events_append_only_delete"))
        for statement in statements:
            uow.session.execute(text(statement))
        uow.commit()


def edited_payloads(profile, stream: str, old: str, new: str) -> list[str]:
    """UPDATEs that replace ``old`` with ``new`` inside a stream's payloads (stored packed, so an SQL
    ``replace`` cannot reach the text)."""
    with profile.store.read() as session:
        rows = session.execute(text("SELECT seq, payload FROM events WHERE stream = :s"), {"s": stream}).all()
    edits = [f"UPDATE events SET payload = x'{pack_event(unpacked(p).replace(old, new)).hex()}' WHERE seq = {seq}"
             for seq, p in rows if old in unpacked(p)]
    assert edits, f"no payload of {stream} holds {old}"
    return edits


def test_a_damaged_scope_is_found_backed_up_and_repaired(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    made = [register(a) for _ in range(4)]
    act(a, made[0], "forward", FORWARD)
    a.sync()
    p.sync()
    assert p.sync(verify=True).integrity == "ok"
    act(p, made[1], "note", NOTE)  # pushed by the sync below, then comes back with the repair
    foreign = uuid7()
    damage(p.profile, [
        f"DELETE FROM events WHERE stream = '{made[2]}' AND action = 'register'",
        *edited_payloads(p.profile, made[0], "双柏县人民政府", "某某"),
        "INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, base, "
        f"prev_hash, hash, server_seq) VALUES ('{foreign}', '{made[3]}', 'note', '{{}}', 'x', 'intruder', 1, "
        f"'2026-11-26T00:00:00.000Z', NULL, '{'0' * 64}', '{'1' * 64}', NULL)",
    ])
    shown = []
    report = p.sync(progress=shown.append, verify=True)
    assert report.integrity == "repaired"
    assert Path(report.backup).exists()
    assert report.quarantined == 1  # the slipped-in row is kept aside, not dropped
    downloads = [s for s in shown if s.stage == "repair" and s.done]  # the status line counts the download
    assert downloads and downloads[-1].text == f"已重新下载 {downloads[-1].done} 条记录"
    status = p.status()
    assert [(q.code, q.origin) for q in status.quarantined] == [("foreign_unsynced", "repair")]
    a.sync()
    assert projection(p.profile) == projection(a.profile)  # the note included
    assert maintenance.verify_audit(p.profile).ok
    assert p.sync(verify=True).integrity == "ok"


def test_a_repair_keeps_work_that_was_not_sent_yet(hub, tmp_path):
    from app.sync import credentials
    from app.sync.runner import SyncRun
    from app.sync.transport import HubClient

    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    a.sync()
    act(a, cid, "forward", FORWARD)  # not sent yet
    damage(a.profile, [f"DELETE FROM events WHERE stream = '{cid}' AND action = 'register'"])
    with HubClient(hub.url, credentials.load_token(a.profile.device_id)) as client:
        SyncRun(a.profile, client, None, None).check(verify=None, repair=True)
    status = a.status()
    assert status.pending_events == 1 and not status.quarantined
    assert projection(a.profile)[cid]["state"] == "forwarded"
    assert maintenance.verify_audit(a.profile).ok
    assert a.sync().pushed == 1


def test_a_repair_keeps_the_credit_checks(hub, tmp_path):
    from app.services import credit_check
    from app.sync import credentials
    from app.sync.runner import SyncRun
    from app.sync.transport import HubClient

    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    a.sync()
    issued = credit_check.issue(a.profile, a.officer, name="双柏县财政局")  # local only, never synced
    damage(a.profile, [f"DELETE FROM events WHERE stream = '{cid}' AND action = 'register'"])
    with HubClient(hub.url, credentials.load_token(a.profile.device_id)) as client:
        SyncRun(a.profile, client, None, None).check(verify=None, repair=True)
    assert [c.number for c in credit_check.checks(a.profile, a.officer)] == [issued.number]
    assert credit_check.reprint(a.profile, a.officer, issued.number) == issued.pdf


def test_one_edited_event_is_found_although_the_count_still_matches(hub, tmp_path):
    """The digest, not only the number of events: one stored hash changed, nothing added or removed."""
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    made = [register(a) for _ in range(3)]
    a.sync()
    p.sync()
    assert p.sync(verify=True).integrity == "ok"
    damage(p.profile, [f"UPDATE events SET hash = '{'0' * 64}' WHERE stream = '{made[1]}' AND action = 'register'"])
    report = p.sync(verify=True)
    assert report.integrity == "repaired" and Path(report.backup).exists()
    assert p.sync(verify=True).integrity == "ok"
    assert projection(p.profile) == projection(a.profile)
