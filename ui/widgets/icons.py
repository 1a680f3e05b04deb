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
from functools import cache

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

COLOUR = "#37474f"  # blue grey 800: 10:1 on white, calm next to the text
ACTIVE_COLOUR = "#0b5394"
DISABLED_COLOUR = "#9aa0a6"

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
}

NAVIGATION = ("workbench", "complaints", "documents", "statistics", "breaches", "credit", "typical", "audit",
              "sync", "settings")


@cache
def _qtawesome():
    try:
        import qtawesome
    except Exception:  # an import or font failure must never stop the window
        log.warning("QtAwesome could not be loaded; the interface shows no icons", exc_info=True)
        return None
    return qtawesome


def icon(meaning: str) -> QIcon:
    """The icon for ``meaning`` (a key of ``GLYPHS``); a null ``QIcon`` when icons cannot be drawn."""
    glyph = GLYPHS[meaning]
    qta = _qtawesome()
    if qta is None:
        return QIcon()
    try:
        return qta.icon(f"fa6s.{glyph}", color=COLOUR, color_active=ACTIVE_COLOUR,
                        color_disabled=DISABLED_COLOUR)
    except Exception:
        log.warning("icon %s could not be drawn", glyph, exc_info=True)
        return QIcon()
