"""What the hub keeps of an enrolment (``server.services.enrolment``): the device with a token only its
holder has, the code used up, a replacement dated and counted with the old token dead, a standalone
office's numbers as its block, a prefix of another region refused with its owner named, and every
outcome in the security log with the facts an auditor reads. On the hub's own database, without HTTP."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from app.domain.clock import parse_iso
from app.sync.protocol import EnrolRequest, NumberClaim
from server.auth import token_hash
from server.errors import HubError
from server.services import admin, enrolment, numbering
from server.tables import devices, enrolment_codes, number_blocks, number_series

pytest_plugins = ("tests.sync_fixtures", "tests.hub_database")  # memory_keyring, hub_database


@pytest.fixture
def security(caplog):
    caplog.set_level(logging.INFO, logger="lvyue.hub.security")

    def lines(event: str) -> list[dict]:
        found = [json.loads(r.getMessage()) for r in caplog.records if r.name == "lvyue.hub.security"]
        return [line for line in found if line["event"] == event]
    return lines


def _enrol(hub, code, **fields):
    values = {"code": code, "device_name": "双柏县发改局-登记机", "client_version": "1.2.3", **fields}
    return hub.run(enrolment.enrol, EnrolRequest(**values))


def test_an_enrolled_device_has_its_own_token_and_the_code_is_used_up(hub_database, security):
    hub = hub_database
    code = hub.run(enrolment.create_code, "532322", "双柏县发展和改革局")
    assert len(code) == 14 and code.count("-") == 2
    answer = _enrol(hub, code.lower(), device_id="pc-1", region_code="532322")
    assert (answer.device_id, answer.office_name, answer.scope.region_code, answer.scope.name) == (
        "pc-1", "双柏县发展和改革局", "532322", "双柏县")
    [row] = hub.read(select(devices).where(devices.c.id == "pc-1"))
    assert row.token_hash == token_hash(answer.token) and row.region_code == "532322"
    assert (row.replacements, row.replaced_at, row.revoked_at) == (0, None, None)
    [used] = hub.read(select(enrolment_codes.c.used_at, enrolment_codes.c.device_id))
    assert used.device_id == "pc-1" and used.used_at
    [line] = security("device_enrolled")
    assert (line["device_id"], line["device_name"], line["client_version"], line["profile_region"],
            line["scope"], line["office_name"], line["numbers_used"]) == (
        "pc-1", "双柏县发改局-登记机", "1.2.3", "532322", "532322", "双柏县发展和改革局", [])
    with pytest.raises(HubError) as again:
        _enrol(hub, code, device_id="pc-2")
    assert again.value.code == "enrol_code_used"
    assert security("enrolment_refused")[0]["reason"] == "enrol_code_used"


def test_a_device_without_an_id_gets_a_new_one(hub_database):
    hub = hub_database
    answer = _enrol(hub, hub.run(enrolment.create_code, "532322", "双柏县发展和改革局"))
    assert len(answer.device_id) == 36
    assert hub.read(select(devices.c.id)) == [(answer.device_id,)]


def test_a_replacement_is_dated_and_counted_and_the_old_token_is_dead(hub_database, security):
    hub = hub_database
    first = _enrol(hub, hub.run(enrolment.create_code, "532322", "双柏县发展和改革局"), device_id="pc-1")
    assert hub.run(enrolment.revoke, "pc-1") is True
    assert hub.run(enrolment.revoke, "pc-1") is False  # already revoked
    assert [line["device_id"] for line in security("device_revoked")] == ["pc-1"]
    code = hub.run(enrolment.create_code, None, None, replaces="pc-1")
    second = _enrol(hub, code, device_id="pc-1", device_name="新电脑")
    [row] = hub.read(select(devices).where(devices.c.id == "pc-1"))
    assert row.token_hash == token_hash(second.token) != token_hash(first.token)
    assert row.replacements == 1 and row.revoked_at is None and row.name == "新电脑"
    assert parse_iso(row.replaced_at) >= parse_iso(row.enrolled_at)
    [line] = security("device_replaced")
    assert (line["replacements"], line["previous_name"], line["was_revoked"]) == (1, "双柏县发改局-登记机", True)
    with pytest.raises(HubError) as other:
        _enrol(hub, hub.run(enrolment.create_code, None, None, replaces="pc-1"), device_id="pc-2")
    assert (other.value.code, other.value.params) == ("enrol_code_for_other_device", {"device": "pc-1"})


def test_a_standalone_office_brings_its_numbers_and_its_own_prefixes(hub_database, security):
    hub = hub_database
    code = hub.run(enrolment.create_code, "532322", "双柏县发展和改革局")
    used = [NumberClaim(series="case:532322", year=2026, max=17), NumberClaim(series="doc:双柏发改受", year=2026, max=4)]
    answer = _enrol(hub, code, device_id="pc-1", numbers_used=used)
    blocks = hub.read(select(number_blocks.c.series, number_blocks.c.year, number_blocks.c.start, number_blocks.c.end,
                             number_blocks.c.device_id).order_by(number_blocks.c.series))
    assert blocks == [("case:532322", 2026, 1, 17, answer.device_id), ("doc:双柏发改受", 2026, 1, 4, answer.device_id)]
    [line] = security("device_enrolled")
    assert line["numbers_used"] == ["case:532322 2026: 1-17", "doc:双柏发改受 2026: 1-4"]
    assert line["prefixes_adopted"] == ["双柏发改受"]


def test_a_prefix_of_another_region_refuses_the_whole_enrolment(hub_database, security):
    hub = hub_database
    code = hub.run(enrolment.create_code, "532322", "双柏县发展和改革局")
    used = [NumberClaim(series="case:532322", year=2026, max=3), NumberClaim(series="doc:牟发改受", year=2026, max=2)]
    with pytest.raises(HubError) as refused:
        _enrol(hub, code, device_id="pc-1", numbers_used=used)
    assert (refused.value.status, refused.value.code) == (409, "enrol_prefix_taken")
    assert refused.value.params == {"prefix": "牟发改受", "owner": "532323", "owner_name": "牟定县"}
    [line] = security("enrolment_refused")
    assert (line["reason"], line["detail_prefix"], line["detail_owner"]) == ("enrol_prefix_taken", "牟发改受", "532323")


def test_numbers_another_device_already_printed_refuse_the_enrolment(hub_database):
    hub = hub_database
    first = [NumberClaim(series="case:532322", year=2026, max=17)]
    _enrol(hub, hub.run(enrolment.create_code, "532322", "双柏县发展和改革局"), device_id="pc-1", numbers_used=first)
    code = hub.run(enrolment.create_code, "532322", "双柏县发展和改革局")
    with pytest.raises(HubError) as overlap:
        _enrol(hub, code, device_id="pc-2", numbers_used=[NumberClaim(series="case:532322", year=2026, max=5)])
    assert (overlap.value.code, overlap.value.params) == (
        "numbers_overlap", {"series": "case:532322", "year": 2026, "highest": 5})
    assert hub.read(select(devices.c.id)) == [("pc-1",)]
    assert hub.read(select(number_blocks.c.device_id, number_blocks.c.end)) == [("pc-1", 17)]
    answer = _enrol(hub, code, device_id="pc-2", numbers_used=[NumberClaim(series="case:532322", year=2025, max=5)])
    assert answer.device_id == "pc-2"  # another year's numbers are its own


def test_the_administrator_moves_a_series_on_but_never_back_over_numbers_handed_out(hub_database):
    """``python -m server admin numbers set-next``: below what a device already printed is refused with the
    highest number in use named (the Chinese message shows it); at or above it, the series continues there."""
    hub = hub_database
    used = [NumberClaim(series="case:532322", year=2026, max=17)]
    _enrol(hub, hub.run(enrolment.create_code, "532322", "双柏县发展和改革局"), device_id="pc-1", numbers_used=used)
    with pytest.raises(HubError) as back:
        hub.run(numbering.set_next, "case:532322", 2026, 17)
    assert (back.value.status, back.value.code, back.value.params) == (
        409, "numbers_overlap", {"series": "case:532322", "year": 2026, "highest": 17})
    hub.run(numbering.set_next, "case:532322", 2026, 18)
    hub.run(numbering.set_next, "case:532322", 2026, 40)
    assert hub.read(select(number_series.c.next).where(number_series.c.series == "case:532322",
                                                       number_series.c.year == 2026)) == [(40,)]
    with pytest.raises(HubError) as again:
        hub.run(numbering.set_next, "case:532322", 2026, 39)
    assert again.value.params["highest"] == 39


def test_a_prefix_two_regions_may_claim_is_refused_to_a_third_with_both_named(hub_database):
    """A standalone office of 牟定县 printed numbers under 双发改函, which the short name 双 gives to 双柏县 and
    to a second region called 双…: neither is the enrolling office, so the enrolment is refused naming both."""
    hub = hub_database
    hub.run(admin.add_region, "532399", "双新区", "双")
    code = hub.run(enrolment.create_code, "532323", "牟定县发展和改革局")
    with pytest.raises(HubError) as refused:
        _enrol(hub, code, device_id="pc-9", numbers_used=[NumberClaim(series="doc:双发改函", year=2026, max=2)])
    assert (refused.value.status, refused.value.code) == (409, "enrol_prefix_taken")
    assert refused.value.params == {"prefix": "双发改函", "owner": "532322、532399", "owner_name": "双柏县、双新区"}
    assert hub.read(select(devices.c.id)) == []


def test_a_replacement_code_for_a_device_the_hub_never_enrolled_is_refused_naming_it(hub_database):
    hub = hub_database
    with pytest.raises(HubError) as unknown:
        hub.run(enrolment.create_code, None, None, replaces="pc-typo")
    assert (unknown.value.status, unknown.value.code, unknown.value.params) == (
        404, "device_not_found", {"device": "pc-typo"})
    assert hub.read(select(enrolment_codes.c.code_hash)) == []
