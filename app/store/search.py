"""The full-text search index: exact substring search for terms of any length, 1 character included.

FTS5's trigram tokenizer finds nothing for 1- and 2-character terms, and Chinese names are often two
characters. So the index (a contentless FTS5 table) holds, per complaint:

- ``grams``: the overlapping character bigrams of every searchable field, in order, fields split by
  a sentinel token. A term of n >= 2 characters is the phrase of its n-1 bigrams at consecutive
  positions, which matches exactly the texts containing the term (within one field);
- ``chars``: the distinct characters of all fields, for 1-character terms.

Characters are normalised as the index stores them: NFKC (full-width -> half-width), case-folded,
punctuation and spaces dropped (a term "532322-2026" matches "5323222026" as typed on the case).
Bigram doclists are short even for digits, so long numbers stay fast, unlike one token per character.

Personal data (issue 12) is not indexed in clear: the complainant's phone, ID number and address are
not searchable fields, and a phone or ID number inside free text is indexed masked (138****5678).
Officers find a complaint by the last digits of its phone through keyed blind tokens instead: for the
last 4 … 11 digits, ``blind("phone", suffix)`` (HMAC with a key derived from the profile's data key,
``app.security.fieldcrypt.FieldCipher.blind``) goes into ``chars``, and an all-digit search word of
4 to 11 digits also matches its blind token.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from app.domain.personal_data import (
    SEARCH_SUFFIXES,
    mask_personal_numbers,
    personal_number_digits,
    phone_suffixes,
)

Blind = Callable[[str, str], str]  # (kind, value) -> keyed search token

SEPARATOR = "zsepz"  # a token no query can produce (queries only contain 1- and 2-character tokens)


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def tokens(text: str) -> list[str]:
    """The characters of ``text`` that the index keeps, normalised as the index stores them."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [ch for ch in folded if _is_token_char(ch)]


def _bigrams(chars: list[str]) -> list[str]:
    return [chars[i] + chars[i + 1] for i in range(len(chars) - 1)]


def index_columns(fields: Iterable[str | None], blind_tokens: Iterable[str] = ()) -> dict[str, str]:
    """The ``grams`` and ``chars`` column texts for a complaint's searchable field values (and its
    blind tokens, which go with the characters)."""
    grams: list[str] = []
    seen: dict[str, None] = {}
    for field in fields:
        if not field:
            continue
        chars = tokens(field)
        seen.update(dict.fromkeys(chars))
        pairs = _bigrams(chars)
        if pairs:
            if grams:
                grams.append(SEPARATOR)
            grams.extend(pairs)
    seen.update(dict.fromkeys(blind_tokens))
    return {"grams": " ".join(grams), "chars": " ".join(seen)}


def match_query(term: str, blind: Blind | None = None) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing searchable is left.

    Words separated by spaces must all occur (AND); each word is matched as a contiguous substring.
    With ``blind`` (the profile's), a word of 4 to 11 digits also matches the end of a phone number.
    """
    parts = []
    for word in term.split():
        chars = tokens(word)
        if len(chars) == 1:
            parts.append(f'chars : "{_quoted(chars[0])}"')
        elif chars:
            part = 'grams : "' + " ".join(_quoted(g) for g in _bigrams(chars)) + '"'
            digits = "".join(chars)
            if blind is not None and digits.isascii() and digits.isdigit() and len(digits) in SEARCH_SUFFIXES:
                part = f'({part} OR chars : "{blind("phone", digits)}")'
            parts.append(part)
    return " AND ".join(parts) if parts else None


def _quoted(token: str) -> str:
    return token.replace('"', '""')


def searchable_fields(intake: dict, case_no: str, department: str | None) -> list[str | None]:
    """Case number, names, codes, agreement and texts: what a search looks through."""
    complainant = intake.get("complainant", {})
    respondent = intake.get("respondent", {})
    agreement = intake.get("agreement", {})
    claim = intake.get("claim", {})
    return [
        case_no,
        complainant.get("name"), complainant.get("legal_representative"), complainant.get("contact_person"),
        complainant.get("credit_code"),
        respondent.get("name"), respondent.get("competent_department"), respondent.get("credit_code"), department,
        intake.get("channel_ref"), agreement.get("title"), agreement.get("number"),
        mask_personal_numbers(intake.get("description") or ""), mask_personal_numbers(claim.get("text") or ""),
    ]


def blind_tokens(intake: dict, blind: Blind | None) -> list[str]:
    """The blind tokens of the phone's last 4 … 11 digits (none without the profile's key)."""
    if blind is None:
        return []
    return [blind("phone", suffix) for digits in personal_number_digits(intake) for suffix in phone_suffixes(digits)]


def document(intake: dict, case_no: str, department: str | None, blind: Blind | None = None) -> dict[str, str]:
    """The index row of one complaint."""
    return index_columns(searchable_fields(intake, case_no, department), blind_tokens(intake, blind))
