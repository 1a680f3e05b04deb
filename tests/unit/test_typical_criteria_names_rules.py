"""A typical-case criterion as the leader reads it (found by mutation testing, issue 17): its Chinese
name with the figure and unit (amounts grouped in thousands), a criterion without a unit by name only,
and a code this version does not know as the code itself."""

from __future__ import annotations

from app.domain.typical import describe


def test_criteria_are_named_with_their_figures():
    assert describe("amount", 1200000) == "涉及金额大（1,200,000元）"
    assert describe("duration", 400) == "久拖不决（400天）"
    assert describe("refused", 1) == "明确拒绝整改"
    assert describe("new_code", 3) == "new_code"
