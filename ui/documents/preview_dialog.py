"""The preview window of a document 文书预览: pages, zoom, 打印 and 另存为."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.documents.render import Printable
from app.domain.errors import DomainError
from app.messages import describe
from app.services.file_output import write_pdf
from ui.documents.pdf_pane import PdfPane
from ui.documents.printing import print_with_dialog, print_with_progress
from ui.widgets import file_dialogs
from ui.widgets.screen_fit import em, fit_to_screen

_UNSAFE = '\\/:*?"<>|'


def file_name_for(title: str) -> str:
    """A Windows-safe file name: ``双发改函〔2026〕7号 转办函.pdf``."""
    cleaned = "".join("_" if ch in _UNSAFE or ord(ch) < 32 else ch for ch in title).strip(" .")
    return (cleaned or "document") + ".pdf"


def save_pdf(parent: QWidget, pdf: bytes, title: str) -> Path | None:
    """Ask where to save (the last folder used for documents, else 文档), save, confirm with 打开所在文件夹;
    None when the user cancels. A file that cannot be written (open in WPS/Acrobat, a folder of that
    name, a read-only folder) is never silent: the reason in Chinese, with 重试 and 另存为…"""
    suggested = file_name_for(title)
    while True:
        path, _ = file_dialogs.ask_save_path(parent, QCoreApplication.translate("DocumentSaving", "Save as"), suggested,
                                             QCoreApplication.translate("DocumentSaving", "PDF files (*.pdf)"),
                                             "documents")
        if path is None:
            return None
        target = path if path.name.lower().endswith(".pdf") else path.with_name(path.name + ".pdf")
        while True:
            try:
                write_pdf(target, pdf)
            except DomainError as error:
                choice = save_failed(parent, describe(error))
                if choice == "retry":
                    continue
                if choice == "other":
                    suggested = target.name
                    break
                return None
            file_dialogs.confirm_saved(parent, target)
            return target


def save_failed(parent: QWidget, reason: str) -> str:
    """Why the PDF was not saved, with 重试 / 另存为… / 取消: ``"retry"``, ``"other"`` or ``"cancel"``."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DocumentSaving", "Save as"),
                      QCoreApplication.translate("DocumentSaving", "The PDF was not saved."), parent=parent)
    box.setObjectName("save-failed")
    box.setInformativeText(reason)
    retry = box.addButton(QCoreApplication.translate("DocumentSaving", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(QCoreApplication.translate("DocumentSaving", "Save under another name…"),
                          QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "other" if clicked is other else "cancel"


class PdfPreviewDialog(QDialog):
    """Shows ``pdf``; ``title`` names the window, the print job and the suggested file name.

    ``printable``: the same PDF with the drawing it was made from, so printing sends vector text.
    ``parts``: the documents ``pdf`` merges (a batch), printed one after another instead of ``pdf``,
    each from a new sheet.
    """

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None, *, note: str = "",
                 printable: Printable | None = None, parts: Sequence[Printable] = ()) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.printable = Printable.checked(pdf, printable.drawing if printable is not None else None)
        self.parts: list[Printable] = list(parts) or [self.printable]
        self.title = title
        self.setObjectName("document-preview")
        self.setWindowTitle(title)
        self.pane = PdfPane(self)
        self.pane.show_pdf(pdf)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: save_pdf(self, self.pdf, self.title))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note, self, wordWrap=True)
            label.setObjectName("preview-note")
            layout.addWidget(label)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, em(self) * 64, em(self) * 76)  # an A4 page, as the screen allows

    @property
    def page_count(self) -> int:
        return self.pane.page_count

    def print_document(self) -> bool:
        return print_with_dialog(self, self.parts, self.title)

    def print_to(self, printer: QPrinter) -> bool:
        """Print on an already configured printer (tests, or a default printer)."""
        return print_with_progress(self, printer, self.parts)
