"""The blind search tokens a profile stores for its personal data (found by mutation testing, issue 17):
they live in the search index, so the way the search key is derived from the data key is pinned — a new
derivation would leave every phone or ID number stored before an upgrade unfindable until a rebuild."""

from __future__ import annotations

from app.security.fieldcrypt import FieldCipher


def test_a_blind_token_from_a_given_data_key_is_pinned():
    cipher = FieldCipher("k-pinned", bytes(range(32)))
    assert cipher.blind("phone", "13887012345") == "zb53dab68fe07b092b"
    assert cipher.blind("phone", "13887012346") == "zb73b38ff9d223c5b4"
    assert FieldCipher("k-other", bytes(32)).blind("phone", "13887012345") != "zb53dab68fe07b092b"
