"""Printing issued PDFs 打印: the system print dialog, A4 at 100 %, duplex where the printer offers it.

Our own documents go to the printer as vector text (issue 16): a :class:`Printable` whose drawing
gave exactly its PDF is painted from that drawing (``page_painter``): the same faces, glyphs,
positions and rules, a few hundred KB a page to the spooler instead of tens of MB. Any other PDF
(an attachment, a merged batch, a document re-rendered differently since its issue) is printed as
images: pages rendered by QtPdf (pdfium) at the printer's resolution (at most ``MAX_DPI``, ample
for text and seals); the progress dialog then says so.

Either way a page is drawn at its exact physical size from the sheet's corner (``fullPage``): no
margins or shrinking are added; the printer's own unprintable edge is the only one. When printing
double-sided, a document with an odd number of pages is followed by a blank page, so the next
document starts on a new sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.documents.render import Drawing, Printable
from ui.documents.page_painter import FACE_FONTS, FaceFonts, paint_page

MAX_DPI = 400

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Item = bytes | Printable


class LoadedPdf:
    """A ``QPdfDocument`` over bytes held in memory (the buffer must live as long as the document)."""

    def __init__(self, pdf: bytes, parent=None) -> None:
        self.data = QByteArray(pdf)
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def prepare_printer(printer: QPrinter, title: str) -> None:
    """A4 portrait, the whole sheet addressable, double-sided (long edge) when the printer can."""
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        modes = QPrinterInfo(printer).supportedDuplexModes()
        if QPrinter.DuplexMode.DuplexLongSide in modes:
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)


def count_pages(pdfs: Sequence[bytes]) -> list[int]:
    counts = []
    for pdf in pdfs:
        loaded = LoadedPdf(pdf)
        counts.append(loaded.pages)
        loaded.close()
    return counts


@dataclass(frozen=True)
class Job:
    """One document to print: painted from ``drawing`` (vector) when set, else as images of ``pdf``."""

    pdf: bytes
    drawing: Drawing | None
    pages: int


def plan(items: Sequence[Item], fonts: FaceFonts = FACE_FONTS) -> list[Job]:
    """How each document will be printed: vector when it is ours, drawn exactly, in faces Qt has."""
    jobs = []
    for item in items:
        found = item if isinstance(item, Printable) else Printable(item)
        if found.drawing is not None and fonts.can_paint(found.drawing):
            jobs.append(Job(found.pdf, found.drawing, len(found.drawing.pages)))
        else:
            jobs.append(Job(found.pdf, None, count_pages([found.pdf])[0]))
    return jobs


def sides(jobs: Sequence[Job], duplex: bool) -> list[tuple[int, int] | None]:
    """The sides printed in order: (document, page), or ``None`` for the blank back of a document's
    last sheet when printing double-sided (so the next document starts on a sheet of its own)."""
    order: list[tuple[int, int] | None] = []
    for index, job in enumerate(jobs):
        order += [(index, page) for page in range(job.pages)]
        if duplex and job.pages % 2 and index < len(jobs) - 1:
            order.append(None)
    return order


def print_pdfs(printer: QPrinter, items: Sequence[Item], *, progress: Progress | None = None,
               cancelled: Cancelled | None = None, jobs: Sequence[Job] | None = None) -> int:
    """Paint every page of ``items`` on ``printer``; returns the sheets' sides painted (0 if cancelled first).

    ``progress(done, total)`` is called after each page; ``cancelled()`` is polled between pages.
    ``jobs``: the :func:`plan` of ``items``, if already made.
    """
    jobs = list(jobs) if jobs is not None else plan(items)
    order = sides(jobs, printer.duplex() != QPrinter.DuplexMode.DuplexNone)
    total = sum(job.pages for job in jobs)
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    done = 0
    loaded: tuple[int, LoadedPdf] | None = None
    try:
        for painted, side in enumerate(order):
            if cancelled is not None and cancelled():
                printer.abort()
                return painted
            if painted == 0:
                if not painter.begin(printer):
                    raise OSError("printer_unavailable")
            else:
                printer.newPage()
            if side is None:
                continue  # the back of the last sheet stays blank
            index, page = side
            job = jobs[index]
            if job.drawing is not None:
                paint_page(painter, job.drawing.pages[page], job.drawing, printer.resolution() / 72.0)
                QCoreApplication.processEvents()
            else:
                if loaded is None or loaded[0] != index:
                    if loaded is not None:
                        loaded[1].close()
                    loaded = (index, LoadedPdf(job.pdf))
                _paint_page(painter, printer, loaded[1].document, page, dpi, cancelled)
            done += 1
            if progress is not None:
                progress(done, total)
    finally:
        if loaded is not None:
            loaded[1].close()
        if painter.isActive():
            painter.end()
    return len(order)


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int, dpi: int,
                cancelled: Cancelled | None) -> None:
    """One page, rendered whole at ``dpi`` and drawn at its physical size from the sheet's corner.

    (QtPdf 6.11 shifts a band rendered with ``scaledClipRect`` by a few pixels, so pages are not tiled;
    ``MAX_DPI`` keeps the image at 62 MB.)
    """
    points = document.pagePointSize(page)  # 1/72 inch
    scale = dpi / 72.0
    size = QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))
    image = _on_white(document.render(page, size))
    if cancelled is not None and cancelled():
        return
    to_device = printer.resolution() / 72.0
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(QRectF(0, 0, points.width() * to_device, points.height() * to_device), image)
    QCoreApplication.processEvents()


def _on_white(image: QImage) -> QImage:
    """pdfium leaves the paper transparent; printers want white."""
    if image.format() == QImage.Format.Format_RGB32:
        return image
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def print_with_dialog(parent: QWidget, items: Sequence[Item], title: str) -> bool:
    """Ask for a printer (system dialog), then print with a progress dialog; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentPrinting", "Print %1").replace("%1", title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return print_with_progress(parent, printer, items)


def print_with_progress(parent: QWidget, printer: QPrinter, items: Sequence[Item]) -> bool:
    translate = QCoreApplication.translate
    jobs = plan(items)
    images = any(job.drawing is None for job in jobs)
    progress = QProgressDialog(translate("DocumentPrinting", "Printing…"), translate("DocumentPrinting", "Cancel"),
                               0, max(1, sum(job.pages for job in jobs)), parent)
    progress.setObjectName("printing-progress")
    progress.setWindowTitle(translate("DocumentPrinting", "Printing"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        if images:  # said only for the fallback: a document not ours, or not drawn again exactly
            text = translate("DocumentPrinting", "Printing page %1 of %2 as page images (this PDF cannot be sent "
                                                 "as text; the print is larger and slower)…")
        else:
            text = translate("DocumentPrinting", "Printing page %1 of %2…")
        progress.setLabelText(text.replace("%1", str(done)).replace("%2", str(total)))

    try:
        print_pdfs(printer, items, progress=step, cancelled=progress.wasCanceled, jobs=jobs)
    finally:
        cancelled = progress.wasCanceled()
        progress.close()
    return not cancelled
