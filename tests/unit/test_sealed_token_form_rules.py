"""The stored form of a sealed personal value (found by mutation testing, issue 17): ``enc1:<key id>:`` and
the nonce, ciphertext and tag in unpadded base64url — the form every device and the hub store and read, and
whose length the field limits allow for — whatever the length of the value; a fresh data key is named by
16 hex digits (the id every token carries) and holds 32 random bytes."""

from __future__ import annotations

import base64
import re

from app.security.fieldcrypt import FieldCipher, decrypt, key_id_of, new_key

KEY_ID = "00112233aabbccdd"


def test_a_sealed_value_is_enc1_key_id_and_unpadded_base64url_of_every_length():
    cipher = FieldCipher(KEY_ID, bytes(range(32)))
    for value in ("张", "张三", "张三丰", "13800138000", "云南省昆明市五华区"):  # body lengths of every remainder mod 3
        token = cipher.seal(value, "name")
        prefix, key_id, body = token.split(":")
        assert (prefix, key_id) == ("enc1", KEY_ID)
        assert re.fullmatch(r"[A-Za-z0-9_-]+", body), token
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        assert len(raw) == 12 + len(value.encode("utf-8")) + 16  # nonce, ciphertext, tag
        assert decrypt(token, "name") == value


def test_a_fresh_data_key_is_named_by_16_hex_digits_and_holds_32_random_bytes():
    (first_id, first), (second_id, second) = new_key(), new_key()
    assert re.fullmatch(r"[0-9a-f]{16}", first_id) and re.fullmatch(r"[0-9a-f]{16}", second_id)
    assert len(first) == len(second) == 32 and first != second and first_id != second_id
    assert key_id_of(FieldCipher(first_id, first).seal("张三", "name")) == first_id
