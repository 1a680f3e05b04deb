"""The province's field table and the values written into a submission (found by mutation testing,
issue 17): a table's problems name the file and say what is wrong; the table travels inside each
submission with its title; a value that does not fit its format is named with the column and the value."""

from __future__ import annotations

import json

import pytest

from app.domain.errors import DomainError
from app.domain.submission_fields import format_value, load_table, parse_table
from app.domain.submissions import row_of

TABLE = {"version": "2026.1", "fields": [
    {"id": "case_no", "title": "案号", "source": "case_no", "required": True},
    {"id": "claim", "title": "诉求金额", "source": "claim_yuan", "format": "money"},
    {"id": "code", "title": "信用代码", "source": "respondent_code", "format": "credit_code"},
    {"id": "origin", "title": "报送单位", "constant": "楚雄州发展和改革委员会"}]}


def _refusal(data, path: str = "f.json") -> dict:
    with pytest.raises(DomainError) as refused:
        parse_table(data, path)
    assert refused.value.code == "submission_fields_invalid"
    return refused.value.params


def test_a_table_that_is_not_an_object_or_has_a_field_that_is_not_is_refused_by_name():
    assert _refusal(["version"]) == {"path": "f.json", "detail": "内容应为 JSON 对象（含 version 与 fields）"}
    assert _refusal({"version": "1", "fields": ["case_no"]}) == {"path": "f.json", "detail": "第1个字段应为 JSON 对象"}


def test_a_table_read_from_a_file_keeps_its_path_and_a_file_not_in_utf8_is_named(tmp_path):
    good = tmp_path / "字段表.json"
    good.write_text(json.dumps(TABLE, ensure_ascii=False), encoding="utf-8")
    table = load_table(good)
    assert table.path == str(good) and table.title == ""  # no title given: none invented
    bad = tmp_path / "gbk.json"
    bad.write_bytes(json.dumps({"version": "1", "title": "报送表"}, ensure_ascii=False).encode("gbk"))
    with pytest.raises(DomainError) as refused:
        load_table(bad)
    assert refused.value.params == {"path": str(bad), "detail": "文件不是 UTF-8 编码"}


def test_the_table_as_written_into_a_submission_keeps_its_title():
    table = parse_table({**TABLE, "title": "政务失信记录报送表"})
    written = table.as_json()
    assert (written["version"], written["title"]) == ("2026.1", "政务失信记录报送表")
    assert written["fields"][3] == {"id": "origin", "title": "报送单位", "constant": "楚雄州发展和改革委员会",
                                    "format": "text", "required": False}


def test_a_value_that_does_not_fit_is_named_with_its_column_and_value():
    table = parse_table(TABLE)
    row, problems = row_of(table, {"case_no": "双发改投〔2026〕7号", "claim_yuan": "30万", "respondent_code": "123"})
    assert row == ["双发改投〔2026〕7号", "", "", "楚雄州发展和改革委员会"]
    assert problems == ["诉求金额“30万”不符合格式（金额（元，两位小数））",
                        "信用代码“123”不符合格式（统一社会信用代码（18位））"]
    assert row_of(table, {})[1] == ["缺少案号"]


def test_a_value_refused_by_its_format_carries_the_column_value_and_format():
    code = parse_table(TABLE).fields[2]
    with pytest.raises(DomainError) as refused:
        format_value(code, "123")
    assert (refused.value.code, refused.value.params) == (
        "submission_value_invalid", {"title": "信用代码", "value": "123", "format": "统一社会信用代码（18位）"})
