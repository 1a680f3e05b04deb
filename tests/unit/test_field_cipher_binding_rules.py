"""Which key a database writes with, and what an unknown key is called (found by mutation testing,
issue 17): closing one of two openings of a file leaves the other's key in force, closing the last
leaves none (personal data is never stored in clear as a fallback); a token sealed under a key this PC
does not hold names that key."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from app.security.fieldcrypt import FieldCipher, TokenError, bind, cipher_for, decrypt, unbind


def test_closing_one_of_two_openings_keeps_the_other_and_closing_both_leaves_no_key():
    url = "sqlite:////tmp/test-binding-rules.sqlite"
    engine = SimpleNamespace(url=url)
    first, second = FieldCipher("k-first", os.urandom(32)), FieldCipher("k-second", os.urandom(32))
    bind(url, first)
    bind(url, second)
    try:
        unbind(url, second)
        assert cipher_for(engine) is first
        assert cipher_for(SimpleNamespace(engine=engine)) is first  # a Connection: its engine's URL
        bind(url, second)
        unbind(url, first)
        assert cipher_for(engine) is second
        unbind(url, second)
        with pytest.raises(TokenError) as unbound:
            cipher_for(engine)
        assert unbound.value.code == "data_key_unbound"
    finally:
        unbind(url, first)
        unbind(url, second)


def test_a_token_under_a_key_this_pc_does_not_hold_names_the_key():
    with pytest.raises(TokenError) as unknown:
        decrypt("enc1:k-elsewhere:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "complainant.phone")
    assert (unknown.value.code, unknown.value.params, unknown.value.key_id) == (
        "data_key_unknown", {"key_id": "k-elsewhere"}, "k-elsewhere")
