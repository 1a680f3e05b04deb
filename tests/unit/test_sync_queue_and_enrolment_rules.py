"""The attachment queue's order and the enrolment read back (found by mutation testing, issue 17, app/sync
check with seed 67): files never tried go before files that failed before, so one file that keeps failing
does not hold back the new ones; a device's enrolment names the hub it joined (a replacement code on the
same hub keeps the device's place in the feed); a hub that speaks another protocol is refused in Chinese."""

from __future__ import annotations

from sqlalchemy import insert

from app.sync import state
from app.sync.blobs import _queued
from app.sync.tables import blob_queue


def test_files_never_tried_go_before_files_that_failed_before(office):
    tried, fresh = "a" * 64, "b" * 64  # the one tried before sorts first by hash
    with office.profile.store.unit_of_work() as uow:
        uow.session.execute(insert(blob_queue), [{"sha256": tried, "direction": "up", "attempts": 3},
                                                 {"sha256": fresh, "direction": "up", "attempts": 0}])
        uow.commit()
    assert _queued(office.profile.store, "up") == [fresh, tried]


class _Meta:
    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def all(self) -> dict[str, str]:
        return dict(self.values)


def test_an_enrolment_read_back_names_the_hub_it_joined():
    joined = state.enrolment(_Meta({state.HUB_URL: "https://hub.cx.gov.cn", state.HUB_ID: "hub-01", "device_id": "d-1",
                                    state.DEVICE_NAME: "登记室电脑", state.SCOPE_REGION: "532322",
                                    state.SCOPE_NAME: "双柏县"}))
    assert joined == state.Enrolment("https://hub.cx.gov.cn", "hub-01", "d-1", "登记室电脑", "532322", "双柏县")
    assert state.enrolment(_Meta({"device_id": "d-1"})) is None  # standalone


def test_a_hub_speaking_another_protocol_is_refused_in_chinese(office):
    import pytest

    from app.domain.errors import DomainError
    from app.messages import describe
    from app.sync.protocol import PROTOCOL_VERSION, Meta
    from app.sync.runner import SyncRun

    class Hub:
        def meta(self):
            return Meta(hub_version="9.0", protocol_version=PROTOCOL_VERSION + 1, min_client_version="0.1.0",
                        hub_time="2026-11-26T04:00:00.000Z", reference_version=1)

    shown = []
    with pytest.raises(DomainError) as refused:
        SyncRun(office.profile, Hub(), shown.append, None).meta()
    assert refused.value.code == "protocol_unsupported"
    assert describe(refused.value) == f"中心的协议版本 {PROTOCOL_VERSION + 1} 与本机程序不兼容，请升级程序"
    assert [p.text for p in shown] == ["正在连接中心…"]


def test_a_changed_quarantine_list_is_fetched_and_said_so(office):
    from app.sync.protocol import PROTOCOL_VERSION, Meta, QuarantineList
    from app.sync.quarantine import VERSION
    from app.sync.runner import SyncRun

    class Hub:
        def meta(self):
            return Meta(hub_version="1.0", protocol_version=PROTOCOL_VERSION, min_client_version="0.1.0",
                        hub_time="2026-11-26T04:00:00.000Z", reference_version=0, quarantine_version=2)

        def quarantine(self):
            return QuarantineList(version=2, events=[])

    shown = []
    run = SyncRun(office.profile, Hub(), shown.append, None)
    run._meta = Hub().meta()
    run.fleet_quarantine()
    assert [(p.stage, p.text) for p in shown] == [("quarantine", "正在更新中心隔离的记录…")]
    with office.profile.store.read() as session:
        from app.store.meta import MetaStore

        assert MetaStore(session).get(VERSION) == "2"
