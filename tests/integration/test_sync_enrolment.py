"""Enrolment and trust: the one-time code, the token kept only in the OS keyring (never in a file,
only its hash on the hub), and reference data reaching the device."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from app.domain.errors import DomainError
from app.services import sync
from app.services.profile import open_profile
from app.sync import credentials
from server.services import admin
from tests.sync_fixtures import COUNTY_A, device

pytest_plugins = ("tests.sync_fixtures",)  # hub, pg_hub, memory_keyring fixtures


def test_without_a_keyring_enrolment_stops_before_spending_the_code(hub, tmp_path):
    code = hub.code("532322", "双柏县发展和改革局")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(DomainError) as refused:
        sync.enroll(tmp_path / "sb", hub.url, code, "sb-pc")
    assert refused.value.code == "keyring_unavailable"
    from app.messages import describe

    assert "凭据" in describe(refused.value)
    with hub.database.reader() as session:
        assert session.execute(text("SELECT used_at FROM enrolment_codes")).scalar() is None
    assert not (tmp_path / "sb").exists()


def test_the_token_lives_in_the_keyring_only_and_the_hub_keeps_its_hash(hub, tmp_path, memory_keyring):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    token = credentials.load_token(a.profile.device_id)
    assert memory_keyring.values == {(credentials.SERVICE, a.profile.device_id): token}
    for path in a.home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    with hub.database.reader() as session:
        stored = session.execute(text("SELECT token_hash FROM devices")).scalars().all()
    assert token not in stored and len(stored[0]) == 64
    with pytest.raises(DomainError) as used:
        sync.enroll(tmp_path / "again", hub.url, hub.code("532322", "x").replace("-", "") + "X", "pc")
    assert used.value.code == "enrol_code_invalid"


def test_reference_data_from_the_hub_reaches_the_open_profile(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    hub.admin(admin.set_rules, conclude_days=10)
    hub.admin(admin.add_department, "532322", "双柏县财政局")
    hub.admin(admin.add_department, "532323", "牟定县财政局")
    hub.admin(admin.set_prefix, "532322", "forward_letter", "双发改函")
    report = a.sync()
    assert report.reference_updated
    assert a.profile.rules.conclude_days == 10  # the open window sees it at once
    names = [d["name"] for d in sync.reference_data(a.profile, "departments")]
    assert "双柏县财政局" in names and "牟定县财政局" not in names  # another county's departments stay there
    year = a.profile.now().year
    with a.profile.store.unit_of_work() as uow:  # numbers for the office's cases and every 发文字号 prefix
        for series in ("case:532322", "doc:双发改函", "doc:双发改受", "doc:双发改告"):
            assert uow.numbers.remaining(series, year) >= 10, series
    assert a.sync().reference_updated is False  # nothing changed: nothing fetched
    a.profile.close()
    reopened = open_profile(a.home)
    try:
        assert reopened.rules.conclude_days == 10
    finally:
        reopened.close()
