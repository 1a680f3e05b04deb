"""Reveal 显示个人信息: a permitted user sees one complaint's personal data in full, audited first.

The policy (which roles, which fields) is ``app.domain.disclosure``. ``reveal`` writes the
``personal_data_revealed`` event on the session stream and commits it before it returns any value:
no value leaves this function unless its reveal is on record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.disclosure import REVEAL_ACTION, may_reveal, present_fields, value_at
from app.domain.errors import DomainError
from app.domain.events import SESSION_STREAM
from app.services.complaint_ref import load_in_scope
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor


@dataclass(frozen=True)
class Revealed:
    complaint_id: str
    case_no: str
    values: dict[str, Any]  # intake path -> value in full (only the fields the complaint holds)
    event_id: str | None  # the audit event (None: the complaint holds no personal data, nothing shown)


def reveal(profile: Profile, actor: Actor, ref: str, *, via: str = "desktop") -> Revealed:
    """The personal fields of complaint ``ref`` in full, after recording who saw them.

    Refused with ``reveal_not_permitted`` for a role the policy does not allow (administrator, auditor,
    a reader without login)."""
    if not may_reveal(actor.roles):
        raise DomainError("reveal_not_permitted")
    with profile.store.unit_of_work() as uow:
        complaint = load_in_scope(uow, profile, actor, ref)
        fields = present_fields(complaint.intake)
        if not fields:
            return Revealed(complaint.id, complaint.case_no or "", {}, None)
        event = record(uow, profile, stream=SESSION_STREAM, action=REVEAL_ACTION, actor=actor.user_id,
                       roles=actor.roles, payload={"complaint_id": complaint.id, "case_no": complaint.case_no,
                                                   "fields": list(fields), "via": via})
        uow.commit()
    return Revealed(complaint.id, complaint.case_no or "", {f: value_at(complaint.intake, f) for f in fields},
                    event.id)
