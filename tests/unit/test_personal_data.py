"""Which values are sealed (app.domain.personal_data) and how a sealed value behaves (fieldcrypt)."""

from __future__ import annotations

import pytest

from app.domain.personal_data import holds_personal_number, mask_personal_numbers, phone_suffixes
from app.security.fieldcrypt import FieldCipher, TokenError, decrypt, new_key, open_value, seal_value
from app.store.search import match_query


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(*new_key())


def test_phone_id_and_address_are_sealed_wherever_they_sit_and_open_again(cipher):
    payload = {"intake": {"complainant": {"name": "双柏县绿源农业科技有限公司", "phone": "138 8701 2345",
                                          "contact_id_number": "532322198803152312", "address": "妥甸镇团结路8号"},
                          "description": "拖欠扶持资金30万元"},
               "changes": {"complainant.phone": "0878-3117257"},
               "snapshot": {"complainant_address": "妥甸镇团结路8号", "office_address": "双柏县政务中心"},
               "text": "已联系投诉人（13887012345）", "sha256": "a13887012345b" * 4}
    sealed = seal_value(cipher, payload)
    c = sealed["intake"]["complainant"]
    assert c["name"] == "双柏县绿源农业科技有限公司"
    assert all(v.startswith("enc1:") for v in (c["phone"], c["contact_id_number"], c["address"],
                                               sealed["changes"]["complainant.phone"],
                                               sealed["snapshot"]["complainant_address"], sealed["text"]))
    assert sealed["intake"]["description"] == "拖欠扶持资金30万元"  # no number in it: stays searchable text
    assert sealed["snapshot"]["office_address"] == "双柏县政务中心"  # the office's own address is public
    assert sealed["sha256"] == payload["sha256"]  # digits inside a hex word are not a phone
    assert open_value(sealed) == payload
    assert seal_value(cipher, payload)["text"] != sealed["text"]  # a fresh nonce each time


def test_a_token_moved_or_edited_does_not_open(cipher):
    token = cipher.seal("13887012345", "phone")
    assert decrypt(token, "phone") == "13887012345"
    with pytest.raises(TokenError) as moved:
        decrypt(token, "address")
    assert moved.value.code == "token_tampered"
    with pytest.raises(TokenError):
        decrypt(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "phone")
    with pytest.raises(TokenError) as unknown:
        decrypt("enc1:0000000000000000:AAAA", "phone")
    assert unknown.value.code == "data_key_unknown"


def test_free_text_numbers_are_found_and_masked_for_the_index():
    assert holds_personal_number("联系电话13887012345")
    assert holds_personal_number("身份证532322198803152312")
    assert holds_personal_number("座机0878-3117257")
    assert not holds_personal_number("协议金额1200000元，案号532322-2026-0007")
    assert mask_personal_numbers("联系电话13887012345") == "联系电话138****2345"


def test_blind_tokens_are_keyed_and_a_digit_search_looks_them_up(cipher):
    other = FieldCipher(*new_key())
    assert cipher.blind("phone", "2345") == cipher.blind("phone", "2345") != other.blind("phone", "2345")
    assert phone_suffixes("13887012345") == ["2345", "12345", "012345", "7012345", "87012345", "887012345",
                                             "3887012345", "13887012345"]
    query = match_query("2345", cipher.blind)
    assert cipher.blind("phone", "2345") in query and "grams" in query
    assert "zb" not in match_query("234", cipher.blind)  # 3 digits: too short to name a phone
    assert match_query("2345") == 'grams : "23 34 45"'  # without the key: the plain index only
