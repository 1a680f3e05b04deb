"""Devices working offline, then syncing: everyone ends with the same complaints; concurrent
transitions are kept and flagged “待核对” on every device until a leader resolves them."""

from __future__ import annotations

from app.services import maintenance, queries
from app.services.act import act as take
from tests.sync_fixtures import (
    CONCLUDE_UNFOUNDED,
    COUNTY_A,
    COUNTY_B,
    FORWARD,
    NOTE,
    PREFECTURE,
    REJECT,
    act,
    device,
    event_ids,
    projection,
    register,
)

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def same_rows(devices, complaint_ids):
    rows = [projection(d.profile) for d in devices]
    for cid in complaint_ids:
        first = rows[0][cid]
        for other in rows[1:]:
            assert other[cid] == first, cid
    return rows[0]


def rebuilt_equals_live(d):
    live = projection(d.profile)
    maintenance.rebuild_projections(d.profile)
    assert projection(d.profile) == live


def test_two_counties_work_offline_then_everyone_converges(hub, tmp_path):
    a = device(hub, tmp_path / "shuangbai", COUNTY_A)
    b = device(hub, tmp_path / "mouding", COUNTY_B)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    mine = [register(a) for _ in range(3)]
    act(a, mine[0], "forward", FORWARD)
    act(a, mine[1], "note", NOTE)
    theirs = [register(b) for _ in range(2)]
    act(b, theirs[0], "reject", REJECT)

    for d in (a, b, p, a, b):
        d.sync()

    assert set(projection(a.profile)) == set(mine)  # a county never sees another county's complaints
    assert set(projection(b.profile)) == set(theirs)
    assert set(projection(p.profile)) == set(mine + theirs)  # the prefecture sees every county
    same_rows([a, p], mine)
    same_rows([b, p], theirs)
    assert a.status().pending_events == 0 and b.status().pending_events == 0
    assert hub.count("events") == len(event_ids(a.profile) | event_ids(b.profile) | event_ids(p.profile))
    again = a.sync()
    assert (again.pushed, again.pulled, again.rejected) == (0, 0, 0)
    for d in (a, b, p):
        rebuilt_equals_live(d)


def test_concurrent_transitions_are_kept_flagged_and_resolved_everywhere(hub, tmp_path):
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    cid = register(a1)
    for d in (a1, a2, p):
        d.sync()

    act(a1, cid, "forward", FORWARD)  # offline, both from "registered"
    act(a2, cid, "reject", REJECT)
    act(p, cid, "note", NOTE)
    for d in (a2, a1, p, a1, a2):  # the hub sees: reject, forward, note
        d.sync()

    rows = same_rows([a1, a2, p], [cid])
    row = rows[cid]
    assert row["state"] == "closed" and row["conflict"] == 1
    detail = queries.get_complaint(p.profile, p.officer, cid).complaint
    assert [k["action"] for k in detail.conflicts] == ["forward"]  # kept, not applied, not lost
    assert detail.note_count == 1  # the note commutes
    listed = queries.list_complaints(a1.profile, a1.officer, queries.ComplaintFilter(conflict_only=True))
    assert [r.id for r in listed.rows] == [cid]  # the list shows it as 待核对

    kept = detail.conflicts[0]["event"]
    take(p.profile, p.officer, cid, "resolve", {"conflict": kept, "decision": "dismiss", "note": "以不予受理为准"})
    for d in (p, a1, a2):
        d.sync()
    rows = same_rows([a1, a2, p], [cid])
    assert rows[cid]["conflict"] == 0 and rows[cid]["state"] == "closed"
    for d in (a1, a2, p):
        rebuilt_equals_live(d)


def test_resolving_by_applying_the_kept_transition(hub, tmp_path):
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    cid = register(a1)
    a1.sync()
    a2.sync()
    act(a1, cid, "forward", FORWARD)
    act(a2, cid, "forward", {"department": "双柏县财政局"})
    a1.sync()
    a2.sync()
    a1.sync()
    c = queries.get_complaint(a2.profile, a2.officer, cid).complaint
    assert c.department == "双柏县人民政府" and len(c.conflicts) == 1
    # 转办 cannot be taken again from 已转办: the leader can only dismiss it
    from app.domain.errors import DomainError

    try:
        take(a2.profile, a2.officer, cid, "resolve", {"conflict": c.conflicts[0]["event"], "decision": "apply"})
        raise AssertionError("applying an impossible transition must be refused")
    except DomainError as error:
        assert error.code == "resolution_not_applicable"
    act(a2, cid, "conclude", CONCLUDE_UNFOUNDED)  # work goes on while it waits for review
    take(a2.profile, a2.officer, cid, "resolve", {"conflict": c.conflicts[0]["event"], "decision": "dismiss"})
    a2.sync()
    a1.sync()
    same_rows([a1, a2], [cid])
    assert projection(a1.profile)[cid]["conflict"] == 0


def test_commuting_events_merge_and_same_field_amends_conflict(hub, tmp_path):
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    cid = register(a1)
    other = register(a1)
    for d in (a1, a2, p):
        d.sync()
    act(a1, cid, "amend", {"changes": {"complainant.phone": "13987654321"}, "reason": "投诉人更换联系电话"})
    act(a2, cid, "amend", {"changes": {"claim.text": "请求兑现产业扶持资金30万元并支付利息。"}, "reason": "补充诉求"})
    act(p, cid, "note", NOTE)
    act(a1, other, "amend", {"changes": {"complainant.phone": "13911112222"}, "reason": "更正"})
    act(a2, other, "amend", {"changes": {"complainant.phone": "13933334444"}, "reason": "更正"})
    for d in (a1, a2, p, a1, a2):
        d.sync()
    rows = same_rows([a1, a2, p], [cid, other])
    assert rows[cid]["conflict"] == 0
    merged = queries.get_complaint(p.profile, p.officer, cid).complaint
    assert merged.intake["complainant"]["phone"].replace(" ", "") == "13987654321"
    assert merged.intake["claim"]["text"].endswith("并支付利息。")
    assert rows[other]["conflict"] == 1  # the same field, changed twice without seeing each other


def test_own_unsent_note_does_not_hide_a_concurrent_transition(hub, tmp_path):
    """a2 notes then rejects offline (its reject's base is its own note); a1's forward reaches the hub
    first. “base == head” would let the reject through; the horizon rule keeps it."""
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    cid = register(a1)
    a1.sync()
    a2.sync()
    act(a2, cid, "note", NOTE)
    act(a2, cid, "reject", REJECT)
    act(a1, cid, "forward", FORWARD)
    a1.sync()
    a2.sync()
    a1.sync()
    rows = same_rows([a1, a2], [cid])
    assert rows[cid]["state"] == "forwarded" and rows[cid]["conflict"] == 1
    kept = queries.get_complaint(a1.profile, a1.officer, cid).complaint.conflicts
    assert [k["action"] for k in kept] == ["reject"]


def test_replaying_a_push_gives_duplicates_and_other_content_is_refused(hub, tmp_path):
    from app.contract.event_record import event_of as row_event
    from app.domain.events import Event
    from app.store.tables import events as synced_events
    from app.sync import credentials, outbox
    from app.sync.transport import HubClient

    a = device(hub, tmp_path / "sb", COUNTY_A)
    register(a)
    with a.profile.store.read() as session:
        rows = session.execute(synced_events.select().where(synced_events.c.server_seq.is_(None))
                               .order_by(synced_events.c.device_seq)).all()
    batch = [outbox.wire(r, 0) for r in rows]
    a.sync()
    before = hub.count("events")
    with HubClient(hub.url, credentials.load_token(a.profile.device_id)) as client:
        replay = client.push(batch)
        assert {r.status for r in replay.results} == {"duplicate"}
        original = row_event(rows[-1])
        forged = Event(**{**original.__dict__, "payload": {**original.payload, "x": 1}, "hash": ""}).sealed()
        answer = client.push([{**batch[-1], "payload": forged.payload, "hash": forged.hash}])
    assert answer.results[0].status == "rejected" and answer.results[0].code == "event_conflict"
    assert "内容不同" in answer.results[0].message
    assert hub.count("events") == before
