"""Issuing documents against DESIGN §8 (one notice warm <= 30 ms; 1,000 in <= 30 s).

    .venv/bin/python bench/bench_documents.py                      # figures
    .venv/bin/python bench/bench_documents.py --samples docs/documents   # also every page of every kind as PNG

"Issue" is the whole record: the number from the numbering interface, the PDF rendered from the
template, the ``issue_document`` event, the projection and index rows, one transaction, and the PDF
written (fsync) content-addressed beside the database. Beside it in the same run: the render alone,
and a raw reportlab page with the same text (drawString per line, one font, no layout). A profile is
made in a temporary folder with ``--complaints`` cases awaiting rectification; each is issued
整改督促通知书 in turn (文件 format, 2 pages, the 版记 on page 2), as an office would over a year.
This is a measurement, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")

from bench_pdf import raw_baseline  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.documents import load_font_set, render_pdf  # noqa: E402
from app.documents.templates import TemplateLibrary  # noqa: E402
from app.security.fieldcrypt import open_json  # noqa: E402
from app.services import documents, office_settings  # noqa: E402
from app.store.tables import events  # noqa: E402
from tests.conftest import make_office  # noqa: E402 (cheap password hashing, users of every role)
from tests.document_cases import SAMPLES, complaint_in  # noqa: E402
from tests.factories import FixedClock, china_noon  # noqa: E402

# a second sample of the same kind and variant, from another state
SAMPLE_SUFFIX = {("repaired", "feedback_letter"): "after-repair", ("disputed_mediation", "feedback_letter"): "mediation",
                 ("disputed_legal", "feedback_letter"): "legal"}


def _median_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _lines(doc) -> list[str]:
    texts = [doc.issuer, doc.number, doc.title, doc.recipient or ""] + [b.text for b in doc.body]
    texts += [doc.signer, *(doc.copy_to or ())]
    return [text[i : i + 26] for text in texts for i in range(0, len(text), 26)]


def new_office(home: Path):
    office = make_office(home / "profile", FixedClock(china_noon(2026, 11, 26)))
    office_settings.update(office.profile, office.admin, {"contact_person": "王颖", "contact_phone": "0878-7721234",
                                                          "address": "双柏县妥甸镇查姆大道88号"})
    return office


def write_samples(target: Path) -> None:
    """Every page of every kind and feedback variant, issued by a new office, at 80 dpi."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): PNGs not written")
        return
    target.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="lvyue-document-samples-"))
    office = new_office(home)
    try:
        _write_samples(office, target, pdftoppm)
    finally:
        office.profile.close()
        shutil.rmtree(home, ignore_errors=True)


def _write_samples(office, target: Path, pdftoppm: str) -> None:
    for state, kind, variant in SAMPLES:
        case_no = complaint_in(office, state)
        issued = documents.issue(office.profile, office.leader, case_no, kind)
        name = "-".join(part for part in (kind, variant, SAMPLE_SUFFIX.get((state, kind))) if part)
        stem = target / name
        for old in target.glob(f"{name}*.png"):  # a sample that had more pages before
            if old.stem == name or old.stem.removeprefix(name + "-").isdigit():
                old.unlink()
        subprocess.run([pdftoppm, "-r", "80", "-png", str(issued.path), str(stem)], check=True)  # stem-1.png, …
        print(f"wrote {stem}-1..{issued.pages}.png  ({issued.number}, {issued.pages} pages)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=31, help="issues for the warm median")
    parser.add_argument("--batch", type=int, default=1000, help="documents issued in the batch")
    parser.add_argument("--complaints", type=int, default=100, help="complaints the batch is spread over")
    parser.add_argument("--samples", type=Path, help="also write every page of every kind as PNG to this folder")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="lvyue-bench-documents-"))
    office = new_office(home)
    try:
        cases = [complaint_in(office, "rectifying") for _ in range(args.complaints)]
        case_no = cases[0]
        profile, handler = office.profile, office.handler

        started = time.perf_counter()
        first = documents.issue(profile, handler, case_no, "rectification_notice")
        cold_ms = (time.perf_counter() - started) * 1000
        warm_ms, warm_cpu = _median_ms(lambda: documents.issue(profile, handler, case_no, "rectification_notice"),
                                       args.repeat)

        fonts = load_font_set()
        with profile.store.read() as session:
            payload = open_json(session.execute(select(events.c.payload).where(events.c.id == first.event_id))
                                .scalar_one())  # stored packed (``app.common.packing``)
        doc = TemplateLibrary().version("rectification_notice", None, payload["template_version"]).render(
            payload["snapshot"])
        render_ms, render_cpu = _median_ms(lambda: render_pdf(doc, fonts), args.repeat)
        raw_ms, raw_cpu = _median_ms(lambda: raw_baseline(_lines(doc), fonts.primary("body").name), args.repeat)

        started, started_cpu = time.perf_counter(), time.process_time()
        for n in range(args.batch):
            documents.issue(profile, handler, cases[n % len(cases)], "rectification_notice")
        batch_s, batch_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        total = documents.list_documents(profile, None, kind="rectification_notice").total

        print(f"notice: {first.pages} pages, {first.path.stat().st_size:,} bytes; first issue incl. font loading "
              f"{cold_ms:.0f} ms; {total} issued in all")
        print(f"issue one notice, warm (median of {args.repeat}): {warm_ms:7.1f} ms (CPU {warm_cpu:5.1f})  "
              "budget <= 30 ms")
        print(f"  of which the render alone:             {render_ms:7.1f} ms (CPU {render_cpu:5.1f})")
        print(f"issue {args.batch} notices, one by one:        {batch_s:7.2f} s  (CPU {batch_cpu:5.2f})  "
              "budget <= 30 s")
        print(f"raw reportlab drawString baseline:       {raw_ms:7.1f} ms (CPU {raw_cpu:5.1f})  same text and font, "
              "no layout")
        print(f"warm notice / raw page: issue {warm_ms / raw_ms:4.1f}x, render alone {render_ms / raw_ms:4.1f}x  "
              "(issue 15: render <= 2x)")
    finally:
        office.profile.close()
        shutil.rmtree(home, ignore_errors=True)
    if args.samples:
        write_samples(args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
