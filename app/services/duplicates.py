"""Duplicate complaints 重复投诉: candidates at registration and import, the review list, dismiss and merge.

Candidates are found through two indexes, never by comparing every complaint:

- the parties' keys on ``complaints`` (``ix_complaints_parties``: respondent key, complainant key,
  receipt date), plus the complainant's plain name (``ix_complaints_complainant``) for a record that
  came without a credit code;
- the MinHash marks of the text (``duplicate_marks``): complaints sharing a mark, a few at most.

Each candidate is then judged by ``app.domain.duplicates.judge`` on its stored text. A merge is the
workflow's ``merge`` 合并 (``app.services.act``): one event on the merged complaint, which closes it
and names the kept one (``complaints.merged_into``); both keep their full histories. The workflow
allows a merge only from 已登记 (registered): a complaint already forwarded or further cannot be
merged, and the review list says so. A dismissal 不是重复 is a local record (``duplicate_dismissals``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.common.packing import unpacked
from app.domain.clock import china_date, iso_utc
from app.domain.disclosure import masked_intake
from app.domain.duplicates import (
    REASON_LABELS,
    WINDOW_DAYS,
    Side,
    Verdict,
    complainant_key,
    complaint_text,
    judge,
    pair,
    respondent_key,
)
from app.domain.errors import DomainError
from app.domain.regions import in_scope
from app.domain.similarity import text_marks
from app.domain.vocabulary import Action, State
from app.security.fieldcrypt import open_json, open_value
from app.security.separation import BUSINESS_ROLES
from app.services.act import Acted, act, resolve_ref
from app.services.profile import Profile
from app.services.users import Actor

MAX_TEXT_CANDIDATES = 50  # complaints sharing the most marks that are judged on their text
# A mark shared by more complaints than this is boilerplate (a formulaic text many complaints repeat,
# such as a bare "请求支付拖欠款项"), not evidence of one matter: it is not followed.
COMMON_MARK = 50
REVIEW_SHARED_MARKS = 2  # the review list follows text candidates sharing this many marks
REVIEW_TEXT_CANDIDATES = MAX_TEXT_CANDIDATES  # and at most this many per complaint
MERGEABLE = State.REGISTERED.value  # the workflow merges only from 已登记


@dataclass(frozen=True)
class Candidate:
    """A complaint that may be a duplicate of what is being registered, imported or reviewed."""

    complaint_id: str
    case_no: str
    state: str
    region_code: str
    complainant_name: str
    respondent_name: str
    channel: str
    received_on: str
    score: float
    reasons: tuple[str, ...]  # Reason values
    reason_labels: tuple[str, ...]  # Chinese
    text_similarity: float


@dataclass(frozen=True)
class DuplicatePair:
    """An open pair in the review list: ``newer`` may duplicate ``older``."""

    newer: Candidate
    older: Candidate
    score: float
    reasons: tuple[str, ...]
    reason_labels: tuple[str, ...]
    text_similarity: float
    mergeable: bool  # the newer one is still 已登记 (the workflow merges only from there)


@dataclass(frozen=True)
class PairView:
    """The two complaints side by side (the compare view): their intake as JSON-like dicts."""

    first: dict[str, Any]
    second: dict[str, Any]
    first_case_no: str
    second_case_no: str
    verdict_reasons: tuple[str, ...]
    text_similarity: float


@dataclass(frozen=True)
class Dismissed:
    first_id: str
    second_id: str


_ROW = ("c.num, c.id, c.case_no, c.state, c.region_code, c.complainant_name, c.complainant_code, "
        "c.complainant_key, c.respondent_name, c.respondent_key, c.channel, c.received_on, c.merged_into, "
        "d.data AS aggregate")


def _side(row: Any) -> Side:
    intake = json.loads(unpacked(row.aggregate))["intake"]  # packed (``app.common.packing``): no json_extract
    text_ = complaint_text(open_value({"description": intake.get("description"),
                                       "claim": {"text": intake.get("claim", {}).get("text")}}))
    return Side(row.complainant_key or "", row.complainant_name, row.respondent_key or "", text_,
                date.fromisoformat(row.received_on))


def _candidate(row: Any, verdict: Verdict) -> Candidate:
    return Candidate(row.id, row.case_no, row.state, row.region_code, row.complainant_name, row.respondent_name,
                     row.channel, row.received_on, verdict.score, tuple(r.value for r in verdict.reasons),
                     tuple(REASON_LABELS[r] for r in verdict.reasons), verdict.text_similarity)


def _in(values: Iterable[Any], prefix: str, params: dict[str, Any]) -> str:
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return ", ".join(names) or "NULL"


_MARK_NUMS = text(f"SELECT num FROM duplicate_marks WHERE mark = :mark LIMIT {COMMON_MARK + 1}")


def _candidate_nums(session: Session, side: Side, window: tuple[str, str]) -> set[int]:
    params: dict[str, Any] = {"rk": side.respondent_key, "ck": side.complainant_key, "cn": side.complainant_name,
                              "lo": window[0], "hi": window[1]}
    nums: set[int] = set()
    if side.respondent_key:
        nums.update(session.execute(text(
            "SELECT num FROM complaints WHERE respondent_key = :rk AND complainant_key = :ck "
            "AND received_on BETWEEN :lo AND :hi AND merged_into IS NULL "
            "UNION SELECT num FROM complaints WHERE complainant_name = :cn AND respondent_key = :rk "
            "AND received_on BETWEEN :lo AND :hi AND merged_into IS NULL"), params).scalars())
    shared: Counter[int] = Counter()
    for mark in dict.fromkeys(text_marks(side.text)):
        found = session.execute(_MARK_NUMS, {"mark": mark}).scalars().all()
        if len(found) <= COMMON_MARK:
            shared.update(found)
    nums.update(num for num, _ in shared.most_common(MAX_TEXT_CANDIDATES))
    return nums  # the window and merges are checked on the rows (``_find``)


def _rows(session: Session, nums: Iterable[int]) -> list[Any]:
    params: dict[str, Any] = {}
    listed = _in(sorted(nums), "n", params)
    return list(session.execute(text(
        f"SELECT {_ROW} FROM complaints c JOIN complaint_data d ON d.num = c.num WHERE c.num IN ({listed})"),
        params))


def _dismissed_with(session: Session, complaint_id: str | None) -> set[tuple[str, str]]:
    if complaint_id is None:
        return set()
    return {(r[0], r[1]) for r in session.execute(text(
        "SELECT first_id, second_id FROM duplicate_dismissals WHERE first_id = :id OR second_id = :id"),
        {"id": complaint_id})}


def _find(session: Session, side: Side, *, exclude_id: str | None = None, scope: str | None = None,
          limit: int = 10, dismissed: set[tuple[str, str]] | None = None) -> list[Candidate]:
    received = side.received_on or date.today()
    window = ((received - timedelta(days=WINDOW_DAYS)).isoformat(), (received + timedelta(days=WINDOW_DAYS)).isoformat())
    nums = _candidate_nums(session, side, window)
    if not nums:
        return []
    if dismissed is None:
        dismissed = _dismissed_with(session, exclude_id)
    found = []
    for row in _rows(session, nums):
        if row.merged_into is not None or not window[0] <= row.received_on <= window[1]:
            continue
        if row.id == exclude_id or (exclude_id and pair(exclude_id, row.id) in dismissed):
            continue
        if scope is not None and not in_scope(scope, row.region_code):
            continue
        verdict = judge(side, _side(row))
        if verdict is not None:
            found.append(_candidate(row, verdict))
    found.sort(key=lambda c: (-c.score, c.received_on, c.case_no))
    return found[:limit]


def find_duplicates_for_fields(
    session: Session, complainant_name: str | None, complainant_code: str | None, respondent_name: str | None,
    text_: str | None = None, *, received_on: date | None = None, scope: str | None = None, limit: int = 10,
    **kwargs: Any,
) -> list[Candidate]:
    """Duplicate candidates of a record not yet registered (one import row, a registration form), ranked.

    For the import: call it per row with the import's session (read-only here). ``text_`` is the
    description and claim text (``text`` is accepted as a keyword too)."""
    if text_ is None:
        text_ = kwargs.pop("text", None)
    if kwargs:
        raise TypeError(f"unexpected arguments: {sorted(kwargs)}")
    side = Side(complainant_key(complainant_name, complainant_code), (complainant_name or "").strip(),
                respondent_key(respondent_name), text_ or "", received_on)
    return _find(session, side, scope=scope, limit=limit)


def find_duplicates(profile: Profile, actor: Actor, *, fields: dict[str, Any] | None = None,
                    ref: str | None = None, limit: int = 10) -> list[Candidate]:
    """Candidates for an intake being registered (``fields``, the intake's JSON form, possibly partial)
    or for a complaint on file (``ref``: id or case number), in the user's scope, best first."""
    with profile.store.read() as session:
        if ref is not None:
            row = _row_for(session, actor, ref)
            return _find(session, _side(row), exclude_id=row.id, scope=actor.region_code, limit=limit)
        fields = fields or {}
        complainant = fields.get("complainant") or {}
        respondent = fields.get("respondent") or {}
        received = fields.get("received_on")
        return find_duplicates_for_fields(
            session, complainant.get("name"), complainant.get("credit_code"), respondent.get("name"),
            complaint_text(fields), received_on=date.fromisoformat(received) if received else china_date(profile.now()),
            scope=actor.region_code, limit=limit)


def _row_for(session: Session, actor: Actor, ref: str) -> Any:
    ref = ref.strip()
    row = session.execute(text(
        f"SELECT {_ROW} FROM complaints c JOIN complaint_data d ON d.num = c.num WHERE c.case_no = :r OR c.id = :r"),
        {"r": ref}).first()
    if row is None or not in_scope(actor.region_code, row.region_code):
        raise DomainError("complaint_not_found", ref=ref)
    return row


def _chunks(values: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


# the other complaint of a pair: received before (or the same day as) this one, within the window
_OLDER = f"b.received_on BETWEEN date(a.received_on, '-{WINDOW_DAYS} days') AND a.received_on"


def _review_candidates(session: Session, nums: list[int]) -> dict[int, set[int]]:
    """For many complaints at once (the review list): the complaints each may duplicate, by parties
    and by shared text marks (boilerplate marks skipped), in a handful of set queries."""
    found: dict[int, set[int]] = {num: set() for num in nums}
    marks_of: dict[int, list[int]] = {}
    for chunk in _chunks(nums):
        params: dict[str, Any] = {}
        listed = _in(chunk, "n", params)
        for a, b in session.execute(text(
                "SELECT a.num, b.num FROM complaints a JOIN complaints b ON b.respondent_key = a.respondent_key "
                f"AND b.complainant_key = a.complainant_key AND b.num <> a.num AND {_OLDER} WHERE a.num IN ({listed}) "
                "UNION SELECT a.num, b.num FROM complaints a JOIN complaints b ON b.complainant_name = "
                f"a.complainant_name AND b.respondent_key = a.respondent_key AND b.num <> a.num AND {_OLDER} "
                f"WHERE a.num IN ({listed})"), params):
            found[a].add(b)
        for num, mark in session.execute(text(f"SELECT num, mark FROM duplicate_marks WHERE num IN ({listed})"),
                                         params):
            marks_of.setdefault(num, []).append(mark)
    members: dict[int, list[int]] = {}
    for chunk in _chunks(sorted({m for marks in marks_of.values() for m in marks})):
        params = {}
        listed = _in(chunk, "m", params)
        common = set(session.execute(text(
            f"SELECT mark FROM duplicate_marks WHERE mark IN ({listed}) GROUP BY mark "
            f"HAVING COUNT(*) > {COMMON_MARK}"), params).scalars())
        kept = [m for m in chunk if m not in common]
        if kept:
            params = {}
            listed = _in(kept, "m", params)
            for mark, num in session.execute(text(
                    f"SELECT mark, num FROM duplicate_marks WHERE mark IN ({listed})"), params):
                members.setdefault(mark, []).append(num)
    for num, marks in marks_of.items():
        shared: Counter[int] = Counter()
        for mark in marks:
            shared.update(members.get(mark, ()))
        shared.pop(num, None)
        # two shared marks at least: about 0.9 of the pairs at similarity 0.8, all but 0.3 % at 0.9, and a
        # fraction of the boilerplate-alike pairs that one mark brings (the review compares 500 complaints)
        found[num].update(n for n, count in shared.most_common(REVIEW_TEXT_CANDIDATES) if count >= REVIEW_SHARED_MARKS)
    return found


def review_list(profile: Profile, actor: Actor, *, days: int = 30, limit: int = 500) -> list[DuplicatePair]:
    """Open candidate pairs: a complaint received in the last ``days`` days and an earlier (or same-day)
    one it may duplicate, neither merged, the pair not dismissed; best first."""
    today = china_date(profile.now())
    since = (today - timedelta(days=max(0, days))).isoformat()
    pairs: dict[tuple[str, str], DuplicatePair] = {}
    with profile.store.read() as session:
        recent = [row for row in session.execute(text(
            f"SELECT {_ROW} FROM complaints c JOIN complaint_data d ON d.num = c.num "
            "WHERE c.received_on >= :since AND c.merged_into IS NULL ORDER BY c.received_on DESC, c.num DESC"),
            {"since": since}) if in_scope(actor.region_code, row.region_code)]
        dismissed = {(r[0], r[1]) for r in session.execute(text(
            "SELECT first_id, second_id FROM duplicate_dismissals"))}
        candidates = _review_candidates(session, [row.num for row in recent])
        wanted = sorted(set().union(*candidates.values()) - {row.num for row in recent}) if candidates else []
        rows = {row.num: row for row in recent}
        for chunk in _chunks(wanted):
            rows.update((row.num, row) for row in _rows(session, chunk))
    sides = {num: _side(row) for num, row in rows.items()}
    for row in recent:
        for num in candidates[row.num]:
            other = rows.get(num)
            if other is None or other.merged_into is not None or not in_scope(actor.region_code, other.region_code):
                continue
            if (other.received_on, other.case_no) > (row.received_on, row.case_no):
                continue  # the pair is listed from its newer side
            key = pair(row.id, other.id)
            if key in pairs or key in dismissed:
                continue
            verdict = judge(sides[row.num], sides[num])
            if verdict is None:
                continue
            found = _candidate(other, verdict)
            pairs[key] = DuplicatePair(_candidate(row, verdict), found, verdict.score, found.reasons,
                                       found.reason_labels, verdict.text_similarity, row.state == MERGEABLE)
    # best first; among equal scores, the newest first
    ranked = sorted(pairs.values(), key=lambda p: (p.score, p.newer.received_on, p.newer.case_no), reverse=True)
    return ranked[:limit]


def compare(profile: Profile, actor: Actor, first_ref: str, second_ref: str) -> PairView:
    """The two complaints' intakes side by side, with why they look alike; personal data masked
    (``app.domain.disclosure``): the last digits of a phone still tell whether the contacts match."""
    with profile.store.read() as session:
        a, b = _row_for(session, actor, first_ref), _row_for(session, actor, second_ref)
    verdict = judge(_side(a), _side(b), window_days=100_000)
    return PairView(masked_intake(open_json(a.aggregate)["intake"]), masked_intake(open_json(b.aggregate)["intake"]),
                    a.case_no, b.case_no,
                    tuple(REASON_LABELS[r] for r in verdict.reasons) if verdict else (),
                    verdict.text_similarity if verdict else 0.0)


def dismiss(profile: Profile, actor: Actor, first_ref: str, second_ref: str, reason: str) -> Dismissed:
    """Record that two complaints are not duplicates 不是重复; the pair is no longer proposed."""
    if not BUSINESS_ROLES & set(actor.roles):  # 三员分立: the administrator and the auditor do not handle cases
        raise DomainError("role_not_permitted", action_label="标记不是重复", roles="clerk,handler,leader")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("duplicate_reason_required")
    with profile.store.unit_of_work() as uow:
        first = _row_for(uow.session, actor, first_ref)
        second = _row_for(uow.session, actor, second_ref)
        if first.id == second.id:
            raise DomainError("duplicate_same_complaint", case_no=first.case_no)
        key = pair(first.id, second.id)
        uow.session.execute(text(
            "INSERT OR REPLACE INTO duplicate_dismissals (first_id, second_id, dismissed_by, dismissed_at, reason) "
            "VALUES (:a, :b, :by, :at, :reason)"),
            {"a": key[0], "b": key[1], "by": actor.user_id, "at": iso_utc(profile.now()), "reason": reason})
        uow.commit()
    return Dismissed(*key)


def merge(profile: Profile, actor: Actor, ref: str, into: str, reason: str | None = None) -> Acted:
    """Merge ``ref`` into ``into`` (合并): the workflow's ``merge`` on ``ref``, which closes it as a
    duplicate of ``into``. Both keep their histories; only a 已登记 complaint can be merged."""
    with profile.store.unit_of_work() as uow:
        target = resolve_ref(uow, into)
    payload: dict[str, Any] = {"duplicate_of": target}
    if reason and reason.strip():
        payload["reason"] = reason.strip()
    return act(profile, actor, ref, Action.MERGE, payload)
