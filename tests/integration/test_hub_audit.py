"""The hub's audit check (issue 12): ``python -m server admin audit verify`` finds every tampered row of
every device's chain in the hub database (SQLite and PostgreSQL), and a push whose event does not link
to the device's previous stored event is refused with ``chain_broken``.
"""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import text

from server.__main__ import main as hub_main
from server.services import hub_audit
from tests.poison import Rogue
from tests.sync_fixtures import COUNTY_A, COUNTY_B, FORWARD, NOTE, act, device, register

pytest_plugins = ("tests.sync_fixtures",)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_hub(request):
    return request.getfixturevalue("hub" if request.param == "sqlite" else "pg_hub")


@pytest.fixture
def synced(any_hub, tmp_path):
    """Two counties, each with complaints forwarded and noted, pushed to the hub; one refused event."""
    a = device(any_hub, tmp_path / "a", COUNTY_A)
    b = device(any_hub, tmp_path / "b", COUNTY_B)
    for d in (a, b):
        for _ in range(2):
            cid = register(d)
            act(d, cid, "forward", FORWARD)
            act(d, cid, "note", NOTE)
        d.sync()
    rogue = Rogue(any_hub.url, a.profile, a.officer.user_id)
    refused = rogue.push(rogue.make(stream="no-such-complaint", action="note", payload=NOTE))
    assert refused.status == "rejected"  # the chain runs through the refused event
    accepted = rogue.push(rogue.make(stream=_first_stream(any_hub, a), action="note", payload=NOTE))
    assert accepted.status == "accepted"
    return a, b


def _first_stream(hub, d) -> str:
    with hub.database.reader() as session:
        return session.execute(text("SELECT stream FROM events WHERE device_id = :d AND action = 'register' "
                                    "ORDER BY device_seq LIMIT 1"), {"d": d.profile.device_id}).scalar_one()


def verify(hub, capsys, *extra: str) -> tuple[int, str]:
    umask = os.umask(0o077)  # the hub's main() sets 077 for its process: given back to the tests after it
    try:
        code = hub_main(["admin", "--db", hub.settings.database_url, "--data", str(hub.settings.data_dir),
                         *extra, "audit", "verify"])
    finally:
        os.umask(umask)
    out = capsys.readouterr()
    return code, out.out + out.err


def _execute(hub, sql: str, **params) -> None:
    with hub.database.writer() as session:
        session.execute(text(sql), params)
        session.commit()


def _row(hub, device_id: str, device_seq: int):
    with hub.database.reader() as session:
        return session.execute(text("SELECT id, server_seq, payload FROM events WHERE device_id = :d "
                                    "AND device_seq = :s"), {"d": device_id, "s": device_seq}).one()


def test_a_clean_hub_passes_and_each_kind_of_tampering_is_named(any_hub, synced, capsys):
    a, b = synced
    code, out = verify(any_hub, capsys)
    assert code == 0, out
    assert "未发现篡改" in out and "2 台设备" in out and "1 条拒收记录" in out
    shown: list[int] = []  # "已校验 n 条……" on a terminal: every 5,000 records and the total at the end
    with any_hub.database.reader() as session:
        report = hub_audit.verify_hub(session, progress=shown.append)
    assert shown == [report.events_checked + report.refused_checked]  # a handful: only the total, never a 0

    # an edited payload: the row's hash no longer matches
    edited = _row(any_hub, b.profile.device_id, 3)
    payload = json.loads(edited.payload)
    payload["text"] = "改过的内容"
    _execute(any_hub, "UPDATE events SET payload = :p WHERE id = :i", p=json.dumps(payload, ensure_ascii=False),
             i=edited.id)
    code, out = verify(any_hub, capsys)
    assert code == 3
    assert edited.id in out and "内容被修改" in out and f"中心序号 {edited.server_seq}" in out

    # a deleted row in the middle of a chain: the gap is named by device and number
    deleted = _row(any_hub, a.profile.device_id, 4)
    _execute(any_hub, "DELETE FROM events WHERE id = :i", i=deleted.id)
    code, out = verify(any_hub, capsys, "--json")
    assert code == 3
    problems = json.loads(out)["problems"]
    kinds = {(p["kind"], p["device_id"], p["device_seq"]) for p in problems}
    assert ("event_missing", a.profile.device_id, 4) in kinds
    assert ("event_edited", b.profile.device_id, 3) in kinds

    # the last event of a chain deleted: the device's recorded head says it existed
    with any_hub.database.reader() as session:
        last = session.execute(text("SELECT id, device_seq FROM events WHERE device_id = :d ORDER BY device_seq DESC "
                                    "LIMIT 1"), {"d": b.profile.device_id}).one()
    _execute(any_hub, "DELETE FROM events WHERE id = :i", i=last.id)
    code, out = verify(any_hub, capsys)
    assert code == 3 and "链尾记录被删除" in out and b.profile.device_id in out


def test_a_rehashed_edit_breaks_the_link_to_the_next_event(any_hub, synced, capsys):
    from app.contract.event_record import event_of

    a, _b = synced
    with any_hub.database.reader() as session:
        row = session.execute(text("SELECT * FROM events WHERE device_id = :d AND device_seq = 2"),
                              {"d": a.profile.device_id}).mappings().one()
    forged = event_of(row)
    forged = type(forged)(**{**forged.__dict__, "payload": {**forged.payload, "department": "别的部门"}}).sealed()
    _execute(any_hub, "UPDATE events SET payload = :p, hash = :h WHERE id = :i",
             p=json.dumps(forged.payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
             h=forged.hash, i=forged.id)
    code, out = verify(any_hub, capsys, "--json")
    assert code == 3
    problems = json.loads(out)["problems"]
    assert [(p["kind"], p["device_seq"]) for p in problems] == [("link_broken", 3)]
    assert problems[0]["label"].startswith("前序摘要")


def test_a_push_that_does_not_link_to_the_stored_chain_is_refused(any_hub, tmp_path):
    a = device(any_hub, tmp_path / "a", COUNTY_A)
    cid = register(a)
    a.sync()
    rogue = Rogue(any_hub.url, a.profile, a.officer.user_id)
    rogue.prev = "f" * 64  # the right number, but linked to an event the hub never stored
    answer = rogue.push(rogue.make(stream=cid, action="note", payload=NOTE))
    assert (answer.status, answer.code) == ("rejected", "chain_broken")
    assert "衔接不上" in answer.message
    with any_hub.database.reader() as session:
        stored = session.execute(text("SELECT COUNT(*) FROM events WHERE device_id = :d"),
                                 {"d": a.profile.device_id}).scalar_one()
    assert stored == 2  # login and registration; the refused event is neither stored nor counted in the chain


def test_a_row_whose_content_no_longer_reads_is_named_and_the_check_goes_on(any_hub, synced, capsys):
    a, _b = synced
    broken = _row(any_hub, a.profile.device_id, 2)
    _execute(any_hub, "UPDATE events SET payload = :p WHERE id = :i", p="{not json", i=broken.id)
    code, out = verify(any_hub, capsys, "--json")
    assert code == 3
    problems = json.loads(out)
    assert [(p["kind"], p["event_id"]) for p in problems["problems"]] == [("event_unreadable", broken.id)]
    assert problems["events_checked"] > 10  # every other row was still checked
