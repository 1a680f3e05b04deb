"""Event payloads packed at rest in a profile (``app.common.packing.pack_event``, migration 0020): the
stored form is a BLOB with the ``e1`` marker, read back exactly; text rows of older profiles and mixed
logs read alike; the hash and the wire form stay those of the clear payload."""

from __future__ import annotations

import hashlib

from app.common import packing
from app.common.event_dictionary import DICTIONARY_E1
from app.contract.event_record import event_of, event_values, hash_text, stored_hash, stored_payload
from app.domain.events import Event, canonical_json
from app.security.fieldcrypt import FieldCipher, new_key

PAYLOAD = {"department": "双柏县人民政府", "due_on": "2026-12-20", "note": "请依照有关规定核实认定。"}
PERSONAL = {"changes": {"complainant.phone": "13987124466"}, "reason": "投诉人更换了联系电话"}


def _cipher() -> FieldCipher:
    return FieldCipher(*new_key())


def _event(payload: dict, action: str = "forward") -> Event:
    return Event(id="01a24dbd-56b8-70e6-bdc5-f13cdd85f23c", stream="01a24dbd-56b6-7005-83a4-9998103e4d61",
                 action=action, payload=payload, actor="01a24dbd-546a-734c-a929-37d983781b35",
                 device_id="01a24dbd-5204-71b5-a289-d98b5b975d11", device_seq=7,
                 device_time="2026-12-06T07:10:03.000Z", base=None, prev_hash="0" * 64).sealed()


def test_the_event_dictionary_never_changes():
    """Packed payloads read only with these exact bytes (a new dictionary needs a new marker)."""
    assert packing.EVENT_MARKER == b"e1" and packing.EVENT_MARKER != packing.MARKER
    assert hashlib.sha256(DICTIONARY_E1.encode()).hexdigest()[:16] == "19f319f4579eb73a"


def test_round_trip_marker_and_smaller():
    text = canonical_json(PAYLOAD)
    packed = packing.pack_event(text)
    assert packed.startswith(b"e1") and packing.is_packed(packed)
    assert len(packed) < len(text.encode()) * 0.8
    assert packing.unpacked(packed) == text
    assert packing.unpacked(memoryview(packed)) == text and packing.unpacked(bytearray(packed)) == text
    assert packing.unpacked(text) == text and not packing.is_packed(text)  # old text rows as they are
    assert packing.unpacked(packing.pack(text)) == text  # the aggregates' marker still reads
    assert packing.pack_event("") != packing.pack("") and packing.unpacked(packing.pack_event("")) == ""


def test_a_profile_row_is_packed_and_sealed_the_wire_form_is_clear_text():
    cipher = _cipher()
    event = _event(PERSONAL, "amend")
    row = event_values(event, cipher=cipher)
    assert packing.is_packed(row["payload"])
    inside = packing.unpacked(row["payload"])
    assert "13987124466" not in inside and "enc1:" in inside  # sealed first, then packed
    assert b"13987124466" not in row["payload"]
    assert row["hash"] == bytes.fromhex(event.hash) and row["prev_hash"] == bytes(32)  # 32 bytes each
    wire = event_values(event)  # no cipher: the clear canonical text (the hub and the wire)
    assert wire["payload"] == canonical_json(PERSONAL)
    assert (wire["prev_hash"], wire["hash"]) == (event.prev_hash, event.hash)
    back = event_of(row)
    assert back == event and back.payload == PERSONAL
    assert back.hash == event.hash == event_of(wire).hash
    assert back.sealed().hash == event.hash  # the hash is over the clear payload


def test_text_packed_and_mixed_rows_read_alike():
    cipher = _cipher()
    events = [_event({**PAYLOAD, "note": f"第{i}次"}) for i in range(4)]
    rows = [event_values(e, cipher=cipher) for e in events]
    rows[1] = {**rows[1], "payload": packing.unpacked(rows[1]["payload"])}  # an old row: sealed text
    rows[3] = {**rows[3], "payload": canonical_json(events[3].payload)}  # older still: clear text
    assert [type(r["payload"]) for r in rows] == [bytes, str, bytes, str]
    assert [event_of(r) for r in rows] == events


def test_stored_payload_is_what_a_profile_row_holds():
    cipher = _cipher()
    event = _event(PAYLOAD)
    assert stored_payload(cipher, PAYLOAD) == event_values(event, cipher=cipher)["payload"]  # nothing personal
    assert packing.unpacked(stored_payload(cipher, PERSONAL)) != canonical_json(PERSONAL)  # personal: sealed


def test_a_damaged_packed_value_is_a_value_error():
    packed = packing.pack_event(canonical_json(PAYLOAD))
    for damaged in (packed[:-3], packed[:2] + b"\xff" * 20, packed + b"trailing"):
        try:
            packing.unpacked(damaged)
        except ValueError:
            continue
        raise AssertionError(f"{damaged!r} unpacked")


def test_hashes_are_stored_as_bytes_and_read_as_hex():
    digest = "0b6e957ab4461b8751c7db125ed80dc85709fa2ecc8a4786e76e32b7574577fd"
    assert stored_hash(digest) == bytes.fromhex(digest) and hash_text(stored_hash(digest)) == digest
    assert hash_text(memoryview(bytes.fromhex(digest))) == digest and hash_text(digest) == digest
    assert hash_text(None) is None
    for odd in ("", "1" * 63, digest.upper(), "x" * 64):  # only a forged row holds these: kept as they are
        assert stored_hash(odd) == odd and hash_text(stored_hash(odd)) == odd
    cipher = _cipher()
    event = _event(PAYLOAD)
    old = {**event_values(event, cipher=cipher), "prev_hash": event.prev_hash, "hash": event.hash}
    assert event_of(old) == event_of(event_values(event, cipher=cipher)) == event  # text rows read alike
