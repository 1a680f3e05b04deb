"""The hub takes a device's ``personal_data_revealed`` events (the audit of who saw personal data) and
refuses one made in the name of a role that may not reveal (issue 12)."""

from __future__ import annotations

import pytest

from app.domain.events import SESSION_STREAM
from app.services.disclosure import reveal
from tests.poison import Rogue, stored_ids
from tests.sync_fixtures import COUNTY_A, device, register

pytest_plugins = ("tests.sync_fixtures",)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_hub(request):
    return request.getfixturevalue("hub" if request.param == "sqlite" else "pg_hub")


def test_a_reveal_is_pushed_and_one_by_an_admin_is_refused(any_hub, tmp_path):
    hub = any_hub
    county = device(hub, tmp_path / "county", COUNTY_A)
    target = register(county)
    shown = reveal(county.profile, county.officer, target)
    report = county.sync()
    assert shown.event_id in stored_ids(hub)
    assert not county.status().quarantined and report.quarantined == 0
    admin = hub.add_user("sb_admin", "532322", roles=("admin",))
    rogue = Rogue(hub.url, county.profile, county.officer.user_id)
    wire = rogue.make(stream=SESSION_STREAM, action="personal_data_revealed", actor=admin,
                      payload={"complaint_id": target, "fields": ["complainant.phone"], "via": "desktop"})
    answer = rogue.push(wire)
    assert (answer.status, answer.code) == ("rejected", "role_not_permitted")
    assert wire["id"] not in stored_ids(hub)
