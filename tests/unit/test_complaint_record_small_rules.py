"""Small rules of a complaint's record that nothing pinned (found by mutation testing, issue 17): a
complaint read back from its stored JSON has its dates as dates; a reveal shows the personal fields
that hold a value; the duplicate search compares the description and the claim; a phone of four digits
is still searchable; a document to a body the office does not stand above is a letter."""

from __future__ import annotations

from datetime import date

from app.domain.complaint import Complaint
from app.domain.disclosure import present_fields
from app.domain.document_kinds import document_variant
from app.domain.duplicates import complaint_text
from app.domain.personal_data import personal_number_digits
from tests.factories import intake
from tests.unit.test_workflow import S, in_state


def test_a_complaint_read_back_from_json_has_its_dates_as_dates():
    c = in_state(S.RECTIFYING)
    back = Complaint.from_json(c.to_json())
    assert back == c
    assert isinstance(back.received_on, date) and isinstance(back.rectify_due, date)


def test_a_reveal_shows_the_personal_fields_that_hold_a_value():
    data = intake()
    assert present_fields(data) == ("complainant.phone", "complainant.address")
    data["complainant"]["phone"] = ""
    assert present_fields(data) == ("complainant.address",)


def test_the_duplicate_search_compares_the_description_and_the_claim():
    data = intake()
    assert complaint_text(data) == f"{data['description']}\n{data['claim']['text']}"
    assert complaint_text({"description": "只有描述", "claim": None}) == "只有描述"


def test_a_phone_of_four_digits_is_searchable_and_a_shorter_one_is_not():
    assert personal_number_digits({"complainant": {"phone": "分机 8821"}}) == ["8821"]
    assert personal_number_digits({"complainant": {"phone": "882"}}) == []
    assert personal_number_digits({"complainant": {"phone": "+86 138-8701-2345"}}) == ["13887012345"]


def test_a_document_to_a_body_the_office_does_not_stand_above_is_a_letter():
    c = in_state(S.FORWARDED)
    assert document_variant("forward_letter", c, "letter") == "letter"
    assert document_variant("repair_notice", c, "letter") == "letter"
    assert document_variant("forward_letter", c, "notice") is None
    assert document_variant("acceptance_notice", c, "letter") is None
