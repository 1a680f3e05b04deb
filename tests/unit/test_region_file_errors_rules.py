"""An administrator's regions file that cannot be read says where and why (found by mutation testing,
issue 17): 地区文件第{line}行有误（{reason}）— the reason and the line (or the record) for a file in an
unknown encoding, a broken JSON file, a record that is not an object, a bad parent code, a bad retired
entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.domain.regions import RegionRegistry


def _refusal(path: Path) -> tuple[str, dict]:
    with pytest.raises(DomainError) as refused:
        RegionRegistry.load_default().merged_with_file(path)
    return refused.value.code, refused.value.params


def test_each_unreadable_regions_file_names_its_line_and_reason(tmp_path):
    latin = tmp_path / "others.csv"
    latin.write_bytes("code,name\n530100,昆明市\n".encode() + b"530102,\xff\xfe\xff\n")
    assert _refusal(latin) == ("region_file_invalid", {"line": 3, "reason": "encoding"})

    broken = tmp_path / "broken.json"
    broken.write_text('{"regions": [', encoding="utf-8")
    assert _refusal(broken) == ("region_file_invalid", {"line": 1, "reason": "json"})

    not_object = tmp_path / "list.json"
    not_object.write_text(json.dumps([{"code": "530100", "name": "昆明市"}, "530102"]), encoding="utf-8")
    assert _refusal(not_object) == ("region_file_invalid", {"line": 2, "reason": "not_an_object"})

    bad_parent = tmp_path / "parent.json"
    bad_parent.write_text(json.dumps([{"code": "530100", "name": "昆明市"},
                                      {"code": "530102", "name": "五华区", "parent": "5301"}]), encoding="utf-8")
    assert _refusal(bad_parent) == ("region_code_invalid", {"region": "5301", "line": 2})

    retired = tmp_path / "retired.json"
    retired.write_text(json.dumps({"regions": [], "retired": [{"code": "532331"}]}), encoding="utf-8")
    assert _refusal(retired) == ("region_file_invalid", {"line": 1, "reason": "retired"})
