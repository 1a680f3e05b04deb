"""Protocol v1 message schemas 同步协议 (JSON over HTTP, gzip), shared by the client and the hub.

Every body is one of these models. Errors are ``ErrorBody`` with a stable code and a Chinese message
from ``app.messages``. See ``docs/protocol.md`` for the exchange itself.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.contract.event_record import event_of, event_values
from app.domain.events import Event

PROTOCOL_VERSION = 1
API_PREFIX = "/v1"
CLIENT_HEADER = "X-Lvyue-Client"  # the client's version, checked against the hub's minimum
MAX_PUSH_BATCH = 1000
MAX_PULL_PAGE = 2000
MAX_CLAIMED_NUMBER = 1_000_000  # an office never prints a million numbers of one series in a year
MAX_SEQ = 2**63 - 1  # the largest sequence number (BIGINT on SQLite and PostgreSQL); a cursor past it is invalid

# Per-event rejection codes: content refusals (event_conflict, out_of_scope, stream_unknown, stream_exists,
# payload_invalid) are well chained, so the hub's device chain runs through them and later events are
# still accepted. These say the chain itself is wrong (later events are refused too):
CHAIN_REJECTIONS = frozenset({"chain_gap", "chain_fork", "chain_broken", "hash_mismatch", "wrong_device", "malformed"})


class Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(Wire):
    error: str
    message: str
    params: dict[str, Any] = Field(default_factory=dict)


class Meta(Wire):
    hub_version: str
    protocol_version: int
    min_client_version: str
    hub_time: str  # ISO UTC
    reference_version: int
    quarantine_version: int = 0  # changes whenever the administrator quarantines or releases an event


class WireEvent(Wire):
    """An event as it travels: the hashed fields, the creator's horizon and (from the hub) its seq."""

    id: str = Field(min_length=1, max_length=64)
    stream: str = Field(min_length=1, max_length=64)
    action: str = Field(min_length=1, max_length=64)
    payload: dict[str, Any]
    actor: str = Field(max_length=64)
    device_id: str = Field(min_length=1, max_length=64)
    device_seq: int = Field(ge=1)
    device_time: str = Field(min_length=10, max_length=40)
    base: str | None = Field(default=None, max_length=64)
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    horizon: int = Field(default=0, ge=0)  # the hub seq up to which the creator had pulled
    server_seq: int | None = None

    def to_event(self) -> Event:
        return Event(id=self.id, stream=self.stream, action=self.action, payload=self.payload, actor=self.actor,
                     device_id=self.device_id, device_seq=self.device_seq, device_time=self.device_time,
                     base=self.base, prev_hash=self.prev_hash, hash=self.hash, server_seq=self.server_seq)


def wire_values(event: Event, horizon: int) -> dict[str, Any]:
    """What a push sends of one event: the hashed fields and the creator's horizon."""
    values = event_values(event)
    values.pop("server_seq")
    values.update(payload=event.payload, horizon=horizon)
    return values


def wire_event(row: Any) -> WireEvent:
    """A stored row (hub or profile) as it travels in a pull."""
    event = event_of(row)
    values = event_values(event, horizon=row.horizon)
    values["payload"] = event.payload
    return WireEvent(**values)


class PushRequest(Wire):
    events: list[dict[str, Any]] = Field(max_length=MAX_PUSH_BATCH)  # validated one by one


class PushResult(Wire):
    id: str
    status: Literal["accepted", "duplicate", "rejected"]
    server_seq: int | None = None
    code: str | None = None
    message: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)


class ChainHead(Wire):
    device_seq: int
    hash: str


class PushResponse(Wire):
    results: list[PushResult]
    chain: ChainHead


class PullResponse(Wire):
    events: list[WireEvent]
    next_cursor: int
    more: bool
    head: int


class EnrolRequest(Wire):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(min_length=1, max_length=100)
    device_id: str | None = Field(default=None, pattern=r"^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$")
    region_code: str | None = None  # an existing profile's office region, must match the code's scope
    client_version: str = ""
    numbers_used: list[NumberClaim] = Field(default_factory=list, max_length=1000)


class NumberClaim(Wire):
    """Numbers an existing standalone profile already printed (they become this device's block)."""

    series: str = Field(min_length=3, max_length=100)
    year: int = Field(ge=2000, le=2100)
    max: int = Field(ge=1, le=MAX_CLAIMED_NUMBER)


class Scope(Wire):
    region_code: str
    name: str
    level: str


class EnrolResponse(Wire):
    device_id: str
    token: str
    scope: Scope
    office_name: str
    hub_id: str


class BlobStatus(Wire):
    sha256: str
    exists: bool  # stored and readable by this device
    received: int  # bytes of an unfinished upload (resume from here)
    max_size: int


class NumberBlockRequest(Wire):
    series: str = Field(min_length=3, max_length=100)
    year: int = Field(ge=2000, le=2100)
    count: int = Field(ge=1, le=1000)


class NumberBlock(Wire):
    series: str
    year: int
    start: int
    end: int


class IntegrityRequest(Wire):
    cursor: int = Field(ge=0, le=MAX_SEQ)
    count: int = Field(ge=0)
    digest: str


class IntegrityResponse(Wire):
    ok: bool
    count: int
    digest: str


class QuarantinedEvent(Wire):
    event_id: str
    reason: str  # stable code (admin_quarantine)
    note: str  # the administrator's words
    at: str


class QuarantineList(Wire):
    """``GET /v1/quarantine``: events the hub administrator set aside for the whole fleet, in scope."""

    version: int
    events: list[QuarantinedEvent]


class Reference(Wire):
    version: int
    regions: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    users: list[dict[str, Any]]  # id, username, display_name, roles, region_code, password_hash, active
    deadline_rules: dict[str, int]
    holidays: dict[str, Any]  # the holidays.json format
    document_prefixes: list[dict[str, Any]]


EnrolRequest.model_rebuild()
