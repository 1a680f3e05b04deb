"""Printable characters: what the documents can print on any machine, and emoji kept out of names."""

from __future__ import annotations

import pytest

from app.domain import glyphs
from app.domain.errors import FieldError, ValidationFailed
from app.messages import describe, describe_field_error
from tests.factories import intake

YI_NAME = "ꆈꌠ"  # Nuosu, the Yi people's own name, in Yi syllables (U+A188 U+A320)
PRIVATE = "\ue000"  # private use: no font of ours draws it
UNASSIGNED_EXT_H = "\U000313a0"  # CJK Extension H: beyond every bundled face


def codes(errors: list[FieldError]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in errors}


@pytest.mark.parametrize("text", [
    "楚雄彝族自治州双柏县发展和改革局",  # GB 2312
    "㐀䶵",  # CJK Extension A (GB 18030)
    "𠇔",  # Extension B, drawn by LXGW WenKai
    YI_NAME + "ꀀꒌ",  # Yi syllables, first and last
    "꒐꓆",  # Yi radicals
    "（一）《合同》〔2026〕①—…“”·№ ABC abc 0123 ¥%",
    "第一行\n第二行\t\u200b\u200d",  # line breaks, tabs and format characters: dropped, never drawn
])
def test_text_the_documents_print_passes(text):
    assert glyphs.unprintable(text) == []


def test_unprintable_lists_each_missing_character_once_in_order():
    text = f"张😀三{PRIVATE}😀{UNASSIGNED_EXT_H}"
    assert glyphs.unprintable(text) == ["😀", PRIVATE, UNASSIGNED_EXT_H]


@pytest.mark.parametrize("ch", ["😀", "🇨", "❤", "\ufe0f", "★", "🧧", "\U000e0067"])
def test_emoji_and_pictographs_are_emoji(ch):
    assert glyphs.is_emoji(ch)


@pytest.mark.parametrize("ch", ["张", "ꆈ", "©", "®", "™", "①", "→", "A", "〔", "·"])
def test_letters_marks_and_legal_signs_are_not_emoji(ch):
    assert not glyphs.is_emoji(ch)


def test_a_printable_emoji_is_still_refused_in_a_name_but_not_in_free_text():
    assert glyphs.unprintable("★") == []  # the CJK faces draw it
    assert glyphs.text_problem("description", "★重点★") is None
    problem = glyphs.text_problem("complainant.name", "★双柏县绿源公司", name=True)
    assert problem is not None and problem.code == "emoji_in_name" and problem.params["char"] == "★"


def test_intake_fields_are_named_by_their_dotted_paths():
    data = intake()
    data["complainant"]["name"] = "双柏县绿源😀农业公司"
    data["complainant"]["contact_person"] = YI_NAME  # a Yi name is fine
    data["respondent"]["competent_department"] = "双柏县人民政府🏛"
    data["claim"]["text"] = f"请求支付欠款{PRIVATE}。"
    data["description"] = "拖欠货款😀"  # free text: unprintable, not an emoji-in-name error
    assert codes(glyphs.intake_unprintable(data)) == {
        ("complainant.name", "emoji_in_name"),
        ("respondent.competent_department", "emoji_in_name"),
        ("claim.text", "char_unprintable"),
        ("description", "char_unprintable"),
    }


def test_payloads_are_checked_per_action_with_their_own_field_names():
    data = intake()
    data["respondent"]["name"] = "双柏县财政局😀"
    assert codes(glyphs.payload_unprintable("register", {"case_no": "532322-2026-0001", "intake": data})) == {
        ("intake.respondent.name", "emoji_in_name")}
    assert codes(glyphs.payload_unprintable("amend", {
        "changes": {"complainant.legal_representative": "李明😀", "claim.text": f"补充{PRIVATE}"},
        "reason": "更正笔误"})) == {("changes.complainant.legal_representative", "emoji_in_name"),
                                   ("changes.claim.text", "char_unprintable")}
    assert codes(glyphs.payload_unprintable("forward", {"department": "双柏县财政局👍", "note": "请核实"})) == {
        ("department", "emoji_in_name")}
    assert codes(glyphs.payload_unprintable("conclude", {"finding": "substantiated", "explanation": "属实😀",
                                                         "requirements": f"限期{PRIVATE}支付"})) == {
        ("explanation", "char_unprintable"), ("requirements", "char_unprintable")}
    assert codes(glyphs.payload_unprintable("sanction", {"measures": ["public_criticism"],
                                                         "imposed_by": "州发展改革委⭐"})) == {
        ("imposed_by", "emoji_in_name")}


def test_what_the_machine_fills_in_is_not_checked():
    assert glyphs.payload_unprintable("attach", {"filename": "现场照片😀.jpg", "sha256": "0" * 64, "size": 1}) == []
    assert codes(glyphs.payload_unprintable("attach", {"filename": "a.jpg", "description": "照片😀"})) == {
        ("description", "char_unprintable")}
    assert glyphs.payload_unprintable("issue_document", {"snapshot": {"complainant_name": PRIVATE}}) == []
    assert glyphs.payload_unprintable("note", "not a payload") == []  # type: ignore[arg-type]


def test_check_printable_refuses_with_every_field():
    glyphs.check_printable("reject", {"reason": "不属于受理范围"})
    with pytest.raises(ValidationFailed) as failed:
        glyphs.check_printable("reject", {"reason": f"理由{PRIVATE}", "legal_basis": "依据😀"})
    assert codes(failed.value.errors) == {("reason", "char_unprintable"), ("legal_basis", "char_unprintable")}


def test_messages_name_the_field_the_character_and_the_way_forward():
    [error] = glyphs.intake_unprintable({"claim": {"text": f"请求{PRIVATE}支付"}})
    text = describe_field_error(error)
    assert text.startswith("诉求·内容：")
    assert f"“{PRIVATE}”（U+E000）" in text and "请改用规范汉字或拼音，或在备注中说明" in text
    [error] = glyphs.intake_unprintable({"complainant": {"name": "绿源😀公司"}})
    assert describe_field_error(error) == "投诉人·名称：名称中不能使用表情或图形符号 “😀”（U+1F600），请删除"
    assert describe(ValidationFailed([error])).startswith("有 1 处填写有误\n  - 投诉人·名称：")


def test_many_characters_are_counted_not_all_listed():
    params = glyphs.char_params([chr(0xE000 + i) for i in range(8)])
    assert params["chars_detail"].count("U+E0") == 5 and params["chars_detail"].endswith("等 8 个字符")
    assert params["char_name"] == "U+E000"  # private use has no name
    assert glyphs.char_params(["ꆈ"])["char_name"] == "YI SYLLABLE NUO"


def test_coverage_file_round_trips():
    ranges = [(0x20, 0x7E), (0x3000, 0x3000), (0xA000, 0xA48C)]
    text = glyphs.format_coverage(ranges, "header line\nsecond")
    assert text.startswith("# header line\n# second\n0020-007E\n3000\nA000-A48C")
    assert glyphs.parse_coverage(text) == ranges
    assert glyphs.to_ranges([5, 1, 2, 3, 9, 3]) == [(1, 3), (5, 5), (9, 9)]
