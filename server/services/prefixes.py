"""Document prefixes 发文字号前缀: which region a prefix, and so its number series ``doc:<prefix>``, belongs to.

A prefix belongs to a region by the hub's reference data, never to whoever asks for it first:

1. an **explicit owner** (``prefix_owners``): set by the administrator (``admin prefix assign``, or
   ``admin prefix set`` for one document kind of a region), adopted at enrolment from a standalone
   office that had already issued documents under it (``admin prefix auto-adopt``, on by default), or
   kept by migration 0003 from the old first-come table;
2. otherwise **the rule**: the default prefixes a region's office starts with, its short name
   (``regions.short_name``) followed by 发改受 / 发改告 / 发改函 / 发改督 / 发改认 — the same table
   as the client's ``app.services.office_settings.PREFIX_SUFFIXES`` (a test keeps the two equal).
   A prefix that two regions' short names both produce belongs to neither until the administrator
   assigns it.

A device may reserve numbers of a prefix whose owner is in its scope; another region's prefix is
refused with ``prefix_owned_elsewhere``, a prefix nobody owns with ``prefix_unowned``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.domain.credit_check import SERIES_SUFFIX as CREDIT_CHECK_SUFFIX
from app.domain.document_kinds import DocumentKind
from app.domain.regions import scope_prefix
from server.db import insert_ignore
from server.errors import HubError
from server.services.reference import get_setting, put_setting
from server.tables import document_prefixes, prefix_owners, regions

DEFAULT_SUFFIXES: dict[str, str] = {  # document kind -> what follows the region's short name
    DocumentKind.RECEIPT: "发改受",
    DocumentKind.REJECTION: "发改告",
    DocumentKind.FORWARD_LETTER: "发改函",
    DocumentKind.RECTIFICATION_NOTICE: "发改督",
    DocumentKind.BREACH_DETERMINATION: "发改认",
    DocumentKind.REPAIR_NOTICE: "发改告",
    DocumentKind.FEEDBACK_LETTER: "发改函",
    DocumentKind.URGE_LETTER: "发改函",
    DocumentKind.SUPERVISION_NOTICE: "发改督",
}
# Series of an office that are no document kind's: the credit check results 楚发改信核〔2026〕1号
# (``app.services.credit_check``); the rule gives them to the region whose short name they start with.
SERIES_SUFFIXES: tuple[str, ...] = (CREDIT_CHECK_SUFFIX,)
SOURCE_LABELS = {"admin": "管理员指定", "adopted": "单机时期使用，加入时登记", "migrated": "升级时保留",
                 "rule": "按地区简称推定", "kind": "管理员设置"}
AUTO_ADOPT_KEY = "prefix_auto_adopt"
MIGRATION_NOTE_KEY = "prefix_migration_0003"  # what migration 0003 dropped, for ``admin prefix list``
MAX_PREFIX = 40


@dataclass(frozen=True)
class Ownership:
    prefix: str
    region_code: str | None  # None: nobody owns it (yet)
    source: str  # admin | adopted | migrated | rule | none | clash
    candidates: tuple[str, ...] = ()  # clash: the regions whose short names all produce it


def default_prefixes(short_name: str) -> dict[str, str]:
    """The prefix per document kind an office of a region with ``short_name`` starts with."""
    return {str(kind): short_name + suffix for kind, suffix in DEFAULT_SUFFIXES.items()}


def rule_candidates(session: Session, prefix: str) -> tuple[str, ...]:
    """Regions whose default prefixes include ``prefix`` (normally one; several when short names clash)."""
    shorts = {prefix[: -len(suffix)] for suffix in {*DEFAULT_SUFFIXES.values(), *SERIES_SUFFIXES}
              if prefix.endswith(suffix) and len(prefix) > len(suffix)}
    if not shorts:
        return ()
    return tuple(session.execute(select(regions.c.code).where(regions.c.short_name.in_(sorted(shorts)))
                                 .order_by(regions.c.code)).scalars())


def owner_of(session: Session, prefix: str) -> Ownership:
    row = session.execute(select(prefix_owners.c.region_code, prefix_owners.c.source)
                          .where(prefix_owners.c.prefix == prefix)).first()
    if row is not None:
        return Ownership(prefix, row.region_code, row.source)
    candidates = rule_candidates(session, prefix)
    if len(candidates) == 1:
        return Ownership(prefix, candidates[0], "rule", candidates)
    return Ownership(prefix, None, "clash" if candidates else "none", candidates)


def covers(scope_region: str, region_code: str) -> bool:
    """Is ``region_code`` in the scope of a device or code scoped to ``scope_region``?"""
    return region_code.startswith(scope_prefix(scope_region))


def region_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    return session.execute(select(regions.c.name).where(regions.c.code == code)).scalar() or code


def check_use(session: Session, scope_region: str, prefix: str) -> Ownership:
    """The owner of ``prefix`` when a device scoped to ``scope_region`` may number under it; else ``HubError``."""
    owner = owner_of(session, prefix)
    if owner.region_code is None:
        raise HubError(403, "prefix_unowned", prefix=prefix)
    if not covers(scope_region, owner.region_code):
        raise HubError(403, "prefix_owned_elsewhere", prefix=prefix, owner=owner.region_code,
                       owner_name=region_name(session, owner.region_code))
    return owner


def auto_adopt(session: Session) -> bool:
    return get_setting(session, AUTO_ADOPT_KEY, "1") != "0"


def set_auto_adopt(session: Session, on: bool) -> None:
    put_setting(session, AUTO_ADOPT_KEY, "1" if on else "0")


def put_owner(session: Session, prefix: str, region_code: str, source: str, device_id: str | None = None) -> None:
    values = {"region_code": region_code, "source": source, "set_at": iso_utc(utc_now()), "device_id": device_id}
    t = prefix_owners
    if session.execute(select(t.c.prefix).where(t.c.prefix == prefix).with_for_update()).first() is None:
        session.execute(insert(t).values(prefix=prefix, **values))
    else:
        session.execute(update(t).where(t.c.prefix == prefix).values(**values))


def adopt(session: Session, prefix: str, region_code: str, device_id: str) -> Ownership:
    """Record an unowned prefix for ``region_code`` (a standalone office used it); returns the owner
    afterwards, which is another region's if a concurrent enrolment adopted it first."""
    insert_ignore(session, prefix_owners, {"prefix": prefix, "region_code": region_code, "source": "adopted",
                                           "set_at": iso_utc(utc_now()), "device_id": device_id})
    return owner_of(session, prefix)


def kinds_using(session: Session, prefix: str) -> list[tuple[str, str]]:
    """(region, kind) pairs the administrator set to ``prefix`` (``admin prefix set``)."""
    return [(r.region_code, r.kind) for r in session.execute(
        select(document_prefixes.c.region_code, document_prefixes.c.kind)
        .where(document_prefixes.c.prefix == prefix).order_by(document_prefixes.c.region_code))]


def release(session: Session, prefix: str) -> bool:
    return session.execute(delete(prefix_owners).where(prefix_owners.c.prefix == prefix)).rowcount > 0


def explicit(session: Session) -> list[dict]:
    return [dict(r._mapping) for r in session.execute(select(prefix_owners).order_by(prefix_owners.c.prefix))]


def clashes(session: Session) -> list[dict]:
    """Default prefixes more than one region produces (short names alike) and nobody was assigned."""
    by_prefix: dict[str, list[str]] = {}
    for row in session.execute(select(regions.c.code, regions.c.short_name).order_by(regions.c.code)):
        for prefix in {*default_prefixes(row.short_name).values(), *(row.short_name + x for x in SERIES_SUFFIXES)}:
            by_prefix.setdefault(prefix, []).append(row.code)
    owned = set(session.execute(select(prefix_owners.c.prefix)).scalars())
    return [{"prefix": p, "regions": codes} for p, codes in sorted(by_prefix.items())
            if len(codes) > 1 and p not in owned]


def in_effect(session: Session, region_code: str | None = None) -> list[dict]:
    """Per region and document kind: the prefix its devices use (administrator's setting, else the default)."""
    set_rows = {(r.region_code, r.kind): r.prefix for r in session.execute(select(document_prefixes))}
    result = []
    query = select(regions.c.code, regions.c.name, regions.c.short_name).order_by(regions.c.code)
    if region_code:
        query = query.where(regions.c.code == region_code)
    for row in session.execute(query):
        kinds = {}
        for kind, prefix in default_prefixes(row.short_name).items():
            chosen = set_rows.get((row.code, kind))
            kinds[kind] = {"prefix": chosen or prefix, "source": "kind" if chosen else "rule"}
        result.append({"region_code": row.code, "name": row.name, "prefixes": kinds})
    return result


def migration_note(session: Session) -> list[dict]:
    text = get_setting(session, MIGRATION_NOTE_KEY)
    try:
        return list(json.loads(text)) if text else []
    except ValueError:
        return []


def valid_prefix(prefix: str) -> bool:
    return bool(prefix) and len(prefix) <= MAX_PREFIX
