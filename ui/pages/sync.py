"""Sync 同步: the hub this office is enrolled with (or standalone mode), the last successful sync, the
records waiting to be sent, the records the hub refused (with its reasons and what to do), the
complaints waiting for review 待核对, a clock-skew warning, “Sync now” with progress and cancel, and
the optional daily sync time. Everything comes from ``app.services.sync`` through ``SyncController``.

Cancelling stops at the sync's next safe point: every step commits on its own, so what was sent stays
sent and the rest waits for the next sync. Network faults are shown with the service's Chinese message
(the data on this computer is intact); nothing pops up, the page says what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from app.services.queries import ComplaintFilter, local_time
from ui.context import UiContext
from ui.sync.controller import SyncController
from ui.sync.daily import DailySyncBox
from ui.sync.indicator import sync_failed
from ui.sync.proxy_box import ProxyBox
from ui.sync.tables import ConflictTable, QuarantineTable, RefusedTable
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.heading import Heading

if TYPE_CHECKING:
    from app.services.sync import SyncReport, SyncStatus

ERROR, WARNING, OK, GREY = "#c62828", "#8a5a00", "#1b5e20", "#5f6368"


def _label(parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SyncPage(QWidget):
    open_complaint = Signal(str, str)
    open_list = Signal(object, str)  # ComplaintFilter, description
    enrol_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.controller = SyncController(ctx, self)
        self._cancelled_with: int | None = None  # unsent count before a sync the officer cancelled
        self.mode = Heading(self.tr("Standalone mode: not connected to the prefecture hub"), self, scale=1.3)
        self.pending = _label(self)
        self.pending.setText(self.tr("Counting…"))
        self.explanation = _label(self)
        self.explanation.setEnabled(False)
        self.enrol_button = QPushButton(self.tr("Connect to the prefecture hub…"), self)
        self.enrol_button.setIcon(icons.icon("sync"))
        self.enrol_button.setVisible(ctx.actor.has(Role.ADMIN))
        self.enrol_button.clicked.connect(self.enrol_requested.emit)
        self.facts = QWidget(self)
        facts = QFormLayout(self.facts)
        facts.setContentsMargins(0, 0, 0, 0)
        self.hub, self.device, self.scope = _label(self, selectable=True), _label(self), _label(self)
        self.last_sync = _label(self)
        self.route = _label(self, selectable=True)  # 直连 / 经代理 http://…: how the next sync reaches the hub
        self.proxy = ProxyBox(ctx, self)
        self.proxy.saved.connect(lambda _value: self.refresh())
        for text, label in ((self.tr("Hub"), self.hub), (self.tr("Connection"), self.route),
                            (self.tr("Proxy"), self.proxy), (self.tr("This computer"), self.device),
                            (self.tr("Scope"), self.scope), (self.tr("Last successful sync"), self.last_sync),
                            (self.tr("Waiting to be sent"), self.pending)):
            facts.addRow(text, label)
        self.clock = _label(self)
        self.clock.setStyleSheet(f"color: {WARNING}; font-weight: bold;")
        self.outcome = _label(self, selectable=True)
        self.sync_button = QPushButton(self.tr("Sync now"), self, enabled=False)
        self.sync_button.setIcon(icons.icon("sync"))
        self.sync_button.setToolTip(self.tr("Available once this office is enrolled with the prefecture hub"))
        self.sync_button.clicked.connect(self.sync)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.cancel_button.hide()
        refresh = QPushButton(self.tr("Refresh (F5)"), self)
        refresh.setIcon(icons.icon("refresh"))
        refresh.clicked.connect(self.refresh)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.progress_text = _label(self)
        self.daily = DailySyncBox(ctx, self)
        self.refused = RefusedTable(self)
        self.refused.open_complaint.connect(self.open_complaint)
        self.conflicts = ConflictTable(self)
        self.conflicts.open_complaint.connect(self.open_complaint)
        self.set_aside = QuarantineTable(self)
        self.set_aside.open_complaint.connect(self.open_complaint)
        self._layout(refresh)
        c = self.controller
        c.status_changed.connect(self._show)
        c.failed_to_read.connect(lambda failure: self.pending.setText(failure.message))
        c.started.connect(self._started)
        c.progressed.connect(self._progressed)
        c.finished.connect(self._finished)
        c.failed.connect(self._failed)
        c.changed.connect(self._buttons)

    def _layout(self, refresh: QPushButton) -> None:
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.cancel_button, refresh, self.enrol_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 3)
        buttons.addStretch(1)
        self.refused_box = QGroupBox(self)
        about_refused = _label(self.refused_box)
        about_refused.setText(self.tr("These records stay on this computer and are never deleted. The hub's reason "
                                      "and what to do are beside each; double-click a row to open its complaint."))
        box = QVBoxLayout(self.refused_box)
        box.addWidget(about_refused)
        box.addWidget(self.refused)
        self.conflicts_box = QGroupBox(self)
        about_conflicts = _label(self.conflicts_box)
        about_conflicts.setText(self.tr("Changes made on two computers at the same time are all kept; the ones "
                                        "that could not be applied wait here. A leader opens the complaint and "
                                        "chooses “Resolve” to apply or dismiss each."))
        show_all = QPushButton(self.tr("Show them in the complaint list"), self.conflicts_box)
        show_all.clicked.connect(lambda: self.open_list.emit(ComplaintFilter(conflict_only=True),
                                                             self.tr("Complaints to check")))
        box = QVBoxLayout(self.conflicts_box)
        box.addWidget(about_conflicts)
        box.addWidget(self.conflicts)
        row = QHBoxLayout()
        row.addWidget(show_all)
        row.addStretch(1)
        box.addLayout(row)
        self.set_aside_box = QGroupBox(self)
        about_set_aside = _label(self.set_aside_box)
        about_set_aside.setText(self.tr(
            "These records do not count in any complaint: they are malformed (made by a faulty or outdated "
            "program on some computer) or the hub administrator quarantined them for every computer. They are "
            "kept, and everything else syncs as usual. Nothing needs doing here; if a record of this computer "
            "is listed, tell the system administrator."))
        box = QVBoxLayout(self.set_aside_box)
        box.addWidget(about_set_aside)
        box.addWidget(self.set_aside)
        body = QWidget(self)  # scrolls when a large font size makes the page taller than the window
        layout = QVBoxLayout(body)
        layout.addWidget(self.mode)
        layout.addWidget(self.facts)
        layout.addWidget(self.explanation)
        layout.addWidget(self.clock)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.outcome)
        layout.addWidget(self.daily)
        layout.addWidget(self.refused_box, 1)
        layout.addWidget(self.conflicts_box, 1)
        layout.addWidget(self.set_aside_box, 1)
        layout.addStretch(0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for widget in (self.clock, self.refused_box, self.conflicts_box, self.set_aside_box, self.daily, self.outcome,
                       self.progress_text):
            widget.hide()

    # -- actions ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.controller.refresh()

    def sync(self) -> None:
        self.controller.start()

    # -- the controller's news -----------------------------------------------------------------------
    def _started(self) -> None:
        self._say("", GREY)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_text.setText(self.tr("Starting…"))
        self.progress_text.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress_text.setText(text)

    def _stopped(self) -> None:
        self.progress.hide()
        self.progress_text.hide()

    def _finished(self, report: SyncReport) -> None:
        self._stopped()
        lines = [self.tr("Sync complete: {sent} records sent, {received} received.").format(
            sent=report.pushed, received=report.pulled)]
        if report.duplicates:
            lines.append(self.tr("{n} records the hub already had were confirmed.").format(n=report.duplicates))
        if report.rejected:
            lines.append(self.tr("The hub refused {n} records: they stay on this computer, see below.").format(
                n=report.rejected))
        if report.blobs_up or report.blobs_down:
            lines.append(self.tr("Attachments: {up} sent, {down} received.").format(
                up=report.blobs_up, down=report.blobs_down))
        if report.blobs_failed:
            lines.append(self.tr("{n} attachments did not go through (why: under Waiting to be sent); each sync tries them again.").format(
                n=report.blobs_failed))
        if report.integrity == "repaired":
            lines.append(self.tr("This computer's data was repaired from the hub (copy kept: {backup}).").format(
                backup=report.backup or ""))
        lines += report.warnings  # Chinese, from the service (clock, numbers…)
        self._say("\n".join(lines), WARNING if report.rejected or report.warnings or report.quarantined else OK)

    def _failed(self, failure: TaskFailure) -> None:
        self._stopped()
        code = getattr(failure.error, "code", None)
        if code == "sync_cancelled":
            self._cancelled_with = self.controller.pending_before
            self._say(failure.message, GREY)
        else:
            self._say(failure.message, ERROR)

    def _say(self, text: str, color: str) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(f"color: {color};")
        self.outcome.setVisible(bool(text))

    def _buttons(self) -> None:
        c = self.controller
        enrolled = c.status is not None and c.status.enrolled
        self.sync_button.setEnabled(enrolled and not c.running)
        self.cancel_button.setVisible(c.running)
        self.cancel_button.setEnabled(c.running and not c.cancelling)
        self.cancel_button.setText(self.tr("Cancelling…") if c.cancelling else self.tr("Cancel"))

    def _show(self, s: SyncStatus) -> None:
        pending = self.tr("{pending} records").format(pending=f"{s.pending_events:,}")
        if s.blobs_pending:
            pending += self.tr(", {n} attachments").format(n=s.blobs_pending)
        # which attachments failed at the last try and why (tried again at each sync), in the service's Chinese
        pending += "".join("\n" + failure.describe() for failure in s.blob_failures)
        self.pending.setText(pending)
        self.facts.setVisible(True)
        # the proxy is this PC's network, known to whoever sits at it; TLS still checks the hub whatever the route
        for label in (self.hub, self.route, self.proxy, self.device, self.scope, self.last_sync):
            self.facts.layout().setRowVisible(label, s.enrolled)
        self.enrol_button.setVisible(not s.enrolled and self._ctx.actor.has(Role.ADMIN))
        self.daily.setVisible(s.enrolled)
        if not s.enrolled:
            self.mode.setText(self.tr("Standalone mode: not connected to the prefecture hub"))
            self.explanation.setText(self.tr(
                "Everything is saved on this computer and works without a network. When this office is enrolled "
                "with the prefecture hub (Settings → Connect to the prefecture hub, by the system administrator), "
                "the records waiting here are sent at the first sync and nothing is lost."))
            self.explanation.show()
            for widget in (self.clock, self.refused_box, self.conflicts_box, self.set_aside_box):
                widget.hide()
            return
        self.mode.setText(self.tr("Enrolled with the prefecture hub"))
        self.explanation.hide()
        self.hub.setText(s.hub_url or "")
        self.route.setText(s.route)
        self.proxy.show_value(s.proxy_setting)
        self.device.setText(f"{s.device_name or ''}（{s.device_id}）")
        self.scope.setText(f"{s.scope_name or ''}（{s.scope_region or ''}）")
        self._show_last_sync(s)
        self.clock.setText(s.clock_warning or "")
        self.clock.setVisible(bool(s.clock_warning))
        self.daily.show_value(s.daily_time)
        self.refused.show_rows(s.rejected)
        self.refused_box.setTitle(self.tr("Refused by the hub ({n})").format(n=len(s.rejected)))
        self.refused_box.setVisible(bool(s.rejected))
        self.conflicts.show_rows(s.conflicts)
        self.conflicts_box.setTitle(self.tr("Complaints to check ({n})").format(n=len(s.conflicts)))
        self.conflicts_box.setVisible(bool(s.conflicts))
        self.set_aside.show_rows(s.quarantined)
        self.set_aside_box.setTitle(self.tr("Set aside ({n})").format(n=len(s.quarantined)))
        self.set_aside_box.setVisible(bool(s.quarantined))
        if self._cancelled_with is not None and not self.controller.running:
            sent = max(0, self._cancelled_with - s.pending_events)
            self._say(self.outcome.text() + "\n" + self.tr(
                "Sent before the cancel: {sent} records; {left} still wait and go with the next sync.").format(
                    sent=sent, left=s.pending_events), GREY)
            self._cancelled_with = None

    def _show_last_sync(self, s: SyncStatus) -> None:
        text = local_time(s.last_success_at) if s.last_success_at else self.tr("never")
        if sync_failed(s):
            text += "\n" + self.tr("The last attempt ({time}) failed: {message}").format(
                time=local_time(s.last_attempt_at) if s.last_attempt_at else "", message=s.last_error_message or "")
            self.last_sync.setStyleSheet(f"color: {ERROR};")
        else:
            self.last_sync.setStyleSheet("")
        self.last_sync.setText(text)
