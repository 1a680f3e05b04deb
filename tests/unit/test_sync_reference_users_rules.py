"""Users from the hub's reference data on a device (found by mutation testing, issue 17): a deactivated
user's password verifier is never kept here, even if a hub sends one, so nobody can log in as them on
this device and their hash does not sit on the PC; an active user of the office keeps theirs."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.deadlines import DeadlineRules
from app.services import auth
from app.store.tables import users
from app.sync.protocol import Reference
from app.sync.reference import apply_reference
from tests.factories import PASSWORD

VERIFIER = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


def _hub_user(user_id: str, username: str, active: bool) -> dict:
    return {"id": user_id, "username": username, "display_name": f"{username}同志", "roles": ["handler"],
            "region_code": "532322", "password_hash": VERIFIER, "active": active}


def test_a_deactivated_users_verifier_sent_by_a_hub_is_not_kept_on_the_device(office):
    profile = office.profile
    reference = Reference(version=2, regions=[], departments=[], deadline_rules=DeadlineRules().to_dict(),
                          holidays={}, document_prefixes=[],
                          users=[_hub_user("u-gone", "chen_gone", active=False),
                                 _hub_user("u-here", "wang_here", active=True)])
    with profile.store.unit_of_work() as uow:
        apply_reference(uow, reference, profile.now())
        uow.commit()
    with profile.store.read() as session:
        stored = dict(session.execute(select(users.c.username, users.c.password_hash)
                                      .where(users.c.id.in_(["u-gone", "u-here"]))).all())
    assert stored == {"chen_gone": "", "wang_here": VERIFIER}
    assert auth.login(profile, "officer", PASSWORD)  # the local accounts are untouched


def test_a_local_account_with_a_hub_users_name_gives_the_name_up_and_is_switched_off(office):
    """The hub's account wins the name: the local ``officer`` becomes ``officer.local``, inactive (it keeps its
    history under its id), and the hub's ``officer`` is the one the name logs in as from now on."""
    profile = office.profile
    local_id = office.officer.user_id
    reference = Reference(version=2, regions=[], departments=[], deadline_rules=DeadlineRules().to_dict(),
                          holidays={}, document_prefixes=[], users=[_hub_user("u-hub-officer", "officer", active=True)])
    with profile.store.unit_of_work() as uow:
        apply_reference(uow, reference, profile.now())
        uow.commit()
    with profile.store.read() as session:
        rows = {r.id: (r.username, r.active) for r in session.execute(
            select(users.c.id, users.c.username, users.c.active).where(users.c.id.in_([local_id, "u-hub-officer"])))}
    assert rows == {local_id: ("officer.local", 0), "u-hub-officer": ("officer", 1)}
    with profile.store.read() as session:  # a new user from the hub starts with no failed logins behind them
        failed = session.execute(select(users.c.failed_count).where(users.c.id == "u-hub-officer")).scalar()
    assert failed == 0


def test_a_user_the_hub_no_longer_sends_is_switched_off_and_stamped(office, clock):
    """Moved to another region or removed at the hub: inactive here, no verifier, and the change dated."""
    profile = office.profile

    def apply_and_read(users_sent):
        reference = Reference(version=2, regions=[], departments=[], deadline_rules=DeadlineRules().to_dict(),
                              holidays={}, document_prefixes=[], users=users_sent)
        with profile.store.unit_of_work() as uow:
            apply_reference(uow, reference, profile.now())
            uow.commit()
        with profile.store.read() as session:
            return session.execute(select(users.c.active, users.c.password_hash, users.c.updated_at)
                                   .where(users.c.id == "u-li")).one()

    first = apply_and_read([_hub_user("u-li", "li_moved", active=True)])
    assert (first.active, first.password_hash) == (1, VERIFIER)
    clock.advance(days=3)
    gone = apply_and_read([])
    assert (gone.active, gone.password_hash) == (0, "")
    assert str(gone.updated_at) > str(first.updated_at)  # the switch-off carries its own date
