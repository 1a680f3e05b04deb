"""What the sync widgets run on the task pool (``ctx.tasks.run``): thin adapters over
``app.services.sync``, no Qt. The service is imported inside each function: the sync client (HTTP,
keyring) costs ~200 ms to import and is not needed to show the main window.

``progress(done, total, text)`` and ``cancel()`` are the plain callables ``ui.tasks`` hands to a job;
``SyncProgress`` objects from the service are turned into that shape here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError
from app.messages import describe

if TYPE_CHECKING:
    from app.services.profile import Profile
    from app.services.sync import Enrolled, SyncReport, SyncStatus

Progress = Callable[[int, int, str], None]


def read_status(profile: Profile) -> SyncStatus:
    from app.services.sync import status

    return status(profile)


def _adapt(progress: Progress | None):
    if progress is None:
        return None
    return lambda p: progress(p.done, p.total or 0, p.text)


def run_sync(profile: Profile, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None) -> SyncReport:
    """One complete ``sync_now``; raises its ``DomainError`` (cancelled, hub unreachable, refused…)."""
    from app.services.sync import sync_now

    return sync_now(profile, _adapt(progress), cancel)


def store_daily_time(profile: Profile, hhmm: str | None) -> str | None:
    from app.services.sync import set_daily_time

    set_daily_time(profile, hhmm)
    return hhmm


def enrol_existing(home: Path, hub_url: str, code: str, device_name: str, proxy: str | None = None) -> Enrolled:
    """Enrol the open (standalone) profile; the first sync follows through the window's controller.
    ``proxy``: the hub proxy setting typed in the form (None: the profile's, else 系统设置)."""
    from app.services.sync import enroll

    return enroll(home, hub_url, code, device_name or None, proxy=proxy)


@dataclass(frozen=True)
class FirstSync:
    """A new profile enrolled from the first-run wizard, and its first sync (which brings the users)."""

    enrolled: Enrolled
    users: int  # active accounts on this computer after the sync (officers log in with these)
    error: str | None  # the first sync's Chinese error, when it did not complete


def enrol_new(home: Path, hub_url: str, code: str, device_name: str, progress: Progress | None = None, *,
              proxy: str | None = None) -> FirstSync:
    """A new profile joined to the hub with a one-time code, then synced once. An enrolment refusal
    raises (nothing created); a failed first sync is returned in ``error`` (the profile exists: retry
    with ``first_sync``)."""
    from app.services.sync import enroll

    enrolled = enroll(home, hub_url, code, device_name or None, proxy=proxy)
    return first_sync(home, enrolled, progress)


def first_sync(home: Path, enrolled: Enrolled, progress: Progress | None = None) -> FirstSync:
    from app.services.profile import open_profile
    from app.services.sync import sync_now
    from app.services.users import list_users

    profile = open_profile(home, daily_backup=False)
    try:
        error = None
        try:
            sync_now(profile, _adapt(progress))
        except DomainError as failure:
            error = describe(failure)
        users = sum(1 for user in list_users(profile) if user.active)
    finally:
        profile.close()
    return FirstSync(enrolled, users, error)
