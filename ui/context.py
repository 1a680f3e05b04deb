"""What every window and page is given: the open profile, the logged-in user, the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from app.services.profile import Profile
from app.services.users import Actor
from ui.tasks import Tasks


@dataclass
class UiContext:
    profile: Profile
    actor: Actor
    tasks: Tasks
    settings: QSettings  # window geometry, column widths, font size (per profile)

    @property
    def roles(self) -> tuple[str, ...]:
        return self.actor.roles
