"""What a reminder (催办函, 督办通知) needs besides what every document has: the overdue step as of the
issue date, the earlier reminders, the reply date, the body addressed and the template variant.

Used by ``app.services.documents`` (preview, issue, offers) and ``app.services.reminders`` (the list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.documents.reminder_context import ReminderFacts, reminder_values
from app.domain.complaint import Complaint
from app.domain.deadlines import DueKind
from app.domain.recipients import Addressing, address
from app.domain.reminders import (
    REPLY_WORKING_DAYS,
    SUPERVISION_NOTICE,
    URGE_LETTER,
    availability,
    earlier,
    responsible_body,
)
from app.services import reference
from app.services.profile import Profile

OFFICE_VARIANT = "office"  # 督办通知 to the county office alone
LETTER_VARIANT = "letter"  # 催办函 to a body the office does not stand above


@dataclass(frozen=True)
class ReminderParts:
    variant: str | None
    recipient: str
    addressing: Addressing | None
    values: dict[str, Any]


def handling_office_name(profile: Profile, c: Complaint) -> str:
    """The county office that handles ``c`` (its ``office_code``): the reference data's 发展和改革局 of that
    region, else the region's name with 发展和改革局; the profile's own office for its own cases (the
    prefecture's 州本级 cases are handled by 楚雄州发展和改革委员会 itself)."""
    if c.office_code == profile.office.region_code:
        return profile.office.name
    for body in reference.all_bodies():
        if body.region_code == c.office_code and body.name.endswith("发展和改革局"):
            return body.name
    region = profile.regions.find(c.office_code)
    return f"{region.name if region else c.office_code}发展和改革局"


def _address(profile: Profile, name: str, recorded: str | None) -> Addressing:
    known = {b.name: b.region_code for b in reference.all_bodies()}
    return address(profile.office.region_code, name, profile.regions.all(), known_bodies=known,
                   recorded_region=recorded)


def reminder_parts(profile: Profile, c: Complaint, kind: str, today: date, issuer: str) -> ReminderParts:
    """Everything a reminder of ``kind`` for ``c`` issued ``today`` says; ``ReminderRefused`` when none may be."""
    step = availability(kind, c, profile.office.region_code, today, profile.calendar, profile.rules)
    body, recorded = responsible_body(step.step, c)
    addressing = _address(profile, body, recorded) if body else None
    county = handling_office_name(profile, c) if kind == SUPERVISION_NOTICE else ""
    if kind == URGE_LETTER:
        variant = LETTER_VARIANT if addressing is not None and addressing.form == "letter" else None
        recipient = body
    else:
        direct = step.step != DueKind.FEEDBACK and addressing is not None and addressing.may_direct
        variant = None if direct else OFFICE_VARIANT
        recipient = county
    facts = ReminderFacts(kind, step, profile.office.region_code,
                          profile.calendar.add_working_days(today, REPLY_WORKING_DAYS), body, county,
                          tuple(earlier(c, kind, step.step.value)))
    return ReminderParts(variant, recipient, addressing, reminder_values(c, facts, issuer))
