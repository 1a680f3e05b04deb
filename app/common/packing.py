"""Packed JSON at rest: complaint aggregates and event payloads are stored as zlib with a preset dictionary.

The aggregate's canonical JSON (4.0 KB on average at 100,000 demo complaints, most of it keys, dates and
Chinese text that the events hold too) packs to 1.5 KB with the dictionary of
``app.common.aggregate_dictionary`` (2.1 KB with zlib alone): 484 MB -> 193 MB. A packed value is
a BLOB that starts with ``MARKER``; a TEXT value (written before migration 0018) is read as it is, so
both forms read alike through ``unpacked`` (``app.security.fieldcrypt.open_json`` calls it).
Packing runs after sealing: personal data is sealed inside the JSON first, as before.

Event payloads in a profile (``events.payload``, migration 0020) are packed the same way with their own
dictionary (``app.common.event_dictionary``, marker ``EVENT_MARKER``): 444 -> 229 bytes on average at
20,000 demo complaints (325 with zlib alone). Their hash, chain and wire form stay those of the clear
canonical JSON; only the stored form changes, and the hub keeps text.
"""

from __future__ import annotations

import zlib

from app.common.aggregate_dictionary import DICTIONARY_Z1
from app.common.event_dictionary import DICTIONARY_E1

MARKER = b"z1"
EVENT_MARKER = b"e1"
_DICTIONARY = DICTIONARY_Z1.encode("utf-8")
_EVENT_DICTIONARY = DICTIONARY_E1.encode("utf-8")
LEVEL = 6  # level 9 packs no smaller here and costs more


# Primed once: copying a primed (de)compressor skips loading the 32 KB dictionary on every call
# (unpacking 50 -> 14 us); a copy gives the very bytes a fresh one does (raw deflate, no header).
_PACKER = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=_DICTIONARY)
_UNPACKER = zlib.decompressobj(-15, zdict=_DICTIONARY)
_EVENT_PACKER = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=_EVENT_DICTIONARY)
_EVENT_UNPACKER = zlib.decompressobj(-15, zdict=_EVENT_DICTIONARY)
_UNPACKERS = {MARKER: _UNPACKER, EVENT_MARKER: _EVENT_UNPACKER}


def pack(text: str) -> bytes:
    """The stored form of an aggregate's (sealed) canonical JSON."""
    packer = _PACKER.copy()
    return MARKER + packer.compress(text.encode("utf-8")) + packer.flush()


def pack_event(text: str) -> bytes:
    """The stored form of an event's (sealed) canonical payload JSON in a profile."""
    packer = _EVENT_PACKER.copy()
    return EVENT_MARKER + packer.compress(text.encode("utf-8")) + packer.flush()


def is_packed(value: object) -> bool:
    return isinstance(value, bytes | bytearray | memoryview) and bytes(value[:2]) in _UNPACKERS


def unpacked(value: str | bytes) -> str | bytes:
    """The JSON text of a stored value: packed ones (either marker) unpacked, anything else as it is."""
    if not is_packed(value):
        return value
    raw = bytes(value)
    unpacker = _UNPACKERS[raw[:2]].copy()
    try:
        data = unpacker.decompress(raw[2:]) + unpacker.flush()
    except zlib.error as error:  # damaged at rest: a ValueError, like JSON that does not parse
        raise ValueError(f"a packed value does not unpack: {error}") from None
    if not unpacker.eof or unpacker.unused_data:
        raise ValueError("a packed value is cut short or has bytes after its end")
    return data.decode("utf-8")
