"""Chinese line breaking (禁则): crafted cases and generated paragraphs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.linebreak import (
    LINE_END_FORBIDDEN,
    LINE_START_FORBIDDEN,
    balance_lines,
    break_lines,
    line_width,
    squeezable,
    squeeze_room,
    tokenize,
)

CELLS = 28


def cells(ch: str) -> float:
    """Full-width characters one cell, Latin letters and digits half a cell (like 仿宋 at 3号)."""
    if unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’—…·":
        return 1.0
    return 0.5


def lines_of(text: str, width: float = CELLS, first: float | None = None) -> list[str]:
    return break_lines(text, cells, width, first)


def test_a_comma_that_would_start_a_line_pulls_the_previous_character_down() -> None:
    text = "一二三四五六七八九十" + "，后面的文字"
    lines = lines_of(text, width=10)
    assert lines == ["一二三四五六七八九", "十，后面的文字"]


def test_a_full_stop_and_closing_quote_pair_is_not_left_at_a_line_start() -> None:
    text = "他说：“一二三四五”。下一句话继续写下去"
    lines = lines_of(text, width=9)
    assert lines[1][0] not in LINE_START_FORBIDDEN
    assert "".join(lines) == text


def test_an_opening_bracket_never_ends_a_line() -> None:
    text = "一二三四五六七八九〔2026〕7号"
    lines = lines_of(text, width=10)
    assert lines[0] == "一二三四五六七八九"
    assert lines[1].startswith("〔2026〕")


def test_an_opening_title_mark_moves_to_the_next_line_with_its_title() -> None:
    text = "一二三四五六七八九《保障中小企业款项支付条例》"
    lines = lines_of(text, width=10)
    assert lines[0] == "一二三四五六七八九"
    assert not lines[0].endswith("《")


@pytest.mark.parametrize(
    "run",
    ["1,234,567.89", "532322-2026-0007", "91532322MA6N12345X", "2026-11-26", "12.5%", "¥300", "Lvyue"],
)
def test_numbers_codes_and_latin_words_are_never_split(run: str) -> None:
    for prefix in range(0, 14):
        text = "款" * prefix + run + "元整，特此说明"
        lines = lines_of(text, width=14)
        assert any(run in line for line in lines), (prefix, lines)


def test_a_dash_pair_and_an_ellipsis_pair_stay_together_and_off_the_line_start() -> None:
    for prefix in range(5, 12):
        text = "字" * prefix + "——破折号后……省略号后的文字"
        lines = lines_of(text, width=8)
        for line in lines[1:]:
            assert line[0] not in "—…"
        assert all(line.count("—") in (0, 2) and line.count("…") in (0, 2) for line in lines)


def test_the_first_line_uses_its_own_width_for_the_two_character_indent() -> None:
    text = "字" * 60
    lines = lines_of(text, width=28, first=26)
    assert [len(line) for line in lines] == [26, 28, 6]


def test_a_full_line_of_ideographs_fills_all_28_cells() -> None:
    assert lines_of("汉" * 56) == ["汉" * 28, "汉" * 28]


def test_a_unit_wider_than_a_line_is_cut_rather_than_overflowing() -> None:
    text = "A" * 80
    lines = lines_of(text)
    assert "".join(lines) == text
    assert all(line_width(line, cells) <= CELLS for line in lines)


def test_spaces_hang_at_the_line_end_and_never_start_a_line() -> None:
    text = "Lvyue credit office handles complaints about broken government contracts"
    lines = lines_of(text, width=10)
    assert "".join(lines) == text
    assert all(not line.startswith(" ") for line in lines[1:])
    assert all(line_width(line, cells) <= 10 for line in lines)


def test_tokenize_keeps_latin_runs_with_their_marks_whole() -> None:
    # issue 9: ASCII marks belong to the Latin run they touch, so a URL or code is one unit (no break,
    # no justification space inside "2024?id=017"); spaces still separate words
    assert tokenize("共1,234.5元，A, B") == ["共", "1,234.5", "元", "，", "A,", " ", "B"]
    assert tokenize("——……") == ["——", "……"]
    assert tokenize("登录https://a.gov.cn/x/2024?id=017查询") == ["登", "录", "https://a.gov.cn/x/2024?id=017", "查", "询"]
    assert tokenize("（PPP项目，ID:A-17）") == ["（", "PPP", "项", "目", "，", "ID:A-17", "）"]


def test_a_document_number_year_and_serial_is_one_unit() -> None:
    assert tokenize("楚发改财金〔2023〕509号文") == ["楚", "发", "改", "财", "金", "〔2023〕509号", "文"]
    assert tokenize("〔2023〕条") == ["〔", "2023", "〕", "条"]


def test_punctuation_compression_pushes_a_closing_mark_in_rather_than_a_character_out() -> None:
    text = "一" * 27 + "。”" + "二三"
    pushed_out = break_lines(text, cells, 28)
    assert pushed_out[0] == "一" * 26  # without squeeze: two characters come down with the marks
    squeezed = break_lines(text, cells, 28, squeeze=True)
    assert squeezed[0] == "一" * 27 + "。”"  # 29 cells less two half cells: fits
    assert line_width(squeezed[0], cells) - squeeze_room(squeezed[0], cells) <= 28
    assert squeezable(["一。”"]) == [2, 1]


def test_a_long_title_wraps_into_balanced_lines() -> None:
    title = "双柏县发展和改革局关于督促履行高标准农田建设项目政府采购合同付款义务的通知"
    lines = balance_lines(title, cells, 20)
    assert "".join(lines) == title
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 1


def test_a_short_title_stays_on_one_line() -> None:
    assert balance_lines("关于投诉事项办理情况的告知书", cells, 20) == ["关于投诉事项办理情况的告知书"]


# Generated paragraphs: realistic mixtures, never more than two closing marks in a row.
HAN = st.sampled_from(
    list("双柏县发展和改革局楚雄市牟定南华姚安大永仁元谋武禄丰农业合同款项支付企业投诉整改喆堃昇赟珺彧犇淼龑")
)
WORD = st.sampled_from(
    ["1,234,567.89", "532322-2026-0007", "91532322MA6N12345X", "2026", "PPP", "Co.", "12.5%", "30"]
)
CLOSING = st.sampled_from([*list("，。、；：？！）》”’〕】"), "……", "——", "。”", "）。"])
OPENING = st.sampled_from(list("（《“‘〔【"))


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.integers(0, 9))
        if kind <= 5:
            parts.append("".join(draw(st.lists(HAN, min_size=1, max_size=6))))
        elif kind == 6:
            parts.append(draw(WORD))
        elif kind == 7:
            parts.append(draw(OPENING) + "".join(draw(st.lists(HAN, min_size=1, max_size=4))))
        else:
            parts.append(draw(CLOSING))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(text=paragraphs(), indent=st.booleans())
def test_generated_paragraphs_keep_every_rule(text: str, indent: bool) -> None:
    first = CELLS - 2 if indent else CELLS
    lines = lines_of(text, CELLS, first)
    assert "".join(lines) == text  # nothing lost, added or reordered
    for number, line in enumerate(lines):
        assert line_width(line, cells) <= (first if number == 0 else CELLS) + 1e-9
        if number > 0:
            assert line[0] not in LINE_START_FORBIDDEN, (number, lines)
        if number < len(lines) - 1:
            assert line[-1] not in LINE_END_FORBIDDEN, (number, lines)
    for word in ("1,234,567.89", "532322-2026-0007", "91532322MA6N12345X"):
        assert text.count(word) == sum(line.count(word) for line in lines)


@settings(max_examples=100, deadline=None)
@given(text=paragraphs())
def test_balanced_lines_never_add_a_line(text: str) -> None:
    plain = break_lines(text, cells, 20)
    balanced = balance_lines(text, cells, 20)
    assert "".join(balanced) == text
    assert len(balanced) == len(plain)
    assert all(line_width(line, cells) <= 20 + 1e-9 for line in balanced)


def test_a_number_that_fills_the_line_carries_its_last_character_down_with_the_full_stop():
    """Found by hypothesis in CI: '双' + a 48-character number run + '。' put '。' at a line start."""
    text = "双1,234,567.8991532322MA6N12345X91532322MA6N12345X。"
    lines = break_lines(text, lambda ch: 1.0 if ord(ch) > 0x2E80 else 0.57, 28)
    assert "".join(lines) == text
    assert all(line[0] not in LINE_START_FORBIDDEN for line in lines), lines


def test_no_legal_boundary_cuts_the_last_word_before_a_character_that_may_start_a_line():
    """A 48-character code fills the line and is followed by ",,": cut the code, never start with ","."""
    text = "NC5C9XB6350A3NN8BA1X04BMX23721X189ANMM4N16B6350A,,C5C45楚雄。"
    lines = break_lines(text, lambda ch: 1.0 if ord(ch) > 0x2E80 else 0.57, 28)
    assert "".join(lines) == text
    assert all(line[0] not in LINE_START_FORBIDDEN for line in lines), lines


@settings(max_examples=200, deadline=None)
@given(text=paragraphs(), indent=st.booleans())
def test_squeezed_paragraphs_keep_every_rule_and_fit_once_compressed(text: str, indent: bool) -> None:
    first = CELLS - 2 if indent else CELLS
    lines = break_lines(text, cells, CELLS, first, squeeze=True)
    assert "".join(lines) == text
    for number, line in enumerate(lines):
        cap = first if number == 0 else CELLS
        assert line_width(line, cells) - squeeze_room(line.rstrip(" "), cells) <= cap + 1e-9
        if number > 0:
            assert line[0] not in LINE_START_FORBIDDEN, (number, lines)
        if number < len(lines) - 1:
            assert line[-1] not in LINE_END_FORBIDDEN, (number, lines)
