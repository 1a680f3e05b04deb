"""Data keys and sealed fields at their edges (issue 17): the keyring that must exist, the key export,
the token layout and the blind search tokens."""

from __future__ import annotations

import base64
import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from app.domain.errors import DomainError
from app.security import data_keys, fieldcrypt
from app.security.fieldcrypt import FieldCipher, TokenError, decrypt, is_token, key_id_of
from app.security.key_set import KEPT_KEYS, KeySet


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


@pytest.fixture
def system_keyring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_without_a_usable_keyring_the_profile_does_not_open(system_keyring):
    for unusable in (fail.Keyring(), null.Keyring()):
        system_keyring(unusable)
        with pytest.raises(DomainError) as info:
            data_keys._keyring_backend()
        assert info.value.code == "data_keyring_unavailable"


class Chain(MemoryKeyring):
    """Like keyring's ChainerBackend: a front for the backends it found."""

    def __init__(self, *backends) -> None:
        super().__init__()
        self.backends = list(backends)


def test_a_chain_is_usable_when_one_of_its_backends_is(system_keyring):
    memory = MemoryKeyring()
    chain = Chain(fail.Keyring(), memory)
    system_keyring(chain)
    assert data_keys._keyring_backend() is chain
    system_keyring(Chain(null.Keyring(), fail.Keyring()))
    with pytest.raises(DomainError):
        data_keys._keyring_backend()
    system_keyring(memory)
    assert data_keys._keyring_backend() is memory


def test_exported_keys_open_with_their_passphrase_only(monkeypatch):
    monkeypatch.setattr(data_keys, "_SCRYPT", {"n": 2 ** 10, "r": 8, "p": 1})  # the format keeps n, r, p
    keys = KeySet.fresh().rotated()
    text = data_keys.export_text("ref-1", keys, "一二三四五六七八九十十一")
    data = json.loads(text)
    assert (data["format"], data["ref"], data["kdf"], data["n"]) == ("lvyue-data-key-1", "ref-1", "scrypt", 1024)
    assert keys.current not in text  # sealed, not listed
    assert (len(base64.b64decode(data["salt"])), len(base64.b64decode(data["nonce"]))) == (16, 12)  # GCM's 96 bits
    ref, opened = data_keys.import_text(text, "一二三四五六七八九十十一")
    assert (ref, opened.current, opened.keys) == ("ref-1", keys.current, keys.keys)
    assert json.loads(data_keys.export_text("ref-1", keys, "一二三四五六七八九十十一"))["salt"] != data["salt"]
    with pytest.raises(DomainError) as wrong:
        data_keys.import_text(text, "一二三四五六七八九十十二")
    assert wrong.value.code == "key_passphrase_wrong"
    with pytest.raises(DomainError) as moved:  # the reference is bound to the sealed keys
        data_keys.import_text(json.dumps({**data, "ref": "ref-2"}), "一二三四五六七八九十十一")
    assert moved.value.code == "key_passphrase_wrong"
    for broken in (json.dumps({**data, "format": "other"}), "not json", json.dumps({"format": data["format"]})):
        with pytest.raises(DomainError) as invalid:
            data_keys.import_text(broken, "一二三四五六七八九十十一")
        assert invalid.value.code == "key_file_invalid"


def test_a_short_export_passphrase_is_refused_with_the_minimum():
    with pytest.raises(DomainError) as info:
        data_keys.export_text("ref-1", KeySet.fresh(), "a" * 11)
    assert (info.value.code, info.value.params) == ("key_passphrase_short", {"min_length": 12})


def test_a_rotation_keeps_the_last_keys_only():
    keys = KeySet.fresh()
    first = keys.current
    for _ in range(KEPT_KEYS):
        keys = keys.rotated()
    assert len(keys.keys) == KEPT_KEYS and first not in keys.keys and keys.current in keys.keys
    assert KeySet.from_text(keys.to_text()) == keys


def test_a_token_names_its_key_and_opens_in_its_field_only():
    cipher = FieldCipher("00aa11bb22cc33dd", b"k" * 32)
    token = cipher.seal("13887012345", "complainant.contact_phone")
    assert token.startswith("enc1:00aa11bb22cc33dd:") and "=" not in token
    assert is_token(token) and key_id_of(token) == "00aa11bb22cc33dd"
    assert not is_token("13887012345") and not is_token(None) and not is_token(b"enc1:x")
    assert decrypt(token, "complainant.contact_phone") == "13887012345"
    with pytest.raises(TokenError) as moved:
        decrypt(token, "complainant.address")
    assert (moved.value.code, moved.value.key_id) == ("token_tampered", "00aa11bb22cc33dd")
    assert isinstance(moved.value, DomainError) and moved.value.params == {"key_id": "00aa11bb22cc33dd"}
    with pytest.raises(TokenError) as unknown:
        decrypt("enc1:ffffffffffffffff:" + token.split(":", 2)[2], "complainant.contact_phone")
    assert unknown.value.code == "data_key_unknown"
    with pytest.raises(TokenError) as malformed:
        decrypt("enc1:no-colon-here", "complainant.contact_phone")
    assert malformed.value.code == "token_malformed"


def test_blind_tokens_are_stable_per_key_and_kind():
    one, other = FieldCipher("1111111111111111", b"a" * 32), FieldCipher("2222222222222222", b"b" * 32)
    token = one.blind("phone", "13887012345")
    assert token.startswith("zb") and len(token) == 2 + fieldcrypt.BLIND_HEX
    assert one.blind("phone", "13887012345") == token
    assert other.blind("phone", "13887012345") != token
    assert one.blind("id", "13887012345") != token
