"""The “确认…？” questions of the actions with lasting consequences (``Rule.needs_confirmation``).

One sentence each: what is about to happen, to whom, and what follows from it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.sanctions import credit_measures, in_force
from app.domain.vocabulary import Action, SanctionMeasure, label
from app.services.queries import ComplaintDetail


def sentence(action: Action, detail: ComplaintDetail, payload: dict[str, Any], today: date) -> str | None:
    complaint = detail.complaint
    body = complaint.intake["respondent"]["name"]
    if action == Action.REFUSE:
        return QCoreApplication.translate(
            "ActionConfirmation",
            "Confirm that %1 refused to rectify and broke its contract? The breach is recorded in the government "
            "credit record and reported to the province; it cannot be withdrawn.").replace("%1", body)
    if action == Action.SANCTION:
        measures = "、".join([label(SanctionMeasure(m)) for m in payload.get("measures", [])]
                            + list(payload.get("other_measures", [])))
        if payload.get("end_on"):
            text = QCoreApplication.translate(
                "ActionConfirmation", "Impose on %1 these measures: %2? They apply from %3 until %4 or until the "
                "credit is repaired.").replace("%4", str(payload["end_on"]))
        else:
            text = QCoreApplication.translate(
                "ActionConfirmation", "Impose on %1 these measures: %2? They apply from %3 until the credit is "
                "repaired.")
        return text.replace("%1", body).replace("%2", measures).replace("%3", str(payload.get("start_on", "")))
    if action == Action.REPAIR:
        running = in_force(complaint.sanctions, today)
        count = sum(len(credit_measures(s)) + len(s.get("other_measures") or []) for s in running)
        return QCoreApplication.translate(
            "ActionConfirmation",
            "Confirm that %1 has fulfilled the agreement and repair its credit? The %2 measure(s) still in force "
            "end, and the repair is reported to the credit information platform.").replace(
            "%1", body).replace("%2", str(count))
    if action == Action.HOLD_ACCOUNTABLE:
        names = "、".join(p.get("name", "") for p in payload.get("persons", []))
        return QCoreApplication.translate(
            "ActionConfirmation", "Record that %1 were held accountable for the breach of %2?").replace(
            "%1", names).replace("%2", body)
    return None


