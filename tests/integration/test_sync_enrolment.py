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

pytest_plugins = ("tests.sync_fixtures", "tests.hub_security")  # hub, pg_hub, memory_keyring, security_log_file


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


# ---- a standalone office joins with its numbers ------------------------------------------------------
def issue_in(office, state: str, kind: str) -> str:
    from app.services import documents
    from tests.document_cases import complaint_in

    return documents.issue(office.profile, office.handler, complaint_in(office, state), kind).number


def rejoined(office, home):
    """The office's profile after enrolment, its local officers logged in again (the same clock)."""
    from types import SimpleNamespace

    from app.services import auth
    from tests.factories import PASSWORD

    profile = open_profile(home, clock=office.clock)
    people = {name: auth.login(profile, name, PASSWORD) for name in ("clerk", "handler", "leader")}
    return SimpleNamespace(profile=profile, clock=office.clock, **people)


def test_a_standalone_office_joins_and_its_document_numbers_continue(hub, tmp_path, office):
    """Numbers printed in standalone mode, under default and customised prefixes, become the office's
    blocks at enrolment; after the first sync the numbers go on without a gap or an overlap, and
    nobody at the hub did anything but issue the code."""
    from app.services import office_settings

    office_settings.update(office.profile, office.leader, {"prefixes": {"forward_letter": "双发改转"}})
    before = [issue_in(office, "registered", "receipt"), issue_in(office, "registered", "receipt"),
              issue_in(office, "forwarded", "forward_letter")]
    assert before == ["双发改受〔2026〕1号", "双发改受〔2026〕2号", "双发改转〔2026〕1号"]
    home = office.profile.files.home
    office.profile.close()
    sync.enroll(home, hub.url, hub.code("532322", "双柏县发展和改革局"), "old-pc")
    joined = rejoined(office, home)
    try:
        assert [w for w in sync.sync_now(joined.profile).warnings if "编号" in w] == []  # (the clock is fixed)
        after = [issue_in(joined, "registered", "receipt"), issue_in(joined, "forwarded", "forward_letter")]
        assert after == ["双发改受〔2026〕3号", "双发改转〔2026〕2号"]
        assert sync.sync_now(joined.profile).rejected == 0
    finally:
        joined.profile.close()
    with hub.database.reader() as session:
        owners = session.execute(text("SELECT prefix, region_code, source FROM prefix_owners")).all()
        claimed = set(session.execute(text(
            "SELECT series || ' ' || start || '-' || \"end\" FROM number_blocks WHERE start = 1")).scalars())
    assert [tuple(o) for o in owners] == [("双发改转", "532322", "adopted")]  # unowned, used only by 双柏
    assert {"doc:双发改受 1-2", "doc:双发改转 1-1", "case:532322 1-3"} <= claimed
    other = device(hub, tmp_path / "sb-new", COUNTY_A)  # a second 双柏 device numbers after both
    with other.profile.store.unit_of_work() as uow:
        assert uow.session.execute(text(
            "SELECT MIN(start) FROM number_blocks WHERE series = 'doc:双发改受' AND year = 2026")).scalar() > 3


ENROLMENT_TABLES = ("devices", "number_blocks", "number_series", "prefix_owners")


def _enrol_after_using(hub, office, prefix: str):
    """The office prints one receipt under ``prefix`` while standalone, then tries to join: the refusal,
    the hub's row counts from before the attempt, and the profile's folder."""
    from app.services import office_settings

    office_settings.update(office.profile, office.leader, {"prefixes": {"receipt": prefix}})
    assert issue_in(office, "registered", "receipt") == f"{prefix}〔2026〕1号"
    home = office.profile.files.home
    office.profile.close()
    code = hub.code("532322", "双柏县发展和改革局")
    counts = {t: hub.count(t) for t in ENROLMENT_TABLES}
    with pytest.raises(DomainError) as refused:
        sync.enroll(home, hub.url, code, "old-pc")
    return refused.value, counts, home


def test_a_standalone_office_that_used_another_regions_prefix_cannot_join(hub, tmp_path, office):
    from app.messages import describe

    refused, counts, home = _enrol_after_using(hub, office, "牟发改受")
    assert refused.code == "enrol_prefix_taken"
    assert refused.params["prefix"] == "牟发改受" and refused.params["owner"] == "532323"
    assert "“牟发改受”属于牟定县（532323）" in describe(refused)
    assert {t: hub.count(t) for t in counts} == counts  # nothing stored at the hub ...
    with hub.database.reader() as session:
        assert session.execute(text("SELECT used_at FROM enrolment_codes")).scalar() is None  # ... the code unspent
    again = open_profile(home, clock=office.clock)
    try:
        assert sync.status(again).enrolled is False  # ... and nothing changed on the device
        with again.store.unit_of_work() as uow:
            assert uow.numbers.remaining("doc:牟发改受", 2026) is None  # still its own, open-ended series
    finally:
        again.close()


def test_a_county_office_that_used_its_prefectures_prefix_cannot_join(hub, tmp_path, office):
    """楚发改受 is the prefecture's (楚雄州, 532300) series: a county office (双柏县, 532322) that printed
    numbers under it while standalone is refused at enrolment, the prefecture named, told it has not
    joined and what to do, and nothing stored: the prefecture's own office would print the same numbers."""
    from app.messages import describe

    refused, counts, _home = _enrol_after_using(hub, office, "楚发改受")
    assert refused.code == "enrol_prefix_taken"
    assert refused.params["prefix"] == "楚发改受" and refused.params["owner"] == "532300"
    said = describe(refused)
    assert "“楚发改受”属于楚雄彝族自治州（532300），中心不能接收这些编号" in said and "未加入同步" in said
    assert {t: hub.count(t) for t in counts} == counts


def test_without_auto_adoption_an_unowned_prefix_waits_for_the_administrator(hub, tmp_path, office):
    from app.services import office_settings
    from server.services import prefixes

    hub.admin(prefixes.set_auto_adopt, False)
    office_settings.update(office.profile, office.leader, {"prefixes": {"forward_letter": "双发改转"}})
    issue_in(office, "forwarded", "forward_letter")
    home = office.profile.files.home
    office.profile.close()
    code = hub.code("532322", "双柏县发展和改革局")
    with pytest.raises(DomainError) as refused:
        sync.enroll(home, hub.url, code, "old-pc")
    assert refused.value.code == "enrol_prefix_unowned" and hub.count("devices") == 0
    hub.admin(admin.assign_prefix, "双发改转", "532322")
    assert sync.enroll(home, hub.url, code, "old-pc").scope_region == "532322"  # the same code, now accepted


# ---- replacing a device --------------------------------------------------------------------------------
def test_an_ordinary_code_cannot_take_over_a_known_device(hub, tmp_path, security_log_file):
    from app.sync.protocol import EnrolRequest
    from app.sync.transport import HubClient, SyncError
    from tests.hub_security import records

    a = device(hub, tmp_path / "sb", COUNTY_A)
    code = hub.code("532322", "双柏县发展和改革局")
    with HubClient(hub.url, retries=False) as client, pytest.raises(SyncError) as refused:
        client.enrol(EnrolRequest(code=code, device_name="intruder", device_id=a.profile.device_id))
    assert refused.value.code == "enrol_device_exists" and refused.value.status == 409
    from app.messages import describe

    assert "替换注册码" in describe(refused.value) and a.profile.device_id in describe(refused.value)
    assert a.sync().pushed >= 0  # the device's own token still works
    with hub.database.reader() as session:
        assert session.execute(text("SELECT used_at FROM enrolment_codes WHERE device_id IS NULL")).scalar() is None
    [line] = records(security_log_file, "enrolment_refused")
    assert line["reason"] == "enrol_device_exists" and line["device_id"] == a.profile.device_id
    log_text = security_log_file.read_text(encoding="utf-8")
    for raw in (code, code.replace("-", "")):
        assert raw not in log_text  # the code itself is never logged


def test_a_replacement_code_gives_the_same_device_a_new_token_and_voids_the_old(hub, tmp_path, security_log_file):
    from app.sync.protocol import EnrolRequest
    from app.sync.transport import HubClient, SyncError
    from server.admin_handlers import device_list
    from server.services import enrolment
    from tests.hub_security import records
    from tests.sync_fixtures import register

    a = device(hub, tmp_path / "sb", COUNTY_A)
    old_token = credentials.load_token(a.profile.device_id)
    replace_code = hub.admin(enrolment.create_code, None, None, replaces=a.profile.device_id)
    with HubClient(hub.url, retries=False) as client, pytest.raises(SyncError) as wrong:
        client.enrol(EnrolRequest(code=replace_code, device_name="other-pc", device_id="0190f0f0-other"))
    assert wrong.value.code == "enrol_code_for_other_device"
    unsent = register(a)  # work done offline while the keyring entry gets lost
    credentials.delete_token(a.profile.device_id)
    with pytest.raises(DomainError) as lost:
        a.sync()
    assert lost.value.code == "token_invalid"
    with pytest.raises(DomainError) as ordinary:  # an ordinary code is not enough
        sync.enroll(a.home, hub.url, hub.code("532322", "双柏县发展和改革局"), "sb-new-pc")
    assert ordinary.value.code == "enrol_device_exists"
    result = sync.enroll(a.home, hub.url, replace_code, "sb-new-pc")
    assert result.device_id == a.profile.device_id
    report = a.sync()
    assert report.pushed >= 1 and report.rejected == 0  # the device chain simply continues
    with hub.database.reader() as session:
        assert session.execute(text("SELECT COUNT(*) FROM events WHERE stream = :s"), {"s": unsent}).scalar() == 1
    with HubClient(hub.url, old_token, retries=False) as client, pytest.raises(SyncError) as void:
        client.reference()
    assert void.value.code == "token_invalid" and void.value.status == 401
    [replaced] = records(security_log_file, "device_replaced")
    assert replaced["device_id"] == a.profile.device_id and replaced["previous_name"] == "sb"
    assert replaced["device_name"] == "sb-new-pc" and replaced["replacements"] == 1
    assert [r["reason"] for r in records(security_log_file, "enrolment_refused")] == [
        "enrol_code_for_other_device", "enrol_device_exists"]
    assert [r["device_name"] for r in records(security_log_file, "device_enrolled")] == ["sb"]  # the first time
    with hub.database.writer() as session:
        rows, listing = device_list(session, None)
    assert rows[0]["replacements"] == 1 and rows[0]["name"] == "sb-new-pc"
    assert "已替换 1 次" in listing
    with pytest.raises(DomainError) as spent:
        sync.enroll(a.home, hub.url, replace_code, "sb-new-pc")
    assert spent.value.code == "enrol_code_used"


def test_every_enrolment_is_logged_without_its_code(hub, tmp_path, security_log_file):
    from tests.hub_security import records

    code = hub.code("532322", "双柏县发展和改革局")
    with pytest.raises(DomainError):
        sync.enroll(tmp_path / "x", hub.url, "ABCD-EFGH-JKLM", "pc-x")
    a = sync.enroll(tmp_path / "sb", hub.url, code, "sb-pc")
    refused, enrolled = records(security_log_file, "enrolment_refused"), records(security_log_file, "device_enrolled")
    assert [r["reason"] for r in refused] == ["enrol_code_invalid"]
    assert enrolled[0]["device_id"] == a.device_id and enrolled[0]["scope"] == "532322"
    assert enrolled[0]["device_name"] == "sb-pc" and enrolled[0]["office_name"] == "双柏县发展和改革局"
    text_ = security_log_file.read_text(encoding="utf-8")
    assert code.replace("-", "") not in text_.replace("-", "") and "ABCDEFGHJKLM" not in text_.replace("-", "")


def test_a_device_revoked_by_mistake_comes_back_with_a_replacement_code(hub, tmp_path, security_log_file):
    from server.services import enrolment
    from tests.hub_security import records
    from tests.sync_fixtures import register

    a = device(hub, tmp_path / "sb", COUNTY_A)
    hub.admin(enrolment.revoke, a.profile.device_id)
    register(a)
    with pytest.raises(DomainError) as revoked:
        a.sync()
    assert revoked.value.code == "device_revoked"
    sync.enroll(a.home, hub.url, hub.admin(enrolment.create_code, None, None, replaces=a.profile.device_id), "sb")
    report = a.sync()
    assert report.pushed >= 1 and report.rejected == 0  # the work done meanwhile goes up, same device chain
    assert [r["was_revoked"] for r in records(security_log_file, "device_replaced")] == [True]
    assert [r["device_id"] for r in records(security_log_file, "device_revoked")] == [a.profile.device_id]


def test_a_code_past_its_expiry_is_refused_and_one_about_to_expire_still_works(hub, tmp_path):
    """注册码 7 天内有效: a minute past its end it is refused in Chinese and stays unused; a minute before it
    enrols."""
    from datetime import timedelta

    from app.domain.clock import iso_utc, utc_now
    from app.messages import describe
    from app.sync.protocol import EnrolRequest
    from app.sync.transport import HubClient, SyncError
    from server.services.enrolment import code_hash

    late, soon = hub.code("532322", "双柏县发展和改革局"), hub.code("532322", "双柏县发展和改革局")
    with hub.database.writer() as session:
        for code, minutes in ((late, -1), (soon, 1)):
            session.execute(text("UPDATE enrolment_codes SET expires_at = :at WHERE code_hash = :h"),
                            {"at": iso_utc(utc_now() + timedelta(minutes=minutes)), "h": code_hash(code)})
        session.commit()
    with HubClient(hub.url, retries=False) as client:
        with pytest.raises(SyncError) as refused:
            client.enrol(EnrolRequest(code=late, device_name="sb-1", device_id="01a24d22-0000-7000-8000-00000000e001"))
        assert refused.value.code == "enrol_code_expired" and refused.value.status == 403
        assert "过期" in describe(refused.value)
        answer = client.enrol(EnrolRequest(code=soon, device_name="sb-2",
                                           device_id="01a24d22-0000-7000-8000-00000000e002"))
    assert answer.token
    with hub.database.reader() as session:
        used = dict(session.execute(text("SELECT code_hash, used_at FROM enrolment_codes")).all())
    assert used[code_hash(late)] is None and used[code_hash(soon)] is not None
