"""Recording events: the one place where services turn an action into a sealed event."""

from __future__ import annotations

from typing import Any

from app.domain.clock import iso_utc
from app.domain.ids import uuid7
from app.services.profile import Profile
from app.store.events import Draft
from app.store.uow import UnitOfWork


def record(
    uow: UnitOfWork, profile: Profile, *, stream: str, action: str, payload: dict[str, Any], actor: str,
    base: str | None = None, event_id: str | None = None,
):
    """Append one event to the log inside ``uow`` (the caller commits)."""
    return uow.events.append(Draft(
        id=event_id or uuid7(), stream=stream, action=action, payload=payload, actor=actor,
        device_time=iso_utc(profile.now()), base=base,
    ))
