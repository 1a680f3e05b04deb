"""Printable characters 可打印字符: what the official documents can draw, on any machine.

Every notice and letter is set in the fonts bundled in ``resources/fonts/`` (on Windows the official
faces come first, but the bundled ones are the only faces every machine has). A character none of
them has cannot be printed, so it is refused where data is *made*: registration, amendment, the
workflow forms and imports call :func:`intake_unprintable` or :func:`payload_unprintable` and report a
``char_unprintable`` error on the field, naming the character. Names (of the complainant, the
respondent, departments, persons) also refuse emoji (``emoji_in_name``) even if some font drew them.

This is a rule for making data only. Acceptance of stored or synced events (``event_rules``) never
applies it: acceptance only loosens, and an event written before the rule must still fold.

The knowledge is data: ``resources/fonts/coverage.txt`` lists the code-point ranges the bundled faces
draw. ``resources/fonts/build_bundled_fonts.py`` writes it from ``app.documents.fonts.bundled_coverage``
and a test keeps the two equal, so it cannot drift from the fonts. It is read once, on first use.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.errors import FieldError, ValidationFailed

COVERAGE_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "coverage.txt"

# Documents drop control and format characters (line breaks stay as breaks): they are never drawn.
_DROPPED_CATEGORIES = ("Cc", "Cf")

# Emoji and other pictographs, by block (a compact superset of Unicode's Extended_Pictographic that
# leaves out the legal marks © ® ™ and ordinary arrows and shapes). Refused in names.
_EMOJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x20E3, 0x20E3),  # combining enclosing keycap (1️⃣)
    (0x231A, 0x231B),  # ⌚ ⌛
    (0x2328, 0x2328),  # ⌨
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),  # ⏩ … ⏳
    (0x23F8, 0x23FA),
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats: ☀ ☎ ★ ✂ ✔ ❤
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),  # ⭐
    (0x2B55, 0x2B55),  # ⭕
    (0xFE0E, 0xFE0F),  # text / emoji presentation selectors
    (0x1F000, 0x1FAFF),  # mahjong, cards, enclosed supplements, regional indicators, pictographs, emoticons
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
)
_EMOJI_STARTS = tuple(start for start, _ in _EMOJI_RANGES)

# Intake fields that hold a name (of an enterprise, a body, a department or a person).
INTAKE_NAMES = frozenset({
    "complainant.name", "complainant.legal_representative", "complainant.contact_person",
    "respondent.name", "respondent.competent_department",
})
# Payload fields that hold a name, per action (``register`` and ``amend`` use ``INTAKE_NAMES``).
PAYLOAD_NAMES: Mapping[str, frozenset[str]] = {
    "forward": frozenset({"department"}),
    "redirect": frozenset({"department"}),
    "return": frozenset({"returned_by"}),
    "hold_accountable": frozenset({"decided_by"}),
    "conclude": frozenset({"determined_by"}),
    "refuse": frozenset({"confirmed_by"}),
    "sanction": frozenset({"imposed_by"}),
}
# Payload fields the machine fills in, never typed and never printed: not checked.
NOT_TYPED: Mapping[str, frozenset[str] | None] = {
    "issue_document": None,  # None: the whole payload (made by the document service from checked data)
    "attach": frozenset({"filename", "media_type", "sha256"}),  # a file's own name, as on the disk
}
_SHOWN = 5  # characters named in one message; more are counted


# --- the coverage file -----------------------------------------------------------------------------


def to_ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Inclusive ``(first, last)`` ranges covering exactly ``codes``, in order."""
    ranges: list[tuple[int, int]] = []
    for code in sorted(set(codes)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def format_coverage(ranges: Iterable[tuple[int, int]], header: str = "") -> str:
    """The coverage file: ``#`` comment lines, then one ``4E00-9FA5`` (or ``3000``) per line."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"{a:04X}" if a == b else f"{a:04X}-{b:04X}" for a, b in ranges]
    return "\n".join(lines) + "\n"


def parse_coverage(text: str) -> list[tuple[int, int]]:
    ranges = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        first, _, last = line.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


@cache
def coverage() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the printable ranges, read once from ``COVERAGE_FILE``."""
    ranges = parse_coverage(COVERAGE_FILE.read_text(encoding="utf-8"))
    return tuple(a for a, _ in ranges), tuple(b for _, b in ranges)


def _in(ranges_starts: tuple[int, ...], ranges_ends: tuple[int, ...], code: int) -> bool:
    index = bisect.bisect_right(ranges_starts, code) - 1
    return index >= 0 and code <= ranges_ends[index]


# --- characters ------------------------------------------------------------------------------------


def printable(ch: str) -> bool:
    """Can the documents print ``ch`` on any machine? (Control and format characters are dropped.)"""
    if unicodedata.category(ch) in _DROPPED_CATEGORIES:
        return True
    starts, ends = coverage()
    return _in(starts, ends, ord(ch))


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` no bundled document font can print, in order of appearance."""
    return [ch for ch in dict.fromkeys(text) if not printable(ch)]


def is_emoji(ch: str) -> bool:
    code = ord(ch)
    index = bisect.bisect_right(_EMOJI_STARTS, code) - 1
    return index >= 0 and code <= _EMOJI_RANGES[index][1]


def emoji_in(text: str) -> list[str]:
    """The distinct emoji (and other pictographs) of ``text``, in order of appearance."""
    return [ch for ch in dict.fromkeys(text) if is_emoji(ch)]


def codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def char_name(ch: str) -> str:
    """The Unicode name (``YI SYLLABLE NUO`` for ꆈ), or the code point for unnamed characters (private use)."""
    return unicodedata.name(ch, "") or codepoint(ch)


def char_params(chars: list[str]) -> dict[str, str]:
    """Message parameters naming ``chars``: the first one alone, and all as ``“😀”（U+1F600）、…``."""
    shown = "、".join(f"“{ch}”（{codepoint(ch)}）" for ch in chars[:_SHOWN])
    if len(chars) > _SHOWN:
        shown += f"等 {len(chars)} 个字符"
    first = chars[0]
    return {"char": first, "codepoint": codepoint(first), "char_name": char_name(first),
            "chars": "".join(chars), "chars_detail": shown, "count": str(len(chars))}


# --- fields ----------------------------------------------------------------------------------------


def text_problem(field: str, text: str, *, name: bool = False) -> FieldError | None:
    """The problem of one text field, if any: emoji in a name first, then unprintable characters."""
    if name:
        found = emoji_in(text)
        if found:
            return FieldError(field, "emoji_in_name", char_params(found))
    missing = unprintable(text)
    if missing:
        return FieldError(field, "char_unprintable", char_params(missing))
    return None


def text_fields(value: Any, path: str) -> Iterable[tuple[str, str]]:
    """(dotted path, text) of every string in a JSON-like value; list items by index."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from text_fields(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from text_fields(item, f"{path}.{index}" if path else str(index))


def _check(pairs: Iterable[tuple[str, str]], names: Iterable[str], prefix: str = "") -> list[FieldError]:
    name_set = set(names)
    errors = []
    for path, text in pairs:
        problem = text_problem(f"{prefix}{path}", text, name=path in name_set)
        if problem is not None:
            errors.append(problem)
    return errors


def intake_unprintable(intake: Mapping[str, Any], prefix: str = "") -> list[FieldError]:
    """Problems of an intake (raw or JSON form): fields are dotted paths (``complainant.name``)."""
    return _check(text_fields(intake, ""), INTAKE_NAMES, prefix)


def changes_unprintable(changes: Mapping[str, Any], prefix: str = "changes.") -> list[FieldError]:
    """Problems of an amendment's ``changes`` (dotted intake paths to new values)."""
    pairs = [(path, text) for key, value in changes.items() for path, text in text_fields(value, str(key))]
    return _check(pairs, INTAKE_NAMES, prefix)


def payload_unprintable(action: str, payload: Mapping[str, Any]) -> list[FieldError]:
    """Problems of the text fields of one workflow payload (``app.domain.payloads``), as field errors.

    Fields are named as in the payload: ``intake.complainant.name`` (register), ``changes.claim.text``
    (amend), ``reason``, ``explanation``, ``department`` … Call it where an event is *made* (the
    services, the hub's checks on new work), never where stored events are accepted.
    """
    action = str(action)
    skipped = NOT_TYPED.get(action, frozenset())
    if skipped is None or not isinstance(payload, Mapping):
        return []
    errors: list[FieldError] = []
    for key, value in payload.items():
        if key in skipped:
            continue
        if action == "register" and key == "intake" and isinstance(value, Mapping):
            errors += intake_unprintable(value, prefix="intake.")
        elif action == "amend" and key == "changes" and isinstance(value, Mapping):
            errors += changes_unprintable(value)
        else:
            errors += _check(text_fields(value, str(key)), PAYLOAD_NAMES.get(action, ()))
    return errors


def check_printable(action: str, payload: Mapping[str, Any]) -> None:
    """Raise ``ValidationFailed`` if :func:`payload_unprintable` finds anything."""
    errors = payload_unprintable(action, payload)
    if errors:
        raise ValidationFailed(errors)
