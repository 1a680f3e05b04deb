"""What the officer is told about characters the documents cannot print, and the coverage file (found by
mutation testing, issue 17, second check): an item of a list field is named by its path and position
(其他惩戒措施第 1 项), the message counts every such character, and the coverage file's comment lines carry
no trailing blanks (an empty header line is a bare ``#``)."""

from __future__ import annotations

from app.domain.glyphs import format_coverage, parse_coverage, payload_unprintable

PRIVATE = [chr(0xF0000 + n) for n in range(7)]  # supplementary private use: no bundled font prints them


def test_an_unprintable_character_in_a_list_item_names_the_list_and_the_item():
    errors = payload_unprintable("sanction", {"other_measures": ["约谈主要负责人", "通报" + PRIVATE[0]]})
    assert [(e.field, e.code, e.params["char"]) for e in errors] == [("other_measures.1", "char_unprintable", PRIVATE[0])]


def test_the_message_counts_every_unprintable_character_and_shows_the_first_five():
    [error] = payload_unprintable("refuse", {"facts": "未支付" + "".join(PRIVATE)})
    assert error.params["count"] == "7"
    assert error.params["chars"] == "".join(PRIVATE)
    assert error.params["chars_detail"] == "、".join(f"“{ch}”（U+{ord(ch):X}）" for ch in PRIVATE[:5]) + "等 7 个字符"


def test_the_coverage_file_comments_have_no_trailing_blanks_and_read_back():
    text = format_coverage([(0x3000, 0x3000), (0x4E00, 0x9FA5)], header="字体覆盖\n\n由 tools 生成 ")
    assert text == "# 字体覆盖\n#\n# 由 tools 生成\n3000\n4E00-9FA5\n"
    assert parse_coverage(text) == [(0x3000, 0x3000), (0x4E00, 0x9FA5)]


def test_five_unprintable_characters_are_all_shown_without_a_count():
    [error] = payload_unprintable("refuse", {"facts": "".join(PRIVATE[:5])})
    assert error.params["chars_detail"] == "、".join(f"“{ch}”（U+{ord(ch):X}）" for ch in PRIVATE[:5])
    assert error.params["count"] == "5"
