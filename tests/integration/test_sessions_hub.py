"""Passwords of accounts that come from the prefecture hub, and 三员分立 on the hub itself."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError, ValidationFailed
from app.messages import describe
from app.services import auth, users
from server.services import admin
from tests.factories import PASSWORD
from tests.sync_fixtures import COUNTY_A, device, hub, memory_keyring  # noqa: F401  (fixtures)

NEW = "Neu#2026word"


def test_an_enrolled_officer_is_told_who_changes_the_password(hub, tmp_path):  # noqa: F811
    county = device(hub, tmp_path / "county", COUNTY_A)
    officer = auth.login(county.profile, "sb_officer", PASSWORD)
    with pytest.raises(DomainError) as caught:
        users.change_own_password(county.profile, officer, PASSWORD, NEW)
    assert "州级平台管理员" in describe(caught.value) and "server admin user passwd" in describe(caught.value)
    assert {u.username: u for u in users.list_users(county.profile)}["sb_officer"].hub_managed
    hub.admin(admin.set_password, "sb_officer", NEW)  # where it is done: the hub, then a sync
    county.sync()
    assert auth.login(county.profile, "sb_officer", NEW).username == "sb_officer"
    county.profile.close()


def test_the_hub_refuses_an_administrator_with_case_roles(hub):  # noqa: F811
    with pytest.raises(ValidationFailed) as caught:
        hub.add_user("sb_mixed", "532322", roles=("admin", "leader"))
    assert "三员分立" in describe(caught.value)
