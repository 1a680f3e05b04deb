"""The briefing's 典型案例 section: each case set out from its record, and at most ten of them in the
text when a period has more (the workbook's sheet lists them all)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from app.domain.vocabulary import BreachKind, State, label
from app.reports.briefing import TYPICAL_NAMED, _typical
from app.reports.typical import TypicalCase


def figures_with(n: int) -> SimpleNamespace:
    cases = tuple(TypicalCase(f"532322-2026-{i:04d}", "532322", f"某镇人民政府{i}", "双柏县财政局", "procurement",
                              BreachKind.UNPAID.value, State.SANCTIONED.value, "拖欠账款金额大", date(2026, 11, 2))
                  for i in range(1, n + 1))
    return SimpleNamespace(typical=cases, places={"532322": "双柏县"})


def test_a_few_typical_cases_are_each_set_out():
    paragraphs = _typical(figures_with(2))
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("（一）双柏县某镇人民政府1") and "案号532322-2026-0001" in paragraphs[0]
    assert paragraphs[0].endswith(f"拖欠账款金额大。目前办理状态：{label(State.SANCTIONED)}。")


def test_many_typical_cases_are_counted_and_ten_set_out():
    paragraphs = _typical(figures_with(25))
    assert paragraphs[0] == f"本期共有25件投诉列为典型案例，现将其中{TYPICAL_NAMED}件通报如下，全部典型案例见统计报表。"
    assert len(paragraphs) == 1 + TYPICAL_NAMED
    assert "案号532322-2026-0011" not in "".join(paragraphs)
