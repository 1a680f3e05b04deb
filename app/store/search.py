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
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

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


def index_columns(fields: Iterable[str | None]) -> dict[str, str]:
    """The ``grams`` and ``chars`` column texts for a complaint's searchable field values."""
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
    return {"grams": " ".join(grams), "chars": " ".join(seen)}


def match_query(term: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing searchable is left.

    Words separated by spaces must all occur (AND); each word is matched as a contiguous substring.
    """
    parts = []
    for word in term.split():
        chars = tokens(word)
        if len(chars) == 1:
            parts.append(f'chars : "{_quoted(chars[0])}"')
        elif chars:
            parts.append('grams : "' + " ".join(_quoted(g) for g in _bigrams(chars)) + '"')
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
        intake.get("description"), claim.get("text"),
    ]


def document(intake: dict, case_no: str, department: str | None) -> dict[str, str]:
    """The index row of one complaint."""
    return index_columns(searchable_fields(intake, case_no, department))
