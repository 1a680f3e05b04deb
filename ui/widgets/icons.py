"""Icons 图标: one family for the whole window — Font Awesome 6 Free, solid style, drawn by QtAwesome.

Every icon the interface shows is named here by what it means in the app (``"complaints"``, ``"export"``,
``"print"`` …), never by its glyph, so the set stays consistent and can be swapped in one place.
Licences (see ``resources/LICENSES.md``): the Font Awesome Free font is under the SIL Open Font Licence 1.1,
its icons under CC BY 4.0; QtAwesome is MIT.

If QtAwesome or its font cannot be loaded (a broken install, no font engine), ``icon`` returns a null
``QIcon`` and buttons simply show their text.
"""

from __future__ import annotations

import logging
import os
from functools import cache

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

COLOUR = "#37474f"  # blue grey 800: 10:1 on white, calm next to the text
ACTIVE_COLOUR = "#0b5394"
DISABLED_COLOUR = "#9aa0a6"
SELECTED_COLOUR = "#ffffff"  # on the highlight of a chosen navigation entry

# meaning → Font Awesome 6 solid glyph
GLYPHS: dict[str, str] = {
    # navigation (ui.main_window order)
    "workbench": "house-chimney-user",
    "complaints": "folder-open",
    "documents": "file-lines",
    "statistics": "chart-column",
    "breaches": "user-slash",
    "credit": "magnifying-glass-chart",
    "typical": "award",
    "audit": "shield-halved",
    "sync": "arrows-rotate",
    "settings": "gear",
    # actions
    "register": "file-circle-plus",
    "import": "file-import",
    "export": "file-export",
    "print": "print",
    "save_as": "floppy-disk",
    "refresh": "rotate",
    "search": "magnifying-glass",
    "handle": "gavel",
    "edit": "pen-to-square",
    "open_folder": "folder",
    "clear_filter": "filter-circle-xmark",
    "calendar": "calendar-days",
    "empty": "inbox",
    "submit": "paper-plane",
    "check": "circle-check",
    "duplicates": "clone",
    "issue": "stamp",
    "preview": "eye",
    "remind": "bell",
    "password": "key",
    "add_user": "user-plus",
    "open": "arrow-up-right-from-square",
    "attach": "paperclip",
}

# 办理: the case actions (``app.domain.vocabulary.Action`` values) → glyph; any other action: the gavel
ACTIONS: dict[str, str] = {
    "register": "file-circle-plus", "reject": "ban", "merge": "code-merge", "forward": "share-from-square",
    "redirect": "arrow-right-arrow-left", "return": "reply", "conclude": "scale-balanced", "extend": "hourglass-half",
    "rectify": "wrench", "refuse": "triangle-exclamation", "sanction": "hammer", "repair": "screwdriver-wrench",
    "feedback": "reply-all", "close": "circle-check", "reopen": "lock-open", "hold_accountable": "user-tie",
    "note": "note-sticky", "attach": "paperclip", "amend": "pen-to-square", "assign": "user-check",
    "mark_typical": "award", "resolve": "scale-balanced", "issue_document": "stamp",
}

NAVIGATION = ("workbench", "complaints", "documents", "statistics", "breaches", "credit", "typical", "audit",
              "sync", "settings")


@cache
def _qtawesome():
    os.environ.setdefault("QT_API", "pyside6")  # qtpy (under QtAwesome) then skips looking for PyQt
    try:
        import qtawesome
    except Exception:  # an import or font failure must never stop the window
        log.warning("QtAwesome could not be loaded; the interface shows no icons", exc_info=True)
        return None
    return qtawesome


def icon(meaning: str) -> QIcon:
    """The icon for ``meaning`` (a key of ``GLYPHS``); a null ``QIcon`` when icons cannot be drawn."""
    return _drawn(GLYPHS[meaning])


def action_icon(action: str) -> QIcon:
    """The icon of a 办理 action button (an ``Action`` value)."""
    return _drawn(ACTIONS.get(action, GLYPHS["handle"]))


def _drawn(glyph: str) -> QIcon:
    qta = _qtawesome()
    if qta is None:
        return QIcon()
    try:
        return qta.icon(f"fa6s.{glyph}", color=COLOUR, color_active=ACTIVE_COLOUR,
                        color_disabled=DISABLED_COLOUR, color_selected=SELECTED_COLOUR)
    except Exception:
        log.warning("icon %s could not be drawn", glyph, exc_info=True)
        return QIcon()
