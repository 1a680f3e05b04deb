"""What each workflow action must carry (DESIGN §3 workflow table, column "records").

One input model per action; ``validate_payload(action, data)`` is the single entry point.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from app.domain.filenames import carries_no_path
from app.domain.intake import Intake
from app.domain.schema import (
    Day,
    InputModel,
    LongText,
    Name,
    OptDate,
    OptLongText,
    OptText,
    Text,
    not_in_future,
    validate,
)
from app.domain.vocabulary import DisputePath, FeedbackMethod, Finding, Resolution, SanctionMeasure

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
    """拒不整改 → 违约失信: confirmed by the competent department, reported upstream."""

    confirmed_by: Name
    confirmed_on: Day
    facts: LongText
    document_ref: OptText = None

    _past = field_validator("confirmed_on")(not_in_future)


class SanctionPayload(InputModel):
    """惩戒: measures from the seed, imposing body and period."""

    measures: Annotated[list[SanctionMeasure], Field(min_length=1)]
    imposed_by: Name
    start_on: Day
    end_on: OptDate = None
    note: OptLongText = None

    @field_validator("measures")
    @classmethod
    def _distinct(cls, value: list[SanctionMeasure]) -> list[SanctionMeasure]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _period(self) -> SanctionPayload:
        if self.end_on is not None and self.end_on < self.start_on:
            raise PydanticCustomError("period_reversed", "period_reversed")
        return self


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
    """重新办理: back to the state before close."""

    reason: LongText


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


class MarkTypicalPayload(InputModel):
    """典型案例 marking (seed §四(八)); ``typical: false`` removes the mark."""

    typical: bool = True
    reason: OptLongText = None

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
