"""The status-bar indicator 同步状态: 单机模式 / 已同步 HH:MM / 待上传 N 条 / 同步中… / 同步失败.

A flat button at the right of the status bar (clicking it opens the 同步 page). It follows the
``SyncController``: the status is re-read after every write and every sync. Refused records and
complaints waiting for review add a warning icon and say so in the tooltip.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from app.domain.clock import CHINA, parse_iso
from ui.sync.controller import SyncController

if TYPE_CHECKING:
    from app.services.sync import SyncStatus


def sync_failed(status: SyncStatus) -> bool:
    """The last attempt ended in an error (a cancel the officer asked for is not a failure)."""
    return bool(status.last_error_code) and status.last_error_code != "sync_cancelled"


def short_time(iso: str, now: datetime) -> str:
    """``18:02`` today, ``11-25 18:02`` on another day (China time)."""
    moment = parse_iso(iso).astimezone(CHINA)
    return moment.strftime("%H:%M") if moment.date() == now.astimezone(CHINA).date() else moment.strftime(
        "%m-%d %H:%M")


class SyncIndicator(QToolButton):
    def __init__(self, controller: SyncController, now, parent: QWidget | None = None) -> None:
        """``now``: the profile's clock (``profile.now``), so “today” is the office's today."""
        super().__init__(parent)
        self._controller = controller
        self._now = now
        self.level = "info"  # info | attention | error | busy (tests and style read it)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setText(self.tr("Standalone"))
        controller.changed.connect(self.update_state)

    def update_state(self) -> None:
        c = self._controller
        s = c.status
        tips: list[str] = []
        if c.running:
            text, level = (self.tr("Cancelling…") if c.cancelling else self.tr("Syncing…")), "busy"
        elif s is None:
            text, level = "…", "info"
        elif not s.enrolled:
            text, level = self.tr("Standalone"), "info"
            tips.append(self.tr("Not connected to the prefecture hub: everything stays on this computer."))
        elif sync_failed(s):
            text, level = self.tr("Sync failed"), "error"
            tips.append(s.last_error_message or "")
        elif s.pending_events:
            text, level = self.tr("{n} to upload").format(n=f"{s.pending_events:,}"), "info"
        elif s.last_success_at:
            text, level = self.tr("Synced {time}").format(time=short_time(s.last_success_at, self._now())), "info"
        else:
            text, level = self.tr("Not synced yet"), "info"
        if s is not None and s.enrolled:
            if s.rejected:
                tips.append(self.tr("{n} records refused by the hub").format(n=len(s.rejected)))
            if s.conflicts:
                tips.append(self.tr("{n} complaints to check").format(n=len(s.conflicts)))
            if s.clock_warning:
                tips.append(s.clock_warning)
            if level == "info" and (s.rejected or s.conflicts or s.clock_warning):
                level = "attention"
        self.level = level
        self.setText(text)
        icon = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                "attention": QStyle.StandardPixmap.SP_MessageBoxWarning}.get(level)
        self.setIcon(self.style().standardIcon(icon) if icon is not None else QIcon())
        self.setStyleSheet("QToolButton { color: #c62828; }" if level == "error" else "")
        tips.append(self.tr("Click to open the Sync page."))
        self.setToolTip("\n".join(t for t in tips if t))
