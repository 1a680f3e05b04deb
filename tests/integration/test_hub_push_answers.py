"""The hub's answer to a push, event by event (``server.services.ingest``): accepted events numbered one
after another and the device's chain head given back; a malformed one, a gap in the chain and a content
refusal each named with the parameters its message needs, the events after them still judged; a refused
event sent twice refused twice alike; the refused event kept with its personal data sealed, and the
refusals counted in the security log. Against a live hub over HTTP."""

from __future__ import annotations

import json
import re

from sqlalchemy import select, text

from app.sync.transport import HubClient
from server.tables import counters, rejections
from server.tables import events as hub_events
from tests.poison import Rogue
from tests.sync_fixtures import COUNTY_A, NOTE, PREFECTURE, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub fixture

CJK = re.compile(r"[\u4e00-\u9fff]")


def _setup(hub, tmp_path):
    a = device(hub, tmp_path / "a", COUNTY_A)
    complaint = register(a)
    a.sync()
    return a, complaint, Rogue(hub.url, a.profile, a.officer.user_id)


def _push(hub, rogue, wires):
    with HubClient(hub.url, rogue.token, retries=False) as client:
        return client.push(wires)


def _head(hub) -> int:
    with hub.database.reader() as session:
        return session.execute(select(counters.c.value).where(counters.c.name == "server_seq")).scalar_one()


def test_accepted_events_are_numbered_one_after_another(hub, tmp_path):
    _, complaint, rogue = _setup(hub, tmp_path)
    head = _head(hub)
    answer = _push(hub, rogue, [rogue.make(stream=complaint, action="note", payload=NOTE) for _ in range(3)])
    assert [(r.status, r.server_seq) for r in answer.results] == [("accepted", head + n) for n in (1, 2, 3)]
    assert (answer.chain.device_seq, answer.chain.hash) == (rogue.seq, rogue.prev)
    assert _head(hub) == head + 3
    again = _push(hub, rogue, [])
    assert (again.chain.device_seq, again.chain.hash) == (rogue.seq, rogue.prev)


def test_a_malformed_event_and_a_gap_are_named_and_the_rest_still_judged(hub, tmp_path):
    _, complaint, rogue = _setup(hub, tmp_path)
    first = rogue.make(stream=complaint, action="note", payload=NOTE)
    answer = _push(hub, rogue, [{"id": "broken-1", "stream": complaint}, first])
    assert (answer.results[0].id, answer.results[0].status, answer.results[0].code) == (
        "broken-1", "rejected", "malformed")
    assert CJK.search(answer.results[0].message)
    assert answer.results[1].status == "accepted"
    rogue.make(stream=complaint, action="note", payload=NOTE)  # made, never sent
    skipped = rogue.make(stream=complaint, action="note", payload=NOTE)
    [gap] = _push(hub, rogue, [skipped]).results
    assert (gap.status, gap.code) == ("rejected", "chain_gap")
    assert gap.params == {"device_seq": skipped["device_seq"], "expected": skipped["device_seq"] - 1}
    assert str(skipped["device_seq"] - 1) in gap.message


def _security_lines(hub) -> list[dict]:
    path = hub.settings.data_dir / "logs" / "security.log"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_a_refused_event_is_kept_sealed_refused_alike_twice_and_counted_in_the_security_log(hub, tmp_path):
    a, complaint, rogue = _setup(hub, tmp_path)
    with a.profile.store.reading() as uow:
        registration = uow.events.stream(complaint)[0]
    payload = json.loads(json.dumps(registration.payload))
    payload["intake"]["respondent"]["region_code"] = "532323"  # a complaint of the next county
    phone = payload["intake"]["complainant"]["phone"]
    wire = rogue.make(stream="another-county-complaint", action="register", payload=payload)
    note = rogue.make(stream=complaint, action="note", payload=NOTE)
    answer = _push(hub, rogue, [wire, wire, note])
    first, second, third = answer.results
    assert (first.status, first.code, first.params) == ("rejected", "out_of_scope", {"region": "532323"})
    assert (second.status, second.code, second.params) == (first.status, first.code, first.params)
    assert third.status == "accepted"  # the chain runs through the refused event
    with hub.database.reader() as session:
        stored = session.execute(select(rejections.c.event, rejections.c.device_id, rejections.c.code)
                                 .where(rejections.c.id == wire["id"])).one()
        raw = session.execute(text("SELECT event FROM rejections WHERE id = :i"), {"i": wire["id"]}).scalar_one()
    assert (stored.device_id, stored.code) == (a.profile.device_id, "out_of_scope")
    assert phone not in raw  # personal data of a refused event is sealed at rest too
    refused = [line for line in _security_lines(hub) if line["event"] == "events_refused"]
    assert refused[-1]["codes"] == {"out_of_scope": 2}
    assert refused[-1]["events"] == [f"{wire['id']}:out_of_scope"] * 2


def test_an_event_sent_again_in_a_later_push_gets_its_first_answer(hub, tmp_path):
    """A device whose push answer was lost sends the same events again."""
    a, complaint, rogue = _setup(hub, tmp_path)
    with a.profile.store.reading() as uow:
        payload = json.loads(json.dumps(uow.events.stream(complaint)[0].payload))
    payload["intake"]["respondent"]["region_code"] = "532323"
    refused = rogue.make(stream="another-county-complaint", action="register", payload=payload)
    note = rogue.make(stream=complaint, action="note", payload=NOTE)
    first = _push(hub, rogue, [refused, note]).results
    again = _push(hub, rogue, [refused, note]).results
    assert (again[0].status, again[0].code, again[0].params) == ("rejected", "out_of_scope", {"region": "532323"})
    assert (again[1].status, again[1].server_seq) == ("duplicate", first[1].server_seq)
    changed = _push(hub, rogue, [{**note, "device_seq": note["device_seq"] + 5},
                                 {**refused, "hash": "f" * 64}]).results
    assert [(r.status, r.code) for r in changed] == [("rejected", "event_conflict")] * 2


def test_a_second_event_under_a_number_the_hub_has_is_a_fork_and_a_wrong_link_is_a_broken_chain(hub, tmp_path):
    """Planted bug P (issue 17): an event numbered like one the hub already holds is a fork of the device's
    chain (the profile was restored from an old copy), not a gap; the next number linked to something else
    is a broken chain. Each names its numbers."""
    _, complaint, rogue = _setup(hub, tmp_path)
    seq, prev = rogue.seq, rogue.prev
    kept = rogue.make(stream=complaint, action="note", payload=NOTE)
    assert _push(hub, rogue, [kept]).results[0].status == "accepted"
    rogue.seq, rogue.prev = seq, prev  # an old copy of the profile goes on from where it was
    other = rogue.make(stream=complaint, action="note", payload={"text": "恢复旧备份后记下的另一条"})
    assert other["device_seq"] == kept["device_seq"] and other["id"] != kept["id"]
    [fork] = _push(hub, rogue, [other]).results
    assert (fork.status, fork.code) == ("rejected", "chain_fork")
    assert fork.params == {"device_seq": kept["device_seq"], "hub_seq": kept["device_seq"]}
    assert CJK.search(fork.message)

    rogue.seq, rogue.prev = kept["device_seq"], "0" * 64  # the next number, linked to an event the hub never had
    unlinked = rogue.make(stream=complaint, action="note", payload=NOTE)
    [broken] = _push(hub, rogue, [unlinked]).results
    assert (broken.status, broken.code) == ("rejected", "chain_broken")
    assert broken.params == {"device_seq": kept["device_seq"] + 1}

def test_a_registration_in_a_region_the_hub_does_not_know_is_refused_naming_the_region(hub, tmp_path):
    """A prefecture device (or a tampered one) files a complaint under a county code of its prefecture that
    the hub's region table does not hold: refused as region_unknown with the code, in Chinese, not stored."""
    z = device(hub, tmp_path / "z", PREFECTURE)
    complaint = register(z, "532322")
    z.sync()
    rogue = Rogue(hub.url, z.profile, z.officer.user_id)
    with z.profile.store.reading() as uow:
        payload = json.loads(json.dumps(uow.events.stream(complaint)[0].payload))
    payload["intake"]["respondent"]["region_code"] = "532398"  # inside 5323, in no region table
    wire = rogue.make(stream="unknown-region-complaint", action="register", payload=payload)
    [answer] = _push(hub, rogue, [wire]).results
    assert (answer.status, answer.code, answer.params) == ("rejected", "region_unknown", {"region": "532398"})
    assert "532398" in answer.message and CJK.search(answer.message)
    with hub.database.reader() as session:
        assert session.execute(select(hub_events.c.id).where(hub_events.c.id == wire["id"])).first() is None
