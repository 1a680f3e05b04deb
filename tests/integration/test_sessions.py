"""Sessions, passwords and separation of duties (issue 12 §3) on a real profile file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.common.packing import unpacked
from app.domain.errors import DomainError, ValidationFailed
from app.messages import describe
from app.security.passwords import password_problem
from app.security.separation import combination_problem
from app.services import (
    act,
    attachments,
    auth,
    documents,
    duplicates,
    intake,
    session_settings,
    typical_cases,
    users,
)
from app.store.tables import events
from app.sync.reference import _put
from tests.factories import PASSWORD
from tests.factories import intake as make_intake

NEW = "Neu#2026word"


def session_actions(office) -> list[tuple[str, str]]:
    with office.profile.store.read() as s:
        rows = s.execute(select(events.c.action, events.c.payload).where(events.c.stream.in_(("session", "admin")))
                         .order_by(events.c.seq)).all()
    return [(a, unpacked(p)) for a, p in rows]  # stored packed (``app.common.packing``)


@pytest.mark.parametrize("roles", [["admin", "clerk"], ["auditor", "leader"], ["admin", "auditor"],
                                   ["admin", "clerk", "handler", "leader"]])
def test_system_roles_never_share_an_account(office, roles):
    with pytest.raises(ValidationFailed) as caught:
        users.add_user(office.profile, office.admin, username="mixed", display_name="合用账户", roles=roles,
                       password=PASSWORD)
    assert "三员分立" in describe(caught.value)
    assert "mixed" not in {u.username for u in users.list_users(office.profile)}


def test_business_roles_combine_and_system_roles_stand_alone():
    assert combination_problem(["clerk", "handler", "leader"]) is None
    assert combination_problem(["admin"]) is None and combination_problem(["auditor"]) is None


def test_an_existing_combined_account_keeps_working(office):
    """Made before the rule (e.g. by an older version): it logs in and handles cases; lists flag it."""
    with office.profile.store.unit_of_work() as uow:
        uow.users.update(office.officer.user_id, "2026-11-26T04:00:00Z", roles=("admin", "clerk", "handler", "leader"))
        uow.commit()
    actor = auth.login(office.profile, "officer", PASSWORD)
    assert intake.register(office.profile, actor, make_intake()).case_no


def test_the_administrator_cannot_change_any_complaint(office, tmp_path):
    reg = intake.register(office.profile, office.clerk, make_intake())
    other = intake.register(office.profile, office.clerk, make_intake(complainant="双柏县青山建材有限公司"))
    admin, auditor = office.admin, office.auditor
    attempts = [
        lambda a: intake.register(office.profile, a, make_intake()),
        lambda a: act.act(office.profile, a, reg.case_no, "forward", {"department": "双柏县人民政府"}),
        lambda a: act.act(office.profile, a, reg.case_no, "note", {"text": "管理员不应能写"}),
        lambda a: act.act(office.profile, a, reg.case_no, "amend", {"changes": {"description": "改"}, "reason": "改"}),
        lambda a: documents.issue(office.profile, a, reg.case_no, "receipt"),
        lambda a: duplicates.merge(office.profile, a, other.case_no, reg.case_no),
        lambda a: duplicates.dismiss(office.profile, a, other.case_no, reg.case_no, "不是同一件事"),
        lambda a: typical_cases.decide(office.profile, a, reg.case_no, accept=False, reason="不典型"),
        lambda a: attachments.attach_file(office.profile, a, reg.case_no, _file(tmp_path)),
    ]
    before = len(session_actions(office))
    for actor in (admin, auditor):
        for attempt in attempts:
            with pytest.raises(DomainError) as caught:
                attempt(actor)
            assert caught.value.code in ("role_not_permitted", "validation_failed"), caught.value.code
            assert "无权" in describe(caught.value) or "角色" in describe(caught.value)
    with office.profile.store.read() as s:
        assert s.execute(select(events.c.action).where(events.c.stream.in_((reg.complaint_id,)))).scalars().all() \
            == ["register"]
    assert len(session_actions(office)) == before


def _file(tmp_path):
    path = tmp_path / "证据.txt"
    path.write_text("合同扫描件", encoding="utf-8")
    return path


def test_own_password_change_needs_the_current_one(office):
    with pytest.raises(DomainError) as caught:
        users.change_own_password(office.profile, office.clerk, "Wrong#2026pw", NEW)
    assert describe(caught.value) == "原密码不正确"
    with pytest.raises(ValidationFailed):
        users.change_own_password(office.profile, office.clerk, PASSWORD, "short")
    with pytest.raises(ValidationFailed):
        users.change_own_password(office.profile, office.clerk, PASSWORD, PASSWORD)
    users.change_own_password(office.profile, office.clerk, PASSWORD, NEW)
    assert auth.login(office.profile, "clerk", NEW).username == "clerk"
    with pytest.raises(DomainError):
        auth.login(office.profile, "clerk", PASSWORD)
    actions = [a for a, _ in session_actions(office)]
    assert "password_change_failed" in actions and "password_change" in actions


def test_wrong_current_passwords_lock_the_account_like_logins(office):
    for _ in range(4):
        with pytest.raises(DomainError):
            users.change_own_password(office.profile, office.clerk, "Wrong#2026pw", NEW)
    with pytest.raises(DomainError) as caught:
        users.change_own_password(office.profile, office.clerk, "Wrong#2026pw", NEW)
    assert caught.value.code == "account_locked"


def test_reset_gives_a_temporary_password_to_change_at_next_login(office):
    info, temporary = users.reset_password(office.profile, office.admin, "handler")
    assert info.must_change_password and password_problem(temporary) is None and len(temporary) == 12
    actor = auth.login(office.profile, "handler", temporary)
    assert actor.must_change_password
    changed = users.change_own_password(office.profile, actor, temporary, NEW)
    assert not changed.must_change_password
    assert not auth.login(office.profile, "handler", NEW).must_change_password
    reset = [json.loads(p) for a, p in session_actions(office) if a == "password_reset"]
    assert reset == [{"user_id": office.handler.user_id}]  # the temporary password is never recorded
    assert temporary not in json.dumps([p for _, p in session_actions(office)], ensure_ascii=False)


def test_only_the_administrator_resets(office):
    with pytest.raises(DomainError) as caught:
        users.reset_password(office.profile, office.leader, "clerk")
    assert describe(caught.value) == "只有系统管理员可以进行此操作"


def test_hub_accounts_are_changed_at_the_hub(office):
    with office.profile.store.unit_of_work() as uow:
        _put(uow.session, "hub_user_ids", [office.clerk.user_id])
        uow.commit()
    for attempt in (lambda: users.change_own_password(office.profile, office.clerk, PASSWORD, NEW),
                    lambda: users.reset_password(office.profile, office.admin, "clerk")):
        with pytest.raises(DomainError) as caught:
            attempt()
        assert "州级平台管理员" in describe(caught.value)
    assert auth.login(office.profile, "clerk", PASSWORD).username == "clerk"  # unchanged
    assert {u.username: u for u in users.list_users(office.profile)}["clerk"].hub_managed


def test_lock_and_unlock_are_audited_and_need_the_same_password(office):
    auth.lock(office.profile, office.clerk, reason="idle")
    with pytest.raises(DomainError) as caught:
        auth.unlock(office.profile, office.clerk, "Wrong#2026pw")
    assert caught.value.code == "login_failed" and caught.value.params["remaining"] == 4
    assert auth.unlock(office.profile, office.clerk, PASSWORD).user_id == office.clerk.user_id
    auth.logout(office.profile, office.clerk, reason="switch_user")
    tail = [(a, json.loads(p)) for a, p in session_actions(office)][-4:]
    assert [a for a, _ in tail] == ["lock", "unlock_failed", "unlock", "logout"]
    assert tail[0][1]["reason"] == "idle" and tail[-1][1]["reason"] == "switch_user"


def test_idle_lock_minutes_default_and_admin_setting(office):
    assert session_settings.idle_lock_minutes(office.profile) == 15
    assert session_settings.set_idle_lock_minutes(office.profile, office.admin, 5) == 5
    assert session_settings.idle_lock_minutes(office.profile) == 5
    with pytest.raises(DomainError):
        session_settings.set_idle_lock_minutes(office.profile, office.leader, 30)
    for wrong in (0, 61):
        with pytest.raises(ValidationFailed) as caught:
            session_settings.set_idle_lock_minutes(office.profile, office.admin, wrong)
        assert "1–60 分钟" in describe(caught.value)
    assert ("session_settings", '{"idle_lock_minutes":5}') in session_actions(office)


def test_the_shortest_and_longest_idle_lock_are_kept(office):
    """1 and 60 minutes are allowed settings: stored and read back as set (not replaced by the default)."""
    for minutes in (1, 60):
        assert session_settings.set_idle_lock_minutes(office.profile, office.admin, minutes) == minutes
        assert session_settings.idle_lock_minutes(office.profile) == minutes


@pytest.mark.parametrize("display_name", [" 张 ", "\u3000张", "张"])
def test_a_display_name_needs_two_characters_besides_spaces(office, display_name):
    with pytest.raises(ValidationFailed) as caught:
        users.add_user(office.profile, office.admin, username="zhang", display_name=display_name, roles=["clerk"],
                       password="Zhang#2026x")
    assert [(e.field, e.code) for e in caught.value.errors] == [("display_name", "string_too_short")]
    assert users.add_user(office.profile, office.admin, username="zhang", display_name=" 张三 ", roles=["clerk"],
                          password="Zhang#2026x").display_name.strip() == "张三"


def test_only_an_admin_sets_another_users_password_and_it_is_then_temporary(office):
    handler = office.handler.user_id
    with pytest.raises(DomainError) as caught:
        users.change_password(office.profile, office.clerk, handler, "Clerk#2026sets")
    assert caught.value.code == "admin_required"
    assert auth.login(office.profile, "handler", PASSWORD).must_change_password is False  # unchanged

    users.change_password(office.profile, office.admin, handler, "Reset#2026tmp")
    assert auth.login(office.profile, "handler", "Reset#2026tmp").must_change_password is True
    users.change_password(office.profile, office.clerk, office.clerk.user_id, "Clerk#2026own")
    assert auth.login(office.profile, "clerk", "Clerk#2026own").must_change_password is False
    assert [a for a, _ in session_actions(office) if a.startswith("password_")][-2:] == ["password_reset",
                                                                                         "password_change"]
