"""The typical-case criteria as ``typical rules`` and the window list them, and why a criteria file is
refused (found by mutation testing, issue 17, second check): each criterion under its group with its rule
and the figures of the table in force; a file that is not a JSON object says so."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.typical import Thresholds, threshold_text, thresholds_from


def test_every_criterion_is_listed_under_its_group_with_its_rule_and_figures():
    lines = threshold_text(Thresholds(serious_amount_yuan=2_000_000, serious_duration_days=90, window_days=365))
    assert lines == [
        ("失信情形严重", "涉及金额大", "诉求金额不少于 2,000,000 元"),
        ("失信情形严重", "明确拒绝整改", "以“明确拒绝整改”认定违约失信（非仅逾期）"),
        ("失信情形严重", "久拖不决", "自收到投诉至确认失信不少于 90 天"),
        ("多次反复失信", "多次失信", "同一主体 365 天内确认失信不少于 2 次"),
        ("多次反复失信", "多次被投诉", "同一主体 365 天内被投诉不少于 3 件"),
        ("人民群众反映强烈", "多渠道反映", "同一主体 365 天内投诉来自不少于 2 个渠道"),
        ("人民群众反映强烈", "多家企业反映", "同一主体 365 天内被不少于 3 家企业投诉"),
    ]


def test_a_criteria_file_that_is_not_an_object_says_so():
    with pytest.raises(DomainError) as refused:
        thresholds_from([1, 2])
    assert (refused.value.code, refused.value.params) == ("typical_criteria_invalid", {"detail": "应为 JSON 对象"})
