"""Reference data of government bodies 被投诉主体参考数据, and pinyin-aware matching for pickers.

``resources/reference/bodies.json`` lists, per region code, the bodies (机关 / 事业单位) that complaints
are usually about, each with its competent department 上级部门或主管部门. The registration form offers
them with a completer; free text stays allowed, since no list is ever complete.

``matches(query, text)`` is what the completer filters with: a plain substring, full pinyin, pinyin
initials, or a mix of them (``"czj"``, ``"caizheng"``, ``"双柏czj"`` all find 双柏县财政局), also with
the place name's 县/市/州 left out as people do when they abbreviate (``"sbczj"``). Qt-free.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.domain.regions import REFERENCE_DIR, in_scope

BODIES_FILE = REFERENCE_DIR / "bodies.json"

# Place-name suffixes that people drop when abbreviating (双柏县财政局 → 双柏财政局 → sbczj).
_DROPPABLE = frozenset("县市州镇乡区")
_LONG_FORMS = (("彝族自治州", "州"),)  # 楚雄彝族自治州 → 楚雄州


@dataclass(frozen=True)
class Body:
    """A government body that can be complained about (被投诉主体)."""

    name: str
    kind: str  # RespondentKind value: organ 机关 / institution 事业单位
    region_code: str
    competent_department: str  # 上级部门或主管部门


@functools.cache
def _load(path: Path) -> tuple[Body, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    bodies = []
    for region_code, items in data["regions"].items():
        for item in items:
            bodies.append(Body(item["name"].strip(), item.get("kind", "organ"), region_code,
                               item["competent_department"].strip()))
    return tuple(bodies)


def all_bodies(path: Path | None = None) -> tuple[Body, ...]:
    """Every body in the reference file (loaded once)."""
    return _load(path or BODIES_FILE)


def bodies_in_scope(scope_code: str, path: Path | None = None) -> list[Body]:
    """Bodies an office scoped to ``scope_code`` may register complaints against (DESIGN §3 roles)."""
    return [b for b in all_bodies(path) if in_scope(scope_code, b.region_code)]


def departments_in_scope(scope_code: str, path: Path | None = None) -> list[str]:
    """Names that can be a competent department: the bodies' departments and every organ in scope."""
    names: dict[str, None] = {}
    for body in bodies_in_scope(scope_code, path):
        names.setdefault(body.competent_department, None)
    for body in bodies_in_scope(scope_code, path):
        if body.kind == "organ":
            names.setdefault(body.name, None)
    return list(names)


def find_body(name: str, scope_code: str | None = None, path: Path | None = None) -> Body | None:
    """The body with exactly this name (after trimming), or None."""
    wanted = name.strip()
    for body in all_bodies(path):
        if body.name == wanted and (scope_code is None or in_scope(scope_code, body.region_code)):
            return body
    return None


# --- matching -----------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")


@functools.lru_cache(maxsize=4096)
def _syllables(char: str) -> tuple[str, ...]:
    """Every pinyin reading of one character (heteronyms included); other characters stand for themselves."""
    if not ("\u3400" <= char <= "\u9fff"):
        return (char,)
    from pypinyin import Style, pinyin  # here, not at import: its phrase dictionary weighs 50 MB

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda x: [[c] for c in x])
    return tuple(dict.fromkeys(r.lower() for r in readings[0] if r)) or (char,)


def _variants(text: str) -> list[str]:
    """The text and its abbreviations with the place name's 县/市/州 left out."""
    base = text
    for long, short in _LONG_FORMS:
        base = base.replace(long, short)
    result = [text] if base == text else [text, base]
    for position in (2, 3):
        if len(base) > position + 1 and base[position] in _DROPPABLE:
            result.append(base[:position] + base[position + 1:])
            break
    return result


def _pinyin_start(query: str, text: str) -> int | None:
    """Where ``query`` first matches ``text``, each character by itself or by a prefix of its pinyin."""

    @functools.cache
    def walk(q: int, t: int) -> bool:
        if q == len(query):
            return True
        if t == len(text):
            return False
        char = text[t]
        if query[q] == char:
            return walk(q + 1, t + 1)
        if not query[q].isascii() or char.isascii():
            return False
        for syllable in _syllables(char):
            for length in range(len(syllable), 0, -1):
                if query.startswith(syllable[:length], q) and walk(q + length, t + 1):
                    return True
        return False

    return next((start for start in range(len(text)) if walk(0, start)), None)


def match_rank(query: str, text: str) -> int | None:
    """How well ``text`` answers ``query`` (lower is better), or None when it does not match.

    0: the text starts with the query; 1: contains it; 2: pinyin from the start; 3: pinyin elsewhere.
    An empty query matches everything with rank 1.
    """
    q = _normalise(query)
    if not q:
        return 1
    plain = _normalise(text)
    if plain.startswith(q):
        return 0
    if q in plain:
        return 1
    best: int | None = None
    for variant in _variants(plain):
        start = _pinyin_start(q, variant)
        if start is not None:
            rank = 2 if start == 0 else 3
            best = rank if best is None else min(best, rank)
            if best == 2:
                break
    return best


def matches(query: str, text: str) -> bool:
    """Substring, pinyin or pinyin-initials match: ``matches("sbczj", "双柏县财政局")`` is True."""
    return match_rank(query, text) is not None


T = TypeVar("T")


def search(query: str, items: Iterable[T], key: Callable[[T], str] = str, limit: int = 50) -> list[T]:
    """The items matching ``query``, best first (stable within a rank), at most ``limit``."""
    ranked = []
    for index, item in enumerate(items):
        rank = match_rank(query, key(item))
        if rank is not None:
            ranked.append((rank, index, item))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _, _, item in ranked[:limit]]
