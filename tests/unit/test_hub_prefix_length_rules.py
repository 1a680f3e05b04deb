"""The hub numbers and adopts 发文字号 prefixes of 1 to 40 characters (``MAX_PREFIX``); a longer or empty one
is no series it knows (numbering answers ``series_unknown``, enrolment adopts nothing). Issue 17, planted
bug D: the longest allowed prefix was refused."""

from __future__ import annotations

from server.services.prefixes import MAX_PREFIX, valid_prefix


def test_prefixes_up_to_forty_characters_are_kept_and_longer_or_empty_ones_are_not():
    assert MAX_PREFIX == 40
    assert valid_prefix("双") and valid_prefix("双发改函")
    assert valid_prefix("楚" * 40)
    assert not valid_prefix("楚" * 41)
    assert not valid_prefix("")
