"""Printing our own documents as vector text (issue 16): the printer gets the same glyphs where the PDF has them.

Every print goes through ``QPrinter(PdfFormat)``, what "Microsoft Print to PDF" also receives (through
GDI on Windows). The printed file is read back with poppler: ``pdftotext`` finds the text, ``pdffonts``
the embedded faces, ``pdfimages`` no image; ``pdftoppm`` renders the original and the printed page at
150 dpi, and their mean grey difference must stay under ``MEAN_DIFF`` (of 255). Measured: 1.2 to 2.2
(anti-aliasing, and Qt's A4 is 595 × 842 pt against reportlab's 595.28 × 841.89); the same page moved
by one pixel gives 4 to 7, another page 15.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from app.documents.model import Heading, OfficialDocument, Paragraph, Table
from app.documents.render import Printable, draw
from app.documents.templates import TEMPLATE_DIR, TemplateLibrary
from app.services import credit_check, documents
from app.services.reminders import merge_pdfs
from tests.document_cases import complaint_in
from ui.documents import PdfPreviewDialog
from ui.documents.printing import plan, prepare_printer, print_pdfs, sides

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_pdf import sample_letter, sample_notice

MEAN_DIFF = 3.0
RARE = "企业负责人吉𠮷（彝文名ꆈꌠꀀꀁ）反映情况属实。"

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")


def pdf_printer(path: Path, *, duplex: bool = False) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # 1200 dpi on PdfFormat
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, path.stem)
    if duplex:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    return printer


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, encoding="utf-8").stdout


def pages_at_150(pdf: Path, folder: Path, stem: str) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(folder / stem)], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{stem}-*.png"))]


def mean_difference(original: Image.Image, printed: Image.Image) -> float:
    printed = printed.crop((0, 0, *original.size))  # Qt's A4 is a pixel wider or taller here and there
    return ImageStat.Stat(ImageChops.difference(original, printed)).mean[0]


def assert_printed_like(original: bytes, printed: Path, tmp_path: Path) -> list[float]:
    """Same page count, A4, text embedded (no image), every page within ``MEAN_DIFF`` of the original."""
    source = tmp_path / f"{printed.stem}-original.pdf"
    source.write_bytes(original)
    reader = PdfReader(printed)
    assert len(reader.pages) == len(PdfReader(source).pages)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595, 842), abs=1)
    assert poppler("pdfimages", "-list", str(printed)).count("\n") <= 2  # the header only: no image
    assert "CID TrueType" in poppler("pdffonts", str(printed))
    diffs = [mean_difference(a, b) for a, b in zip(pages_at_150(source, tmp_path, printed.stem + "-o"),
                                                  pages_at_150(printed, tmp_path, printed.stem + "-p"), strict=True)]
    assert max(diffs) < MEAN_DIFF, diffs
    return diffs


def table_document() -> OfficialDocument:
    """A 文件 with a table running over three pages (its header repeated), Yi and a CJK Ext-B name."""
    rows = tuple((f"532322-2026-{i:04d}", "2026-11-26", "双柏县农业农村局", "整改中", f"{1000 + i * 37}.50")
                 for i in range(1, 61))
    table = Table(("案号", "认定日期", "认定部门", "状态", "金额（元）"), rows, (2.2, 1.5, 2.4, 1.1, 1.5),
                  ("left", "center", "left", "center", "right"))
    return replace(sample_notice(), body=(Paragraph(RARE), Heading(1, "一、台账"), table, Paragraph("特此通知。")))


@pytest.mark.parametrize("name", ["notice", "letter_rare", "table", "draft"])
def test_our_documents_print_as_text_in_the_same_place(qapp, tmp_path, name):
    doc = {"notice": sample_notice(), "letter_rare": replace(sample_letter(), body=(Paragraph(RARE), *sample_letter().body)),
           "table": table_document(), "draft": sample_notice()}[name]
    drawing = draw(doc, draft=name == "draft")
    target = tmp_path / f"{name}.pdf"
    jobs = plan([Printable.checked(drawing.pdf, drawing)])
    assert [job.drawing is drawing for job in jobs] == [True]  # vector, not images
    sides = print_pdfs(pdf_printer(target), [], jobs=jobs)
    assert sides == len(drawing.pages) >= 2
    if name == "table":
        assert len(drawing.pages) >= 3
    assert_printed_like(drawing.pdf, target, tmp_path)
    text = poppler("pdftotext", "-layout", str(target), "-")
    assert doc.title[:10] in text.replace(" ", "").replace("\n", "")
    if name in ("letter_rare", "table"):
        assert "ꆈꌠꀀꀁ" in text.replace(" ", "")  # Yi as text (drawn from Noto Sans Yi: pdffonts)
        assert "NotoSansYi" in poppler("pdffonts", str(target))
        # 𠮷 (U+20BB7) is painted (the pixel comparison) but Qt's PDF writer maps glyphs back to the
        # BMP only, so text extraction of the printed file skips it; our own PDF keeps it (issue 12).
    if name == "table":
        assert text.count("认定日期") >= 3  # the header repeated on each page the table runs on
    if name == "draft":
        assert "草稿" in text and "（预览）" in text


def test_an_issued_document_prints_as_text_from_the_register(qtbot, office, tmp_path):
    case_no = complaint_in(office, "rectifying")
    issued = documents.issue(office.profile, office.handler, case_no, "rectification_notice")
    found = documents.for_printing(office.profile, issued.event_id, actor=office.handler)
    assert found.pdf == issued.path.read_bytes() and found.drawing is not None
    assert issued.printable.drawing is issued.drawing  # what the issue dialog prints
    dialog = PdfPreviewDialog(found.pdf, issued.number, None, printable=found)
    qtbot.addWidget(dialog)
    target = tmp_path / "issued.pdf"
    assert dialog.print_to(pdf_printer(target))
    assert_printed_like(found.pdf, target, tmp_path)
    assert issued.number in poppler("pdftotext", str(target), "-")


def test_a_document_drawn_otherwise_since_its_issue_prints_as_images(qtbot, office, tmp_path):
    templates = TemplateLibrary(shutil.copytree(TEMPLATE_DIR, tmp_path / "templates"))
    case_no = complaint_in(office, "registered")
    issued = documents.issue(office.profile, office.handler, case_no, "receipt", templates=templates)
    frozen = templates.root / "versions" / "receipt" / "v3.toml"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("特此回执。", "此复。"), encoding="utf-8")
    found = documents.for_printing(office.profile, issued.event_id, templates=templates)
    assert found.pdf == issued.path.read_bytes() and found.drawing is None  # the stored original, as images
    other = draw(sample_letter())
    assert Printable.checked(found.pdf, other).drawing is None  # a drawing of another PDF is never used
    with pytest.raises(ValueError):
        Printable(found.pdf, other)
    target = tmp_path / "fallback.pdf"
    dialog = PdfPreviewDialog(found.pdf, issued.number, None, printable=found)
    qtbot.addWidget(dialog)
    assert [job.drawing for job in plan([dialog.printable])] == [None]
    printer = pdf_printer(target)
    printer.setResolution(100)  # the image path at a cheap resolution
    assert dialog.print_to(printer)
    assert len(PdfReader(target).pages) == issued.pages
    assert poppler("pdfimages", "-list", str(target)).count("\n") > 2  # page images


def test_double_sided_a_document_of_odd_pages_ends_its_sheet(qapp, tmp_path):
    one_page = replace(sample_letter(), body=(Paragraph("特此告知。"),), note=None, copy_to=())
    first, second = draw(one_page), draw(sample_notice())
    items = [Printable.checked(first.pdf, first), Printable.checked(second.pdf, second)]
    jobs = plan(items)
    assert [job.pages for job in jobs] == [1, 2] and all(job.drawing for job in jobs)
    # PdfFormat has no duplex (Qt keeps DuplexNone): the rule is checked on the order of sides
    assert sides(jobs, True) == [(0, 0), None, (1, 0), (1, 1)]
    assert sides(jobs[::-1], True) == [(0, 0), (0, 1), (1, 0)]  # nothing after the last document
    assert sides(jobs, False) == [(0, 0), (1, 0), (1, 1)]
    target = tmp_path / "batch.pdf"
    assert print_pdfs(pdf_printer(target), items, jobs=jobs) == 3
    reader = PdfReader(target)
    assert len(reader.pages) == 3 and "特此告知" in reader.pages[0].extract_text()


def test_a_credit_check_result_prints_as_text(qtbot, office, tmp_path):
    made = credit_check.issue(office.profile, office.clerk, name="双柏县财政局", requester="双柏县财政局项目资金审核科")
    assert made.printable.drawing is made.drawing is not None
    dialog = PdfPreviewDialog(made.pdf, made.number, None, printable=made.printable)
    qtbot.addWidget(dialog)
    target = tmp_path / "check.pdf"
    assert dialog.print_to(pdf_printer(target))
    assert_printed_like(made.pdf, target, tmp_path)
    assert "信用核查结果告知单" in poppler("pdftotext", str(target), "-").replace(" ", "")


def test_a_merged_batch_prints_each_document_as_text(qtbot, office, tmp_path):
    issued = [documents.issue(office.profile, office.handler, complaint_in(office, state), kind)
              for state, kind in (("registered", "receipt"), ("forwarded", "forward_letter"))]
    merged = merge_pdfs([one.path.read_bytes() for one in issued])  # what the reminders dialog shows
    dialog = PdfPreviewDialog(merged, "batch", None, parts=[one.printable for one in issued])
    qtbot.addWidget(dialog)
    assert [job.drawing is one.drawing for job, one in zip(plan(dialog.parts), issued, strict=True)] == [True, True]
    target = tmp_path / "batch.pdf"
    assert dialog.print_to(pdf_printer(target))
    assert len(PdfReader(target).pages) == sum(one.pages for one in issued)
    assert poppler("pdfimages", "-list", str(target)).count("\n") <= 2
    assert all(one.number in poppler("pdftotext", str(target), "-") for one in issued)
