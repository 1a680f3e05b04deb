"""What the registration form runs in the background: register, then store the attachments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.messages import describe
from app.services.attachments import attach_file
from app.services.intake import Registered, register
from app.services.profile import Profile
from app.services.users import Actor


@dataclass(frozen=True)
class Submitted:
    registered: Registered
    attached: tuple[str, ...]  # file names stored
    failed: tuple[tuple[str, str], ...]  # (file name, Chinese reason) not stored


def register_with_attachments(profile: Profile, actor: Actor, data: dict[str, Any], paths: list[str],
                              on_registered: Callable[[], None] | None = None) -> Submitted:
    """Register (one event), then attach each file (one event each, chained on the head just made).

    ``on_registered`` runs as soon as the complaint exists (the form drops its draft there, so a form
    closed meanwhile cannot leave a draft of a complaint that is already registered).

    The registration stands even when a file cannot be stored (moved, too large): the form says which
    ones failed, and they can be added again from the complaint.
    """
    registered = register(profile, actor, data)
    if on_registered is not None:
        on_registered()
    head = registered.event_id
    attached, failed = [], []
    for name in paths:
        path = Path(name)
        try:
            acted = attach_file(profile, actor, registered.complaint_id, path, expected_head=head)
        except DomainError as error:
            failed.append((path.name, describe(error)))
        except OSError as error:
            failed.append((path.name, error.strerror or str(error)))
        else:
            head = acted.event_id
            attached.append(path.name)
    return Submitted(registered, tuple(attached), tuple(failed))
