"""What every window and page is given: the open profile, the logged-in user, the task runner, and the
session's own folder for copies of attachments handed to the OS to open."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from app.services.open_folder import OpenFolder
from app.services.profile import Profile
from app.services.users import Actor
from ui.tasks import Tasks


@dataclass
class UiContext:
    profile: Profile
    actor: Actor
    tasks: Tasks
    settings: QSettings  # window geometry, column widths, font size (per profile)
    open_folder: OpenFolder = field(default_factory=OpenFolder)  # made on first use; start-up removes it

    @property
    def roles(self) -> tuple[str, ...]:
        return self.actor.roles
