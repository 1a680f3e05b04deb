"""What printing sends per page: page images at 300 and 400 dpi against vector text (issue 16).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_print.py [--runs 5]

Each document is printed through ``QPrinter(PdfFormat)`` (what "Microsoft Print to PDF" also receives)
three ways: as page images (the fallback: QtPdf renders each page at the printer's resolution, capped
at ``MAX_DPI``) at 300 and 400 dpi, and as vector text painted from its drawing at 1200 dpi. Per page:
the printed PDF's size (a fair proxy of what reaches the spooler; Qt compresses the images in it with
Flate, a GDI spool of the same page carries the bitmap as it is), the size of the image Qt hands the
printer (``QImage.sizeInBytes``, RGB32), and the time (median of ``--runs``, wall clock). A measurement,
not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")

from bench_pdf import sample_letter, sample_notice  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.documents.model import Heading, Paragraph, Table  # noqa: E402
from app.documents.render import Printable, draw  # noqa: E402
from ui.documents.printing import LoadedPdf, plan, prepare_printer, print_pdfs  # noqa: E402


def documents() -> dict[str, Printable]:
    rows = tuple((f"532322-2026-{i:04d}", "2026-11-26", "双柏县农业农村局", "整改中", f"{1000 + i * 37}.50")
                 for i in range(1, 61))
    table = Table(("案号", "认定日期", "认定部门", "状态", "金额（元）"), rows, (2.2, 1.5, 2.4, 1.1, 1.5),
                  ("left", "center", "left", "center", "right"))
    rare = Paragraph("企业负责人吉𠮷（彝文名ꆈꌠꀀꀁ）反映情况属实。")
    made = {
        "整改督促通知书 (文件)": draw(sample_notice()),
        "告知书 (信函, 𠮷 ꆈ)": draw(replace(sample_letter(), body=(rare, *sample_letter().body))),
        "台账表格 (文件, 60 行)": draw(replace(sample_notice(), body=(rare, Heading(1, "一、台账"), table))),
    }
    return {name: Printable.checked(drawing.pdf, drawing) for name, drawing in made.items()}


def printed(item: Printable, folder: Path, dpi: int, vector: bool) -> tuple[int, float]:
    """(bytes of the printed PDF, seconds) for one print of ``item``."""
    target = folder / f"print-{dpi}-{int(vector)}.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    prepare_printer(printer, "bench")
    printer.setResolution(dpi)
    items = [item if vector else Printable(item.pdf)]
    start = time.perf_counter()
    jobs = plan(items)
    assert (jobs[0].drawing is not None) == vector
    print_pdfs(printer, items, jobs=jobs)
    return target.stat().st_size, time.perf_counter() - start


def image_bytes(pdf: bytes, dpi: int) -> int:
    loaded = LoadedPdf(pdf)
    points = loaded.document.pagePointSize(0)
    image = loaded.document.render(0, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    loaded.close()
    return image.sizeInBytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    print("| document | pages | way | PDF per page | image per page | time per page |")
    print("|---|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, item in documents().items():
            pages = len(item.drawing.pages) if item.drawing else 0
            for label, dpi, vector in (("images 300 dpi", 300, False), ("images 400 dpi", 400, False),
                                       ("vector 1200 dpi", 1200, True)):
                runs = [printed(item, Path(folder), dpi, vector) for _ in range(args.runs)]
                size = runs[0][0]
                seconds = statistics.median(t for _, t in runs)
                image = "—" if vector else f"{image_bytes(item.pdf, dpi) / 1e6:.1f} MB"
                print(f"| {name} | {pages} | {label} | {size / pages / 1e3:,.0f} KB | {image} | "
                      f"{seconds / pages * 1e3:,.0f} ms |")
            print(f"| {name} | {pages} | our PDF (reportlab) | {len(item.pdf) / pages / 1e3:,.0f} KB | — | — |")


if __name__ == "__main__":
    main()
