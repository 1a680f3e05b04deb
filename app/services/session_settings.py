"""Session settings 会话设置: after how many idle minutes the window locks itself (default 15).

Stored in the profile's ``meta`` (key ``session_settings``) beside the office settings, so every user
of this computer gets the same lock; set by the system administrator (an audited ``session_settings``
event on the admin stream). 等保 2.0 (GB/T 22239-2019) 8.1.4.1 c asks for a timeout: 1 to 60 minutes,
never off.
"""

from __future__ import annotations

import json

from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.events import ADMIN_STREAM, canonical_json
from app.domain.vocabulary import Role
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor
from app.store.meta import MetaStore

META_KEY = "session_settings"
DEFAULT_IDLE_MINUTES = 15
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 60


def idle_lock_minutes(profile: Profile) -> int:
    """The configured idle time before the lock (the default when unset or unreadable)."""
    with profile.store.read() as session:
        text = MetaStore(session).get(META_KEY)
    try:
        value = int(json.loads(text)["idle_lock_minutes"]) if text else DEFAULT_IDLE_MINUTES
    except (ValueError, TypeError, KeyError):
        return DEFAULT_IDLE_MINUTES
    return value if MIN_IDLE_MINUTES <= value <= MAX_IDLE_MINUTES else DEFAULT_IDLE_MINUTES


def set_idle_lock_minutes(profile: Profile, actor: Actor, minutes: int) -> int:
    if not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise ValidationFailed([FieldError("idle_lock_minutes", "idle_minutes_invalid",
                                           {"min": MIN_IDLE_MINUTES, "max": MAX_IDLE_MINUTES})])
    with profile.store.unit_of_work() as uow:
        uow.meta.set(META_KEY, canonical_json({"idle_lock_minutes": minutes}))
        record(uow, profile, stream=ADMIN_STREAM, action="session_settings", actor=actor.user_id,
               payload={"idle_lock_minutes": minutes}, roles=actor.roles)
        uow.commit()
    return minutes
