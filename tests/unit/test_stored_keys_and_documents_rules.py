"""Reading back what is stored (found by mutation testing, issue 17): a data key the keyring holds in a
damaged form is refused as ``data_key_damaged`` (the message says to restore it from its export), not
as some other failure; a stored document read as bytes opens like one read as text."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.security import data_keys
from app.security.fieldcrypt import open_json


def test_a_damaged_data_key_in_the_keyring_is_refused_as_damaged():
    ref = "test-damaged-key-ref"
    backend = data_keys._backend()
    backend.set_password(data_keys.SERVICE, ref, "{not a key set")
    try:
        with pytest.raises(DomainError) as refused:
            data_keys.load(ref)
        assert refused.value.code == "data_key_damaged"
    finally:
        backend.delete_password(data_keys.SERVICE, ref)


def test_a_stored_document_read_as_bytes_opens_like_text():
    assert open_json(b'{"a":1,"b":"\xe5\x8f\x8c\xe6\x9f\x8f"}') == {"a": 1, "b": "双柏"}
    assert open_json('{"a":1}') == {"a": 1}
