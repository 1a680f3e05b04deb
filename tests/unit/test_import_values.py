"""Cells of messy exports read for one field: dates, amounts, codes, regions, labels; csv encodings."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.regions import RegionRegistry
from app.domain.vocabulary import BreachKind, Channel
from app.imports import values
from app.imports.sources import decode_bytes, sniff_delimiter


@pytest.mark.parametrize("cell", [46086, 46086.63, "46086", "2026-03-05", "2026/3/5", "2026/3/5 14:22",
                                  "2026年3月5日", "2026年03月05日 14时22分", "2026.3.5", "20260305",
                                  "2026-03-05 14:22:05", datetime(2026, 3, 5, 14, 22)])
def test_dates_in_every_form_exports_use(cell):
    assert values.to_date(cell) == "2026-03-05"


@pytest.mark.parametrize("cell", ["3月5日", "2026-02-30", "昨天", 12, "99999"])
def test_unreadable_dates_are_refused(cell):
    with pytest.raises(values.CellProblem) as caught:
        values.to_date(cell)
    assert caught.value.code == "import_date_invalid"


def test_numbers_stored_as_numbers_read_as_text():
    assert values.text_of(13887012345.0) == "13887012345"
    assert values.to_amount(3000.0) == "3000"
    assert values.to_amount(1234.5) == "1234.5"
    assert values.to_code(" 91532322 mA6n12345x ") == "91532322MA6N12345X"


@pytest.mark.parametrize("cell, code", [("双柏县", "532322"), ("双柏", "532322"), ("楚雄州双柏县", "532322"),
                                        ("532322", "532322"), ("禄丰市", "532302"), ("532331", "532302")])
def test_regions_by_name_or_code(cell, code):
    assert values.to_region(cell, RegionRegistry.load_default()) == code


def test_an_unknown_region_is_a_problem():
    with pytest.raises(values.CellProblem):
        values.to_region("火星县", RegionRegistry.load_default())


def test_choices_by_code_label_or_synonym():
    assert values.to_choice("12345政务服务热线", Channel) == "hotline_12345"
    assert values.to_choice("unpaid", BreachKind) == "unpaid"
    assert values.to_choice("拖欠工程款", BreachKind, {"工程款": "unpaid"}) == "unpaid"
    with pytest.raises(values.CellProblem):
        values.to_choice("其它问题", BreachKind, {"工程款": "unpaid"})


@pytest.mark.parametrize("encoding, found", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"),
                                             ("gb18030", "gb18030"), ("utf-16", "utf-16")])
def test_encodings_are_detected(encoding, found):
    text = "工单编号,诉求人\nGD1,张伟（昆明）\n"
    decoded, name = decode_bytes(text.encode(encoding))
    assert decoded.replace("\r\n", "\n") == text and name == found


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiter_is_sniffed(delimiter):
    assert sniff_delimiter(delimiter.join(["工单编号", "诉求人", "联系电话"]) + "\n" +
                           delimiter.join(["GD1", "张伟", "13887012345"]) + "\n") == delimiter


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf" + "工单编号,诉求人\nGD1,".encode() + b"\xff\xfe\xd5\xc5\n",
                                  b"\xff\xfe" + "工单".encode("utf-16-le") + b"\x00",  # odd length after the BOM
                                  b"\xfe\xff\xd8\x00\x00\x41"])  # a lone high surrogate
def test_bytes_that_break_their_bom_are_refused_not_replaced(data):
    from app.domain.errors import DomainError

    with pytest.raises(DomainError) as refused:
        decode_bytes(data, "工单.csv")
    assert refused.value.code == "import_encoding_unknown" and refused.value.params["path"] == "工单.csv"
