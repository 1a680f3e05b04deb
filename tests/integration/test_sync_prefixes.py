"""发文字号 prefixes belong to regions by the hub's reference data (the region's default prefixes, or
the administrator's word), never to the first device that asks: a county cannot take another
county's or the prefecture's prefix, and the real owner always gets its own."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError
from app.messages import describe
from app.services import office_settings
from app.sync import credentials
from app.sync.transport import HubClient, SyncError
from server.services import admin
from tests.factories import FixedClock, china_noon
from tests.sync_fixtures import COUNTY_A, COUNTY_B, PREFECTURE, device

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def client_of(hub, d) -> HubClient:
    return HubClient(hub.url, credentials.load_token(d.profile.device_id), retries=False)


def refusal(client: HubClient, series: str) -> SyncError:
    with pytest.raises(SyncError) as refused:
        client.numbers(series, 2026, 5)
    return refused.value


def test_nobody_takes_a_prefix_by_asking_first(hub, tmp_path):
    b = device(hub, tmp_path / "md", COUNTY_B)  # 牟定 enrols before 双柏 and the prefecture exist
    with client_of(hub, b) as client:
        for series, owner, name in (("doc:双发改函", "532322", "双柏县"), ("doc:楚发改函", "532300", "楚雄彝族自治州")):
            error = refusal(client, series)
            assert (error.code, error.params["owner"], error.status) == ("prefix_owned_elsewhere", owner, 403)
            assert describe(error) == f"发文字号前缀“{series[4:]}”属于{name}（{owner}），本单位不能使用"
        assert client.numbers("doc:牟发改函", 2026, 5).end >= 5  # its own prefix, by rule
    assert hub.count("prefix_owners") == 0  # asking stored nothing
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    assert a.sync().warnings == [] and p.sync().warnings == []  # the owners get their own prefixes
    year = a.profile.now().year
    with a.profile.store.unit_of_work() as uow:
        assert uow.numbers.remaining("doc:双发改函", year) >= 10
    with p.profile.store.unit_of_work() as uow:
        assert uow.numbers.remaining("doc:楚发改函", year) >= 10
    with client_of(hub, p) as client:  # a county's prefix is in the prefecture's scope
        assert client.numbers("doc:双发改函", 2026, 1).start > 1


def test_a_refused_prefix_is_reported_once_even_in_december(hub, tmp_path):
    december = FixedClock(china_noon(2026, 12, 10))  # numbers are topped up for this year and the next
    b = device(hub, tmp_path / "md", COUNTY_B, clock=december)
    office_settings.update(b.profile, b.officer, {"prefixes": {"forward_letter": "楚发改函"}})
    report = b.sync()
    refused = [w for w in report.warnings if "楚发改函" in w]
    assert len(refused) == 1, report.warnings
    assert "属于楚雄彝族自治州（532300）" in refused[0]
    with b.profile.store.unit_of_work() as uow:
        assert uow.numbers.remaining("doc:牟发改受", 2027) >= 10  # the rest of its series still came
        assert uow.numbers.remaining("doc:楚发改函", 2026) == 0


def test_the_administrator_assigns_a_custom_prefix_and_the_device_follows(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    office_settings.update(a.profile, a.officer, {"prefixes": {"forward_letter": "双发改转"}})
    first = a.sync()
    assert any("双发改转" in w and "尚未分配给任何地区" in w for w in first.warnings), first.warnings
    hub.admin(admin.assign_prefix, "双发改转", "532322")
    assert a.sync().warnings == []
    with a.profile.store.unit_of_work() as uow:
        assert uow.numbers.remaining("doc:双发改转", a.profile.now().year) >= 10
    b = device(hub, tmp_path / "md", COUNTY_B)
    with client_of(hub, b) as client:
        assert refusal(client, "doc:双发改转").params["owner"] == "532322"


def test_the_administrator_cannot_give_a_region_another_regions_prefix_by_accident(hub):
    with pytest.raises(DomainError) as refused:
        hub.admin(admin.set_prefix, "532323", "forward_letter", "双发改函")
    assert refused.value.code == "prefix_assigned_elsewhere" and refused.value.params["owner"] == "532322"
    hub.admin(admin.set_prefix, "532323", "forward_letter", "牟发改转函")  # a new one of its own: fine
    hub.admin(admin.assign_prefix, "双发改函", "532323")  # the explicit word moves it
    hub.admin(admin.set_prefix, "532323", "feedback_letter", "双发改函")
    with pytest.raises(DomainError) as in_use:
        hub.admin(admin.assign_prefix, "双发改函", "532322")  # 牟定's kind is set to it: unset first
    assert in_use.value.code == "prefix_in_use"


def test_regions_whose_short_names_clash_own_neither_default_until_assigned(hub, tmp_path):
    hub.admin(admin.add_region, "532399", "双江试验区", "双")  # the same short name as 双柏县
    a = device(hub, tmp_path / "sb", COUNTY_A)
    report = a.sync()
    assert any("双发改函" in w and "尚未分配" in w for w in report.warnings)
    assert any("双发改信核" in w and "尚未分配" in w for w in report.warnings)
    with hub.database.reader() as session:
        from server.services import prefixes

        assert "双发改信核" in {c["prefix"] for c in prefixes.clashes(session)}  # listed for the administrator
    for prefix in ("双发改受", "双发改告", "双发改函", "双发改督", "双发改认", "双发改信核"):  # 信核: credit checks
        hub.admin(admin.assign_prefix, prefix, "532322")
    assert a.sync().warnings == []
    with hub.database.reader() as session:
        sources = set(session.execute(text("SELECT source FROM prefix_owners")).scalars())
    assert sources == {"admin"}


def test_an_enrolled_office_gets_numbers_for_its_credit_checks_and_no_one_elses(hub, tmp_path):
    from app.services import credit_check

    a = device(hub, tmp_path / "sb", COUNTY_A)
    assert a.sync().warnings == []
    year = a.profile.now().year
    with a.profile.store.unit_of_work() as uow:
        assert uow.numbers.remaining("doc:双发改信核", year) >= 10  # reserved at the sync, by the rule
    issued = credit_check.issue(a.profile, a.officer, name="双柏县财政局")
    assert issued.number == f"双发改信核〔{year}〕1号"
    b = device(hub, tmp_path / "md", COUNTY_B)
    with client_of(hub, b) as client:
        assert refusal(client, "doc:双发改信核").code == "prefix_owned_elsewhere"
