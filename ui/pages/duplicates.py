"""The review of suspected duplicates 疑似重复: open candidate pairs of the recent period, side by side.

Reached from the complaint list (button 疑似重复), opened as a tab of the 投诉案件 area; not a navigation
entry. Each pair shows why it was proposed; the compare view puts the two complaints' parties and texts
next to each other; 合并 merges the newer into the older (the workflow's ``merge``, only from 已登记),
不是重复 records a dismissal with a reason. Reads and writes run through ``ctx.tasks``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Channel, Role, State, label
from app.security.separation import handles_cases
from app.services import duplicates
from app.services.duplicates import DuplicatePair, PairView
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.empty_state import EmptyState

DAYS_KEY = "duplicates/days"


def _channel(value: str) -> str:
    try:
        return label(Channel(value))
    except ValueError:
        return value


def _state(value: str) -> str:
    try:
        return label(State(value))
    except ValueError:
        return value


YEAR_DAYS = 365  # the empty list offers to look back this far

class DuplicatesPage(QWidget):
    open_requested = Signal(str, str)  # complaint id, case number
    changed = Signal(str)  # a complaint was merged (its id)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 ask_reason: Callable[[str, str, bool], str | None] | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.pairs: list[DuplicatePair] = []
        self.ask_reason = ask_reason or self._ask_reason
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setValue(int(ctx.settings.value(DAYS_KEY, 30)))
        self.days.setSuffix(self.tr(" days"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setIcon(icons.icon("refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Received in the last"), self))
        top.addWidget(self.days)
        top.addWidget(self.refresh_button)
        top.addWidget(self.count_label, 1)

        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Case"), self.tr("Possible duplicate of"), self.tr("Complainant"),
                                    self.tr("Respondent"), self.tr("Score"), self.tr("Reasons"), self.tr("Merge")])
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.left = QTextBrowser(self)
        self.right = QTextBrowser(self)
        compare = QSplitter(Qt.Orientation.Horizontal, self)
        compare.addWidget(self.left)
        compare.addWidget(self.right)

        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.dismiss_button = QPushButton(self.tr("Not a duplicate"), self)
        self.open_newer = QPushButton(self.tr("Open case"), self)
        self.open_newer.setIcon(icons.icon("open"))
        self.open_older = QPushButton(self.tr("Open the other case"), self)
        self.open_older.setIcon(icons.icon("open"))
        self.merge_button.clicked.connect(self.merge_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.open_newer.clicked.connect(lambda: self._open(True))
        self.open_older.clicked.connect(lambda: self._open(False))
        buttons = QHBoxLayout()
        for button in (self.merge_button, self.dismiss_button, self.open_newer, self.open_older):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.reasons)
        lower_layout.addWidget(compare, 1)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.message)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._loading = True
        self.empty_state = EmptyState(
            self.table, self.tr("No suspected duplicates: no two complaints look like the same matter."),
            filtered_text=self.tr("No suspected duplicates among the complaints received in that period."),
            clear_text=self.tr("Look back one year"), on_clear=self.look_back_a_year,
            is_filtered=lambda: self.days.value() < YEAR_DAYS, is_loading=lambda: self._loading)
        self._selection_changed()
        self.refresh()

    def look_back_a_year(self) -> None:
        self.days.setValue(YEAR_DAYS)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._ctx.settings.setValue(DAYS_KEY, self.days.value())
        self.count_label.setText(self.tr("Looking for duplicates…"))
        self._loading = True
        self._ctx.tasks.run(duplicates.review_list, self._ctx.profile, self._ctx.actor, days=self.days.value(),
                            on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = list(pairs)
        self._loading = False
        self.table.clear()
        for p in self.pairs:
            item = QTreeWidgetItem([p.newer.case_no, p.older.case_no, p.newer.complainant_name,
                                    p.newer.respondent_name, f"{p.score:.2f}", "；".join(p.reason_labels),
                                    self.tr("possible") if p.mergeable else self.tr("already forwarded")])
            self.table.addTopLevelItem(item)
        self.count_label.setText(self.tr("%n suspected pair(s)", "", len(self.pairs)))
        if self.pairs:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._selection_changed()

    def current(self) -> DuplicatePair | None:
        index = self.table.indexOfTopLevelItem(self.table.currentItem()) if self.table.currentItem() else -1
        return self.pairs[index] if 0 <= index < len(self.pairs) else None

    def _selection_changed(self) -> None:
        p = self.current()
        for button in (self.dismiss_button, self.open_newer, self.open_older):
            button.setEnabled(p is not None)
        handles = handles_cases(self._ctx.roles)  # 三员分立: the administrator and the auditor only look
        self.dismiss_button.setVisible(handles)
        self.merge_button.setVisible(Role.HANDLER.value in self._ctx.roles)
        self.merge_button.setEnabled(p is not None and p.mergeable)
        self.merge_button.setToolTip("" if p is None or p.mergeable else self.tr(
            "Only a complaint still registered (not yet forwarded) can be merged."))
        if p is None:
            self.reasons.clear()
            self.left.clear()
            self.right.clear()
            return
        self.reasons.setText(self.tr("Why: %1 · text similarity %2").replace("%1", "；".join(p.reason_labels))
                             .replace("%2", f"{p.text_similarity:.0%}"))
        self._ctx.tasks.run(duplicates.compare, self._ctx.profile, self._ctx.actor, p.newer.complaint_id,
                            p.older.complaint_id, on_done=lambda view, key=p: self._compare(key, view),
                            on_error=self._failed, owner=self)

    def _compare(self, key: DuplicatePair, view: PairView) -> None:
        if self.current() is not key:
            return
        self.left.setHtml(self._side(key.newer.case_no, key.newer.state, view.first))
        self.right.setHtml(self._side(key.older.case_no, key.older.state, view.second))

    def _side(self, case_no: str, state: str, intake: dict) -> str:
        complainant, respondent = intake.get("complainant", {}), intake.get("respondent", {})
        rows = [
            (self.tr("Case"), f"{case_no}（{_state(state)}）"),
            (self.tr("Channel"), _channel(intake.get("channel", ""))),
            (self.tr("Received"), intake.get("received_on") or ""),
            (self.tr("Complainant"), f"{complainant.get('name', '')} {complainant.get('credit_code') or ''}"),
            (self.tr("Contact"), f"{complainant.get('contact_person') or ''} {complainant.get('phone') or ''}"),
            (self.tr("Respondent"), respondent.get("name", "")),
            (self.tr("Agreement"), (intake.get("agreement") or {}).get("title", "")),
            (self.tr("What happened"), intake.get("description", "")),
            (self.tr("Claim"), (intake.get("claim") or {}).get("text", "")),
        ]
        return "".join(f"<p><b>{escape(k)}</b><br>{escape(str(v))}</p>" for k, v in rows)

    # -- acting --------------------------------------------------------------------------------------
    def _ask_reason(self, title: str, prompt: str, required: bool) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        if not ok or (required and not text.strip()):
            return None
        return text.strip()

    def merge_current(self) -> None:
        p = self.current()
        if p is None or not p.mergeable:
            return
        reason = self.ask_reason(self.tr("Merge"), self.tr("Merge %1 into %2. Reason (optional):")
                                 .replace("%1", p.newer.case_no).replace("%2", p.older.case_no), False)
        if reason is None:
            return
        self._ctx.tasks.run(duplicates.merge, self._ctx.profile, self._ctx.actor, p.newer.complaint_id,
                            p.older.complaint_id, reason, write=True, owner=self,
                            on_done=lambda acted, key=p: self._merged(key), on_error=self._failed)

    def _merged(self, p: DuplicatePair) -> None:
        self.message.setText(self.tr("%1 merged into %2; both histories are kept.")
                             .replace("%1", p.newer.case_no).replace("%2", p.older.case_no))
        self.changed.emit(p.newer.complaint_id)
        self.refresh()

    def dismiss_current(self) -> None:
        p = self.current()
        if p is None:
            return
        reason = self.ask_reason(self.tr("Not a duplicate"), self.tr("Why are these not the same matter?"), True)
        if reason is None:
            return
        self._ctx.tasks.run(duplicates.dismiss, self._ctx.profile, self._ctx.actor, p.newer.complaint_id,
                            p.older.complaint_id, reason, write=True, owner=self,
                            on_done=lambda _d, key=p: self._dismissed(key), on_error=self._failed)

    def _dismissed(self, p: DuplicatePair) -> None:
        self.message.setText(self.tr("%1 and %2 will no longer be proposed as duplicates.")
                             .replace("%1", p.newer.case_no).replace("%2", p.older.case_no))
        self.refresh()

    def _open(self, newer: bool) -> None:
        p = self.current()
        if p is not None:
            c = p.newer if newer else p.older
            self.open_requested.emit(c.complaint_id, c.case_no)

    def _failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self.message.setText(failure.message)
        self.count_label.setText("")
