"""Text similarity 文本相似度 for duplicate complaints: normalisation, bigram shingles, MinHash marks.

Chinese has no spaces, so a text is compared by its overlapping character bigrams (shingles) after
normalisation: NFKC (full-width -> half-width), case-folded, punctuation and whitespace dropped (the
same characters the search index keeps, ``app.store.search.tokens``). Two measures:

- ``jaccard``: shared shingles / all shingles (near-identical texts score >= 0.8);
- ``containment``: shared shingles / shingles of the shorter text (one text copied into a longer one,
  as a 12345 record often wraps the complainant's words).

To find candidates among 100,000 complaints without comparing them all, each text gets a few
``marks``: MinHash band hashes (locality-sensitive hashing). Two texts with Jaccard s share at least
one mark with probability 1 - (1 - s^ROWS)^BANDS: about 0.98 at s = 0.8, 0.001 at s = 0.1.
"""

from __future__ import annotations

import hashlib
import struct
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

BANDS = 8  # marks per text
ROWS = 4  # min-hashes per band
MIN_SHINGLES = 4  # shorter texts carry no marks (too little to compare)
_SLOTS = BANDS * ROWS


def _keep(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def normalise(text: str | None) -> str:
    """``text`` as compared: NFKC (全角 -> 半角), case-folded, without punctuation or whitespace."""
    if not text:
        return ""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if _keep(ch))


def _shingles(text: str | None) -> frozenset[str]:
    chars = normalise(text)
    if len(chars) < 2:
        return frozenset(chars)
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


@lru_cache(maxsize=8192)  # the review list compares one text with many: shingle it once
def shingles(text: str | None) -> frozenset[str]:
    """The distinct character bigrams of the normalised text (a 1-character text: that character)."""
    return _shingles(text)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: str | None, b: str | None) -> float:
    """The larger of Jaccard and containment of the two texts' shingles, in [0, 1]."""
    sa, sb = shingles(a), shingles(b)
    return max(jaccard(sa, sb), containment(sa, sb))


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def marks(shingle_set: Iterable[str]) -> list[int]:
    """The MinHash band marks of a shingle set (signed 64-bit, as SQLite stores integers); none for
    fewer than ``MIN_SHINGLES`` shingles.

    One-permutation MinHash: each shingle is hashed once, its slot is the hash modulo the number of
    min-hashes, and each slot keeps its smallest value; an empty slot borrows the next filled one
    (densification). About 50 µs per complaint, so a rebuild of 100,000 pays a few seconds."""
    slots: list[int | None] = [None] * _SLOTS
    count = 0
    for shingle in shingle_set:
        count += 1
        h = _hash(shingle)
        slot, value = h % _SLOTS, h // _SLOTS
        current = slots[slot]
        if current is None or value < current:
            slots[slot] = value
    if count < MIN_SHINGLES:
        return []
    filled: list[int] = []
    for i in range(_SLOTS):
        for step in range(_SLOTS):
            value = slots[(i + step) % _SLOTS]
            if value is not None:
                filled.append(value * _SLOTS + step)
                break
    result = []
    for band in range(BANDS):
        packed = struct.pack(f">B{ROWS}Q", band, *filled[band * ROWS:(band + 1) * ROWS])
        value = int.from_bytes(hashlib.blake2b(packed, digest_size=8).digest(), "big")
        result.append(value - (1 << 64) if value >= 1 << 63 else value)
    return result


def text_marks(text: str | None) -> list[int]:
    """The marks of one text, shingled without the cache: a rebuild marks each of 100,000 texts once,
    and 8,192 cached shingle sets of long texts held 200 MB for nothing."""
    return marks(_shingles(text))
