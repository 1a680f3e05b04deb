"""Office settings 发文设置: who issues the documents, their 发文字号 prefixes, contact and 抄送.

Stored in the profile's ``meta`` (key ``office_settings``) as the values an officer changed; every
other value is a default derived from the office and its region, so a default follows a renamed
office. Each change is an audited event on the admin stream. A prefix set by the hub's reference data
(``document_prefixes`` for this office's region) wins over the local one: the hub hands out number
blocks only for its own series.

Defaults (``双`` is the region's short name, ``Region.short_name``):

==========================  ==============  =====================================================
kind                        prefix          why
==========================  ==============  =====================================================
receipt 受理回执             ``双发改受``     its own series: receipts are many and routine
rejection 不予受理告知书     ``双发改告``     告知书 share the 告 series
forward_letter 转办函        ``双发改函``     函 to departments and enterprises share the 函 series
rectification_notice         ``双发改督``     督促整改通知
breach_determination         ``双发改认``     认定书, counted apart (reported upstream)
repair_notice 信用修复告知书 ``双发改告``     告知书
feedback_letter 反馈函       ``双发改函``     函
urge_letter 催办函           ``双发改函``     函
supervision_notice 督办通知  ``楚发改督``     督 (issued by the prefecture's office)
==========================  ==============  =====================================================

Issuer and signer default to the office name, 印发机关 to ``<office>办公室``, the upstream office to
the parent region's 发展和改革委员会 (a county's: 楚雄彝族自治州发展和改革委员会).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.domain import glyphs, phones
from app.domain.document_kinds import DocumentKind
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.events import ADMIN_STREAM, canonical_json
from app.domain.vocabulary import Role
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor
from app.store.meta import MetaStore
from app.sync.reference import read_kind

META_KEY = "office_settings"
PREFIX_SUFFIXES: dict[str, str] = {
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
NAMES = ("issuer", "signer", "printed_by", "upstream_office")
TEXTS = {"contact_person": 20, "contact_phone": 30, "address": 100}
_PREFIX = re.compile(r"^[\u3400-\u9fff]{1,12}$")
_MAX_COPY = 10


@dataclass(frozen=True)
class OfficeSettings:
    issuer: str  # 发文机关标志 / issuing office
    signer: str  # 署名
    printed_by: str  # 印发机关 (版记 of 文件-format documents)
    upstream_office: str  # where breach information is pushed (州发展改革委)
    contact_person: str
    contact_phone: str
    address: str
    prefixes: dict[str, str]  # kind -> 发文字号 prefix
    copy_to: dict[str, tuple[str, ...]]  # kind -> extra 抄送 names
    hub_prefixes: frozenset[str] = frozenset()  # kinds whose prefix the hub sets (read-only here)
    changed: frozenset[str] = field(default_factory=frozenset)  # keys set by an officer

    def office_values(self, kind: str) -> dict[str, Any]:
        """What ``app.documents.context.document_context`` needs of the office, for ``kind``."""
        return {"issuer": self.issuer, "signer": self.signer, "printed_by": self.printed_by,
                "upstream_office": self.upstream_office, "contact_person": self.contact_person,
                "contact_phone": self.contact_phone, "address": self.address,
                "extra_copy_to": list(self.copy_to.get(kind, ()))}

    def to_json(self) -> dict[str, Any]:
        return {**{name: getattr(self, name) for name in (*NAMES, *TEXTS)}, "prefixes": dict(self.prefixes),
                "copy_to": {k: list(v) for k, v in self.copy_to.items()}, "hub_prefixes": sorted(self.hub_prefixes)}


def defaults(profile: Profile) -> dict[str, Any]:
    """The values an office starts with (see the module docstring)."""
    region = profile.regions.find(profile.office.region_code)
    short = region.short_name if region else profile.office.name[:1]
    parent = profile.regions.find(region.parent) if region and region.parent else None
    office = profile.office.name
    return {
        "issuer": office, "signer": office, "printed_by": f"{office}办公室",
        "upstream_office": f"{parent.name}发展和改革委员会" if parent else "",
        "contact_person": "", "contact_phone": "", "address": "",
        "prefixes": {kind: short + suffix for kind, suffix in PREFIX_SUFFIXES.items()},
        "copy_to": {kind: () for kind in PREFIX_SUFFIXES},
    }


def read(session: Session, profile: Profile) -> OfficeSettings:
    """The settings in effect, read inside an open session (issuing reads them in its transaction)."""
    base = defaults(profile)
    stored = _stored(MetaStore(session))
    hub = {row["kind"]: row["prefix"] for row in read_kind(session, "document_prefixes")
           if isinstance(row, dict) and row.get("region_code") == profile.office.region_code
           and row.get("kind") in PREFIX_SUFFIXES and row.get("prefix")}
    values = {key: stored.get(key) or base[key] for key in (*NAMES, *TEXTS)}
    prefixes = {**base["prefixes"], **stored.get("prefixes", {}), **hub}
    copy_to = {**base["copy_to"], **{k: tuple(v) for k, v in stored.get("copy_to", {}).items()}}
    return OfficeSettings(**values, prefixes=prefixes, copy_to=copy_to, hub_prefixes=frozenset(hub),
                          changed=frozenset(stored))


def get(profile: Profile) -> OfficeSettings:
    with profile.store.read() as session:
        return read(session, profile)


def update(profile: Profile, actor: Actor, changes: Mapping[str, Any]) -> OfficeSettings:
    """Change some settings (an empty value puts the default back); admin or leader only.

    ``changes`` has the shape of ``OfficeSettings.to_json`` and may be partial; ``prefixes`` and
    ``copy_to`` are merged per kind. Raises ``ValidationFailed`` listing every invalid field.
    """
    if not (actor.has(Role.ADMIN) or actor.has(Role.LEADER)):
        raise DomainError("settings_not_permitted")
    clean = validate(changes)
    with profile.store.unit_of_work() as uow:
        stored = _stored(uow.meta)
        for key, value in clean.items():
            if key in ("prefixes", "copy_to"):
                merged = {**stored.get(key, {}), **value}
                stored[key] = {k: v for k, v in merged.items() if v}
            else:
                stored[key] = value
        stored = {k: v for k, v in stored.items() if v}
        uow.meta.set(META_KEY, canonical_json(stored))
        record(uow, profile, stream=ADMIN_STREAM, action="office_settings", actor=actor.user_id,
               payload={"changes": clean}, roles=actor.roles)
        uow.commit()
    return get(profile)


def validate(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Trimmed values of ``changes``, or ``ValidationFailed`` (codes: ``prefix_invalid``, ``phone_invalid``...)."""
    if not isinstance(changes, Mapping):
        raise ValidationFailed([FieldError("", "not_an_object")])
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key in NAMES:
            clean[key] = _text(key, value, 40, errors, minimum=2)
        elif key == "contact_phone":
            text = _text(key, value, TEXTS[key], errors)
            if text:
                try:
                    text = phones.parse_phone(text).display
                except DomainError as error:
                    errors.append(FieldError(key, error.code, error.params))
            clean[key] = text
        elif key in TEXTS:
            clean[key] = _text(key, value, TEXTS[key], errors)
        elif key == "prefixes":
            clean[key] = _per_kind(key, value, errors, _prefix)
        elif key == "copy_to":
            clean[key] = _per_kind(key, value, errors, _names)
        else:
            errors.append(FieldError(key, "setting_unknown"))
    if not errors:  # every setting is printed on the documents: each character must be printable
        for path, text in glyphs.text_fields(clean, ""):
            problem = glyphs.text_problem(path, text, name=not path.startswith(("contact_phone", "address")))
            if problem is not None:
                errors.append(problem)
    if errors:
        raise ValidationFailed(errors)
    return clean


def _text(key: str, value: Any, maximum: int, errors: list[FieldError], minimum: int = 1) -> str:
    text = "" if value is None else str(value).strip()
    if any(ord(ch) < 32 for ch in text):
        errors.append(FieldError(key, "string_pattern_mismatch"))
    elif text and len(text) < minimum:
        errors.append(FieldError(key, "string_too_short", {"min_length": minimum}))
    elif len(text) > maximum:
        errors.append(FieldError(key, "string_too_long", {"max_length": maximum}))
    return text


def _per_kind(key: str, value: Any, errors: list[FieldError], check) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        errors.append(FieldError(key, "dict_type"))
        return {}
    out: dict[str, Any] = {}
    for kind, item in value.items():
        if kind not in PREFIX_SUFFIXES:
            errors.append(FieldError(f"{key}.{kind}", "document_kind_unknown", {"kind": kind}))
            continue
        out[kind] = check(f"{key}.{kind}", item, errors)
    return out


def _prefix(path: str, value: Any, errors: list[FieldError]) -> str:
    text = "" if value is None else str(value).strip()
    if text and not _PREFIX.match(text):
        errors.append(FieldError(path, "prefix_invalid"))
    return text


def _names(path: str, value: Any, errors: list[FieldError]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value or [])
    names = [str(item).strip().rstrip("，,、。") for item in items if str(item).strip()]
    if len(names) > _MAX_COPY:
        errors.append(FieldError(path, "copy_to_too_many", {"max_length": _MAX_COPY}))
    for index, name in enumerate(names):
        if not 2 <= len(name) <= 40:
            errors.append(FieldError(f"{path}.{index}", "string_too_short" if len(name) < 2 else "string_too_long",
                                     {"min_length": 2, "max_length": 40}))
    return list(dict.fromkeys(names))


def _stored(meta: MetaStore) -> dict[str, Any]:
    text = meta.get(META_KEY)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
