"""Event hashing: canonical, sensitive to every hashed field, chained through prev_hash."""

from dataclasses import replace

from app.domain.events import GENESIS, Event, canonical_json
from app.domain.ids import uuid7, uuid7_time_ms


def make(**changes) -> Event:
    base = Event(id="01a2-x", stream="c1", action="note", payload={"text": "电话联系", "n": 1}, actor="u1",
                 device_id="d1", device_seq=1, device_time="2026-11-26T02:00:00.000Z", base=None, prev_hash=GENESIS)
    return replace(base, **changes).sealed()


def test_canonical_json_is_stable_and_keeps_chinese():
    assert canonical_json({"b": 1, "a": "楚雄"}) == '{"a":"楚雄","b":1}'


def test_hash_changes_with_every_hashed_field():
    original = make()
    for field, value in [("payload", {"text": "电话联系", "n": 2}), ("actor", "u2"), ("device_seq", 2),
                         ("device_time", "2026-11-26T02:00:00.001Z"), ("prev_hash", "1" * 64), ("base", "e0"),
                         ("action", "amend"), ("stream", "c2")]:
        assert make(**{field: value}).hash != original.hash, field
    assert make().hash == original.hash
    assert original.compute_hash() == original.hash


def test_uuid7_is_time_ordered_and_unique():
    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert abs(uuid7_time_ms(ids[0]) - uuid7_time_ms(ids[-1])) < 5000
    assert ids[0][14] == "7"
