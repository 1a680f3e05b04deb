"""Appearance 外观: the interface font (a Chinese UI face) and its size, applied app-wide and remembered.

The size lives in the profile's settings (``ui.ini`` beside the database) under ``appearance/font_size``.
Headings scale with it (``ui.widgets.heading``), so larger text never clips a fixed-size label.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel

FONT_SIZE_KEY = "appearance/font_size"
# Hint and placeholder text: Qt's default is the text colour at 50% (about #808080 on white, 3.9:1); this grey
# is 6:1 on white and 5.3:1 on the window grey (WCAG AA asks for 4.5:1). Hint labels use the same.
HINT_COLOUR = "#5f6368"
DEFAULT_FONT_SIZE = 10
FONT_SIZES = (9, 10, 11, 12, 14, 16, 18)
# Preferred interface faces, Windows first; the first installed one wins.
UI_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "Noto Sans SC")


def profile_settings(home: Path) -> QSettings:
    """Settings kept per profile (window layout, column widths, font size)."""
    home.mkdir(parents=True, exist_ok=True)
    return QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)


def font_size(settings: QSettings) -> int:
    try:
        value = int(settings.value(FONT_SIZE_KEY, DEFAULT_FONT_SIZE))
    except (TypeError, ValueError):
        value = DEFAULT_FONT_SIZE
    return value if value in FONT_SIZES else DEFAULT_FONT_SIZE


def interface_font(size: int) -> QFont:
    font = QFont(QApplication.font())
    available = set(QFontDatabase.families())
    for family in UI_FAMILIES:
        if family in available:
            font.setFamilies([family, *(f for f in UI_FAMILIES if f != family and f in available)])
            break
    font.setPointSize(size)
    return font


def apply_font_size(settings: QSettings, size: int | None = None) -> int:
    """Apply (and remember, when ``size`` is given) the interface font size; returns the size used."""
    if size is not None:
        settings.setValue(FONT_SIZE_KEY, int(size))
        settings.sync()
    used = font_size(settings)
    QApplication.setFont(interface_font(used))
    return used


def apply_readable_colours(app: QApplication | None = None) -> None:
    """Placeholder (hint) text readable against the field's background (WCAG AA, ≥ 4.5:1)."""
    app = app or QApplication.instance()
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(HINT_COLOUR))
    app.setPalette(palette)


def as_hint(label: QLabel) -> QLabel:
    """A quiet explanatory line (``HINT_COLOUR``), still readable — never a disabled label, whose grey
    (#bebebe) is 1.7:1 against the window."""
    label.setStyleSheet(f"color: {HINT_COLOUR};")
    return label
