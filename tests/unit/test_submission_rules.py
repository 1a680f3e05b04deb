"""The field table of the submissions to the province and the rules of what goes up (no DB)."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from app.domain.errors import DomainError
from app.domain.submission_fields import DEFAULT_PATH, SOURCES, format_value, load_table, parse_table
from app.domain.submissions import (
    Current,
    ItemKind,
    LastSent,
    check_period,
    checksum,
    format_submission_no,
    kind_of,
    parse_period,
    records_part,
    row_of,
)
from app.messages import describe

SHIPPED = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def _error(data) -> str:
    with pytest.raises(DomainError) as caught:
        parse_table(data, "表.json")
    assert caught.value.code == "submission_fields_invalid"
    return describe(caught.value)


def test_the_shipped_table_is_valid_and_names_the_credit_china_fields():
    table = load_table(DEFAULT_PATH)
    titles = [f.title for f in table.fields]
    for title in ("失信主体名称", "统一社会信用代码", "失信行为", "认定依据", "认定单位", "认定日期", "惩戒措施",
                  "有效期", "信用修复日期", "修复决定文号"):
        assert title in titles
    assert all(f.source in SOURCES for f in table.fields if f.source)
    assert parse_table(table.as_json()) .fields == table.fields, "the stored form reads back the same"


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("version"), "缺少版本号"),
    (lambda d: d.update(fields=[]), "fields 应为非空列表"),
    (lambda d: d["fields"][2].update(source="respondent_nmae"), "第3个字段（subject_name）的取值来源“respondent_nmae”不存在"),
    (lambda d: d["fields"][1].update(id=d["fields"][0]["id"]), "id 重复"),
    (lambda d: d["fields"][1].update(title=d["fields"][0]["title"]), "列名“记录编号”重复"),
    (lambda d: d["fields"][0].update(format="datetime"), "格式“datetime”无效"),
    (lambda d: d["fields"][0].update(required="yes"), "required 应为 true 或 false"),
    (lambda d: d["fields"][0].update(constant="x"), "应有且只有 source"),
    (lambda d: d["fields"][0].update(id="记录"), "id“记录”无效"),
    (lambda d: d["fields"][0].update(colour="red"), "不认识的项：colour"),
    (lambda d: d["fields"][0].pop("title"), "缺少中文列名"),
])
def test_a_bad_table_is_refused_in_chinese(change, words):
    data = copy.deepcopy(SHIPPED)
    change(data)
    text = _error(data)
    assert words in text and "报送字段对照表 表.json 有误" in text


def test_a_broken_file_is_named(tmp_path):
    path = tmp_path / "fields.json"
    path.write_text('{"version": "1", "fields": [', encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        load_table(path)
    assert "JSON 格式错误" in describe(caught.value)
    with pytest.raises(DomainError) as caught:
        load_table(tmp_path / "missing.json")
    assert "文件不存在" in describe(caught.value)


def test_values_are_written_in_their_format():
    table = parse_table({"version": "1", "fields": [
        {"id": "d", "title": "日期", "source": "confirmed_on", "format": "date", "required": True},
        {"id": "m", "title": "金额", "source": "claim_yuan", "format": "money"},
        {"id": "c", "title": "代码", "source": "respondent_code", "format": "credit_code", "required": True},
        {"id": "k", "title": "依据", "constant": "某文件"}]})
    d, m, c, k = table.fields
    assert format_value(m, "300,000.00") == "300000.00" and format_value(c, "11532322mb0000000x") == "11532322MB0000000X"
    assert format_value(k, None) == "某文件" and format_value(d, None) == ""
    row, problems = row_of(table, {"confirmed_on": "2026/12/02", "claim_yuan": None, "respondent_code": None})
    assert row == ["", "", "", "某文件"]
    assert problems == ["日期“2026/12/02”不符合格式（日期（YYYY-MM-DD））", "缺少代码"]
    row, problems = row_of(table, {"confirmed_on": "2026-12-02", "claim_yuan": "5.00",
                                   "respondent_code": "11532322MB0000000X"})
    assert problems == [] and row == ["2026-12-02", "5.00", "11532322MB0000000X", "某文件"]


NOVEMBER = parse_period("2026-11")


def _rec(digest="a", status="in_force", confirmed_on="2026-11-20"):
    return Current("id", "532322-2026-0001", digest, status, confirmed_on)


def test_what_goes_up_and_why():
    assert kind_of(_rec(), None, NOVEMBER) == ItemKind.NEW
    assert kind_of(_rec(confirmed_on="2026-12-01"), None, NOVEMBER) is None, "waits for its own period"
    assert kind_of(_rec(), LastSent("a", "in_force"), NOVEMBER) is None, "nothing is sent twice"
    assert kind_of(_rec(digest="b"), LastSent("a", "in_force"), NOVEMBER) == ItemKind.CHANGED
    assert kind_of(_rec(digest="b", status="repaired"), LastSent("a", "in_force"), NOVEMBER) == ItemKind.REPAIRED
    assert kind_of(_rec(digest="c", status="repaired"), LastSent("b", "repaired"), NOVEMBER) == ItemKind.CHANGED
    # a change goes up in the next submission whatever the period: an old record is never left behind
    assert kind_of(_rec(digest="b", confirmed_on="2026-12-20"), LastSent("a", "in_force"), NOVEMBER) == ItemKind.CHANGED


def test_periods_and_numbers():
    assert (NOVEMBER.start, NOVEMBER.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert parse_period("2026-12").end == date(2026, 12, 31) and parse_period(" 2024-02 ").end == date(2024, 2, 29)
    for bad in ("2026-13", "2026/11", "202611", "", "1999-01"):
        with pytest.raises(DomainError):
            parse_period(bad)
    with pytest.raises(DomainError) as caught:
        check_period(parse_period("2026-12"), date(2026, 11, 30))
    assert caught.value.code == "submission_period_future"
    check_period(parse_period("2026-11"), date(2026, 11, 1))
    assert format_submission_no("532322", 2026, 7) == "532322-BS-2026-0007"


def test_the_checksum_covers_the_records_in_field_order():
    table = {"version": "1", "fields": [{"id": "a"}, {"id": "b"}]}
    records = records_part(table, [["1", "甲"], ["2", "乙"]])
    assert records == [{"a": "1", "b": "甲"}, {"a": "2", "b": "乙"}]
    assert checksum(records) != checksum(records_part(table, [["1", "甲"], ["2", "丙"]]))
    assert checksum(records) == checksum(json.loads(json.dumps(records)))
