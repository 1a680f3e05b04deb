"""The search index follows the aggregate whatever changes it. A pulled event that reorders the fold
(it sets a local transition aside as a conflict) or a resolution that applies a kept transition
changes the department without being a forward. The index is contentless (``app.store.complaints``):
removing a row hands FTS5 the old values again, and old values that do not match what was indexed
leave stale terms behind and end in "database disk image is malformed" at a later action."""

from __future__ import annotations

from app.services import maintenance, queries
from app.services.act import act as take
from tests.search_index import assert_index_sound
from tests.sync_fixtures import COUNTY_A, REJECT, act, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub and memory_keyring fixtures

FINANCE = {"department": "双柏县财政局"}
HOUSING = {"department": "双柏县住房和城乡建设局"}
TRANSPORT = {"department": "双柏县交通运输局"}
REOPEN = {"reason": "投诉人补充了新的证据，重新办理。"}
RETURN = {"reason": "不属于本部门职责范围，退回重新转办。"}


def found(d, term: str) -> list[str]:
    listed = queries.list_complaints(d.profile, d.officer, queries.ComplaintFilter(search=term))
    return [r.id for r in listed.rows]


def offline_forward_and_reject(tmp_path, hub, department: dict):
    """a1 rejects and a2 forwards the same complaint offline; a1 syncs first (the hub: reject, forward)."""
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    cid = register(a1)
    a1.sync()
    a2.sync()
    act(a1, cid, "reject", REJECT)
    act(a2, cid, "forward", department)  # indexed with its department on a2
    a1.sync()
    a2.sync()  # a2 pulls the reject, applied first: its own forward is kept aside, the department gone
    a1.sync()  # a1 pulls the forward, kept aside there too
    return a1, a2, cid


def test_a_pulled_event_that_sets_a_local_forward_aside_reindexes_the_department(hub, tmp_path):
    _, a2, cid = offline_forward_and_reject(tmp_path, hub, FINANCE)
    c = queries.get_complaint(a2.profile, a2.officer, cid).complaint
    assert c.state.value == "closed" and c.department is None and len(c.conflicts) == 1
    assert found(a2, "财政局") == []
    assert_index_sound(a2.profile)

    act(a2, cid, "reopen", REOPEN)
    act(a2, cid, "forward", TRANSPORT)  # removes the index row: its old values must be what was indexed
    act(a2, cid, "return", RETURN)
    assert_index_sound(a2.profile)
    assert found(a2, "交通运输局") == [] and found(a2, "财政局") == [] and found(a2, "农业农村局") == [cid]
    maintenance.rebuild_projections(a2.profile)
    assert found(a2, "农业农村局") == [cid]
    assert_index_sound(a2.profile)


def test_resolving_by_applying_a_kept_forward_reindexes_the_department(hub, tmp_path):
    a1, _, cid = offline_forward_and_reject(tmp_path, hub, HOUSING)
    assert found(a1, "住房和城乡") == []  # the forward a1 pulled was never applied there
    act(a1, cid, "reopen", REOPEN)  # back to registration: the kept forward can be taken now
    kept = queries.get_complaint(a1.profile, a1.officer, cid).complaint.conflicts[0]["event"]
    take(a1.profile, a1.officer, cid, "resolve", {"conflict": kept, "decision": "apply"})
    c = queries.get_complaint(a1.profile, a1.officer, cid).complaint
    assert c.state.value == "forwarded" and c.department == HOUSING["department"] and not c.conflicts
    assert found(a1, "住房和城乡") == [cid]
    assert_index_sound(a1.profile)

    act(a1, cid, "return", RETURN)  # removes the index row: its old values must be what was indexed
    assert found(a1, "住房和城乡") == []
    assert_index_sound(a1.profile)
