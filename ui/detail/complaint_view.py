"""案件详情: one complaint with its header, tabs and the actions the user may take now.

Only the actions ``allowed_actions(complaint, actor.roles)`` returns are offered. Each opens its
dialog; after an action the view reloads and emits ``changed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain.disclosure import REVEAL_SECONDS, may_reveal
from app.domain.document_kinds import available_kinds, kind_label
from app.domain.vocabulary import Action, label
from app.domain.workflow import RULES
from app.services.attachments import attach_file
from app.services.disclosure import Revealed, reveal
from app.services.queries import ComplaintDetail, get_complaint
from ui.context import UiContext
from ui.detail.attachments_tab import AttachmentsTab
from ui.detail.header import ComplaintHeader
from ui.detail.intake_tab import IntakeTab
from ui.detail.lazy_tab import LazyTab
from ui.detail.sanctions_tab import SanctionsTab
from ui.detail.timeline_tab import TimelineTab
from ui.dialogs.actions import dialog_for
from ui.dialogs.actions.base import ActionDialog
from ui.forms.lifetime import while_alive
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.flow_layout import FlowLayout

# The workflow's main steps come first and stand out; bookkeeping actions follow.
PRIMARY = (Action.RESOLVE, Action.FORWARD, Action.CONCLUDE, Action.RECTIFY, Action.REFUSE, Action.SANCTION, Action.REPAIR,
           Action.FEEDBACK, Action.CLOSE, Action.REOPEN)
# Recorded by other parts of the app, never typed into a dialog: documents are issued (and their event
# written) by ``app.services.documents.issue`` through the issue-document dialog.
NOT_OFFERED = frozenset({"issue_document"})
ISSUERS = RULES[Action.ISSUE_DOCUMENT].roles


def attach_files(profile, actor, complaint_id: str, paths: list[Path], head: str) -> int:
    """Store each file as one ``attach`` event, each based on the head the previous one made."""
    for path in paths:
        head = attach_file(profile, actor, complaint_id, path, expected_head=head).event_id
    return len(paths)


class ComplaintView(QWidget):
    changed = Signal(str)  # complaint id, after any successful action
    open_complaint = Signal(str)
    loaded = Signal()  # a fresh ComplaintDetail is on screen (tests and the window's title)
    revealed_changed = Signal(bool)  # personal data shown in full (True) or masked again (False)

    def __init__(self, ctx: UiContext, complaint_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_id = complaint_id
        self.detail: ComplaintDetail | None = None
        self.dialog: ActionDialog | None = None
        layout = QVBoxLayout(self)
        self.header = ComplaintHeader()
        self.header.open_complaint.connect(self.open_complaint)
        layout.addWidget(self.header)
        self.action_bar = FlowLayout()  # wraps onto a second row rather than widen the window
        self.action_bar.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.action_bar)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        self.intake_tab = IntakeTab(ctx.profile)
        # the other tabs are built when first shown or asked for (``timeline_tab`` …), then kept filled
        self.timeline_page = LazyTab(lambda: TimelineTab(ctx.profile.device_id), self._fill_timeline)
        self.attachments_page = LazyTab(self._build_attachments, self._fill_attachments)
        self.sanctions_page = LazyTab(SanctionsTab, self._fill_sanctions)
        self.tabs.addTab(self.intake_tab, self.tr("Registration"))
        self.tabs.addTab(self.timeline_page, self.tr("Record"))
        self.tabs.addTab(self.attachments_page, self.tr("Attachments"))
        self.tabs.addTab(self.sanctions_page, self.tr("Sanctions and repair"))
        layout.addWidget(self.tabs, 1)
        self.intake_tab.amend_requested.connect(lambda: self.start_action(Action.AMEND))
        self.intake_tab.reveal_requested.connect(self.reveal_personal_data)
        self.revealed: dict[str, Any] | None = None  # personal fields in full, after an audited reveal
        self.mask_timer = QTimer(self)
        self.mask_timer.setSingleShot(True)
        self.mask_timer.setInterval(REVEAL_SECONDS * 1000)
        self.mask_timer.timeout.connect(self.mask_again)
        self.buttons: dict[Action, QPushButton] = {}
        self.issue_button: QPushButton | None = None
        self.issue_dialog = None
        self._offer_after_reload: str | None = None  # a document kind the last action produces
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    # --- tabs -------------------------------------------------------------------------------------

    @property
    def timeline_tab(self) -> TimelineTab:
        return self.timeline_page.content()

    @property
    def attachments_tab(self) -> AttachmentsTab:
        return self.attachments_page.content()

    @property
    def sanctions_tab(self) -> SanctionsTab:
        return self.sanctions_page.content()

    def _build_attachments(self) -> AttachmentsTab:
        tab = AttachmentsTab(self.ctx)
        tab.add_requested.connect(self.add_attachments)
        return tab

    def _fill_timeline(self, tab: TimelineTab) -> None:
        if self.detail is not None:
            tab.show_detail(self.detail, revealed=self.revealed is not None)

    def _fill_attachments(self, tab: AttachmentsTab) -> None:
        if self.detail is not None:
            tab.show_detail(self.detail, Action.ATTACH in set(self.detail.allowed))

    def _fill_sanctions(self, tab: SanctionsTab) -> None:
        if self.detail is not None:
            tab.show_detail(self.detail)

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.tasks.run(get_complaint, self.ctx.profile, self.ctx.actor, self.complaint_id,
                           on_done=while_alive(self, self._show),
                           on_error=while_alive(self, self._load_failed))

    def _show(self, detail: ComplaintDetail) -> None:
        self.detail = detail
        self.header.show_detail(detail)
        self._show_actions(detail.allowed)
        self._show_personal_data()
        self.attachments_page.refill()
        self.sanctions_page.refill()
        self.tabs.setTabText(2, self.tr("Attachments (%1)").replace("%1", str(len(detail.complaint.attachments))))
        self.status.hide()
        self.loaded.emit()
        offer, self._offer_after_reload = self._offer_after_reload, None
        if offer and offer in available_kinds(detail.complaint):
            self._offer_document(offer)

    # --- personal data ---------------------------------------------------------------------------

    def _show_personal_data(self) -> None:
        if self.detail is None:
            return
        self.intake_tab.show_detail(self.detail, Action.AMEND in set(self.detail.allowed),
                                    may_reveal=may_reveal(self.ctx.actor.roles), revealed=self.revealed)
        self.timeline_page.refill()

    def reveal_personal_data(self) -> None:
        """显示: record the reveal (``app.services.disclosure.reveal``), then show the values."""
        if self.detail is None or not may_reveal(self.ctx.actor.roles):
            return
        self.intake_tab.reveal_button.setEnabled(False)
        self.ctx.tasks.run(reveal, self.ctx.profile, self.ctx.actor, self.complaint_id, write=True,
                           on_done=while_alive(self, self._revealed), on_error=while_alive(self, self._reveal_failed))

    def _revealed(self, shown: Revealed) -> None:
        self.intake_tab.reveal_button.setEnabled(True)
        if not self.isVisible():  # the officer moved on before the answer came: nothing is shown
            return
        self.revealed = dict(shown.values)
        self._show_personal_data()
        self.mask_timer.start()
        self.revealed_changed.emit(True)

    def _reveal_failed(self, failure: TaskFailure) -> None:
        self.intake_tab.reveal_button.setEnabled(True)
        self._load_failed(failure)

    def mask_again(self) -> None:
        self.mask_timer.stop()
        if self.revealed is None:
            return
        self.revealed = None
        self._show_personal_data()
        self.revealed_changed.emit(False)

    def hideEvent(self, event) -> None:  # another complaint or page is opened: mask again
        self.mask_again()
        super().hideEvent(event)

    def _load_failed(self, failure: TaskFailure) -> None:
        self.status.setText(failure.message)
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.show()

    def _show_actions(self, allowed: tuple[Action, ...]) -> None:
        while self.action_bar.count():
            item = self.action_bar.takeAt(0)
            if item.widget():
                # hidden at once: deleteLater waits for the event loop, and the "issue the document now?"
                # question that may follow runs a nested one that does not delete it, so the old buttons
                # would stay drawn under the new ones
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons = {}
        allowed = tuple(a for a in allowed if a.value not in NOT_OFFERED)
        ordered = [a for a in PRIMARY if a in allowed] + [a for a in allowed if a not in PRIMARY]
        for action in ordered:
            button = QPushButton(label(action) + ("…" if action != Action.ATTACH else ""))
            button.setObjectName(f"action:{action.value}")
            button.setIcon(icons.action_icon(action.value))
            if action in PRIMARY:
                button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.action_bar.addWidget(button)
            self.buttons[action] = button
        self.issue_button = None
        if set(self.ctx.actor.roles) & {role.value for role in ISSUERS}:
            self.issue_button = QPushButton(self.tr("Issue document…"))
            self.issue_button.setObjectName("action:issue_document")
            self.issue_button.setIcon(icons.action_icon("issue_document"))
            self.issue_button.clicked.connect(lambda: self.start_issue())
            self.action_bar.addWidget(self.issue_button)
        if not ordered and self.issue_button is None:
            none = QLabel(self.tr("No action is open to you in this state."))
            none.setStyleSheet("color: #5f6368;")
            self.action_bar.addWidget(none)

    def offered_actions(self) -> list[str]:
        return [action.value for action in self.buttons]

    # --- acting -----------------------------------------------------------------------------------

    def start_action(self, action: Action) -> None:
        if self.detail is None or action not in self.detail.allowed or action.value in NOT_OFFERED:
            return
        if action == Action.ATTACH:
            self.tabs.setCurrentWidget(self.attachments_page)
            self.attachments_tab.choose_files()
            return
        self.dialog = dialog_for(action, self.ctx, self.detail, self)
        if self.revealed is not None and hasattr(self.dialog, "revealed"):
            self.dialog.revealed = dict(self.revealed)  # the amend dialog may start from the values shown
        produces = RULES[action].produces
        self.dialog.acted.connect(lambda acted, kind=(produces[0] if produces else None): self._acted(acted, kind))
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _acted(self, _acted=None, offer_kind: str | None = None) -> None:
        self._offer_after_reload = offer_kind
        self.reload()
        self.changed.emit(self.complaint_id)

    # --- documents --------------------------------------------------------------------------------

    def _offer_document(self, kind: str) -> None:
        """After an action that produces a document (DESIGN §6), offer to issue it right away."""
        answer = QMessageBox.question(
            self, self.tr("Issue document"),
            self.tr("Issue the %1 for this step now?").replace("%1", kind_label(kind)))
        if answer == QMessageBox.StandardButton.Yes:
            self.start_issue(kind)

    def start_issue(self, kind: str | None = None) -> None:
        if self.detail is None:
            return
        from ui.documents import IssueDocumentDialog  # PDF engine imports only when needed

        self.issue_dialog = IssueDocumentDialog(self.ctx, self.detail.complaint.case_no, self, kind=kind,
                                                expected_head=self.detail.complaint.head)
        self.issue_dialog.issued.connect(lambda _doc: self._acted())
        self.issue_dialog.open()

    def add_attachments(self, paths: list[Path]) -> None:
        if self.detail is None or Action.ATTACH not in self.detail.allowed:
            return
        self.attachments_tab.message.hide()
        self.ctx.tasks.run(attach_files, self.ctx.profile, self.ctx.actor, self.complaint_id, paths,
                           self.detail.complaint.head, write=True,
                           on_done=while_alive(self, self._acted), on_error=while_alive(self, self._attach_failed))

    def _attach_failed(self, failure: TaskFailure) -> None:
        self.attachments_tab._failed(failure)
        self.reload()  # some files may have been stored before the failure
