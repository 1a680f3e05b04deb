"""What each workflow action must carry (DESIGN §3 workflow table, column "records").

One input model per action; ``validate_payload(action, data)`` is the single entry point.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.domain.errors import FieldError, ValidationFailed
from app.domain.filenames import carries_no_path
from app.domain.intake import Intake
from app.domain.schema import (
    Day,
    InputModel,
    LongText,
    Name,
    OptDate,
    OptLongText,
    OptSummaryText,
    OptText,
    Text,
    not_in_future,
    validate,
)
from app.domain.vocabulary import (
    DisputePath,
    FeedbackMethod,
    Finding,
    RefusalGround,
    ReopenTarget,
    Resolution,
    Responsibility,
    SanctionMeasure,
)

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class RegisterPayload(InputModel):
    """登记: the intake plus the final case number given at registration."""

    case_no: Text
    office_code: Annotated[str, Field(pattern=r"^\d{6}$")]
    intake: Intake
    assignee: OptText = None


class RejectPayload(InputModel):
    """不予受理: the reason is told to the complainant in the 不予受理告知书."""

    reason: LongText
    legal_basis: OptLongText = None


class MergePayload(InputModel):
    """合并: this complaint duplicates another one (by id), which carries on."""

    duplicate_of: Text
    duplicate_case_no: OptText = None
    reason: OptLongText = None


class ForwardPayload(InputModel):
    """转办 to the competent department 上级部门或主管部门, which verifies and determines."""

    department: Name
    department_code: OptText = None
    due_on: OptDate = None
    note: OptLongText = None


class RedirectPayload(InputModel):
    """改派: before the conclusion, the complaint goes to another department (the competent one was
    wrong, or the first declined it); the conclusion deadline runs anew from the redirection."""

    department: Name
    department_code: OptText = None
    reason: LongText
    due_on: OptDate = None
    note: OptLongText = None


class ReturnPayload(InputModel):
    """退回: before the conclusion, the department sends the complaint back (not its competence, facts
    missing); it is registered again and waits to be forwarded."""

    reason: LongText
    returned_by: OptText = None  # the department that sent it back (default: the one it was with)


class ConcludePayload(InputModel):
    """核实认定: the department's finding; substantiated needs requirements and a rectification date."""

    finding: Finding
    explanation: LongText
    determined_by: OptText = None
    requirements: OptLongText = None
    rectify_due: OptDate = None
    dispute_path: DisputePath | None = None

    @model_validator(mode="after")
    def _by_finding(self) -> ConcludePayload:
        if self.finding == Finding.SUBSTANTIATED:
            if not self.requirements:
                raise PydanticCustomError("requirements_required", "requirements_required")
            if self.rectify_due is None:
                raise PydanticCustomError("rectify_due_required", "rectify_due_required")
        if self.finding == Finding.DISPUTED and self.dispute_path is None:
            raise PydanticCustomError("dispute_path_required", "dispute_path_required")
        return self


class ExtendPayload(InputModel):
    """延期: a new due date for the current deadline, with the reason."""

    new_due: Day
    reason: LongText


class RectifyPayload(InputModel):
    """已整改: evidence that the body fulfilled the agreement."""

    evidence: LongText
    rectified_on: OptDate = None

    _past = field_validator("rectified_on")(not_in_future)


class RefusePayload(InputModel):
    """拒不整改 → 违约失信: confirmed by the competent department, reported upstream.

    ``ground`` says why the body counts as refusing: the rectification deadline passed (the only ground
    of events recorded before it existed), or it refused before the deadline, as ``ground_detail``
    records (a written refusal: who, when, how). The documents state the ground as recorded.
    """

    ground: RefusalGround = RefusalGround.OVERDUE  # first: it decides what else the dialog asks
    ground_detail: OptLongText = None
    confirmed_by: Name
    confirmed_on: Day
    facts: LongText
    document_ref: OptText = None

    _past = field_validator("confirmed_on")(not_in_future)

    @model_validator(mode="after")
    def _detail(self) -> RefusePayload:
        if self.ground == RefusalGround.REFUSED and not self.ground_detail:
            raise PydanticCustomError("ground_detail_required", "ground_detail_required")
        return self


MeasureText = Annotated[str, StringConstraints(min_length=2, max_length=100)]


class SanctionPayload(InputModel):
    """惩戒: measures of the seed and others in the body's remit (the seed's list is "包括但不限于"),
    the imposing body and the period; an end date ends the measures (已到期)."""

    measures: Annotated[list[SanctionMeasure], Field(default_factory=list, max_length=20)]
    other_measures: Annotated[list[MeasureText], Field(default_factory=list, max_length=10)]
    imposed_by: Name
    start_on: Day
    end_on: OptDate = None
    note: OptLongText = None

    @field_validator("measures", "other_measures")
    @classmethod
    def _distinct(cls, value: list) -> list:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _period(self) -> SanctionPayload:
        if not self.measures and not self.other_measures:
            raise PydanticCustomError("measures_required", "measures_required")
        if self.end_on is not None and self.end_on < self.start_on:
            raise PydanticCustomError("period_reversed", "period_reversed")
        return self


class AccountablePerson(InputModel):
    name: Annotated[str, StringConstraints(min_length=2, max_length=50)]
    position: Text
    responsibility: Responsibility
    outcome: LongText  # the decision: 诫勉谈话、通报批评、党纪政务处分…


class AccountabilityPayload(InputModel):
    """追究责任 of the persons who caused the breach (seed §三(四)): who decided, when, and for each
    person the position, kind of responsibility and outcome. Not a credit measure: a repair does not
    end it."""

    persons: Annotated[list[AccountablePerson], Field(min_length=1, max_length=20)]
    decided_by: Name
    decided_on: Day
    document_ref: OptText = None
    note: OptLongText = None

    _past = field_validator("decided_on")(not_in_future)


class RepairPayload(InputModel):
    """信用修复: fulfilment evidence; lifts every active sanction."""

    evidence: LongText
    fulfilled_on: Day

    _past = field_validator("fulfilled_on")(not_in_future)


class FeedbackPayload(InputModel):
    """反馈 to the complainant (required before close)."""

    method: FeedbackMethod
    summary: LongText
    given_on: OptDate = None

    @field_validator("given_on")
    @classmethod
    def _given(cls, value: date | None, info: ValidationInfo) -> date | None:
        return not_in_future(value, info)


class ClosePayload(InputModel):
    """办结."""

    summary: LongText


class ReopenPayload(InputModel):
    """重新办理: the service decides where it leads (``app.domain.facts.reopen_target``): a concluded
    case back to the department for 重新核实 with a new deadline, an unaccepted one back to
    registration, a confirmed breach back to where it was. Events recorded before ``back_to`` existed
    go back to the state before closing."""

    reason: LongText
    back_to: ReopenTarget | None = None
    due_on: OptDate = None


class NotePayload(InputModel):
    """备注."""

    text: LongText


class AttachPayload(InputModel):
    """附件: a content-addressed file stored beside the database."""

    sha256: Sha256
    filename: Text
    size: Annotated[int, Field(ge=0)]
    media_type: OptText = None
    description: OptText = None

    @field_validator("filename")
    @classmethod
    def _no_path(cls, value: str) -> str:
        if not carries_no_path(value):
            raise PydanticCustomError("filename_unsafe", "filename_unsafe")
        return value


class AmendPayload(InputModel):
    """更正: corrected intake fields (dotted paths such as ``claim.amount``) with the reason."""

    changes: Annotated[dict[str, Any], Field(min_length=1)]
    reason: LongText


class AssignPayload(InputModel):
    """指派 a handler."""

    assignee: Text
    note: OptText = None


CriterionCode = Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")]


class MarkTypicalPayload(InputModel):
    """典型案例 decision (seed §四(八)); ``typical: false`` removes the mark, or declines a proposal.

    ``criteria`` (optional: older events carry none) are the criteria the case met when the leader
    decided, each with its figure (``app.domain.typical``: amount in yuan, days, counts); a declined
    case is proposed again only when it meets a criterion beyond them. ``summary`` is the written
    case summary as the leader approved it for publication on 信用云南.
    """

    typical: bool = True
    reason: OptLongText = None
    criteria: dict[CriterionCode, Annotated[int, Field(ge=0)]] | None = None
    summary: OptSummaryText = None

    @model_validator(mode="after")
    def _reason(self) -> MarkTypicalPayload:
        if self.typical and not self.reason:
            raise PydanticCustomError("reason_required", "reason_required")
        return self


class ResolvePayload(InputModel):
    """核对处理: settle one kept (conflicting) event of the complaint (``Complaint.conflicts``)."""

    conflict: Text  # id of the kept event
    decision: Resolution
    note: OptLongText = None


class IssueDocumentPayload(InputModel):
    """开具文书: a numbered notice or letter, rendered from ``snapshot`` with template ``template_version``.

    ``snapshot`` holds exactly the values the template used (so a reprint gives the same bytes);
    ``sha256`` is the digest of the PDF as issued. Written by ``app.services.documents.issue`` only.
    """

    kind: Text
    variant: OptText = None
    number: Text
    template_version: Annotated[int, Field(ge=1)]
    snapshot: dict[str, Any]
    sha256: Sha256
    pages: Annotated[int, Field(ge=1)]


def validate_payload(model: type[InputModel], data: Any, *, today: date | None = None) -> InputModel:
    return validate(model, data if data is not None else {}, today=today)


def payload_errors(model: type[InputModel], data: Any, *, today: date | None = None) -> list[FieldError]:
    """What ``validate_payload`` would refuse, as field errors (a dialog shows them before confirming)."""
    try:
        validate_payload(model, data, today=today)
    except ValidationFailed as refused:
        return list(refused.errors)
    return []
