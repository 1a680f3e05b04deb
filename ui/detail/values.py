"""How stored intake values read on screen (codes to Chinese labels, amounts in yuan, region names)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.vocabulary import label
from app.presentation import money_text
from app.services.profile import Profile
from ui.forms.intake_fields import FieldSpec

EMPTY = "—"


def display_value(profile: Profile, spec: FieldSpec, value: Any) -> str:
    if spec.kind == "override":
        return QCoreApplication.translate("IntakeFields", "Yes") if value else QCoreApplication.translate(
            "IntakeFields", "No")
    if value in (None, ""):
        return EMPTY
    if spec.enum is not None:
        try:
            return label(spec.enum(value))
        except ValueError:
            return str(value)
    if spec.kind == "money":
        return money_text(value)
    if spec.kind == "region":
        region = profile.regions.find(str(value))
        return f"{region.name}（{value}）" if region else str(value)
    return str(value)


def current_value(intake: dict[str, Any], path: str) -> Any:
    """The value at a dotted intake path (``complainant.phone``), or None."""
    value: Any = intake
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
