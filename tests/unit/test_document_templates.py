"""Document kinds, templates and their data, without a database: what each state offers, how a
template fills, and that every shipped wording is frozen under its version."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents.context import ForwardFacts, document_context, sentence, yuan
from app.documents.model import Heading, Paragraph
from app.documents.templates import FIXED, TEMPLATE_DIR, TemplateLibrary, parse_template
from app.domain.complaint import Complaint
from app.domain.document_kinds import KIND_LABELS, available_kinds, feedback_variant, kind_label
from app.domain.errors import DomainError
from app.domain.vocabulary import State
from tests import factories

OFFICE = {"issuer": "双柏县发展和改革局", "signer": "双柏县发展和改革局", "printed_by": "双柏县发展和改革局办公室",
          "upstream_office": "楚雄彝族自治州发展和改革委员会", "contact_person": "王颖", "contact_phone": "0878-7721234",
          "address": "", "extra_copy_to": []}


def complaint(state: State = State.REGISTERED, **facts) -> Complaint:
    c = Complaint(id="c1", case_no="532322-2026-0007", office_code="532322", region_code="532322", state=state,
                  intake=factories.intake(), registered_at="2026-11-02T04:00:00Z", registered_on=date(2026, 11, 2),
                  registered_by="u1", received_on=date(2026, 11, 2))
    for key, value in facts.items():
        setattr(c, key, value)
    return c


SUBSTANTIATED = {"finding": "substantiated", "explanation": "属实", "requirements": "限期兑现", "on": "2026-11-13"}


@pytest.mark.parametrize(("state", "facts", "kinds"), [
    (State.REGISTERED, {}, ["receipt"]),
    (State.CLOSED, {"closure": {"kind": "rejected", "reason": "不属于受理范围"}}, ["rejection"]),
    (State.CLOSED, {"closure": {"kind": "merged"}}, []),
    (State.FORWARDED, {"department": "双柏县人民政府"}, ["receipt", "forward_letter"]),
    (State.RECTIFYING, {"department": "县政府", "finding": SUBSTANTIATED, "rectify_due": date(2026, 12, 11)},
     ["receipt", "forward_letter", "rectification_notice"]),
    (State.RECTIFYING, {"department": "县政府", "finding": {**SUBSTANTIATED, "requirements": None}},
     ["receipt", "forward_letter"]),
    (State.UNSUBSTANTIATED, {"department": "县政府", "finding": {"finding": "unsubstantiated"}},
     ["receipt", "forward_letter", "feedback_letter"]),
    (State.BREACH_CONFIRMED, {"department": "县政府", "finding": SUBSTANTIATED, "rectify_due": date(2026, 12, 11),
                              "breach": {"confirmed_by": "县政府"}},
     # issue 9: the complainant is told a confirmed breach (feedback_letter.breach)
     ["receipt", "forward_letter", "rectification_notice", "breach_determination", "feedback_letter"]),
    (State.CLOSED, {"department": "县政府", "finding": {"finding": "disputed"}, "closure": {"kind": "closed"},
                    "state_before_close": State.DISPUTED}, ["receipt", "forward_letter", "feedback_letter"]),
])
def test_each_state_offers_only_the_documents_it_has_the_facts_for(state, facts, kinds):
    assert available_kinds(complaint(state, **facts)) == kinds


def test_the_feedback_variant_follows_the_finding():
    assert feedback_variant(complaint(State.UNSUBSTANTIATED)) == "unsubstantiated"
    assert feedback_variant(complaint(State.DISPUTED)) == "disputed"
    assert feedback_variant(complaint(State.RECTIFIED)) == "rectified"
    assert feedback_variant(complaint(State.REPAIRED)) == "rectified"
    assert feedback_variant(complaint(State.SANCTIONED)) == "breach"  # issue 9: feedback after a confirmed breach
    assert feedback_variant(complaint(State.RECTIFYING)) is None
    assert kind_label("feedback_letter", "disputed") == "核实情况反馈函（存在分歧）"
    assert kind_label("briefing") == "briefing"


# What a reminder adds to the context (app.documents.reminder_context.reminder_values).
REMINDER_KEYS = {"reminder_step", "reminder_due_on", "reminder_round", "office_region", "step_label", "step_conclude",
                 "step_rectify", "step_feedback", "due_date", "overdue_phrase", "round_words", "earlier_reminders",
                 "reply_due_date", "responsible_body", "county_office", "self_ref", "copy_department",
                 "outcome_label"}


def test_every_shipped_template_is_frozen_under_its_version_and_reads_known_data():
    library = TemplateLibrary()
    known = set(document_context(complaint(State.FORWARDED, department="县政府"), OFFICE, number="双发改函〔2026〕1号",
                                 issued_on=date(2026, 11, 26)))
    ids = sorted(path.stem for path in TEMPLATE_DIR.glob("*.toml"))
    assert ids == sorted([k for k in KIND_LABELS if k != "feedback_letter"]
                         + [f"feedback_letter.{v}" for v in ("breach", "disputed", "rectified", "unsubstantiated")]
                         # issue 9: the 函 to a body the office does not stand above
                         + [f"{k}.letter" for k in ("forward_letter", "rectification_notice", "breach_determination",
                                                    "repair_notice")]
                         # issue 10: the reminders' variants
                         + ["urge_letter.letter", "supervision_notice.office"])
    known |= REMINDER_KEYS
    for template_id in ids:
        kind, _, variant = template_id.partition(".")
        current = library.current(kind, variant or None)  # raises template_not_frozen if edited in place
        assert library.version(kind, variant or None, current.version) == current
        assert set(current.fields()) <= known, template_id
        assert set(FIXED) <= set(current.fields())


def test_a_block_prints_only_when_its_data_is_there():
    template = parse_template('''
kind = "rejection"
version = 3
format = "letter"
title = "不予受理告知书"
recipient = "{complainant_name}"
copy_to = ["{department}", "{sanction_bodies}"]

[[body]]
text = "理由：{reject_reason}"

[[body]]
text = "依据：{reject_basis}"

[[body]]
heading = 1
when = "rectified"
text = "一、整改情况"

[[body]]
unless = "rectified"
text = "尚未整改。"
'''.encode(), "rejection")
    snapshot = {"issuer": "双柏县发展和改革局", "signer": "双柏县发展和改革局", "number": "双发改告〔2026〕3号",
                "issued_on": "2026-01-05", "printed_by": "", "extra_copy_to": ["双柏县财政局"],
                "complainant_name": "绿源公司", "reject_reason": "不属于受理范围。", "reject_basis": "",
                "rectified": "", "department": "双柏县人民政府", "sanction_bodies": ["县政府", "县财政局"]}
    doc = template.render(snapshot)
    assert doc.body == (Paragraph("理由：不属于受理范围。"), Paragraph("尚未整改。"))
    assert doc.copy_to == ("双柏县人民政府", "县政府", "县财政局", "双柏县财政局")
    assert (doc.number, doc.date, doc.format, doc.printed_by) == ("双发改告〔2026〕3号", date(2026, 1, 5), "letter", None)
    doc = template.render({**snapshot, "rectified": "1", "reject_basis": "《方案》第二条。"})
    assert doc.body[1:3] == (Paragraph("依据：《方案》第二条。"), Heading(1, "一、整改情况"))
    with pytest.raises(DomainError, match="template_invalid"):
        template.render({k: v for k, v in snapshot.items() if k != "complainant_name"})


@pytest.mark.parametrize("broken", [
    b'kind = "receipt"\nversion = 1\nformat = "fax"\ntitle = "t"\nrecipient = ""\n[[body]]\ntext = "x"\n',
    b'kind = "rejection"\nversion = 1\nformat = "letter"\ntitle = "t"\nrecipient = ""\n[[body]]\ntext = "x"\n',
    b'kind = "receipt"\nversion = 1\nformat = "letter"\ntitle = "{unclosed"\nrecipient = ""\n[[body]]\ntext = "x"\n',
    b'kind = "receipt"\nversion = 0\nformat = "letter"\ntitle = "t"\nrecipient = ""\n[[body]]\ntext = "x"\n',
    b'kind = "receipt"\nversion = 1\nformat = "letter"\ntitle = "t"\nrecipient = ""\n[[body]]\nlevel = 1\n',
    b'kind = "receipt" version',
])
def test_a_broken_template_is_refused_with_its_name(broken):
    with pytest.raises(DomainError) as refused:
        parse_template(broken, "receipt")
    assert refused.value.code == "template_invalid" and refused.value.params["template"] == "receipt"


def test_the_data_reads_as_official_text():
    assert yuan("1200000.00") == "120万元" and yuan("125000") == "125000元" and yuan("1234.5") == "1234.50元"
    assert yuan(None) == "" and sentence("  已拨付，") == "已拨付。" and sentence("已拨付！") == "已拨付！"
    c = complaint(State.FORWARDED, department="双柏县人民政府",
                  sanctions=[{"measures": ["public_criticism", "restrict_procurement"], "imposed_by": "县政府"}])
    values = document_context(c, OFFICE, number="双发改函〔2026〕1号", issued_on=date(2026, 1, 5),
                              forward=ForwardFacts(date(2026, 1, 5), date(2026, 1, 26), "请一并核实"))
    assert values["issued_date"] == "2026年1月5日" and values["conclude_due_date"] == "2026年1月26日"
    assert values["received_date"] == "2026年11月2日" and values["forward_note"] == "请一并核实。"
    assert values["agreement_amount"] == "120万元" and values["breach_phrase"] == "未兑现政策承诺"
    assert values["sanction_measures"] == "公开通报批评、限制参加政府采购" and values["sanction_bodies"] == ["县政府"]
    assert values["determined_by"] == "双柏县人民政府" and values["reject_reason"] == ""


def test_no_template_names_its_issuer_a_bureau():
    """The prefecture's office is a 委员会: every template says {self_ref} (本局, 本委 …), never 本局."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "resources" / "templates"
    offending = [f.name for f in root.glob("*.toml") if "本局" in f.read_text(encoding="utf-8")]
    assert offending == []
