"""Documents print what the recipient needs and nothing more (issue 12): every kind, issued from a
complaint whose contact has a phone, an ID number and a street address — and whose officers typed
the phone and the ID number into the description and the forward note — holds neither in its PDF
text nor in the snapshot the event keeps; the office's own telephone still prints."""

from __future__ import annotations

import io
import json
import re

import pdfplumber
import pytest
from sqlalchemy import select

from app.common.packing import unpacked
from app.services import documents
from app.store.tables import events
from tests import document_cases as cases
from tests.conftest import make_office
from tests.factories import FixedClock, china_noon

ID = "53232219800101193X"
DESCRIPTION = f"联系人王喆（手机13887012345，身份证号{ID}）反映：协议约定的扶持资金至今未兑现。"
KINDS = [("registered", "receipt"), ("rejected", "rejection"), ("forwarded", "forward_letter"),
         ("rectifying", "rectification_notice"), ("breach_confirmed", "breach_determination"),
         ("repaired", "repair_notice"), ("unsubstantiated", "feedback_letter"), ("sanctioned", "feedback_letter")]


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join((page.extract_text() or "").replace("\n", "").replace(" ", "") for page in doc.pages)


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    office = make_office(tmp_path_factory.mktemp("disclosure") / "profile", FixedClock(china_noon(2026, 11, 26)))
    original = dict(cases.FORWARD)
    cases.FORWARD["note"] = f"可联系投诉人王喆13887012345核实，其身份证号{ID}"
    try:
        made = []
        for state, kind in KINDS:
            data = cases.complaint_intake()
            case_no = cases.complaint_in(office, state, description=DESCRIPTION, complainant={
                **data["complainant"], "contact_id_number": ID})
            result = documents.issue(office.profile, office.handler, case_no, kind)
            made.append((kind, result, pdf_text(result.path.read_bytes())))
    finally:
        cases.FORWARD.clear()
        cases.FORWARD.update(original)
    yield office, made
    office.profile.close()


def test_no_document_prints_the_complainants_phone_id_or_street_address(issued):
    _, made = issued
    for kind, _result, text in made:
        digits = re.sub(r"\D", "", text)
        assert "13887012345" not in digits and ID not in text and "193X" not in text.replace("**193X", ""), kind
        assert "团结路8号" not in text, kind
        assert "0878-7721234" in text, kind  # the office's contact telephone prints on every kind
    forward = next(text for kind, _r, text in made if kind == "forward_letter")
    assert "反映：协议约定的扶持资金至今未兑现" in forward and "138****2345" in forward


def test_the_snapshots_kept_in_the_log_hold_neither(issued):
    office, made = issued
    with office.profile.store.read() as session:
        for kind, result, _text in made:
            payload = session.execute(select(events.c.payload).where(events.c.id == result.event_id)).scalar_one()
            snapshot = json.dumps(json.loads(unpacked(payload))["snapshot"], ensure_ascii=False)
            assert "13887012345" not in snapshot and "8701 2345" not in snapshot and ID not in snapshot, kind
