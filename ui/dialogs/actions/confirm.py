"""The “确认…？” questions of the actions with lasting consequences (``Rule.needs_confirmation``).

One sentence each: what is about to happen, to whom, and what follows from it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.vocabulary import Action, SanctionMeasure, label
from app.services.queries import ComplaintDetail


def sentence(action: Action, detail: ComplaintDetail, payload: dict[str, Any]) -> str | None:
    complaint = detail.complaint
    body = complaint.intake["respondent"]["name"]
    if action == Action.REFUSE:
        return QCoreApplication.translate(
            "ActionConfirmation",
            "Confirm that %1 refused to rectify and broke its contract? The breach is recorded in the government "
            "credit record and reported to the province; it cannot be withdrawn.").replace("%1", body)
    if action == Action.SANCTION:
        measures = "、".join(label(SanctionMeasure(m)) for m in payload.get("measures", []))
        return QCoreApplication.translate(
            "ActionConfirmation",
            "Impose on %1 these measures: %2? They apply from %3 until the credit is repaired.").replace(
            "%1", body).replace("%2", measures).replace("%3", str(payload.get("start_on", "")))
    if action == Action.REPAIR:
        active = len(complaint.active_sanctions)
        return QCoreApplication.translate(
            "ActionConfirmation",
            "Confirm that %1 has fulfilled the agreement and repair its credit? This lifts all %2 active "
            "sanction(s) and is reported to the credit information platform.").replace(
            "%1", body).replace("%2", str(active))
    return None


