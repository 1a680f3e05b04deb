"""The fact 事实 ``apply`` folds: what the workflow needs of an event, the rest is bookkeeping.

Its own module so that ``app.domain.events`` (and with it the store's table definitions) does not
import the workflow's rules and their pydantic payload models (issue 15: a CLI call under 0.5 s).
``app.domain.workflow`` imports it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Fact:
    """What ``apply`` needs of an event: the rest of the event is bookkeeping."""

    id: str
    complaint_id: str
    action: str
    payload: dict[str, Any]
    actor: str
    at: str  # ISO UTC
    on: date  # China date of ``at``
