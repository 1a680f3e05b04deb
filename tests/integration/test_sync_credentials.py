"""Password verifiers per device: a device holds the verifier of a user only if the user may log in on
it (an active user of the device's own region). Everyone else in scope arrives without one — the
device still shows who did what — and a verifier the device held is dropped when the user moves to
another region or is deactivated."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.domain.errors import DomainError
from app.messages import describe
from app.services import auth
from app.sync import credentials
from app.sync.transport import HubClient
from server.services import admin
from server.tables import devices, rejections
from tests.factories import PASSWORD
from tests.sync_fixtures import COUNTY_A, COUNTY_B, PREFECTURE, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def verifiers(profile) -> dict[str, tuple[bool, int]]:
    """username -> (holds a verifier, active)"""
    with profile.store.read() as session:
        rows = session.execute(text("SELECT username, password_hash, active FROM users")).all()
    return {r.username: (bool(r.password_hash), r.active) for r in rows}


def refused_login(profile, username: str, password: str = PASSWORD) -> DomainError:
    with pytest.raises(DomainError) as refused:
        auth.login(profile, username, password)
    return refused.value


def test_the_hub_sends_verifiers_only_for_users_who_may_log_in_on_the_device(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    with HubClient(hub.url, credentials.load_token(p.profile.device_id)) as client:
        sent = {u["username"]: u for u in client.reference().users}
    assert set(sent) == {"sb_officer", "md_officer", "zhou_leader"}  # everyone in scope, for names and roles
    assert sent["zhou_leader"]["password_hash"].startswith("$argon2")
    assert sent["sb_officer"]["password_hash"] == sent["md_officer"]["password_hash"] == ""
    assert sent["md_officer"]["display_name"] == "李娟" and sent["md_officer"]["region_code"] == "532323"
    assert verifiers(p.profile) == {"zhou_leader": (True, 1), "sb_officer": (False, 1), "md_officer": (False, 1)}
    assert verifiers(a.profile) == {"sb_officer": (True, 1)}


def test_a_user_without_a_verifier_cannot_log_in_and_gets_the_usual_answer(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    register(a)  # 双柏's officer acts; the prefecture device will show him as the actor
    a.sync()
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    for password in (PASSWORD, ""):
        error = refused_login(p.profile, "sb_officer", password)
        assert error.code == "login_failed" and describe(error) == "登录名或密码错误"
    assert auth.login(a.profile, "sb_officer", PASSWORD).username == "sb_officer"  # at home he still can
    from app.services import users

    assert users.user_names(p.profile)[a.officer.user_id] == "杨喆"  # and the prefecture knows his name


def test_a_moved_or_deactivated_user_loses_the_verifier_the_device_held(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    b = device(hub, tmp_path / "md", COUNTY_B)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    hub.admin(admin.set_user_region, "sb_officer", "532323")  # 杨喆 moves from 双柏 to 牟定
    hub.admin(admin.set_user_region, "zhou_leader", "532322")  # 周审核 moves from the prefecture to 双柏
    for d in (a, b, p):
        assert d.sync().reference_updated
    assert verifiers(a.profile) == {"sb_officer": (False, 0), "zhou_leader": (True, 1)}
    assert refused_login(a.profile, "sb_officer").code == "user_inactive"
    assert auth.login(a.profile, "zhou_leader", PASSWORD).region_code == "532322"
    assert auth.login(b.profile, "sb_officer", PASSWORD).region_code == "532323"
    assert verifiers(p.profile)["zhou_leader"] == (False, 1)  # still in the prefecture's scope, no verifier
    assert refused_login(p.profile, "zhou_leader").code == "login_failed"
    hub.admin(admin.set_user_active, "sb_officer", False)
    b.sync()
    assert verifiers(b.profile)["sb_officer"] == (False, 0)
    assert refused_login(b.profile, "sb_officer").code == "user_inactive"
    hub.admin(admin.set_user_active, "sb_officer", True)  # back at work: the verifier returns
    b.sync()
    assert auth.login(b.profile, "sb_officer", PASSWORD).username == "sb_officer"


def test_a_failed_login_under_a_name_no_user_has_is_taken_by_the_hub(hub, tmp_path):
    """The security record of a login under an unknown name (no acting user) reaches the hub like any other
    event: nothing refused, the hub's chain head for the device is the device's own."""
    a = device(hub, tmp_path / "sb", COUNTY_A)
    a.sync()
    assert refused_login(a.profile, "no_such_user").code == "login_failed"
    a.sync()
    with hub.database.reader() as session:
        refused = session.execute(select(rejections.c.code).where(rejections.c.device_id == a.profile.device_id))
        assert refused.all() == []
        held = session.execute(select(devices.c.chain_seq).where(devices.c.id == a.profile.device_id)).scalar_one()
    with a.profile.store.reading() as uow:
        assert held == uow.events.chain_head()[0]
