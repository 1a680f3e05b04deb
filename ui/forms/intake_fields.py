"""The intake 登记信息 as the paper form groups it: sections, fields, their kinds and labels.

One table serves the registration form, the read-only view in the complaint detail and the amend
dialog, so a field is named the same everywhere. Labels are English source strings translated in the
``IntakeFields`` context (``resources/i18n/lvyue_case_zh_CN.ts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.vocabulary import BreachKind, Channel, RespondentKind, Sector

CONTEXT = "IntakeFields"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class FieldSpec:
    """One input: ``path`` is the dotted intake path (``complainant.phone``); ``kind`` picks the widget
    and the inline check (see ``ui.forms.inputs.make_input`` and ``ui.forms.checks``)."""

    path: str
    label: str
    kind: str
    required: bool = False
    placeholder: str = ""
    enum: type[StrEnum] | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[FieldSpec, ...]


F = FieldSpec
SECTIONS: tuple[Section, ...] = (
    Section("complainant", QT_TRANSLATE_NOOP("IntakeFields", "Complainant"), (
        F("complainant.name", QT_TRANSLATE_NOOP("IntakeFields", "Enterprise name"), "name", True),
        F("complainant.credit_code", QT_TRANSLATE_NOOP("IntakeFields", "Unified social credit code"),
          "credit_code", True, QT_TRANSLATE_NOOP("IntakeFields", "18 characters, e.g. 91532322MA6K12345R")),
        F("complainant.credit_code_override", QT_TRANSLATE_NOOP("IntakeFields", "Code confirmed as correct"),
          "override"),
        F("complainant.credit_code_override_reason", QT_TRANSLATE_NOOP("IntakeFields", "Reason for confirming"),
          "override_reason", False,
          QT_TRANSLATE_NOOP("IntakeFields", "e.g. early pilot code, checked against the business licence")),
        F("complainant.legal_representative", QT_TRANSLATE_NOOP("IntakeFields", "Legal representative"), "text"),
        F("complainant.contact_person", QT_TRANSLATE_NOOP("IntakeFields", "Contact person"), "name", True),
        F("complainant.phone", QT_TRANSLATE_NOOP("IntakeFields", "Contact phone"), "phone", True,
          QT_TRANSLATE_NOOP("IntakeFields", "Mobile, or landline with area code: 0878-3117257")),
        F("complainant.contact_id_number", QT_TRANSLATE_NOOP("IntakeFields", "Contact's ID card number"),
          "citizen_id"),
        F("complainant.address", QT_TRANSLATE_NOOP("IntakeFields", "Address"), "text"),
    )),
    Section("respondent", QT_TRANSLATE_NOOP("IntakeFields", "Respondent (government body)"), (
        F("respondent.name", QT_TRANSLATE_NOOP("IntakeFields", "Body name"), "body", True,
          QT_TRANSLATE_NOOP("IntakeFields", "Type a name or pinyin initials, e.g. czj")),
        F("respondent.kind", QT_TRANSLATE_NOOP("IntakeFields", "Body type"), "choice", True, enum=RespondentKind),
        F("respondent.region_code", QT_TRANSLATE_NOOP("IntakeFields", "Region"), "region", True),
        F("respondent.competent_department", QT_TRANSLATE_NOOP("IntakeFields", "Competent department"),
          "department", True, QT_TRANSLATE_NOOP("IntakeFields", "The superior or competent department")),
        F("respondent.credit_code", QT_TRANSLATE_NOOP("IntakeFields", "Body's credit code"), "opt_credit_code"),
        F("respondent.competent_department_code",
          QT_TRANSLATE_NOOP("IntakeFields", "Department's credit code"), "opt_credit_code"),
    )),
    Section("agreement", QT_TRANSLATE_NOOP("IntakeFields", "Agreement (contract)"), (
        F("agreement.title", QT_TRANSLATE_NOOP("IntakeFields", "Agreement title"), "title", True),
        F("agreement.number", QT_TRANSLATE_NOOP("IntakeFields", "Agreement number"), "text"),
        F("agreement.signed_on", QT_TRANSLATE_NOOP("IntakeFields", "Signed on"), "opt_past_date"),
        F("agreement.amount", QT_TRANSLATE_NOOP("IntakeFields", "Agreement amount (yuan)"), "money", False,
          QT_TRANSLATE_NOOP("IntakeFields", "e.g. 125000 or 12.5万")),
        F("agreement.parties", QT_TRANSLATE_NOOP("IntakeFields", "Parties"), "text"),
    )),
    Section("matter", QT_TRANSLATE_NOOP("IntakeFields", "Complaint and claim"), (
        F("breach_kind", QT_TRANSLATE_NOOP("IntakeFields", "Kind of breach"), "choice", True, enum=BreachKind),
        F("sector", QT_TRANSLATE_NOOP("IntakeFields", "Sector"), "choice", True, enum=Sector),
        F("description", QT_TRANSLATE_NOOP("IntakeFields", "What happened"), "long", True,
          QT_TRANSLATE_NOOP("IntakeFields", "What was agreed, what the body failed to do, since when")),
        F("claim.text", QT_TRANSLATE_NOOP("IntakeFields", "Claim"), "long", True,
          QT_TRANSLATE_NOOP("IntakeFields", "What the enterprise asks for")),
        F("claim.amount", QT_TRANSLATE_NOOP("IntakeFields", "Amount claimed (yuan)"), "money", False,
          QT_TRANSLATE_NOOP("IntakeFields", "e.g. 125000 or 12.5万")),
    )),
    Section("source", QT_TRANSLATE_NOOP("IntakeFields", "Source"), (
        F("channel", QT_TRANSLATE_NOOP("IntakeFields", "Channel"), "choice", True, enum=Channel),
        F("channel_ref", QT_TRANSLATE_NOOP("IntakeFields", "Reference in the channel"), "text", False,
          QT_TRANSLATE_NOOP("IntakeFields", "e.g. hotline ticket number")),
        F("received_on", QT_TRANSLATE_NOOP("IntakeFields", "Received on"), "past_date", True),
    )),
)

FIELDS: dict[str, FieldSpec] = {f.path: f for s in SECTIONS for f in s.fields}
OVERRIDE = "complainant.credit_code_override"
OVERRIDE_REASON = "complainant.credit_code_override_reason"
CREDIT_CODE = "complainant.credit_code"
