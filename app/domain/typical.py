"""Typical cases 典型案例: the plan's criteria, measured on the record (seed §四(八)).

The plan has the prefecture pick 失信案例 that are 失信情形严重 (serious), 多次反复失信 (repeated) or
人民群众反映强烈 (strongly reported) and expose them on 信用云南. Each criterion here is a figure the
record holds, compared with a threshold from one operator-changeable table
(``resources/reference/typical_criteria.json``; a missing key keeps its default):

- serious: the claim reaches ``serious_amount_yuan``; the body refused outright (拒不整改 on the
  ground 明确拒绝, not merely overdue); or ``serious_duration_days`` passed from receipt to confirmation.
- repeated: the same body has ``repeated_breaches`` confirmed breaches, or ``repeated_complaints``
  complaints, within ``window_days`` before the end of the period.
- strongly reported: complaints on the same body came through ``reported_channels`` channels, or from
  ``reported_complainants`` enterprises, within the window.

A candidate is a confirmed breach (a 失信案例 in the plan's sense). ``evaluate`` is pure; the
service feeds it figures read in SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError

CRITERIA_FILE = Path(__file__).resolve().parents[2] / "resources" / "reference" / "typical_criteria.json"


@dataclass(frozen=True)
class Thresholds:
    window_days: int = 730
    serious_amount_yuan: int = 1_000_000
    serious_duration_days: int = 180
    repeated_breaches: int = 2
    repeated_complaints: int = 3
    reported_channels: int = 2
    reported_complainants: int = 3


# code -> (group, Chinese label, unit of the figure)
CRITERIA: dict[str, tuple[str, str, str]] = {
    "amount": ("serious", "涉及金额大", "元"),
    "refused": ("serious", "明确拒绝整改", ""),
    "duration": ("serious", "久拖不决", "天"),
    "repeated_breaches": ("repeated", "多次失信", "次"),
    "repeated_complaints": ("repeated", "多次被投诉", "件"),
    "channels": ("reported", "多渠道反映", "个渠道"),
    "complainants": ("reported", "多家企业反映", "家"),
}
GROUP_LABELS = {"serious": "失信情形严重", "repeated": "多次反复失信", "reported": "人民群众反映强烈"}
THRESHOLD_OF = {"amount": "serious_amount_yuan", "duration": "serious_duration_days",
                "repeated_breaches": "repeated_breaches", "repeated_complaints": "repeated_complaints",
                "channels": "reported_channels", "complainants": "reported_complainants"}


def thresholds_from(data: Any) -> Thresholds:
    """Thresholds from the table's JSON (keys starting with ``_`` are comments); positive integers only."""
    if not isinstance(data, dict):
        raise DomainError("typical_criteria_invalid", detail="应为 JSON 对象")
    known = {f.name for f in fields(Thresholds)}
    values: dict[str, int] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if key not in known:
            raise DomainError("typical_criteria_invalid", detail=f"不认识的标准“{key}”")
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise DomainError("typical_criteria_invalid", detail=f"“{key}”应为正整数")
        values[key] = value
    return Thresholds(**values)


def load_thresholds(path: Path | None = None) -> Thresholds:
    path = path or CRITERIA_FILE
    if not path.exists():
        return Thresholds()
    try:
        return thresholds_from(json.loads(path.read_text(encoding="utf-8-sig")))
    except json.JSONDecodeError as error:
        raise DomainError("typical_criteria_invalid", detail=f"第 {error.lineno} 行：{error.msg}") from None


@dataclass(frozen=True)
class CaseFigures:
    """What the record shows of one confirmed breach and its body, within the window."""

    claim_yuan: int | None
    refused_outright: bool
    duration_days: int | None  # receipt to confirmation
    body_breaches: int  # confirmed breaches of the same body (this one included)
    body_complaints: int  # complaints on the same body (this one included)
    body_channels: int  # distinct channels of those complaints
    body_complainants: int  # distinct complainant enterprises


def evaluate(f: CaseFigures, t: Thresholds) -> dict[str, int]:
    """The criteria met, each with its figure (``CRITERIA`` order)."""
    return {**case_criteria(f.claim_yuan, f.refused_outright, f.duration_days, t), **body_criteria(f, t)}


def case_criteria(claim_yuan: int | None, refused_outright: bool, duration_days: int | None,
                  t: Thresholds) -> dict[str, int]:
    """The criteria of the case itself (serious)."""
    met: dict[str, int] = {}
    if claim_yuan is not None and claim_yuan >= t.serious_amount_yuan:
        met["amount"] = claim_yuan
    if refused_outright:
        met["refused"] = 1
    if duration_days is not None and duration_days >= t.serious_duration_days:
        met["duration"] = duration_days
    return met


def body_criteria(f: CaseFigures, t: Thresholds) -> dict[str, int]:
    """The criteria of the body (repeated, strongly reported); the case's own figures are not read."""
    met: dict[str, int] = {}
    if f.body_breaches >= t.repeated_breaches:
        met["repeated_breaches"] = f.body_breaches
    if f.body_complaints >= t.repeated_complaints:
        met["repeated_complaints"] = f.body_complaints
    if f.body_channels >= t.reported_channels:
        met["channels"] = f.body_channels
    if f.body_complainants >= t.reported_complainants:
        met["complainants"] = f.body_complainants
    return met


def score(met: dict[str, int]) -> tuple[int, int]:
    """Rank key: groups met first (serious, repeated, reported), then criteria met."""
    return len({CRITERIA[code][0] for code in met}), len(met)


def new_facts(now: dict[str, int], declined: dict[str, int]) -> bool:
    """A declined case comes back only when it meets a criterion it did not meet, or a figure grew."""
    return any(code not in declined or figure > declined[code] for code, figure in now.items())


def describe(code: str, figure: int) -> str:
    """``多次失信（3次）``: a criterion met with its figure."""
    _, name, unit = CRITERIA.get(code, ("", code, ""))
    if not unit:
        return name
    shown = f"{figure:,}" if unit == "元" else str(figure)
    return f"{name}（{shown}{unit}）"


def threshold_text(t: Thresholds) -> list[tuple[str, str, str]]:
    """(group, criterion, rule) lines for ``typical rules`` and the window."""
    return [
        (GROUP_LABELS["serious"], "涉及金额大", f"诉求金额不少于 {t.serious_amount_yuan:,} 元"),
        (GROUP_LABELS["serious"], "明确拒绝整改", "以“明确拒绝整改”认定违约失信（非仅逾期）"),
        (GROUP_LABELS["serious"], "久拖不决", f"自收到投诉至确认失信不少于 {t.serious_duration_days} 天"),
        (GROUP_LABELS["repeated"], "多次失信", f"同一主体 {t.window_days} 天内确认失信不少于 {t.repeated_breaches} 次"),
        (GROUP_LABELS["repeated"], "多次被投诉", f"同一主体 {t.window_days} 天内被投诉不少于 {t.repeated_complaints} 件"),
        (GROUP_LABELS["reported"], "多渠道反映", f"同一主体 {t.window_days} 天内投诉来自不少于 {t.reported_channels} 个渠道"),
        (GROUP_LABELS["reported"], "多家企业反映",
         f"同一主体 {t.window_days} 天内被不少于 {t.reported_complainants} 家企业投诉"),
    ]
