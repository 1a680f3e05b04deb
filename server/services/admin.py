"""Administration 中心管理: regions, departments, users, deadline rules, holidays, document prefixes.

Each change bumps the reference version so devices fetch the new data at their next sync.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.domain.deadlines import DeadlineRules
from app.domain.document_kinds import kind_label
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.events import canonical_json
from app.domain.ids import uuid7
from app.domain.regions import RegionRegistry, level_of, parent_of, validate_region_code
from app.domain.vocabulary import Role
from app.domain.workdays import WorkCalendar
from app.security.passwords import hash_password, password_problem
from app.security.separation import combination_problem
from server.services import prefixes
from server.services.reference import bump, put_setting
from server.tables import departments, document_prefixes, holiday_years, regions, users

_PREFIX = re.compile(r"^[\u3400-\u9fff]{1,12}$")  # as the office settings accept (prefix_invalid)


def _region_known(session: Session, code: str) -> None:
    if session.execute(select(regions.c.code).where(regions.c.code == code)).first() is None:
        raise DomainError("region_unknown", region=code)


def upsert_regions(session: Session, registry: RegionRegistry) -> int:
    count = 0
    for region in registry.all():
        row = {"code": region.code, "name": region.name, "short_name": region.short_name, "level": region.level,
               "parent": region.parent}
        if session.execute(select(regions.c.code).where(regions.c.code == region.code)).first():
            session.execute(update(regions).where(regions.c.code == region.code).values(**row))
        else:
            session.execute(insert(regions).values(**row))
        count += 1
    bump(session)
    return count


def add_region(session: Session, code: str, name: str, short_name: str | None = None) -> None:
    code = validate_region_code(code)
    record = {"code": code, "name": name.strip(), "short_name": (short_name or name.strip()[:1]),
              "level": level_of(code), "parent": parent_of(code)}
    upsert_regions(session, RegionRegistry.from_records([record]))


def add_department(session: Session, region_code: str, name: str, code: str | None = None) -> int:
    _region_known(session, region_code)
    if not name.strip():
        raise DomainError("required", field="name")
    existing = session.execute(select(departments.c.id).where(
        departments.c.region_code == region_code, departments.c.name == name.strip())).scalar()
    if existing is not None:
        session.execute(update(departments).where(departments.c.id == existing).values(active=1, code=code))
        bump(session)
        return existing
    new_id = session.execute(insert(departments).values(region_code=region_code, name=name.strip(), code=code,
                                                        active=1)).inserted_primary_key[0]
    bump(session)
    return new_id


def remove_department(session: Session, department_id: int) -> None:
    session.execute(update(departments).where(departments.c.id == department_id).values(active=0))
    bump(session)


def add_user(session: Session, *, username: str, display_name: str, roles: list[str], region_code: str,
             password: str) -> str:
    errors: list[FieldError] = []
    name = username.strip().lower()
    if session.execute(select(users.c.id).where(users.c.username == name)).first():
        errors.append(FieldError("username", "username_taken", {"username": name}))
    for role in roles:
        if role not in {r.value for r in Role}:
            errors.append(FieldError("roles", "role_unknown", {"role": role}))
    if combination_problem(roles):  # 三员分立, as on the devices (app.security.separation)
        errors.append(FieldError("roles", "roles_combined"))
    problem = password_problem(password)
    if problem:
        errors.append(FieldError("password", problem, {"min_length": "8"}))
    if errors:
        raise ValidationFailed(errors)
    _region_known(session, region_code)
    user_id = uuid7()
    session.execute(insert(users).values(
        id=user_id, username=name, display_name=display_name.strip(), roles=",".join(roles),
        region_code=region_code, password_hash=hash_password(password), active=1, updated_at=iso_utc(utc_now())))
    bump(session)
    return user_id


def _user_id(session: Session, username: str) -> str:
    user_id = session.execute(select(users.c.id).where(users.c.username == username.strip().lower())).scalar()
    if user_id is None:
        raise DomainError("user_not_found")
    return user_id


def set_password(session: Session, username: str, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise DomainError(problem, field="password", min_length=8)
    session.execute(update(users).where(users.c.id == _user_id(session, username)).values(
        password_hash=hash_password(password), updated_at=iso_utc(utc_now())))
    bump(session)


def set_user_active(session: Session, username: str, active: bool) -> None:
    session.execute(update(users).where(users.c.id == _user_id(session, username)).values(
        active=1 if active else 0, updated_at=iso_utc(utc_now())))
    bump(session)


def set_rules(session: Session, **values: int) -> DeadlineRules:
    from server.services.reference import deadline_rules

    current = deadline_rules(session).to_dict()
    current.update({k: v for k, v in values.items() if v is not None})
    rules = DeadlineRules.from_dict(current)
    put_setting(session, "deadline_rules", canonical_json(rules.to_dict()))
    bump(session)
    return rules


def import_holidays(session: Session, data: dict[str, Any], only_year: int | None = None) -> list[int]:
    """Years from a ``holidays.json`` document (validated as the app will read it); returns the years."""
    calendar = WorkCalendar.from_dict(data)
    entries = calendar.to_dict()["years"]
    years = sorted(int(y) for y in entries if only_year is None or int(y) == only_year)
    if not years:
        raise DomainError("calendar_data_invalid", detail=f"没有 {only_year} 年的安排" if only_year else "没有年份")
    for year in years:
        text = canonical_json(entries[str(year)])
        if session.execute(select(holiday_years.c.year).where(holiday_years.c.year == year)).first():
            session.execute(update(holiday_years).where(holiday_years.c.year == year).values(data=text))
        else:
            session.execute(insert(holiday_years).values(year=year, data=text))
    bump(session)
    return years


def set_prefix(session: Session, region_code: str, kind: str, prefix: str) -> None:
    """Region ``region_code`` issues ``kind`` under ``prefix`` (devices take it with the reference data)
    and owns the prefix. Refused when the prefix belongs to another region (``assign_prefix`` first)."""
    _region_known(session, region_code)
    prefix = prefix.strip()
    if kind not in prefixes.DEFAULT_SUFFIXES:
        raise DomainError("document_kind_unknown", kind=kind, choices="、".join(prefixes.DEFAULT_SUFFIXES))
    _check_prefix_text(prefix)
    owner = prefixes.owner_of(session, prefix)
    if owner.region_code not in (None, region_code):
        raise DomainError("prefix_assigned_elsewhere", prefix=prefix, owner=owner.region_code,
                          owner_name=prefixes.region_name(session, owner.region_code))
    t = document_prefixes
    session.execute(delete(t).where(t.c.region_code == region_code, t.c.kind == kind))
    session.execute(insert(t).values(region_code=region_code, kind=kind, prefix=prefix))
    if owner.source != "admin":
        prefixes.put_owner(session, prefix, region_code, "admin")
    bump(session)


def unset_prefix(session: Session, region_code: str, kind: str) -> str | None:
    """The region's devices go back to their own setting (by default the region's default prefix) for
    ``kind``; the prefix stays the region's (documents were numbered under it). Returns the old prefix."""
    t = document_prefixes
    old = session.execute(select(t.c.prefix).where(t.c.region_code == region_code, t.c.kind == kind)).scalar()
    if old is None:
        raise DomainError("prefix_not_set", region=region_code, kind=kind, kind_label=kind_label(kind))
    session.execute(delete(t).where(t.c.region_code == region_code, t.c.kind == kind))
    bump(session)
    return old


def assign_prefix(session: Session, prefix: str, region_code: str) -> prefixes.Ownership:
    """The administrator's word on who owns ``prefix`` (over the rule and over an adoption); returns the
    previous ownership. Refused while another region's document kind is set to it."""
    _region_known(session, region_code)
    prefix = prefix.strip()
    _check_prefix_text(prefix)
    others = [(r, k) for r, k in prefixes.kinds_using(session, prefix) if r != region_code]
    if others:
        raise DomainError("prefix_in_use", prefix=prefix, region=others[0][0], kind=others[0][1],
                          kind_label=kind_label(others[0][1]))
    previous = prefixes.owner_of(session, prefix)
    prefixes.put_owner(session, prefix, region_code, "admin")
    return previous


def release_prefix(session: Session, prefix: str) -> prefixes.Ownership:
    """Forget the explicit owner of ``prefix``: the rule decides again. Returns who owns it now."""
    prefix = prefix.strip()
    using = prefixes.kinds_using(session, prefix)
    if using:
        raise DomainError("prefix_in_use", prefix=prefix, region=using[0][0], kind=using[0][1],
                          kind_label=kind_label(using[0][1]))
    if not prefixes.release(session, prefix):
        raise DomainError("prefix_not_assigned", prefix=prefix)
    return prefixes.owner_of(session, prefix)


def _check_prefix_text(prefix: str) -> None:
    if not prefix:
        raise DomainError("required", field="prefix")
    if not _PREFIX.match(prefix):
        raise DomainError("prefix_invalid", field="prefix")


def set_user_region(session: Session, username: str, region_code: str) -> None:
    """Move a user to another region: devices of the old region drop the user's verifier at their next
    sync, devices of the new one receive it."""
    _region_known(session, region_code)
    session.execute(update(users).where(users.c.id == _user_id(session, username)).values(
        region_code=region_code, updated_at=iso_utc(utc_now())))
    bump(session)


def holiday_summary(session: Session) -> list[dict[str, Any]]:
    result = []
    for row in session.execute(select(holiday_years).order_by(holiday_years.c.year)):
        data = json.loads(row.data)
        result.append({"year": row.year, "notice": data.get("notice"), "holidays": len(data.get("holidays", [])),
                       "workdays": len(data.get("workdays", []))})
    return result
