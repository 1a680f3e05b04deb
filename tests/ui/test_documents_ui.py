"""The documents in the window (pytest-qt, offscreen): preview, the 文书 page, printing, issuing, settings."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from app.services import documents, office_settings
from tests.document_cases import complaint_in
from ui.documents import DocumentsPage, IssueDocumentDialog, OfficeSettingsDialog, PdfPreviewDialog
from ui.documents.printing import LoadedPdf, _on_white, prepare_printer


def pdf_printer(path, dpi: int = 100) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    prepare_printer(printer, "test")
    return printer


def ink_box(pdf: bytes, page: int, dpi: int = 50) -> tuple[int, int, int, int]:
    """Bounding box of the non-white pixels of a page rendered by QtPdf (left, top, right, bottom)."""
    loaded = LoadedPdf(pdf)
    size = loaded.document.pagePointSize(page)
    rendered = _on_white(loaded.document.render(page, (size * dpi / 72).toSize()))
    image = rendered.convertToFormat(QImage.Format.Format_Grayscale8)
    loaded.close()
    xs, ys = [], []
    for y in range(image.height()):
        row = image.constScanLine(y).tobytes()[: image.width()]
        dark = [x for x, value in enumerate(row) if value < 160]
        if dark:
            xs += [dark[0], dark[-1]]
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


@pytest.fixture
def notice(office):
    case_no = complaint_in(office, "rectifying")
    return documents.issue(office.profile, office.handler, case_no, "rectification_notice")


def test_the_preview_dialog_shows_every_page_and_pages_through(qtbot, notice):
    pdf = notice.path.read_bytes()
    dialog = PdfPreviewDialog(pdf, notice.number, None)
    qtbot.addWidget(dialog)
    dialog.show()
    # 2 pages since issue 9 (the 版记 shares page 2; it was 4 with a blank page 3)
    assert dialog.page_count == notice.pages == 2
    assert dialog.pane.pages.text() == "/ 共 2 页"
    dialog.pane.go_to(2)
    assert dialog.pane.current_page == 2 and dialog.pane.page.value() == 2
    dialog.pane.zoom.setCurrentIndex(dialog.pane.zoom.findData(1.5))
    assert dialog.pane.view.zoomFactor() == pytest.approx(1.5)
    assert dialog.print_button.text() and dialog.save_button.isEnabled()


def test_printing_gives_a4_pages_at_full_size(qtbot, tmp_path, notice):
    pdf = notice.path.read_bytes()
    dialog = PdfPreviewDialog(pdf, notice.number, None)
    qtbot.addWidget(dialog)
    target = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(target))
    printed = target.read_bytes()
    pages = PdfReader(io.BytesIO(printed)).pages
    assert len(pages) == notice.pages == 2  # issue 9: was 4 with a blank page 3
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == pytest.approx((595, 842), abs=1)
    original, copy = ink_box(pdf, 0), ink_box(printed, 0)
    assert all(abs(a - b) <= 3 for a, b in zip(original, copy, strict=True)), (original, copy)  # not shrunk or moved


def test_the_documents_page_lists_searches_and_prints_several(qtbot, tmp_path, office, make_ctx):
    receipt_case = complaint_in(office, "registered")
    receipt = documents.issue(office.profile, office.handler, receipt_case, "receipt")
    forwarded = complaint_in(office, "forwarded")
    letter = documents.issue(office.profile, office.handler, forwarded, "forward_letter")
    page = DocumentsPage(make_ctx("leader"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert [page.model.row_at(i).number for i in range(2)] == [letter.number, receipt.number]
    assert page.status.text() == "共 2 件" and page.print_button.text() == "打印所选…"

    page.search.setText("双发改函")  # as an input method commits it (keyClicks takes ASCII only)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).number == letter.number)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.kind.setCurrentIndex(page.kind.findData("receipt"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).kind == "receipt")
    page.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)

    page.table.selectAll()
    assert page.print_button.isEnabled() and not page.open_button.isEnabled()
    target = tmp_path / "batch.pdf"
    with qtbot.waitSignal(page.printed, timeout=20000) as printed:
        page.print_selected(pdf_printer(target, dpi=72))
    assert printed.args == [2]
    assert len(PdfReader(target).pages) == receipt.pages + letter.pages

    page.table.selectionModel().select(page.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(page.previewed, timeout=10000) as shown:
        page.open_selected()
    preview = shown.args[0]
    assert preview.page_count == receipt.pages and preview.pdf == receipt.path.read_bytes()
    preview.close()


def test_the_issue_dialog_offers_the_allowed_kinds_drafts_and_issues(qtbot, office, make_ctx):
    case_no = complaint_in(office, "forwarded")
    dialog = IssueDocumentDialog(make_ctx("handler"), case_no, None, kind="forward_letter")
    qtbot.addWidget(dialog)
    with qtbot.waitSignals([dialog.offers_loaded, dialog.draft_shown], timeout=10000):
        dialog.show()
    assert [dialog.kinds.item(i).data(Qt.ItemDataRole.UserRole).kind for i in range(dialog.kinds.count())] == [
        "receipt", "forward_letter"]
    assert dialog.selected_offer().kind == "forward_letter" and dialog.pane.page_count >= 1
    assert dialog.issue_button.isEnabled() and not dialog.print_button.isEnabled()
    assert documents.list_documents(office.profile, office.handler).total == 0  # a draft takes nothing
    with qtbot.waitSignal(dialog.issued, timeout=10000) as issued:
        dialog.issue_selected(confirm=False)
    result = issued.args[0]
    assert result.number == "双发改函〔2026〕1号" and dialog.pdf == result.path.read_bytes()
    assert dialog.print_button.isEnabled() and not dialog.issue_button.isEnabled()
    assert result.number in dialog.windowTitle()
    assert documents.list_documents(office.profile, office.handler).rows[0].number == result.number


def test_the_settings_dialog_shows_errors_and_saves(qtbot, office, make_ctx):
    dialog = OfficeSettingsDialog(make_ctx("leader"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.prefixes["forward_letter"].placeholderText() == "双发改函"
    dialog.fields["contact_phone"].setText("12345")
    dialog.prefixes["receipt"].setText("双发改(1)")
    dialog.save()
    qtbot.waitUntil(dialog.errors.isVisible)
    assert "联系电话：电话号码“12345”无效" in dialog.errors.text()  # Chinese, beside the field's own name
    assert "受理回执" in dialog.errors.text()
    dialog.fields["contact_phone"].setText("0878-7721234")
    dialog.fields["contact_person"].setText("王颖")
    dialog.prefixes["receipt"].setText("")
    dialog.copies["breach_determination"].setText("双柏县人民政府、双柏县财政局")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    saved = office_settings.get(office.profile)
    assert (saved.contact_person, saved.contact_phone) == ("王颖", "0878-7721234")
    assert saved.copy_to["breach_determination"] == ("双柏县人民政府", "双柏县财政局")
    assert saved.prefixes["receipt"] == "双发改受"

    read_only = OfficeSettingsDialog(make_ctx("handler"))
    qtbot.addWidget(read_only)
    qtbot.waitUntil(lambda: read_only.fields["contact_person"].text() == "王颖")
    assert read_only.fields["contact_person"].isReadOnly() and not read_only.save_button.isEnabled()


def test_the_first_issue_asks_a_leader_for_the_office_contact(qtbot, office, make_ctx, monkeypatch):
    """Issue 9: documents state the office contact; when it is unset, a leader types it at the first issue
    (a handler is told who can set it) and the document then prints it."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

    office_settings.update(office.profile, office.admin, {"contact_person": "", "contact_phone": ""})
    case_no = complaint_in(office, "registered")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warned.append(text))

    handler_dialog = IssueDocumentDialog(make_ctx("handler"), case_no, None, kind="receipt")
    qtbot.addWidget(handler_dialog)
    with qtbot.waitSignal(handler_dialog.offers_loaded, timeout=10000):
        handler_dialog.show()
    handler_dialog.issue_selected(confirm=False)
    assert warned and "联系电话" in warned[-1] and handler_dialog.result_document is None

    def type_contact(dialog: QDialog) -> int:
        person, phone = dialog.findChildren(QLineEdit)
        person.setText("李娜")
        phone.setText("0878-7721234")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", type_contact)
    dialog = IssueDocumentDialog(make_ctx("leader"), case_no, None, kind="receipt")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.offers_loaded, timeout=10000):
        dialog.show()
    with qtbot.waitSignal(dialog.issued, timeout=10000) as issued:
        dialog.issue_selected(confirm=False)
    assert office_settings.get(office.profile).contact_phone == "0878-7721234"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(issued.args[0].path.read_bytes())).pages)
    assert "联系人：李娜，电话：0878-7721234" in text.replace("\n", "")


def test_saving_several_says_which_could_not_be_saved(qtbot, tmp_path, office, make_ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.documents.preview_dialog import file_name_for
    from ui.widgets import file_dialogs

    receipt = documents.issue(office.profile, office.handler, complaint_in(office, "registered"), "receipt")
    letter = documents.issue(office.profile, office.handler, complaint_in(office, "forwarded"), "forward_letter")
    page = DocumentsPage(make_ctx("leader"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    rows = {page.model.row_at(i).number: page.model.row_at(i) for i in range(2)}
    folder = tmp_path / "导出"
    folder.mkdir()
    blocked = folder / file_name_for(f"{letter.number} {rows[letter.number].kind_label}")
    blocked.mkdir()  # a folder where the letter's PDF should go (on Windows, like the PDF open in WPS)
    monkeypatch.setattr(file_dialogs, "_get_existing_directory", lambda *a: str(folder))
    page.table.selectAll()
    page.save_selected()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "save-failed") is not None, timeout=20000)
    box = page.findChild(QMessageBox, "save-failed")
    assert "未保存：1 份" in box.text() and "是一个文件夹" in box.informativeText()
    assert page.status.text() == f"已将 1 件文书保存到 {folder}"
    saved = folder / file_name_for(f"{receipt.number} {rows[receipt.number].kind_label}")
    assert saved.read_bytes() == receipt.path.read_bytes() and blocked.is_dir()
    assert page.findChild(QMessageBox, "saved_confirmation") is None  # not "saved" when one was not
    box.close()
