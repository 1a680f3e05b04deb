"""Audit records 审计记录: how the auditor reads the event log (DESIGN §4: the log is the audit trail).

Each event is one audit record. This module names them in Chinese (the action, its category and its
outcome) and masks the personal data a payload carries (``app.domain.masking``) so that neither the
auditor's page nor an export shows a complainant's phone, ID number, address or a person's name.
Pure rules: no I/O.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.domain.events import ADMIN_STREAM, SESSION_STREAM
from app.domain.masking import mask_address, mask_id_number, mask_name, mask_phone, mask_text
from app.domain.vocabulary import Action, label

if TYPE_CHECKING:
    from pydantic import BaseModel

# Categories 类别 an auditor filters by.
SESSION = "session"  # 登录与会话
ADMIN = "admin"  # 用户与设置
COMPLAINT = "complaint"  # 案件办理
CATEGORY_LABELS = {SESSION: "登录与会话", ADMIN: "用户与设置", COMPLAINT: "案件办理"}

# Outcomes 结果: an event records what happened; a few record a refusal.
SUCCEEDED = "succeeded"
FAILED = "failed"
OUTCOME_LABELS = {SUCCEEDED: "成功", FAILED: "失败"}
FAILED_ACTIONS = frozenset({"login_failed", "unlock_failed", "password_change_failed"})

# Session and administration actions (complaint actions are labelled by ``app.domain.vocabulary``).
# Codes other parts of the system may add later are named here too; an unknown code shows as itself.
OTHER_LABELS = {
    "login": "登录", "logout": "退出登录", "login_failed": "登录失败", "switch_user": "切换用户",
    "lock": "锁定屏幕", "session_lock": "锁定屏幕", "unlock": "解除锁定", "session_unlock": "解除锁定",
    "unlock_failed": "解锁失败", "idle_lock": "闲置锁定",
    "user_add": "添加用户", "password_change": "修改密码", "password_reset": "重置密码",
    "user_activate": "启用用户", "user_deactivate": "停用用户", "user_roles": "调整角色",
    "office_settings": "修改单位设置", "reveal": "查看完整个人信息", "pii_reveal": "查看完整个人信息",
    "audit_export": "导出审计记录", "personal_data_revealed": "查看完整个人信息",
    "password_change_failed": "修改密码失败", "session_settings": "修改锁屏时间",
}


def category_of(stream: str) -> str:
    if stream == SESSION_STREAM:
        return SESSION
    if stream == ADMIN_STREAM:
        return ADMIN
    return COMPLAINT


def action_label(action: str) -> str:
    """登录, 转办, 添加用户 … (the code itself when nobody named it)."""
    try:
        return label(Action(action))
    except (ValueError, KeyError):
        return OTHER_LABELS.get(action, action)


def outcome_of(action: str) -> str:
    return FAILED if action in FAILED_ACTIONS else SUCCEEDED


def action_choices() -> list[tuple[str, str]]:
    """(code, label) of every action an auditor may pick, sessions and administration first."""
    from app.domain.event_rules import ADMIN_ACTIONS, SESSION_ACTIONS  # every action the log can hold

    known = [(code, action_label(code)) for code in (*SESSION_ACTIONS, *ADMIN_ACTIONS)]
    return known + [(a.value, label(a)) for a in Action]


# ---- masking ---------------------------------------------------------------------------------------
_PHONE_KEYS = ("phone", "mobile", "tel")
_ID_KEYS = ("id_number", "id_card", "citizen_id")
_ADDRESS_KEYS = ("address",)
_DIGIT = re.compile(r"\d")
_NAME_KEYS = frozenset({"contact_person", "legal_representative", "person", "contact", "complainant_contact"})


@functools.lru_cache(maxsize=1024)
def _kind(key: str) -> str | None:
    low = key.lower().rsplit(".", 1)[-1]
    if any(k in low for k in _ID_KEYS):
        return "id"
    if any(low == k or low.endswith("_" + k) or low.startswith(k + "_") for k in _PHONE_KEYS):
        return "phone"
    if any(k in low for k in _ADDRESS_KEYS):
        return "address"
    if low in _NAME_KEYS:
        return "name"
    return None


def person_names(value: Any, key: str = "") -> set[str]:
    """The natural persons' names a payload holds (to mask them in free text too)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            found |= person_names(v, str(k))
    elif isinstance(value, list):
        for v in value:
            found |= person_names(v, key)
    elif isinstance(value, str) and _kind(key) == "name" and len(value.strip()) >= 2:
        found.add(value.strip())
    return found


def _mask(value: Any, key: str, names: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _mask(v, str(k), names) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v, key, names) for v in value]
    if not isinstance(value, str):
        return value
    kind = _kind(key)
    if kind == "phone":
        return mask_phone(value)
    if kind == "id":
        return mask_id_number(value)
    if kind == "address":
        return mask_address(value)
    if kind == "name":
        return mask_name(value)
    if not names and not _DIGIT.search(value):
        return value  # nothing a mask could touch: no number, no person's name
    return mask_text(value, names)


def mask_payload(payload: dict[str, Any], names: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The payload with phones, ID numbers, addresses and persons' names masked, in named fields
    (``complainant.phone``, ``changes["complainant.contact_id_number"]`` …) and in free text alike;
    ``names``: the persons the complaint names elsewhere (a note that mentions the contact person)."""
    return _mask(payload, "", names | frozenset(person_names(payload)))


def summary_text(payload: dict[str, Any], limit: int = 160, *, names: frozenset[str] = frozenset(),
                 label: Callable[[str], str] = str) -> str:
    """A one-line gist of a payload, masked: ``key：value；…`` of its plain values, cut at ``limit``
    (``label`` names a key path in Chinese: ``app.messages.field_label``).

    Only the values that make it into the line are masked (a page of the list reads a hundred payloads,
    some of them kilobytes long; the detail and the export mask the whole payload).
    """
    names = names | frozenset(person_names(payload))
    parts: list[str] = []
    length = 0

    def add(text: str) -> bool:
        nonlocal length
        parts.append(text)
        length += len(text) + 1
        return length < limit

    def walk(value: Any, path: str, key: str) -> bool:
        if isinstance(value, dict):
            return all(walk(v, f"{path}.{k}" if path else str(k), str(k)) for k, v in value.items())
        if isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                return add(f"{label(path)}：{'、'.join(str(_mask(v, key, names)) for v in value)}") if value else True
            return all(walk(v, f"{path}[{i}]", key) for i, v in enumerate(value, 1))
        if value in (None, ""):
            return True
        return add(f"{label(path)}：{_mask(value, key, names)}")

    walk(payload, "", "")
    text = "；".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- codes named in Chinese --------------------------------------------------------------------------
# Session events carry codes of their own (``app.services.auth``); every other code value of a payload is a
# member of a vocabulary (``app.domain.vocabulary``) named by its payload model, or a document kind.
VIA_LABELS = {"desktop": "桌面客户端", "cli": "命令行"}
SESSION_REASON_LABELS = {
    "unknown_user": "登录名不存在", "inactive": "用户已停用", "locked": "账户已锁定",
    "wrong_password": "密码错误", "wrong_password_locked": "密码错误（连续多次，账户已锁定）",
    "idle": "闲置超时", "manual": "手动锁定", "switch_user": "切换用户", "logout": "退出登录", "exit": "关闭程序",
}
YES_NO = {True: "是", False: "否"}
# Not shown on the page (the export keeps them): a document's template values, kept to reprint it
# (the 文书 register shows the document itself).
UNSHOWN = frozenset({"snapshot", "template_version"})


def shown(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k not in UNSHOWN}


def _vocabulary(annotation: Any) -> type[StrEnum] | type[BaseModel] | None:
    """The vocabulary (or nested model) a field's annotation names: ``Finding``, ``list[Role]``, ``Intake`` …"""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, (StrEnum, BaseModel)):
        return annotation
    for arg in typing.get_args(annotation):
        found = _vocabulary(arg)
        if found is not None:
            return found
    return None


def _named(value: Any, vocabulary: type[StrEnum] | type[BaseModel] | None) -> Any:
    """``value`` with every code of ``vocabulary`` (a StrEnum, or a model whose fields name some) in Chinese."""
    from pydantic import BaseModel

    if isinstance(value, list):
        return [_named(v, vocabulary) for v in value]
    if isinstance(value, bool):
        return YES_NO[value]
    if vocabulary is None:
        return value
    if isinstance(vocabulary, type) and issubclass(vocabulary, StrEnum):
        try:
            return label(vocabulary(value))
        except (ValueError, KeyError):
            return value  # a code this version does not know: shown as stored
    if isinstance(value, dict) and issubclass(vocabulary, BaseModel):
        fields = vocabulary.model_fields
        return {k: _named(v, _vocabulary(fields[k].annotation) if k in fields else None) for k, v in value.items()}
    return value


def _intake_vocabulary(path: str) -> type[StrEnum] | type[BaseModel] | None:
    """The vocabulary of an intake field named by its path (``respondent.kind``: an amendment's key)."""
    from app.domain.intake import Intake

    model: Any = Intake
    for part in path.split("."):
        fields = getattr(model, "model_fields", {})
        if part not in fields:
            return None
        model = _vocabulary(fields[part].annotation)
    return model


def readable(stream: str, action: str, payload: dict[str, Any], field: Callable[[str], str] = str) -> dict[str, Any]:
    """The payload with its code values in Chinese (``via: desktop`` → 桌面客户端, ``kind: rejection`` →
    不予受理告知书, ``measures`` → the measures' names …) for the auditor's page and export; ``field``
    names a personal field's path (what a reveal showed)."""
    from app.domain.document_kinds import VARIANT_LABELS, kind_label
    from app.domain.event_rules import _model_for

    if stream in (SESSION_STREAM, ADMIN_STREAM):
        out: dict[str, Any] = {}
        for key, value in payload.items():
            if key == "via":
                out[key] = VIA_LABELS.get(value, value)
            elif key == "reason":
                out[key] = SESSION_REASON_LABELS.get(value, value)
            elif key == "fields" and isinstance(value, list):
                out[key] = [field(v) for v in value]
            else:
                out[key] = value
        try:
            return _named(out, _model_for(stream, action))
        except Exception:  # an action this version does not know
            return _named(out, None)
    out = dict(payload)
    if action == Action.ISSUE_DOCUMENT and isinstance(out.get("kind"), str):
        out["kind"] = kind_label(out["kind"])
        if out.get("variant") in VARIANT_LABELS:
            out["variant"] = VARIANT_LABELS[out["variant"]]
    if action == Action.AMEND and isinstance(out.get("changes"), dict):
        out["changes"] = {k: _named(v, _intake_vocabulary(k)) for k, v in out["changes"].items()}
    try:
        model = _model_for(stream, action)
    except Exception:
        model = None
    return _named(out, model)


# What ``audit verify`` (``app.security.audit``) finds, in Chinese.
PROBLEM_LABELS = {
    "event_edited": "内容被修改", "event_missing": "记录缺失（被删除）", "event_inserted": "插入的记录",
    "chain_truncated": "链尾记录被删除", "foreign_unsynced": "来历不明的其他设备记录",
}
