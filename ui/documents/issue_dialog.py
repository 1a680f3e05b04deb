"""开具文书: choose a kind the complaint's state allows, look at the draft, issue it, print it.

The draft shows the document with its number left blank; issuing takes the number, records the
document and shows the issued PDF, ready for 打印 or 另存为. Background work goes through
``ctx.tasks``: drafts on the pool, issuing on the single writer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.documents.render import Printable
from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.event_rules import permitted_roles
from app.domain.events import ADMIN_STREAM
from app.messages import describe, message
from app.services import documents, office_settings
from app.services.documents import IssuedDocument, KindOffer
from ui.context import UiContext
from ui.documents.pdf_pane import PdfPane
from ui.documents.preview_dialog import save_pdf
from ui.documents.printing import print_with_dialog
from ui.tasks import TaskFailure
from ui.widgets.screen_fit import em, fit_to_screen


class IssueDocumentDialog(QDialog):
    offers_loaded = Signal(list)  # [KindOffer]
    draft_shown = Signal(str)  # kind
    issued = Signal(object)  # IssuedDocument

    def __init__(self, ctx: UiContext, ref: str, parent: QWidget | None = None, *, kind: str | None = None,
                 expected_head: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.wanted = kind
        self.expected_head = expected_head
        self.result_document: IssuedDocument | None = None
        self.pdf: bytes | None = None
        self._draft_generation = 0
        self.setObjectName("issue-document")
        self.setWindowTitle(self.tr("Issue a document — %1").replace("%1", ref))

        self.kinds = QListWidget(self)
        self.kinds.setAccessibleName(self.tr("Kind of document"))
        self.kinds.setMinimumWidth(em(self) * 14)
        self.pane = PdfPane(self)
        self.note = QLabel(self.tr("Loading…"), self, wordWrap=True)
        self.note.setObjectName("issue-note")
        buttons = QDialogButtonBox(self)
        self.issue_button = buttons.addButton(self.tr("Issue"), QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button.setDefault(True)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.issue_button, self.print_button, self.save_button):
            button.setEnabled(False)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Documents this complaint allows now:"), self, wordWrap=True))
        left.addWidget(self.kinds, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.pane, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        fit_to_screen(self, em(self) * 84, em(self) * 68)  # an A4 page beside the list, as the screen allows

        self.kinds.currentItemChanged.connect(lambda *_: self._show_draft())
        self.issue_button.clicked.connect(lambda: self.issue_selected())
        self.print_button.clicked.connect(lambda: self.pdf and print_with_dialog(self, [self._printable()], self._title()))
        self.save_button.clicked.connect(lambda: self.pdf and save_pdf(self, self.pdf, self._title()))
        buttons.rejected.connect(self.reject)
        ctx.tasks.run(documents.offers, ctx.profile, ctx.actor, ref, on_done=self._offers, on_error=self._failed)

    def selected_offer(self) -> KindOffer | None:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _offers(self, offers: list[KindOffer]) -> None:
        year = china_date(self.ctx.profile.now()).year
        for offer in offers:
            item = QListWidgetItem(f"{offer.label}\n{offer.prefix}〔{year}〕…号", self.kinds)
            item.setData(Qt.ItemDataRole.UserRole, offer)
        self.offers_loaded.emit(offers)
        if not offers:
            self.note.setText(self.tr("No document can be issued for this complaint in its present state."))
            return
        chosen = next((i for i, o in enumerate(offers) if o.kind == self.wanted), 0)
        self.kinds.setCurrentRow(chosen)

    def _show_draft(self) -> None:
        offer = self.selected_offer()
        if offer is None or self.result_document is not None:
            return
        self._draft_generation += 1
        generation = self._draft_generation
        self.issue_button.setEnabled(False)
        self.note.setText(self.tr("Preparing the draft…"))
        self.ctx.tasks.run(documents.preview, self.ctx.profile, self.ctx.actor, self.ref, offer.kind,
                           on_done=lambda pdf: self._draft(generation, offer, pdf), on_error=self._failed)

    def _draft(self, generation: int, offer: KindOffer, pdf: bytes) -> None:
        if generation != self._draft_generation or self.result_document is not None:
            return
        self.pane.show_pdf(pdf)
        self.issue_button.setEnabled(True)
        self.note.setText(self.tr("Draft of %1: the number is left blank and is given when the document is "
                                  "issued. Issuing records the document in the case file; it cannot be "
                                  "withdrawn.").replace("%1", offer.label))
        self.draft_shown.emit(offer.kind)

    def issue_selected(self, *, confirm: bool = True) -> None:
        offer = self.selected_offer()
        if offer is None or self.result_document is not None:
            return
        if documents.contact_missing(self.ctx.profile, offer.kind) and not self.ask_contact(offer):
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Issue %1").replace("%1", offer.label),
                self.tr("Issue %1 with the next number of %2? It is recorded in the case file and cannot be "
                        "withdrawn.").replace("%1", offer.label).replace("%2", offer.prefix))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.issue_button.setEnabled(False)
        self.kinds.setEnabled(False)
        self.note.setText(self.tr("Issuing…"))
        self.ctx.tasks.run(documents.issue, self.ctx.profile, self.ctx.actor, self.ref, offer.kind,
                           expected_head=self.expected_head, write=True, on_done=self._issued,
                           on_error=self._issue_failed)

    def ask_contact(self, offer: KindOffer) -> bool:
        """Documents print the office contact: at the first issue, one who may change the office settings
        is asked for it; anyone else is told who can set it. True when it is set now."""
        allowed = permitted_roles(ADMIN_STREAM, "office_settings", {}, self.ctx.actor.user_id) or frozenset()
        if not allowed & set(self.ctx.actor.roles):
            QMessageBox.warning(self, self.windowTitle(), message("office_contact_missing",
                                                                  {"kind_label": offer.label}))
            return False
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Office contact"))
        form = QFormLayout(dialog)
        form.addRow(QLabel(self.tr("Documents state the office's contact person and telephone. Enter them once; "
                                   "they can be changed later in the document settings."), dialog, wordWrap=True))
        person, phone = QLineEdit(dialog), QLineEdit(dialog)
        form.addRow(self.tr("Contact person"), person)
        form.addRow(self.tr("Contact telephone"), phone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.contact_dialog = dialog  # for tests
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            office_settings.update(self.ctx.profile, self.ctx.actor, {"contact_person": person.text(),
                                                                      "contact_phone": phone.text()})
        except DomainError as error:  # ValidationFailed too: describe() lists the fields
            QMessageBox.warning(self, self.windowTitle(), describe(error))
            return False
        return not documents.contact_missing(self.ctx.profile, offer.kind)

    def _issued(self, result: IssuedDocument) -> None:
        self.result_document = result
        self.pdf = result.path.read_bytes()
        self.pane.show_pdf(self.pdf)
        self.setWindowTitle(self.tr("Issued %1").replace("%1", result.number))
        self.note.setText(self.tr("Issued as %1 (%2 pages) and recorded in the case file. Print it or save it "
                                  "now, or later from the Documents page.").replace("%1", result.number)
                          .replace("%2", str(result.pages)))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.issued.emit(result)

    def _issue_failed(self, failure: TaskFailure) -> None:
        self.kinds.setEnabled(True)
        self.issue_button.setEnabled(self.selected_offer() is not None)
        self._failed(failure)

    def _failed(self, failure: TaskFailure) -> None:
        self.note.setText(failure.message)
        QMessageBox.warning(self, self.windowTitle(), failure.message)

    def _title(self) -> str:
        offer = self.selected_offer()
        label = offer.label if offer else ""
        return f"{self.result_document.number} {label}" if self.result_document else label

    def _printable(self) -> Printable:
        """The issued PDF with the pages it was drawn from (printed as vector text)."""
        drawing = self.result_document.drawing if self.result_document is not None else None
        return Printable.checked(self.pdf or b"", drawing)
