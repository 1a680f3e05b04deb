"""The complaint aggregate 投诉案件: its current facts, derived from its events by ``workflow.apply``.

Plain data with a JSON form (the ``data`` column of the projection), so loading one is one row read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from app.domain.vocabulary import OPEN_STATES, State

_DATE_FIELDS = ("registered_on", "received_on", "state_entered_on", "due_override_on", "rectify_due",
                "forward_clock_from")


@dataclass
class Complaint:
    id: str
    case_no: str
    office_code: str  # region of the registering office (owns the case-number series)
    region_code: str  # region of the respondent (scope: who may see the complaint)
    state: State
    intake: dict[str, Any]
    registered_at: str  # ISO UTC
    registered_on: date  # China date of registration
    registered_by: str
    received_on: date
    assignee: str | None = None
    state_entered_on: date | None = None
    department: str | None = None  # competent department the complaint was forwarded to
    finding: dict[str, Any] | None = None
    rectify_due: date | None = None
    due_override_on: date | None = None  # an extension of the current deadline
    due_override_kind: str | None = None
    extensions: list[dict[str, Any]] = field(default_factory=list)
    rectification: dict[str, Any] | None = None
    breach: dict[str, Any] | None = None
    sanctions: list[dict[str, Any]] = field(default_factory=list)
    repair: dict[str, Any] | None = None
    feedbacks: list[dict[str, Any]] = field(default_factory=list)
    feedback_given: bool = False
    closure: dict[str, Any] | None = None
    state_before_close: State | None = None
    typical: bool = False
    typical_reason: str | None = None
    typical_summary: str | None = None  # the case summary approved for publication (典型案例)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    note_count: int = 0
    amendments: int = 0
    head: str = ""  # id of the last applied event
    version: int = 0  # number of applied events
    updated_at: str = ""
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)  # issued notices and letters (开具文书)
    redirects: list[dict[str, Any]] = field(default_factory=list)  # 改派: from_department, department, reason…
    returns: list[dict[str, Any]] = field(default_factory=list)  # 退回: department, reason, on, by
    reopenings: list[dict[str, Any]] = field(default_factory=list)  # 重新办理: on, reason, back_to, due_on
    accountability: list[dict[str, Any]] = field(default_factory=list)  # 追究责任 decisions with persons
    # The forward deadline counts from receipt (the seed's 接收到线索后第一时间); after a return or a
    # reopening back to registration it counts from that day instead.
    forward_clock_from: date | None = None
    # Dated stages, state spells and sanction dates for supervision figures (``app.domain.milestones``).
    milestones: dict[str, Any] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def active_sanctions(self) -> list[dict[str, Any]]:
        """Sanctions not lifted by a repair (an end date may still have expired them: ``sanctions``)."""
        return [s for s in self.sanctions if not s.get("lifted_on")]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = self.state.value
        data["state_before_close"] = self.state_before_close.value if self.state_before_close else None
        for name in _DATE_FIELDS:
            value = data[name]
            data[name] = value.isoformat() if value else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Complaint:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["state"] = State(values["state"])
        if values.get("state_before_close"):
            values["state_before_close"] = State(values["state_before_close"])
        for name in _DATE_FIELDS:
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        return cls(**values)
