"""The hub administrator's changes to the reference data (``server.services.admin``, as ``python -m server
admin`` makes them): regions, departments, users and document prefixes. Each change is kept, reaches the
devices (the reference version moves), touches nothing else, and a refusal names what is wrong with the
parameters the Chinese message needs. On the hub's own database, without HTTP."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError, ValidationFailed
from app.messages import describe
from app.security.passwords import verify_password
from server.services import admin, prefixes
from server.services.reference import reference_version
from server.tables import departments, document_prefixes, regions, users
from tests.factories import PASSWORD

pytest_plugins = ("tests.sync_fixtures", "tests.hub_database")  # memory_keyring, hub_database


@pytest.fixture
def database(hub_database):
    return hub_database


def run(database, func, *args, **kwargs):
    return database.run(func, *args, **kwargs)


def read(database, statement):
    return database.read(statement)


def version(database) -> int:
    with database.database.reader() as session:
        return reference_version(session)


def refusal(database, func, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as raised:
        run(database, func, *args, **kwargs)
    return raised.value


def test_a_new_region_and_its_departments_reach_the_devices(database):
    before = version(database)
    run(database, admin.add_region, "532399", "测试新区", "测新")
    assert read(database, select(regions.c.name, regions.c.short_name, regions.c.level, regions.c.parent)
                .where(regions.c.code == "532399")) == [("测试新区", "测新", "county", "532300")]
    assert version(database) > before
    first = run(database, admin.add_department, "532399", " 测试新区财政局 ", "CZ")
    assert isinstance(first, int)
    other = run(database, admin.add_department, "532399", "测试新区水务局")
    assert other != first
    run(database, admin.remove_department, first)
    again = run(database, admin.add_department, "532399", "测试新区财政局", "CZ2")
    assert again == first  # the same department, active again
    rows = read(database, select(departments.c.id, departments.c.name, departments.c.code, departments.c.active)
                .where(departments.c.region_code == "532399").order_by(departments.c.id))
    assert rows == [(first, "测试新区财政局", "CZ2", 1), (other, "测试新区水务局", None, 1)]
    blank = refusal(database, admin.add_department, "532399", "  ")
    assert (blank.code, blank.field) == ("required", "name")


def test_a_hub_user_is_kept_under_a_new_id_and_a_wrong_one_is_refused_field_by_field(database):
    user_id = run(database, admin.add_user, username=" Wang ", display_name="王承办 ", roles=["handler"],
                  region_code="532322", password=PASSWORD)
    [row] = read(database, select(users).where(users.c.id == user_id))
    assert len(user_id) == 36 and (row.username, row.display_name, row.roles, row.active) == (
        "wang", "王承办", "handler", 1)
    assert verify_password(row.password_hash, PASSWORD)
    with pytest.raises(ValidationFailed) as raised:
        run(database, admin.add_user, username="wang", display_name="王", roles=["admin", "boss"],
            region_code="532322", password="short")
    errors = {(e.field, e.code): e.params for e in raised.value.errors}
    assert errors[("username", "username_taken")] == {"username": "wang"}
    assert errors[("roles", "role_unknown")] == {"role": "boss"}
    assert ("roles", "roles_combined") in errors
    [(field, code)] = [k for k in errors if k[0] == "password"]
    assert errors[(field, code)] == {"min_length": "8"} and "8" in describe(raised.value)
    new_password = "Another#2026pw"
    run(database, admin.set_password, "WANG", new_password)
    [(hashed,)] = read(database, select(users.c.password_hash).where(users.c.id == user_id))
    assert verify_password(hashed, new_password)
    run(database, admin.set_user_active, "Wang", False)
    assert read(database, select(users.c.active).where(users.c.id == user_id)) == [(0,)]
    run(database, admin.set_user_active, "wang", True)
    assert read(database, select(users.c.active).where(users.c.id == user_id)) == [(1,)]
    run(database, admin.set_user_region, "wang", "532323")
    assert read(database, select(users.c.region_code).where(users.c.id == user_id)) == [("532323",)]
    assert refusal(database, admin.set_password, "nobody", new_password).code == "user_not_found"


def _set_rows(database):
    return sorted(tuple(r) for r in read(database, select(document_prefixes)))


def test_setting_a_prefix_changes_that_region_and_kind_only(database):
    run(database, admin.set_prefix, "532322", "forward_letter", "双发改转函")
    run(database, admin.set_prefix, "532322", "receipt", "双发改收")
    run(database, admin.set_prefix, "532323", "forward_letter", "牟发改转函")
    before = version(database)
    run(database, admin.set_prefix, "532322", "forward_letter", "双发改新函")
    assert version(database) > before
    assert _set_rows(database) == [("532322", "forward_letter", "双发改新函"), ("532322", "receipt", "双发改收"),
                                   ("532323", "forward_letter", "牟发改转函")]
    with database.database.reader() as session:
        owner = prefixes.owner_of(session, "双发改新函")
    assert (owner.region_code, owner.source) == ("532322", "admin")
    assert run(database, admin.unset_prefix, "532322", "forward_letter") == "双发改新函"
    assert _set_rows(database) == [("532322", "receipt", "双发改收"), ("532323", "forward_letter", "牟发改转函")]


def test_prefix_refusals_name_the_owner_and_the_document_kind(database):
    run(database, admin.set_prefix, "532322", "forward_letter", "双发改转函")
    taken = refusal(database, admin.set_prefix, "532323", "forward_letter", "双发改转函")
    assert taken.code == "prefix_assigned_elsewhere"
    assert taken.params == {"prefix": "双发改转函", "owner": "532322", "owner_name": "双柏县"}
    in_use = refusal(database, admin.assign_prefix, "双发改转函", "532323")
    assert in_use.code == "prefix_in_use"
    assert in_use.params == {"prefix": "双发改转函", "region": "532322", "kind": "forward_letter",
                             "kind_label": "转办函"}
    assert refusal(database, admin.release_prefix, "双发改转函").params["kind_label"] == "转办函"
    unset = refusal(database, admin.unset_prefix, "532323", "receipt")
    assert unset.code == "prefix_not_set"
    assert unset.params == {"region": "532323", "kind": "receipt", "kind_label": "受理回执"}
    unknown = refusal(database, admin.set_prefix, "532322", "poster", "双发改海")
    assert unknown.code == "document_kind_unknown"
    assert unknown.params["choices"].split("、") == list(prefixes.DEFAULT_SUFFIXES)
    assert refusal(database, admin.set_prefix, "532322", "receipt", "ABC").code == "prefix_invalid"
    assert refusal(database, admin.set_prefix, "999999", "receipt", "双发改").code == "region_unknown"
