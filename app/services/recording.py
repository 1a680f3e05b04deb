"""Recording events: the one place where services turn an action into a sealed event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain.clock import iso_utc
from app.domain.complaint import Complaint
from app.domain.events import Event
from app.domain.ids import uuid7
from app.services.profile import Profile
from app.store.events import Draft
from app.store.uow import UnitOfWork


def record(
    uow: UnitOfWork, profile: Profile, *, stream: str, action: str, payload: dict[str, Any], actor: str,
    base: str | None = None, event_id: str | None = None, complaint: Complaint | None = None,
    roles: Iterable[str] | None = None,
) -> Event:
    """Validate one event (``app.domain.event_rules.validate_event``: the same check the hub and every
    device's fold run; ``complaint`` as it stands, ``roles`` of the acting user when known) and append
    it to the log inside ``uow`` (the caller commits)."""
    from app.domain.event_rules import ActorFacts, validate_event  # pydantic: imported on the first event

    draft = Draft(id=event_id or uuid7(), stream=stream, action=action, payload=payload, actor=actor,
                  device_time=iso_utc(profile.now()), base=base)
    validate_event(draft, complaint, ActorFacts(actor, frozenset(roles)) if roles is not None else None)
    return uow.events.append(draft)
