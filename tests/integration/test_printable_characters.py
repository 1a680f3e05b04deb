"""Characters the documents cannot print are refused where data is made, naming the field; Yi names print.

The coverage file (``resources/fonts/coverage.txt``) is checked against the bundled fonts themselves, so
the intake rule and the documents can never disagree about a character.
"""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest
from pypdf import PdfReader

from app.documents.fonts import BUNDLED_DIR, bundled_coverage, load_font_set
from app.domain import glyphs
from app.domain.errors import DomainError, ValidationFailed
from app.messages import describe
from app.services import act as acting
from app.services import documents, office_settings, queries
from app.services import intake as intake_service
from app.services.recording import record
from app.store.projector import Projector
from tests.document_cases import complaint_in, complaint_intake
from tests.factories import china_noon

YI = "ꆈꌠ"  # Nuosu (U+A188 U+A320)
YI_COMPANY = "双柏县ꆈꌠ彝绣文化传播有限公司"
PRIVATE = "\ue000"


def fields(failed: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.code for e in failed.value.errors}


def registered(office) -> int:
    return queries.list_complaints(office.profile, office.clerk).total


def fonts_in(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(page.extract_text().replace("\n", "") for page in doc.pages)


# --- the fonts and the coverage file -----------------------------------------------------------


def test_the_coverage_file_is_exactly_what_the_bundled_fonts_draw():
    written = glyphs.parse_coverage(glyphs.COVERAGE_FILE.read_text(encoding="utf-8"))
    assert written == bundled_coverage(), "run: .venv/bin/python resources/fonts/build_bundled_fonts.py --coverage"


def test_every_role_draws_yi_with_noto_sans_yi_and_han_with_the_chinese_faces():
    fonts = load_font_set(system_dirs=[])
    assert (BUNDLED_DIR / "LICENSE-NotoSansYi.txt").is_file()
    for role in ("title", "body", "hei", "kai", "song"):
        for ch in YI + "ꀀꒌ꒐":
            assert fonts.face_for(role, ch).path.name == "NotoSansYi-Regular-Scaled.ttf"
        assert fonts.face_for(role, "彝").path.name != "NotoSansYi-Regular-Scaled.ttf"
        assert fonts.face_for(role, "、").path.name != "NotoSansYi-Regular-Scaled.ttf"  # Yi's own CJK marks never win


def test_the_cmap_end_marker_is_not_a_glyph():
    fonts = load_font_set(system_dirs=[])
    with pytest.raises(DomainError) as missing:
        fonts.face_for("body", "\uffff")  # mapped to .notdef, the blank box, by format-4 cmaps
    assert missing.value.code == "glyph_missing" and missing.value.params["codepoint"] == "U+FFFF"


# --- registration --------------------------------------------------------------------------------


def test_registration_refuses_emoji_in_names_and_unprintable_text_naming_each_field(office):
    data = complaint_intake()
    data["complainant"]["name"] = "双柏县绿源😀农业开发有限公司"
    data["respondent"]["competent_department"] = "双柏县人民政府👍"
    data["description"] = f"拖欠扶持资金{PRIVATE}三十万元"
    data["complainant"]["phone"] = "3117257"  # reported together with the character problems
    with pytest.raises(ValidationFailed) as failed:
        intake_service.register(office.profile, office.clerk, data)
    assert fields(failed) == {"complainant.name": "emoji_in_name",
                              "respondent.competent_department": "emoji_in_name",
                              "description": "char_unprintable",
                              "complainant.phone": "phone_no_area_code"}
    text = describe(failed.value)
    assert "投诉人·名称：名称中不能使用表情或图形符号 “😀”（U+1F600），请删除" in text
    assert "投诉事项描述：含有文书无法打印的字符 “\ue000”（U+E000）" in text
    assert "请改用规范汉字或拼音，或在备注中说明" in text
    assert registered(office) == 0


def test_a_yi_name_registers_and_its_receipt_embeds_the_yi_glyphs(office):
    case_no = complaint_in(office, "registered", complainant={**complaint_intake()["complainant"],
                                                              "name": YI_COMPANY, "contact_person": f"阿呷{YI}"})
    issued = documents.issue(office.profile, office.handler, case_no, "receipt")
    pdf = issued.path.read_bytes()
    assert "NotoSansYi-Regular" in fonts_in(pdf)
    assert YI_COMPANY in text_of(pdf).replace(" ", "")  # a Yi glyph is narrower than its cell: read as spaced


# --- documents from data made before the rule --------------------------------------------------


def _record_as_an_old_version(office, case_no: str, action: str, payload: dict, who: str) -> None:
    """Write an event as a version without the printable rule did (it passes acceptance: only loosens)."""
    actor = getattr(office, who)
    with office.profile.store.unit_of_work() as uow:
        complaint = uow.complaints.get(uow.complaints.id_for_case_no(case_no))
        event = record(uow, office.profile, stream=complaint.id, action=action, payload=payload,
                       actor=actor.user_id, base=complaint.head, complaint=complaint, roles=actor.roles)
        Projector(office.profile.calendar, office.profile.rules).project(uow.complaints, event, current=complaint)
        uow.commit()


def test_a_document_meeting_an_old_unprintable_record_names_the_record_and_field(office):
    case_no = complaint_in(office, "registered")
    office.clock.now = china_noon(2026, 11, 3)
    _record_as_an_old_version(office, case_no, "forward",
                              {"department": "双柏县人民政府", "note": f"请于十日内核实{PRIVATE}并回复"}, "handler")
    with pytest.raises(DomainError) as failed:
        documents.preview(office.profile, office.handler, case_no, "forward_letter")
    error = failed.value
    assert (error.code, error.field, error.params["codepoint"]) == ("glyph_missing_record", "note", "U+E000")
    assert describe(error).startswith("备注：（“转办”记录）其中的字符")
    assert "办理记录不能更改" in describe(error)


def test_a_document_meeting_old_office_settings_says_to_change_the_settings(office, monkeypatch):
    with monkeypatch.context() as old_version:
        old_version.setattr(glyphs, "text_problem", lambda *args, **kwargs: None)
        office_settings.update(office.profile, office.admin, {"signer": f"双柏县发展和改革{PRIVATE}局"})
    case_no = complaint_in(office, "registered")
    with pytest.raises(DomainError) as failed:
        documents.issue(office.profile, office.handler, case_no, "receipt")
    assert (failed.value.code, failed.value.field) == ("glyph_missing_settings", "settings.signer")
    assert describe(failed.value).startswith("发文设置·署名：") and "发文设置中修改" in describe(failed.value)


def test_office_settings_refuse_what_the_documents_cannot_print(office):
    with pytest.raises(ValidationFailed) as failed:
        office_settings.update(office.profile, office.admin, {"signer": "双柏县发展和改革局😀",
                                                              "address": f"双柏县{PRIVATE}路1号",
                                                              "copy_to": {"receipt": ["双柏县财政局⭐"]}})
    assert fields(failed) == {"signer": "emoji_in_name", "address": "char_unprintable",
                              "copy_to.receipt.0": "emoji_in_name"}


# --- amendment (wired in app/services/act.py by the workflow work) ----------------------------------


def test_amending_a_name_to_an_emoji_is_refused_on_that_field(office):
    case_no = complaint_in(office, "registered")
    with pytest.raises(ValidationFailed) as failed:
        acting.act(office.profile, office.clerk, case_no, "amend",
                   {"changes": {"complainant.contact_person": "王😀"}, "reason": "更正联系人"})
    assert fields(failed) == {"changes.complainant.contact_person": "emoji_in_name"}


def test_the_amend_payload_check_names_the_changed_field():
    payload = json.loads(json.dumps({"changes": {"complainant.contact_person": "王😀"}, "reason": "更正联系人"}))
    assert [(e.field, e.code) for e in glyphs.payload_unprintable("amend", payload)] == [
        ("changes.complainant.contact_person", "emoji_in_name")]
