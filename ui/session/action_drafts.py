"""What was typed in an open action dialog (办理操作: forward, conclude…) when its session ended, kept as a
draft for the same user, the same complaint and the same action only (the key is a digest of the
three), and put back when that user opens that action again. Another user never sees it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.drafts import discard_draft, load_draft, save_draft

VERSION = 1


def draft_key(user_id: str, complaint_id: str, action: str) -> str:
    digest = hashlib.sha256(f"{user_id}\n{complaint_id}\n{action}".encode()).hexdigest()[:32]
    return f"action-{digest}"


def _key(dialog) -> str:
    return draft_key(dialog.ctx.actor.user_id, dialog.detail.complaint.id, dialog.action.value)


def keep(dialog) -> bool:
    """Save the dialog's entries (on this thread: the session is ending). False when nothing was typed."""
    values: dict[str, Any] = {}
    for name, row in dialog.rows.items():
        try:
            values[name] = row.field.value()
        except Exception:  # a field that cannot say its value now is skipped, never the whole draft
            continue
    if not any(v not in (None, "", [], False) for v in values.values()):
        return False
    save_draft(dialog.ctx.profile, _key(dialog), {"version": VERSION, "values": values})
    return True


def restore(dialog) -> bool:
    """Put a kept draft back into a new dialog (and drop the file: it lives in the dialog now)."""
    key = _key(dialog)
    draft = load_draft(dialog.ctx.profile, key)
    if not draft or draft.get("version") != VERSION or not isinstance(draft.get("values"), dict):
        return False
    for name, value in draft["values"].items():
        row = dialog.rows.get(name)
        if row is not None and value is not None:
            try:
                row.field.set_value(value)
            except Exception:  # the form changed since: keep what fits
                continue
    discard_draft(dialog.ctx.profile, key)
    dialog.summary.setText(QCoreApplication.translate(
        "ActionDrafts", "The entries you left when your session ended have been restored."))
    dialog.summary.show()
    return True
