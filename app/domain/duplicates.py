"""Duplicate complaints 重复投诉: the rules deciding that two complaints may be one matter.

The same matter often reaches the office twice, through different channels (12345, 互联网+督查,
营商环境投诉举报平台, 网上信访, a visit). Two complaints are duplicate candidates when:

- ``same_parties``: the same complainant (key: its credit code, else its normalised name) and the same
  respondent (normalised name), received within ``WINDOW_DAYS`` of each other; or
- ``similar_text``: their texts (description and claim) are at least ``TEXT_THRESHOLD`` similar
  (``app.domain.similarity``), received within ``WINDOW_DAYS``.

A candidate is only a suggestion: a handler merges it (合并, the workflow's ``merge``) or dismisses it
(不是重复), and a dismissed pair is not proposed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.similarity import normalise, similarity

WINDOW_DAYS = 180  # received within this many days of each other
TEXT_THRESHOLD = 0.8  # similarity (max of Jaccard and containment of bigram shingles)
SAME_PARTIES_SCORE = 0.6  # the score of a same-parties match with unrelated texts
_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


class Reason(StrEnum):
    SAME_PARTIES = "same_parties"  # 投诉人、被投诉主体相同
    SIMILAR_TEXT = "similar_text"  # 投诉内容高度相似


REASON_LABELS = {Reason.SAME_PARTIES: "投诉人、被投诉主体相同", Reason.SIMILAR_TEXT: "投诉内容高度相似"}


def complainant_key(name: str | None, credit_code: str | None) -> str:
    """The complainant's key: ``code:`` its 18-character credit code when it has a valid-looking one,
    else ``name:`` its normalised name (全角/半角, spaces, brackets and case ignored)."""
    code = normalise(credit_code).upper()
    if _CODE.match(code):
        return f"code:{code}"
    return f"name:{normalise(name)}"


def respondent_key(name: str | None) -> str:
    """The respondent's key: its normalised name (a body's credit code is often missing in other
    channels' records, its name is not)."""
    return normalise(name)


def complaint_text(intake: dict) -> str:
    """The text compared for similarity: the description and the claim."""
    return "\n".join(t for t in (intake.get("description"), (intake.get("claim") or {}).get("text")) if t)


@dataclass(frozen=True)
class Side:
    """What the rules compare of one complaint (or of a form not yet registered)."""

    complainant_key: str
    complainant_name: str
    respondent_key: str
    text: str
    received_on: date | None


@dataclass(frozen=True)
class Verdict:
    score: float  # 0..1, for ranking
    reasons: tuple[Reason, ...]
    text_similarity: float


def same_parties(a: Side, b: Side) -> bool:
    if not a.respondent_key or a.respondent_key != b.respondent_key:
        return False
    if a.complainant_key == b.complainant_key:
        return True
    # one side known by code, the other by name only (an import without a code): compare names
    return bool(normalise(a.complainant_name)) and normalise(a.complainant_name) == normalise(b.complainant_name)


def within_window(a: date | None, b: date | None, days: int = WINDOW_DAYS) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def judge(a: Side, b: Side, *, threshold: float = TEXT_THRESHOLD, window_days: int = WINDOW_DAYS) -> Verdict | None:
    """Whether ``b`` is a duplicate candidate of ``a``, with its reasons and score; None if not."""
    if not within_window(a.received_on, b.received_on, window_days):
        return None
    text = similarity(a.text, b.text)
    reasons = []
    if same_parties(a, b):
        reasons.append(Reason.SAME_PARTIES)
    if text >= threshold:
        reasons.append(Reason.SIMILAR_TEXT)
    if not reasons:
        return None
    score = text if Reason.SAME_PARTIES not in reasons else max(SAME_PARTIES_SCORE, 0.5 + text / 2)
    if len(reasons) == 2:
        score = min(1.0, 0.5 + text / 2 + 0.05)
    return Verdict(round(score, 3), tuple(reasons), round(text, 3))


def pair(first: str, second: str) -> tuple[str, str]:
    """A pair of complaint ids in a fixed order (a dismissal is about the pair, not its direction)."""
    return (first, second) if first <= second else (second, first)
