"""Scope and trust: a county device can neither read nor write another county's complaints, blobs or
numbers; a revoked device is refused at once; the prefecture sees every county; users reach the
devices of their scope (verifiers only where they may log in) so officers log in offline."""

from __future__ import annotations

import hashlib

import pytest

from app.domain.errors import DomainError
from app.domain.events import Event
from app.domain.ids import uuid7
from app.services import auth
from app.sync import credentials
from app.sync.transport import HubClient, SyncError
from tests.factories import PASSWORD, intake
from tests.sync_fixtures import (
    COUNTY_A,
    COUNTY_B,
    NOTE,
    PREFECTURE,
    act,
    device,
    projection,
    register,
)

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def client_of(hub, d) -> HubClient:
    return HubClient(hub.url, credentials.load_token(d.profile.device_id), retries=False)


def forged(d, chain: tuple[int, str], **fields) -> dict:
    """A correctly hashed and chained event of device ``d`` (what a tampered client could send)."""
    seq, prev = chain
    event = Event(id=uuid7(), actor=d.officer.user_id, device_id=d.profile.device_id, device_seq=seq + 1,
                  device_time="2026-11-26T03:00:00.000Z", prev_hash=prev, **fields).sealed()
    return {**event.__dict__, "horizon": 0}


def head(d) -> tuple[int, str]:
    with d.profile.store.unit_of_work() as uow:
        return uow.events.chain_head()


def test_a_county_cannot_read_or_write_another_county(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    b = device(hub, tmp_path / "md", COUNTY_B)
    theirs = register(b)
    act(b, theirs, "note", NOTE)
    b.sync()
    a.sync()
    with client_of(hub, a) as client:
        seen = client.pull(0, 1000, include_own=True)
        assert all(e.stream != theirs for e in seen.events)
        assert {e.device_id for e in seen.events} <= {a.profile.device_id}
        note = forged(a, head(a), stream=theirs, action="note", payload=NOTE, base=None)
        registration = forged(a, (note["device_seq"], note["hash"]), stream=uuid7(), action="register", base=None,
                              payload={"case_no": "532323-2026-9999", "office_code": "532323",
                                       "intake": intake("532323")})
        answer = client.push([note, registration])
    assert [r.code for r in answer.results] == ["out_of_scope", "out_of_scope"]
    assert "不在本设备的管辖范围" in answer.results[0].message
    assert set(projection(b.profile)) == {theirs}


def test_a_forged_registration_for_another_county_is_refused_and_stays_visible(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    with a.profile.store.unit_of_work() as uow:  # an event written behind the services' back
        from app.store.events import Draft

        uow.events.append(Draft(id=uuid7(), stream=uuid7(), action="register", actor=a.officer.user_id,
                                device_time="2026-11-26T03:00:00.000Z",
                                payload={"case_no": "532323-2026-0001", "office_code": "532323",
                                         "intake": intake("532323")}))
        uow.commit()
    mine = register(a)
    report = a.sync()
    assert report.rejected == 1 and report.pushed >= 1  # the event after the refused one still goes
    refused = a.status().rejected
    assert [r.code for r in refused] == ["out_of_scope"] and "532323" in refused[0].message
    assert mine in projection(a.profile)


def test_blobs_and_numbers_of_another_county_are_out_of_reach(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    b = device(hub, tmp_path / "md", COUNTY_B)
    data = "牟定县的合同扫描件".encode() * 100
    sha = hashlib.sha256(data).hexdigest()
    with client_of(hub, b) as client:
        assert client.blob_upload(sha, 0, len(data), data).exists
    theirs = register(b)
    from app.services.attachments import attach_file

    source = tmp_path / "合同.pdf"
    source.write_bytes(data)
    attach_file(b.profile, b.officer, theirs, source)
    b.sync()
    with client_of(hub, a) as client:
        assert not client.blob_status(sha).exists
        with pytest.raises(SyncError) as missing:
            client.blob_download(sha, tmp_path / "stolen")
        assert missing.value.code == "blob_not_found"
        with pytest.raises(SyncError) as numbers:
            client.numbers("case:532323", 2026, 10)
        assert numbers.value.code == "out_of_scope"
        assert client.numbers("case:532322", 2026, 10).end >= 10
        assert client.numbers("doc:双发改受", 2026, 5).start >= 1  # a's office issues in this prefix
    with client_of(hub, b) as client:
        with pytest.raises(SyncError) as prefix:
            client.numbers("doc:双发改受", 2026, 5)  # 双柏's 发文字号 prefix is not 牟定's to use
        assert prefix.value.code == "prefix_owned_elsewhere" and prefix.value.params["owner"] == "532322"


def test_a_revoked_device_is_refused_at_once_and_keeps_its_data(hub, tmp_path):
    from server.services import enrolment

    a = device(hub, tmp_path / "sb", COUNTY_A)
    register(a)
    hub.admin(enrolment.revoke, a.profile.device_id)
    with pytest.raises(DomainError) as refused:
        a.sync()
    assert refused.value.code == "device_revoked" and not refused.value.transient
    status = a.status()
    assert "吊销" in status.last_error_message and status.pending_events > 0


def test_the_prefecture_sees_every_county_and_users_reach_their_scope(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    b = device(hub, tmp_path / "md", COUNTY_B)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    ours, theirs = register(a), register(b)
    for d in (a, b, p):
        d.sync()
    assert {ours, theirs} <= set(projection(p.profile))
    with pytest.raises(DomainError):
        auth.login(a.profile, "md_officer", PASSWORD)  # another county's officer is not on this device
    assert auth.login(a.profile, "sb_officer", PASSWORD).region_code == "532322"  # offline login
    with pytest.raises(DomainError):  # the prefecture device knows 牟定's officer, but holds no verifier for him
        auth.login(p.profile, "md_officer", PASSWORD)
    assert auth.login(p.profile, "zhou_leader", PASSWORD).region_code == "532300"


def test_a_complaint_moved_to_another_county_takes_its_history_along(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    b = device(hub, tmp_path / "md", COUNTY_B)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    cid = register(p, "532322")  # registered by the prefecture against a 双柏 body
    act(p, cid, "note", NOTE)
    for d in (p, a, b):
        d.sync()
    assert cid in projection(a.profile) and cid not in projection(b.profile)
    act(p, cid, "amend", {"changes": {"respondent.region_code": "532323",
                                      "respondent.name": "牟定县农业农村局"}, "reason": "被投诉主体所在地更正"})
    for d in (p, a, b):
        d.sync()
    moved = projection(b.profile)[cid]
    assert moved["region_code"] == "532323" and moved == projection(p.profile)[cid]
    assert projection(a.profile)[cid]["region_code"] == "532323"  # 双柏 learns it left its scope
    # the history goes once: a pull from the move's own hub number on (the cursor a device holds after
    # the page that carried it) brings nothing of the earlier history again
    from sqlalchemy import text

    with hub.database.reader() as session:
        granted = session.execute(text("SELECT granted_seq FROM stream_grants WHERE stream = :s AND moved = 1"),
                                  {"s": cid}).scalar_one()
    client = client_of(hub, b)
    before = client.pull(granted - 1, 500)
    assert {e.stream for e in before.events} == {cid} and len(before.events) >= 3  # history + the amendment
    assert client.pull(granted, 500).events == []


def test_a_document_prefix_used_by_another_county_is_a_warning_not_a_failed_sync(hub, tmp_path, monkeypatch):
    from app.services import sync

    a = device(hub, tmp_path / "sb", COUNTY_A)  # 双柏's prefixes (双发改受 …) are its own by rule
    b = device(hub, tmp_path / "md", COUNTY_B)
    monkeypatch.setattr(sync, "_document_prefixes", lambda profile: ["双发改受"])  # 牟定 misconfigured
    register(b)
    report = b.sync()
    assert report.pushed >= 1  # the sync itself goes on
    assert any("双发改受" in w and "前缀" in w for w in report.warnings)
    assert a.sync().warnings == []


def test_a_pull_leaves_out_the_devices_own_events_unless_a_repair_asks_for_them(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)  # a second PC of the same office
    mine, theirs = register(a), register(a2)
    a.sync()
    a2.sync()
    with client_of(hub, a) as client:
        pulled = client.pull(0, 1000)
        everything = client.pull(0, 1000, include_own=True)  # what the repair downloads
    assert a.profile.device_id not in {e.device_id for e in pulled.events}
    assert theirs in {e.stream for e in pulled.events} and mine not in {e.stream for e in pulled.events}
    own = {e.id for e in everything.events if e.device_id == a.profile.device_id}
    assert own and {e.stream for e in everything.events} >= {mine, theirs}
    assert {e.id for e in everything.events} - own == {e.id for e in pulled.events}
