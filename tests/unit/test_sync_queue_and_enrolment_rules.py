"""The attachment queue's order and the enrolment read back (found by mutation testing, issue 17, app/sync
check with seed 67): files never tried go before files that failed before, so one file that keeps failing
does not hold back the new ones; a device's enrolment names the hub it joined (a replacement code on the
same hub keeps the device's place in the feed)."""

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
