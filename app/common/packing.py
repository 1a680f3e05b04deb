"""Packed complaint aggregates: ``complaint_data.data`` is stored as zlib with a preset dictionary.

The aggregate's canonical JSON (4.0 KB on average at 100,000 demo complaints, most of it keys, dates and
Chinese text that the events hold too) packs to 1.5 KB with the dictionary of
``app.common.aggregate_dictionary`` (2.1 KB with zlib alone): 484 MB -> 193 MB. A packed value is
a BLOB that starts with ``MARKER``; a TEXT value (written before migration 0018) is read as it is, so
both forms read alike through ``unpacked`` (``app.security.fieldcrypt.open_json`` calls it).
Packing runs after sealing: personal data is sealed inside the JSON first, as before.
"""

from __future__ import annotations

import zlib

from app.common.aggregate_dictionary import DICTIONARY_Z1

MARKER = b"z1"
_DICTIONARY = DICTIONARY_Z1.encode("utf-8")
LEVEL = 6  # level 9 packs no smaller here and costs more


# Primed once: copying a primed (de)compressor skips loading the 32 KB dictionary on every call
# (unpacking 50 -> 14 us); a copy gives the very bytes a fresh one does (raw deflate, no header).
_PACKER = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=_DICTIONARY)
_UNPACKER = zlib.decompressobj(-15, zdict=_DICTIONARY)


def pack(text: str) -> bytes:
    """The stored form of an aggregate's (sealed) canonical JSON."""
    packer = _PACKER.copy()
    return MARKER + packer.compress(text.encode("utf-8")) + packer.flush()


def is_packed(value: object) -> bool:
    return isinstance(value, bytes | bytearray | memoryview) and bytes(value[:2]) == MARKER


def unpacked(value: str | bytes) -> str | bytes:
    """The JSON text of a stored value: packed ones unpacked, anything else as it is."""
    if not is_packed(value):
        return value
    unpacker = _UNPACKER.copy()
    raw = bytes(value)
    return (unpacker.decompress(raw[2:]) + unpacker.flush()).decode("utf-8")
