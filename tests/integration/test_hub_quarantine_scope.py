"""The fleet-wide quarantine (``server.services.quarantine``) as each device receives it: the quarantined
events filed in its scope and those of a complaint that moved into it, never another county's; every
change moves the version devices watch; a second quarantine of one event and a release of one never
quarantined are refused by name. On the hub's own database, events planted as an older hub stored them."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from server.auth import Device
from server.errors import HubError
from server.services import quarantine
from server.tables import stream_grants
from tests.poison import plant

pytest_plugins = ("tests.sync_fixtures", "tests.hub_database")  # memory_keyring, hub_database


def _event(number: int, stream: str) -> dict:
    return {"id": f"ev-{number}", "stream": stream, "action": "note", "payload": {"text": "备注"}, "actor": "u",
            "device_id": "pc-x", "device_seq": number, "device_time": "2026-11-26T04:00:00.000Z", "base": None,
            "prev_hash": "0" * 64, "hash": f"{number:064d}"}


def _for(hub, region: str) -> set[str]:
    with hub.database.reader() as session:
        listed = quarantine.for_device(session, Device(f"pc-{region}", "设备", region))
    return {e.event_id for e in listed.events}


def _version(hub) -> int:
    with hub.database.reader() as session:
        return quarantine.version(session)


def test_each_device_receives_the_quarantined_events_of_its_scope(hub_database):
    hub = hub_database
    plant(hub.database, _event(1, "complaint-a"), "532322")
    plant(hub.database, _event(2, "complaint-b"), "532323")
    plant(hub.database, _event(3, "complaint-moved"), "532322")  # filed in 双柏, the complaint moved to 牟定
    hub.run(lambda s: s.execute(insert(stream_grants).values(stream="complaint-moved", region="532323",
                                                             granted_seq=3, moved=1)))
    assert _version(hub) == 0
    for number in (1, 2, 3):
        aside = hub.run(quarantine.set_aside, f"ev-{number}", "  ", by="管理员甲")
        assert (aside.event_id, aside.reason, aside.note) == (f"ev-{number}", "admin_quarantine", "管理员隔离")
    assert _version(hub) == 3
    assert _for(hub, "532322") == {"ev-1", "ev-3"}
    assert _for(hub, "532323") == {"ev-2", "ev-3"}
    assert _for(hub, "532300") == {"ev-1", "ev-2", "ev-3"}
    assert _for(hub, "532301") == set()
    with hub.database.reader() as session:
        assert [(r["event_id"], r["by"], r["region"]) for r in quarantine.listing(session)] == [
            ("ev-1", "管理员甲", "532322"), ("ev-2", "管理员甲", "532323"), ("ev-3", "管理员甲", "532322")]
    hub.run(quarantine.release, "ev-2")
    assert _version(hub) == 4 and _for(hub, "532323") == {"ev-3"}


def test_a_second_quarantine_and_a_stray_release_are_refused_by_name(hub_database):
    hub = hub_database
    plant(hub.database, _event(1, "complaint-a"), "532322")
    hub.run(quarantine.set_aside, "ev-1", "重复登记")
    with pytest.raises(HubError) as twice:
        hub.run(quarantine.set_aside, "ev-1", "再来一次")
    assert (twice.value.code, twice.value.params) == ("event_already_quarantined", {"event": "ev-1"})
    with pytest.raises(HubError) as unknown:
        hub.run(quarantine.set_aside, "ev-9", "没有这条")
    assert (unknown.value.status, unknown.value.code, unknown.value.params) == (404, "event_not_found",
                                                                                 {"event": "ev-9"})
    with pytest.raises(HubError) as stray:
        hub.run(quarantine.release, "ev-9")
    assert (stray.value.code, stray.value.params) == ("event_not_quarantined", {"event": "ev-9"})
    assert _version(hub) == 1
