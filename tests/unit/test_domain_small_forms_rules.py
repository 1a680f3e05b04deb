"""Small forms the user or the province relies on (found by mutation testing, issue 17, second check):
a date refused as in the future or out of range names the value; a payload that is not an object is
refused at its root; a one-character text is identical to itself for the duplicate check; the records
part of a submission is hashed in its compact form; the submitted record carries the credit code; the
stored complaint keeps its state and nothing but its fields; a file name that just fits is not shortened
and a reserved device name is defused; a body of the office's own region that is not its government gets
a 通知; retired region codes from a region file lead to their replacements; personal numbers inside a
list are sealed; a credit check cites the seed's consequence in full."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from datetime import date

import pytest

from app.domain.complaint import Complaint
from app.domain.errors import ValidationFailed
from app.domain.filenames import safe_filename
from app.domain.payloads import RefusePayload
from app.domain.personal_data import seal_document
from app.domain.recipients import address
from app.domain.regions import RegionRegistry
from app.domain.schema import validate
from app.domain.similarity import shingles, similarity
from app.domain.submissions import ItemKind, checksum, record_values
from tests.unit.test_submission_record_values_rules import _record
from tests.unit.test_workflow import S, in_state


def _refused(data, today=None) -> list[tuple]:
    with pytest.raises(ValidationFailed) as failed:
        validate(RefusePayload, data, today=today)
    return [(e.field, e.code, e.params) for e in failed.value.errors]


def test_a_refused_date_names_the_value():
    payload = {"confirmed_by": "双柏县人民政府", "facts": "未支付"}
    assert _refused({**payload, "confirmed_on": "2026-12-05"}, today=date(2026, 12, 4)) == [
        ("confirmed_on", "date_in_future", {"value": "2026-12-05"})]
    assert _refused({**payload, "confirmed_on": "1949-12-31"}) == [
        ("confirmed_on", "date_out_of_range", {"value": "1949-12-31"})]
    assert _refused(["not", "an", "object"]) == [("(root)", "not_an_object", {})]


def test_a_one_character_text_is_identical_to_itself():
    shingles.cache_clear()  # shingled afresh, not remembered from another test
    assert similarity("甲", "甲") == 1.0
    assert similarity("甲", "乙") == 0.0


def test_the_records_part_of_a_submission_is_hashed_compact():
    records = [{"case_no": "双发改投〔2026〕7号", "status": "有效"}]
    compact = '[{"case_no":"双发改投〔2026〕7号","status":"有效"}]'
    assert checksum(records) == hashlib.sha256(compact.encode()).hexdigest()


def test_the_submitted_record_carries_the_credit_code():
    assert record_values(_record(), ItemKind.NEW)["respondent_code"] == "11532322MB0000000X"


def test_a_stored_complaint_keeps_its_state():
    c = in_state(S.FORWARDED)
    data = json.loads(json.dumps(c.to_json()))
    assert data["state"] == "forwarded"
    assert set(data) == {f.name for f in fields(Complaint)}  # its fields, nothing else
    assert Complaint.from_json(data).state == S.FORWARDED


def test_a_file_name_that_just_fits_is_kept_and_a_device_name_is_defused():
    fits = "字" * 78 + "ab.pdf"  # 236 bytes of stem: exactly what a name ending in .pdf may use
    assert safe_filename(fits) == fits
    assert safe_filename("CON.a.b.txt") == "_CON.a.b.txt"


def test_a_body_of_the_offices_own_region_that_is_not_its_government_gets_a_notice():
    assert address("999901", "某某局", [], known_bodies={"某某局": "999901"}).form == "notice"


def test_a_region_files_retired_codes_lead_to_their_replacements(tmp_path):
    path = tmp_path / "regions.json"
    path.write_text(json.dumps({"regions": [{"code": "532302", "name": "禄丰市"}],
                                "retired": [{"code": "532331", "replaced_by": "532302"}]}, ensure_ascii=False), "utf-8")
    assert RegionRegistry.load_default().merged_with_file(path).replacement("532331") == "532302"


def test_personal_numbers_inside_a_list_are_sealed():
    sealed = seal_document({"lines": ["联系电话13887012345", "无"]}, lambda text, field: f"TOKEN({field})")
    assert sealed == {"lines": ["TOKEN(lines)", "无"]}


def test_the_consequence_of_a_record_in_force_cites_the_seed_in_full():
    from app.domain.credit_check import RecordFact, consequence, verdict

    assert consequence(verdict([RecordFact("A", "in_force", "2026-01-01")])) == (
        "根据《楚雄州完善政府诚信履约机制优化民营经济发展环境工作方案》（楚发改财金〔2023〕509号），"
        "对存在失信记录的相关主体，州发展改革委通知相关部门不受理其上报争取"
        "中央预算内资金、地方政府专项债券及各类融资项目等项目资金支持。")
