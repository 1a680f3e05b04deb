"""Region files, labels and record fields, from the survivors of the third check of app/domain's other
files (mutation testing, issue 17; written after that check was recorded): a region file without a name
column or with an unknown level is refused saying why; a session action this version does not know still
shows its codes in Chinese; the register keeps the breach's own document reference; a refusal with a field
reads "field: code"; printing problems before the intake are kept with the intake's; tokens inside a list
are opened per field; a letter says why (its relation); a sanction without measures has no credit measures;
a submitted record names the respondent's kind; days are not grouped in thousands; a non-positive criterion
is named."""

from __future__ import annotations

import json

import pytest

from app.domain.audit_records import readable
from app.domain.breach_register import COLUMNS, breach_record_row
from app.domain.errors import DomainError
from app.domain.glyphs import payload_unprintable
from app.domain.personal_data import open_document
from app.domain.recipients import Relation, address
from app.domain.regions import RegionRegistry
from app.domain.sanctions import credit_measures
from app.domain.submissions import ItemKind, record_values
from app.domain.typical import describe, thresholds_from
from tests.factories import intake
from tests.unit.test_breach_register_row_rules import _complaint
from tests.unit.test_submission_record_values_rules import _record


def _refusal(path) -> tuple[str, dict]:
    with pytest.raises(DomainError) as refused:
        RegionRegistry.load_default().merged_with_file(path)
    return refused.value.code, refused.value.params


def test_a_region_file_without_names_or_with_an_unknown_level_is_refused(tmp_path):
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("code,short_name\n530100,昆\n", encoding="utf-8")
    assert _refusal(nameless) == ("region_file_invalid", {"line": 1, "reason": "header"})
    level = tmp_path / "level.json"
    level.write_text(json.dumps([{"code": "530100", "name": "昆明市", "level": "city"}]), encoding="utf-8")
    assert _refusal(level) == ("region_file_invalid", {"line": 1, "reason": "bad_level"})


def test_a_session_action_this_version_does_not_know_still_shows_its_codes_in_chinese():
    assert readable("session", "brand_new_action", {"via": "desktop", "reason": "idle"}) == \
        {"via": "桌面客户端", "reason": "闲置超时"}


def test_the_register_keeps_the_breachs_own_document_reference():
    c = _complaint()
    c = _complaint(breach={**c.breach, "document_ref": "双发改失信〔2026〕9号"})
    assert dict(zip(COLUMNS, breach_record_row(c), strict=True))["document_ref"] == "双发改失信〔2026〕9号"


def test_a_refusal_with_a_field_reads_field_then_code():
    assert str(DomainError("required", field="case_no")) == "case_no: required"
    assert str(DomainError("required")) == "required"


def test_printing_problems_before_the_intake_are_kept_with_the_intakes():
    data = intake()
    data["description"] = "说明\U000F0000"
    errors = payload_unprintable("register", {"case_no": "号\U000F0001", "intake": data})
    assert [e.field for e in errors] == ["case_no", "intake.description"]


def test_tokens_inside_a_list_are_opened_per_field():
    opened = open_document({"complainant_phone": ["enc1:T1", "无"]}, lambda token, field: f"{field}={token}")
    assert opened == {"complainant_phone": ["complainant_phone=enc1:T1", "无"]}


def test_a_letter_carries_its_relation():
    regions = RegionRegistry.load_default().all()
    assert address("532322", "某某建设指挥部", regions, recorded_region="532301").relation == Relation.OTHER_REGION


def test_a_sanction_without_measures_has_no_credit_measures():
    assert credit_measures({}) == []
    assert credit_measures({"measures": ["public_criticism", "hold_accountable"]}) == ["public_criticism"]


def test_a_submitted_record_names_the_respondents_kind():
    assert record_values(_record(), ItemKind.NEW)["respondent_kind_label"] == "机关"


def test_days_are_not_grouped_in_thousands_and_a_non_positive_criterion_is_named():
    assert describe("duration", 1200) == "久拖不决（1200天）"
    with pytest.raises(DomainError) as refused:
        thresholds_from({"window_days": 0})
    assert refused.value.params == {"detail": "“window_days”应为正整数"}
