"""The 信用核查 page: look a government body up, read what the breach register holds of it, issue the
信用核查结果告知单 (``app.services.credit_check``).

The search box filters as the user types (name, pinyin, pinyin initials, credit code) after a short
pause; the candidates list each body with its record counts; choosing one shows the verdict, the
statement with its date and scope, and every record with its sanctions and repair. 出具核查结果 numbers
and records the check and opens the PDF in the document preview (print, save as). Reading and issuing
run through ``ctx.tasks``, never in the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from app.services import credit_check
from app.services.credit_check import Candidate, CheckResult, IssuedCheck
from ui.context import UiContext
from ui.documents.preview_dialog import PdfPreviewDialog
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.column_fit import FontColumns
from ui.widgets.empty_state import EmptyState

SEARCH_PAUSE_MS = 250
VERDICT_COLOURS = {"in_force": "#b00020", "repaired": "#735c00", "none": "#1b5e20"}


class CreditCheckPage(QWidget):
    """Search, candidates, result, 出具核查结果."""

    result_shown = Signal(object)  # CheckResult
    issued = Signal(object)  # IssuedCheck

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credit-check-page")
        self._ctx = ctx
        self.candidates_shown: list[Candidate] = []
        self.result: CheckResult | None = None
        self._asking = 0  # the body asked for last: an older answer arriving late is not shown
        self.preview: PdfPreviewDialog | None = None
        self._asked = ""

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Body name, its pinyin or pinyin initials, or credit code"))
        self.search.setClearButtonEnabled(True)
        self.candidates = QListWidget(self)
        self.found_label = QLabel(self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Look up a government body"), self))
        column.addWidget(self.search)
        column.addWidget(self.found_label)
        column.addWidget(self.candidates, 1)

        self.body_label = QLabel(self)
        self.body_label.setWordWrap(True)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("credit-verdict")
        self.statement_label = QLabel(self)
        self.statement_label.setWordWrap(True)
        self.records = QTreeWidget(self)
        self.records.setHeaderLabels([self.tr("Case no."), self.tr("Confirmed on"), self.tr("Confirmed by"),
                                      self.tr("Status"), self.tr("Repaired on")])
        # widths from the font, again when 字号 changes (a case number; a department's name)
        self.columns = FontColumns(self.records, {0: "532300-2026-00001", 1: "2026-12-31", 2: 10, 3: 4})
        self.limits_label = QLabel(self)
        self.limits_label.setWordWrap(True)
        self.requester = QLineEdit(self)
        self.requester.setPlaceholderText(self.tr("Department that asked for the check (optional)"))
        self.issue_button = QPushButton(self.tr("Issue the check result…"), self)
        self.issue_button.setIcon(icons.icon("issue"))
        self.issue_button.setEnabled(False)
        right = QWidget(self)
        panel = QVBoxLayout(right)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(self.body_label)
        panel.addWidget(self.verdict_label)
        panel.addWidget(self.statement_label)
        panel.addWidget(self.records, 1)
        panel.addWidget(self.limits_label)
        form = QFormLayout()
        form.addRow(self.tr("Requested by"), self.requester)
        panel.addLayout(form)
        buttons = QHBoxLayout()
        # 三员分立: the administrator and the auditor read, but are told (not only by a tooltip) why they cannot issue
        self.role_note = QLabel(self.tr("This account cannot issue check results (separation of duties, 三员分立): "
                                        "a clerk, handler or reviewer issues them."), self)
        self.role_note.setWordWrap(True)
        self.role_note.setVisible(not {Role.CLERK, Role.HANDLER, Role.LEADER} & set(ctx.actor.roles))
        buttons.addWidget(self.role_note, 1)
        buttons.addStretch(0 if self.role_note.isVisibleTo(self) else 1)
        buttons.addWidget(self.issue_button)
        panel.addLayout(buttons)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.lookup)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.lookup)
        self.candidates.currentRowChanged.connect(self._chosen)
        self.issue_button.clicked.connect(self.issue)
        if not {Role.CLERK, Role.HANDLER, Role.LEADER} & set(ctx.actor.roles):
            self.issue_button.setToolTip(self.tr("Only a clerk, handler or leader can issue a check result"))
        self.candidates_empty = EmptyState(
            self.candidates, self.tr("Type a body's name, its pinyin initials or its credit code above to check "
                                     "its record."),
            action_text=self.tr("Search"), on_action=self.search.setFocus,
            filtered_text=self.tr("No government body matches the search. Try the full name, the pinyin "
                                  "initials or the credit code."),
            clear_text=self.tr("Clear the search"), on_clear=self.search.clear, is_filtered=lambda: bool(self._asked))
        self.records_empty = EmptyState(
            self.records, self.tr("The breach register holds no record of this body."),
            is_loading=lambda: self.result is None)
        self._clear_result()

    def refresh(self) -> None:
        """What the main window calls when the page is shown again: the lookup is read again."""
        if self.search.text().strip():
            self.lookup()

    # -- lookup --------------------------------------------------------------------------------------
    def lookup(self) -> None:
        self._timer.stop()
        term = self.search.text().strip()
        self._asked = term
        if not term:
            self._show_candidates(term, [])
            return
        self._ctx.tasks.run(credit_check.find_bodies, self._ctx.profile, self._ctx.actor, term, owner=self,
                            on_done=lambda found, term=term: self._show_candidates(term, found),
                            on_error=self._failed)

    def _show_candidates(self, term: str, found: list[Candidate]) -> None:
        if term != self._asked:  # an older answer
            return
        self.candidates_shown = list(found)
        self.candidates.blockSignals(True)
        self.candidates.clear()
        for c in found:
            if c.records:
                counts = self.tr("{n} records, {open} not repaired").format(n=c.records, open=c.in_force)
            else:
                counts = self.tr("no record")
            item = QListWidgetItem(f"{c.name}\n{c.region_name}  {c.code or ''}  {counts}".replace("  ", " "),
                                   self.candidates)
            item.setToolTip(c.code or c.name)
        self.candidates.blockSignals(False)
        self.candidates_empty.update_state()
        self.found_label.setText(self.tr("{n} bodies found").format(n=len(found)) if term else "")
        kept = self.result.body_name if self.result is not None else None
        self._clear_result()
        names = [c.name for c in found]
        if kept in names:  # read again (the page was refreshed): the same body stays chosen
            self.candidates.setCurrentRow(names.index(kept))
        elif len(found) == 1:
            self.candidates.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.candidates_shown):
            self._clear_result()
            return
        c = self.candidates_shown[row]
        query = self.search.text().strip()
        self._asking += 1
        asked = self._asking
        self._ctx.tasks.run(credit_check.result, self._ctx.profile, self._ctx.actor, name=c.name, code=c.code,
                            query=query, owner=self, on_error=self._failed,
                            on_done=lambda r: self._show_result(r) if asked == self._asking else None)

    # -- result --------------------------------------------------------------------------------------
    def _clear_result(self) -> None:
        self._asking += 1  # a body asked for before is no longer wanted
        self.result = None
        self.body_label.setText(self.tr("Choose a body on the left to see what the breach register holds of it."))
        self.verdict_label.clear()
        self.statement_label.clear()
        self.limits_label.clear()
        self.records.clear()
        self.issue_button.setEnabled(False)

    def _show_result(self, r: CheckResult) -> None:
        self.result = r
        code = f"（{r.body_code}）" if r.body_code else ""
        self.body_label.setText(f"{r.body_name}{code} {r.body_region}")
        colour = VERDICT_COLOURS.get(r.verdict, "#000")
        self.verdict_label.setText(f"<b style='color:{colour}; font-size:14pt'>{r.verdict_label}</b>")
        self.statement_label.setText(r.statement + (f"\n{r.consequence}" if r.consequence else ""))
        self.limits_label.setText("\n".join(r.limits))
        self.records.clear()
        for record in r.records:
            item = QTreeWidgetItem(self.records, [record.case_no, record.confirmed_on, record.confirmed_by,
                                                  record.status_label, record.repaired_on or "—"])
            facts = QTreeWidgetItem(item, [self.tr("Facts: {facts}").format(facts=record.facts)])
            facts.setFirstColumnSpanned(True)
            facts.setToolTip(0, record.facts)
            for s in record.sanctions:
                line = QTreeWidgetItem(item, [self.tr("Sanction"), "、".join(s.measures), s.imposed_by,
                                              s.status_label, s.period])
                line.setToolTip(1, "、".join(s.measures))
            item.setExpanded(True)
        allowed = bool({Role.CLERK, Role.HANDLER, Role.LEADER} & set(self._ctx.actor.roles))
        self.issue_button.setEnabled(allowed)
        self.result_shown.emit(r)

    # -- issue ---------------------------------------------------------------------------------------
    def issue(self) -> None:
        r = self.result
        if r is None:
            return
        prefix = credit_check.check_prefix(self._ctx.profile)
        answer = QMessageBox.question(
            self, self.tr("Issue the check result"),
            self.tr("The result for {body} gets the next number of the {prefix} series and is kept on record. "
                    "Issue it now?").format(body=r.body_name or r.body_code, prefix=prefix))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.issue_now()

    def issue_now(self) -> None:
        r = self.result
        if r is None:
            return
        self.issue_button.setEnabled(False)
        self._ctx.tasks.run(credit_check.issue, self._ctx.profile, self._ctx.actor, name=r.body_name,
                            code=r.body_code, query=r.query, requester=self.requester.text(), write=True,
                            owner=self, on_done=self._show_issued, on_error=self._failed)

    def _show_issued(self, made: IssuedCheck) -> None:
        self.issue_button.setEnabled(True)
        title = f"{made.number} 信用核查结果告知单"
        note = self.tr("Issued as {number}; the check is recorded and can be reprinted.").format(number=made.number)
        self.preview = PdfPreviewDialog(made.pdf, title, self, note=note, printable=made.printable)
        self.preview.open()
        self.issued.emit(made)

    def _failed(self, failure: TaskFailure) -> None:
        self.issue_button.setEnabled(self.result is not None)
        QMessageBox.warning(self, self.tr("Credit check"), failure.message)
