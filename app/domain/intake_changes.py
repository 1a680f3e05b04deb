"""Amending an intake 更正登记信息: which fields may change and how dotted-path changes apply.

Apart from ``app.domain.intake`` (which re-exports them) because the workflow folds amendments with
``apply_changes`` and must not import the pydantic intake model for that (issue 15: listing and showing
complaints from the command line without the models).
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import FieldError, ValidationFailed

AMENDABLE_SECTIONS = ("complainant", "respondent", "agreement", "claim")
AMENDABLE_TOP = ("channel", "channel_ref", "sector", "breach_kind", "description", "received_on")


def apply_changes(intake: dict, changes: dict[str, Any]) -> dict:
    """A copy of ``intake`` (JSON form) with dotted-path ``changes`` applied, e.g. ``{"claim.amount": "5000"}``."""
    result = {key: (dict(value) if isinstance(value, dict) else value) for key, value in intake.items()}
    for path, value in changes.items():
        parts = path.split(".")
        if len(parts) == 1 and parts[0] in AMENDABLE_TOP:
            result[parts[0]] = value
        elif len(parts) == 2 and parts[0] in AMENDABLE_SECTIONS:
            result[parts[0]][parts[1]] = value
        else:
            raise ValidationFailed([FieldError(path, "field_not_amendable")])
    return result
