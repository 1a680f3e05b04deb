"""案号 (``app.domain.numbering``): written as county-year-four digits, read back exactly, and a refusal
names the number it refused (the CLI and the import show the message as it is)."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.numbering import format_case_no, parse_case_no
from app.messages import describe


@pytest.mark.parametrize(("seq", "text"), [(1, "532322-2026-0001"), (7, "532322-2026-0007"), (12345, "532322-2026-12345")])
def test_a_case_number_is_padded_to_four_digits_and_reads_back(seq, text):
    assert format_case_no("532322", 2026, seq) == text
    assert parse_case_no(f" {text} ") == ("532322", 2026, seq)


@pytest.mark.parametrize("seq", [0, -3])
def test_a_sequence_below_one_is_refused_naming_it(seq):
    with pytest.raises(DomainError) as caught:
        format_case_no("532322", 2026, seq)
    assert caught.value.code == "number_invalid" and describe(caught.value) == f"编号无效：{seq}"
