"""The full-text search index: one token per character, phrase queries for any term length.

FTS5's trigram tokenizer finds nothing for 1- and 2-character terms, and Chinese names are often two
characters. Here every letter or digit is its own token (case-folded, full-width folded by NFKC) and
a search term becomes a phrase of its characters, so ``"雄"``, ``"楚雄"`` and ``"0007"`` all use the index.
Fields are separated by a sentinel token no query can produce, so a phrase never spans two fields.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

SEPARATOR = "zsepz"  # a multi-letter token: queries only ever contain one-character tokens
COLUMNS = ("case_no", "parties", "codes", "agreement", "description")


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def tokens(text: str) -> list[str]:
    """The characters of ``text`` that the index keeps, normalised as the index stores them."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [ch for ch in folded if _is_token_char(ch)]


def index_text(parts: Iterable[str | None]) -> str:
    """Column text for several field values: their characters, fields split by the sentinel."""
    pieces = [" ".join(tokens(part)) for part in parts if part]
    return f" {SEPARATOR} ".join(piece for piece in pieces if piece)


def match_query(term: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when nothing searchable is left.

    Words separated by spaces must all occur (AND); each word is matched as a contiguous phrase.
    """
    phrases = []
    for word in term.split():
        chars = tokens(word)
        if chars:
            phrases.append('"' + " ".join(ch.replace('"', '""') for ch in chars) + '"')
    return " AND ".join(phrases) if phrases else None


def document(intake: dict, case_no: str, department: str | None) -> dict[str, str]:
    """The index row of one complaint."""
    complainant = intake.get("complainant", {})
    respondent = intake.get("respondent", {})
    agreement = intake.get("agreement", {})
    claim = intake.get("claim", {})
    return {
        "case_no": index_text([case_no]),
        "parties": index_text([
            complainant.get("name"), complainant.get("legal_representative"), complainant.get("contact_person"),
            respondent.get("name"), respondent.get("competent_department"), department,
        ]),
        "codes": index_text([
            complainant.get("credit_code"), respondent.get("credit_code"), intake.get("channel_ref"),
            agreement.get("number"),
        ]),
        "agreement": index_text([agreement.get("title")]),
        "description": index_text([intake.get("description"), claim.get("text")]),
    }
