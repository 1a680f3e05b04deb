"""The device token's keyring (issue 17, found by mutation testing): a chain of keyrings (keyring's
ChainerBackend) is usable when one of the backends behind it is, and refused when none is; a
plain unusable keyring is refused with the Chinese reason."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from app.domain.errors import DomainError
from app.messages import describe
from app.sync import credentials
from tests.unit.test_data_keys import Chain, MemoryKeyring


@pytest.fixture
def system_keyring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_a_chain_of_keyrings_holds_the_token_when_one_behind_it_can(system_keyring):
    memory = MemoryKeyring()
    system_keyring(Chain(fail.Keyring(), memory))
    credentials.check_available()
    system_keyring(Chain(null.Keyring(), fail.Keyring()))
    with pytest.raises(DomainError) as refused:
        credentials.check_available()
    assert refused.value.code == "keyring_unavailable"
    assert "凭据" in describe(refused.value)


def test_an_unusable_keyring_is_refused_before_anything_is_saved(system_keyring):
    for unusable in (fail.Keyring(), null.Keyring()):
        system_keyring(unusable)
        with pytest.raises(DomainError) as refused:
            credentials.save_token("device-1", "token")
        assert refused.value.code == "keyring_unavailable"
    memory = MemoryKeyring()
    system_keyring(memory)
    credentials.save_token("device-1", "token")
    assert credentials.load_token("device-1") == "token"
