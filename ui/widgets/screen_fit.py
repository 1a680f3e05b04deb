"""Windows that fit the screen they open on: 1366×768 office PCs, 125 % and 150 % scaling, both font sizes.

- ``fit_to_screen(widget, want_w, want_h)``: the wanted size, but never more than ``SCREEN_SHARE`` of the
  available area of the widget's screen (logical pixels, so scaling is taken into account); a window
  without a parent is centred on that area (a dialog is centred on its parent by Qt, kept on screen).
- ``restore_geometry_if_fits(widget, settings, key)``: a saved geometry is used only when it fits the
  available area of the screen it would open on (a window saved on a large screen, or before the scaling
  changed, opens fitted instead).
- ``scrolling(content, parent)``: a frameless ``QScrollArea`` around content that can grow (form fields,
  error lists), so the dialog's button box stays visible below it.

Sizes are best given in ems (``em(widget)``: the width of "中" in the widget's font), so that a larger
font asks for a larger window, and the screen decides how much of it is granted.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SCREEN_SHARE = 0.92  # at most this share of the available width and height


def em(widget: QWidget) -> int:
    """The width of "中" in ``widget``'s font: the unit for sizes that follow the font size."""
    return max(1, widget.fontMetrics().horizontalAdvance("中"))


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available area (without task bars) of the screen ``widget`` is on, or will open on: its parent
    window's screen for a dialog not yet shown; the primary screen otherwise. Logical pixels."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        anchor = parent.window() if parent is not None and not widget.isVisible() else widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 720)


def fitted_size(widget: QWidget, want_w: int, want_h: int) -> QSize:
    area = available_geometry(widget)
    return QSize(max(1, min(int(want_w), int(area.width() * SCREEN_SHARE))),
                 max(1, min(int(want_h), int(area.height() * SCREEN_SHARE))))


def fit_to_screen(widget: QWidget, want_w: int, want_h: int) -> QSize:
    """Resize ``widget`` to (``want_w``, ``want_h``) capped by the available screen area; returns the size.

    Nothing here sets a minimum: content that can grow belongs in a scroll area (``scrolling``)."""
    size = fitted_size(widget, want_w, want_h)
    widget.resize(size)
    if widget.parentWidget() is None:
        area = available_geometry(widget)
        widget.move(area.x() + (area.width() - size.width()) // 2,
                    area.y() + (area.height() - size.height()) // 2)
    return size


def area_at(rect: QRect, widget: QWidget | None = None) -> QRect:
    """The available area of the screen under the centre of ``rect`` (else ``widget``'s screen)."""
    screen = QGuiApplication.screenAt(rect.center())
    return screen.availableGeometry() if screen is not None else available_geometry(widget)


def fits_screen(widget: QWidget, geometry: QRect | None = None) -> bool:
    """True when ``geometry`` (the widget's own by default) lies within the available area of a screen."""
    rect = QRect(geometry if geometry is not None else widget.geometry())
    return area_at(rect, widget).contains(rect)


def restore_geometry_if_fits(widget: QWidget, settings: QSettings, key: str) -> bool:
    """Restore the geometry saved under ``key`` when it fits the current screen; False (the widget
    untouched) when there is none, it is unreadable, or it would not fit: the caller then fits it."""
    saved = settings.value(key)
    if saved is None:
        return False
    before = widget.geometry()
    state = widget.windowState()
    try:
        restored = widget.restoreGeometry(saved)
    except (TypeError, ValueError):
        restored = False
    if restored and (widget.isMaximized() or fits_screen(widget)):
        return True
    widget.setWindowState(state)
    widget.setGeometry(before)
    return False


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """A frameless, resizable scroll area around ``content`` (vertical scrolling only, as needed)."""
    area = QScrollArea(parent)
    area.setObjectName("fit-scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra Tab stop: focus goes to the fields (it follows them)
    area.setWidget(content)
    return area
