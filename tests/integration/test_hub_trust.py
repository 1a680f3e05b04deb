"""The hub trusts no device (issue 8): poison events are refused per event through a live hub, and
poison that an older hub already stored is set aside by every device, which keeps syncing with
nothing lost. The administrator can quarantine an event for the whole fleet.

A "rogue" device is an enrolled county profile whose token is used to push hand-made events: correctly
hashed and chained, so only their content can be wrong (what a tampered or buggy client would send).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

from app.domain.clock import china_date, parse_iso
from app.domain.ids import uuid7
from app.services import maintenance
from app.services import sync as sync_service
from server.services import quarantine as hub_quarantine
from server.tables import events as hub_events
from tests.factories import corrupt, credit_code, intake
from tests.poison import Rogue, hub_user_id, plant, stored_ids
from tests.sync_fixtures import (
    COUNTY_A,
    FORWARD,
    NOTE,
    PREFECTURE,
    act,
    device,
    hub_streams,
    projection,
    register,
)

pytest_plugins = ("tests.sync_fixtures",)



def poison(rogue: Rogue, target: str, case_no: str) -> dict[str, tuple[dict, str]]:
    """Each poison kind of issue 8 with the code the hub answers."""
    whole_respondent = {"respondent": intake("532322")["respondent"]}
    return {
        "forward with {}": (rogue.make(stream=target, action="forward", payload={}), "payload_invalid"),
        "amend replacing the whole respondent": (rogue.make(stream=target, action="amend", payload={
            "changes": whole_respondent, "reason": "更正"}), "payload_invalid"),
        "amend received_on not-a-date": (rogue.make(stream=target, action="amend", payload={
            "changes": {"received_on": "not-a-date"}, "reason": "更正"}), "payload_invalid"),
        "device_time xxxxxxxxxx": (rogue.make(stream=target, action="note", payload=NOTE,
                                              device_time="xxxxxxxxxx"), "device_time_invalid"),
        "second register with a used case number": (rogue.make(stream=uuid7(), action="register", payload={
            "case_no": case_no, "office_code": "532322", "intake": intake("532322")}), "case_no_taken"),
        "register with a minimal intake": (rogue.make(stream=uuid7(), action="register", payload={
            "case_no": "532322-2026-0999", "office_code": "532322",
            "intake": {"respondent": {"region_code": "532322"}}}), "payload_invalid"),
        "attach whose sha256 is a path": (rogue.make(stream=target, action="attach", payload={
            "sha256": "../../../../tmp/x", "filename": "合同.pdf", "size": 10}), "payload_invalid"),
        "attach named ../../x.bat": (rogue.make(stream=target, action="attach", payload={
            "sha256": "a" * 64, "filename": "../../x.bat", "size": 10}), "payload_invalid"),
        "attach named by an absolute path": (rogue.make(stream=target, action="attach", payload={
            "sha256": "b" * 64, "filename": "C:\\Windows\\x.bat", "size": 10}), "payload_invalid"),
        "a 300 KB note": (rogue.make(stream=target, action="note", payload={"text": "长" * 100_000}),
                          "payload_too_large"),
    }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_hub(request):
    """Every trust test runs against a hub on SQLite and on PostgreSQL."""
    return request.getfixturevalue("hub" if request.param == "sqlite" else "pg_hub")


@pytest.fixture
def fleet(any_hub, tmp_path):
    hub = any_hub
    """A rogue and an honest device in 双柏县, and the prefecture; one complaint forwarded and synced."""
    honest = device(hub, tmp_path / "honest", COUNTY_A)
    rogue_device = device(hub, tmp_path / "rogue", COUNTY_A)
    zhou = device(hub, tmp_path / "zhou", PREFECTURE)
    target = register(honest)
    act(honest, target, "forward", FORWARD)
    honest.sync()
    zhou.sync()
    rogue_device.sync()
    with honest.profile.store.read() as session:
        case_no = session.execute(text("SELECT case_no FROM complaints WHERE id = :i"), {"i": target}).scalar_one()
    return honest, Rogue(hub.url, rogue_device.profile, rogue_device.officer.user_id), zhou, target, case_no


def test_the_hub_refuses_each_poison_kind_and_stores_nothing(any_hub, fleet):
    hub = any_hub
    honest, rogue, zhou, target, case_no = fleet
    for name, (wire, code) in poison(rogue, target, case_no).items():
        answer = rogue.push(wire)
        assert (answer.status, answer.code) == ("rejected", code), name
        assert answer.message and "…" not in answer.message, (name, answer.message)
        assert wire["id"] not in stored_ids(hub), name
    honest_after = rogue.push(rogue.make(stream=target, action="note", payload=NOTE))
    assert honest_after.status == "accepted"  # the device's chain runs through its refused events
    act(honest, target, "note", NOTE)
    for d in (honest, zhou):  # the others keep syncing; nothing poisonous reached them
        report = d.sync()
        assert report.quarantined == 0 and not d.status().quarantined
    assert json.loads(projection(zhou.profile)[target]["aggregate"])["note_count"] == 2


def test_forged_actors_and_missing_roles_are_refused(any_hub, fleet):
    hub = any_hub
    _honest, rogue, _zhou, target, _ = fleet
    clerk = hub.add_user("sb_clerk", "532322", roles=("clerk",))
    cases = {
        "a prefecture user": (hub_user_id(hub, "zhou_leader"), "note", NOTE, "actor_unknown"),
        "a user of another county": (hub_user_id(hub, "md_officer"), "note", NOTE, "actor_unknown"),
        "a made-up id": (uuid7(), "note", NOTE, "actor_unknown"),
        "a clerk confirming a breach": (clerk, "refuse", {
            "confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-25", "facts": "逾期未整改。"},
            "role_not_permitted"),
    }
    for name, (actor, action, payload, code) in cases.items():
        wire = rogue.make(stream=target, action=action, payload=payload, actor=actor)
        answer = rogue.push(wire)
        assert (answer.status, answer.code) == ("rejected", code), name
        assert wire["id"] not in stored_ids(hub)
    moved = rogue.push(rogue.make(stream=target, action="amend", payload={
        "changes": {"respondent.region_code": "532323"}, "reason": "被投诉主体所在地更正"}))
    assert (moved.status, moved.code) == ("rejected", "out_of_scope"), moved.params
    not_ours = rogue.push(rogue.make(stream=uuid7(), action="register", payload={
        "case_no": "532322-2026-0500", "office_code": "532322", "intake": intake("532322")}))
    assert (not_ours.status, not_ours.code) == ("rejected", "case_no_not_issued")


def test_poison_already_on_the_hub_is_set_aside_and_every_device_keeps_syncing(any_hub, fleet):
    hub = any_hub
    honest, rogue, zhou, target, case_no = fleet
    planted = poison(rogue, target, case_no)
    for wire, _code in planted.values():
        plant(hub, wire)
    before = projection(honest.profile)[target]
    mine = register(honest)  # work made meanwhile must still go up
    act(honest, target, "note", NOTE)

    report = honest.sync()
    assert report.pushed == 2 and report.quarantined == len(planted), report
    assert any("隔离" in w for w in report.warnings)
    assert mine in hub_streams(hub)
    after = projection(honest.profile)[target]
    assert after["state"] == before["state"] == "forwarded" and after["conflict"] == 0
    status = honest.status()
    codes = sorted(q.code for q in status.quarantined)
    assert codes == sorted(code for _w, code in planted.values())
    assert all(q.message and q.origin == "fold" for q in status.quarantined)

    zhou_report = zhou.sync()
    assert zhou_report.quarantined == len(planted)
    assert projection(zhou.profile)[target]["state"] == "forwarded"

    # the commands that failed before: rebuild and a repair sync
    rows = projection(honest.profile)
    maintenance.rebuild_projections(honest.profile)
    assert projection(honest.profile) == rows
    repaired = honest.sync(repair=True)
    assert repaired.integrity == "repaired"
    assert projection(honest.profile)[target]["state"] == "forwarded"
    assert len(honest.status().quarantined) == len(planted)
    assert honest.sync().pushed == 0  # nothing stuck


def test_the_administrator_quarantines_an_event_for_the_whole_fleet(any_hub, fleet):
    hub = any_hub
    honest, rogue, zhou, target, _ = fleet
    forged = rogue.make(stream=target, action="note", payload=NOTE, actor=hub_user_id(hub, "md_officer"))
    plant(hub, forged)  # well-formed, but the actor may not act here: only the hub can tell
    honest.sync()
    zhou.sync()
    assert json.loads(projection(honest.profile)[target]["aggregate"])["note_count"] == 1
    with hub.database.reader() as session:
        suspects = list(hub_quarantine.suspects(session))
    assert [s.event_id for s in suspects] == [forged["id"]] and suspects[0].code == "actor_unknown"
    with hub.database.writer() as session:
        hub_quarantine.set_aside(session, forged["id"], "冒用他县用户的记录", by="test")
        session.commit()
    for d in (honest, zhou):
        d.sync()
        assert json.loads(projection(d.profile)[target]["aggregate"])["note_count"] == 0
        kept = [q for q in d.status().quarantined if q.event_id == forged["id"]]
        assert kept and kept[0].origin == "hub" and "冒用他县用户" in kept[0].message
    maintenance.rebuild_projections(honest.profile)  # a rebuild skips it too
    assert json.loads(projection(honest.profile)[target]["aggregate"])["note_count"] == 0
    with hub.database.writer() as session:
        hub_quarantine.release(session, forged["id"], by="test")
        session.commit()
    honest.sync()
    assert json.loads(projection(honest.profile)[target]["aggregate"])["note_count"] == 1
    assert not [q for q in honest.status().quarantined if q.event_id == forged["id"]]


def test_status_lists_set_aside_records_in_chinese(any_hub, fleet):
    hub = any_hub
    honest, rogue, _zhou, target, case_no = fleet
    wire, _ = poison(rogue, target, case_no)["forward with {}"]
    plant(hub, wire)
    honest.sync()
    [item] = sync_service.status(honest.profile).quarantined
    assert item.case_no == case_no and item.action_label == "转办"
    assert "转办" in item.message and "未被接收" not in item.message


def hub_head(hub, stream: str) -> str:
    with hub.database.reader() as session:
        return session.execute(select(hub_events.c.id).where(hub_events.c.stream == stream)
                               .order_by(hub_events.c.server_seq.desc()).limit(1)).scalar_one()


def test_the_hub_refuses_statements_the_complaint_contradicts(any_hub, fleet):
    """Issue 9: a device that skips the services' fact checks (an old or a tampered client) cannot record a
    refusal for lateness before the deadline or a confirmation dated before the conclusion; the hub judges
    an action made on the state it holds, and the honest work around it is stored."""
    hub = any_hub
    honest, rogue, zhou, target, _ = fleet
    conclude = {"finding": "substantiated", "explanation": "属实。", "requirements": "限期支付。",
                "rectify_due": "2099-12-31"}
    first = rogue.make(stream=target, action="conclude", payload=conclude, base=hub_head(hub, target))
    with hub.database.reader() as session:  # the device has seen everything (no concurrent work to keep aside)
        seen = session.execute(select(func.max(hub_events.c.server_seq))).scalar_one()
    first["horizon"] = seen
    assert rogue.push(first).status == "accepted"
    early = rogue.make(stream=target, action="refuse", base=first["id"], payload={
        "confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-27", "facts": "逾期未整改。"})
    answer = rogue.push(early)
    assert (answer.status, answer.code) == ("rejected", "facts_contradicted")
    assert "整改期限" in answer.message
    assert answer.message.startswith("“拒不整改认定”记录")  # the refused action named, not "…"
    backdated = rogue.make(stream=target, action="refuse", base=first["id"], payload={
        "confirmed_by": "双柏县人民政府", "confirmed_on": "2020-01-01", "facts": "拒绝支付。", "ground": "refused",
        "ground_detail": "复函明确拒绝支付。"})
    answer = rogue.push(backdated)
    assert (answer.status, answer.code) == ("rejected", "facts_contradicted")
    assert early["id"] not in stored_ids(hub) and backdated["id"] not in stored_ids(hub)
    on_record = rogue.make(stream=target, action="refuse", base=first["id"], payload={
        "confirmed_by": "双柏县人民政府", "confirmed_on": china_date(parse_iso(first["device_time"])).isoformat(), "facts": "拒绝支付。",
        "ground": "refused", "ground_detail": "复函明确拒绝支付。"})
    on_record["horizon"] = seen + 1
    assert rogue.push(on_record).status == "accepted"
    for d in (honest, zhou):
        d.sync()
        aggregate = json.loads(projection(d.profile)[target]["aggregate"])
        assert aggregate["state"] == "breach_confirmed", [c["reason"] for c in aggregate["conflicts"]]


def test_the_hub_judges_an_amendment_against_the_intake_as_amended_before(any_hub, fleet):
    """The hub's view of a complaint's intake is its registration with every accepted amendment applied, also
    when they came in earlier pushes: an amendment that an earlier one makes invalid is refused, one that
    only an earlier one makes valid is accepted (found by mutation testing, issue 17)."""
    hub = any_hub
    honest, rogue, _zhou, target, _ = fleet
    wrong_check = corrupt(credit_code())
    act(honest, target, "amend", {"changes": {
        "complainant.credit_code_override": True, "complainant.credit_code_override_reason": "以营业执照原件为准",
        "complainant.credit_code": wrong_check}, "reason": "按营业执照更正"})
    honest.sync()  # accepted: stored on the hub, read back from its log by the next push
    cleared = rogue.push(rogue.make(stream=target, action="amend", base=hub_head(hub, target), payload={
        "changes": {"complainant.credit_code_override_reason": None}, "reason": "删去说明"}))
    assert (cleared.status, cleared.code) == ("rejected", "payload_invalid"), cleared.message
    assert "校验" in cleared.message or "说明" in cleared.message, cleared.message
    reworded = rogue.push(rogue.make(stream=target, action="amend", base=hub_head(hub, target), payload={
        "changes": {"complainant.credit_code_override_reason": "以营业执照副本为准"}, "reason": "更正说明"}))
    assert reworded.status == "accepted", reworded.message  # valid only with the override the first set


def test_the_hub_refuses_new_text_no_document_font_can_print(any_hub, fleet):
    hub = any_hub
    _honest, rogue, _zhou, target, _ = fleet
    wire = rogue.make(stream=target, action="note", payload={"text": "已联系企业😀"})
    answer = rogue.push(wire)
    assert (answer.status, answer.code) == ("rejected", "text_unprintable")
    assert "U+1F600" in answer.message
    assert wire["id"] not in stored_ids(hub)
    yi = rogue.make(stream=target, action="note", payload={"text": "企业负责人ꆈꌠ已到场"})  # Yi prints
    assert rogue.push(yi).status == "accepted"


def test_the_hub_refuses_new_text_over_the_input_limit(any_hub, fleet):
    """The limit of app.domain.text_limits holds for pushed work too (issue 13: a 10-page 转办函)."""
    hub = any_hub
    _honest, rogue, _zhou, target, _ = fleet
    wire = rogue.make(stream=target, action="note", payload={"text": "已电话联系企业。" * 100})  # 800 characters
    answer = rogue.push(wire)
    assert (answer.status, answer.code) == ("rejected", "text_over_limit")
    assert "800 字" in answer.message and "最多 500 字" in answer.message
    assert wire["id"] not in stored_ids(hub)
    assert rogue.push(rogue.make(stream=target, action="note", payload={"text": "联" * 500})).status == "accepted"


def test_the_suspects_list_gives_at_most_the_number_asked_oldest_first(any_hub, fleet):
    """``admin event suspects --limit N`` lists N events, oldest first, and ``--since`` starts after one
    (planted bug W, issue 17: one more than asked)."""
    hub = any_hub
    _honest, rogue, _zhou, target, _ = fleet
    forged = [rogue.make(stream=target, action="note", payload=NOTE, actor=hub_user_id(hub, "md_officer"))
              for _ in range(3)]
    for wire in forged:
        plant(hub, wire)
    ids = [w["id"] for w in forged]
    with hub.database.reader() as session:
        assert [s.event_id for s in hub_quarantine.suspects(session, limit=2)] == ids[:2]
        every = list(hub_quarantine.suspects(session, limit=3))
        assert [s.event_id for s in every] == ids
        later = hub_quarantine.suspects(session, since=every[0].server_seq, limit=5)
        assert [s.event_id for s in later] == ids[1:]
