"""Notice PDF timing against DESIGN §8 (one notice warm <= 30 ms; 1,000 in <= 30 s).

    .venv/bin/python bench/bench_pdf.py                 # figures
    .venv/bin/python bench/bench_pdf.py --samples docs/documents   # also write the sample pages

Prints the warm single-notice time (median of N), a 1,000-notice batch, and a raw baseline: one
reportlab canvas page with the same text drawn line by line with drawString in the same font. The
figures are printed beside the budgets; this is a measurement, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas

from app.documents import Heading, OfficialDocument, Paragraph, load_font_set, render_pdf

NOTICE_BODY = (
    Paragraph(
        "2025年3月12日，云南彝乡绿源农业开发有限公司（统一社会信用代码91532322MA6N8K2X4R）向本局投诉，"
        "反映你局未按《政府采购合同》约定支付“双柏县2023年高标准农田建设项目”工程进度款"
        "1,234,567.89元（投诉编号532322-2026-0007）。经核实，投诉事项基本属实。现将有关事项通知如下："
    ),
    Heading(1, "一、限期履行付款义务"),
    Paragraph(
        "请你局于2026年12月26日前，将欠款1,234,567.89元及逾期利息足额支付给企业，"
        "不得以机构调整、人员变更、履行内部付款流程等为由拒绝或者迟延支付。"
    ),
    Heading(2, "（一）逾期利息按合同第十二条约定计算。"),
    Heading(1, "二、按时反馈整改情况"),
    Paragraph(
        "请于整改完成后5个工作日内，将整改情况（含付款凭证复印件）书面报送本局。"
        "逾期未整改的，本局将依规认定违约失信并予以通报。"
    ),
    Paragraph("特此通知。"),
)

LETTER_BODY = (
    Paragraph(
        "你公司2025年3月12日提交的投诉（编号532322-2026-0007）已收悉。本局依照"
        "《云南省政务诚信监督管理办法》受理后，于2026年11月26日向双柏县农业农村局发出"
        "整改督促通知书（双发改函〔2026〕7号），督促其在2026年12月26日前足额支付欠款"
        "1,234,567.89元及逾期利息。现将办理情况告知如下："
    ),
    Heading(1, "一、核实情况"),
    Paragraph(
        "经调取合同、验收单和付款记录，你公司承建的“双柏县2023年高标准农田建设项目”已于"
        "2024年11月26日通过竣工验收。合同约定验收合格后30日内支付至合同总价的95%，"
        "截至目前双柏县农业农村局仅支付合同总价的60%，且未与你公司就延期支付达成书面协议，"
        "投诉事项基本属实。"
    ),
    Heading(1, "二、办理意见"),
    Heading(3, "1.限期支付。"),
    Paragraph(
        "本局已要求双柏县农业农村局将欠款及按每日万分之五计算的逾期利息一并支付，"
        "并在整改完成后5个工作日内书面报送付款凭证。"
    ),
    Heading(3, "2.跟踪问效。"),
    Paragraph(
        "本局将跟踪整改进度。逾期未整改的，将依照有关规定认定违约失信并予以通报，"
        "同时报请楚雄州发展和改革委员会督办。"
    ),
    Heading(1, "三、权利告知"),
    Paragraph(
        "如你公司对办理情况有异议，可自收到本告知书之日起15个工作日内向本局书面提出，"
        "本局将在收到之日起10个工作日内复核并答复。"
    ),
    Paragraph("特此告知。"),
)


def sample_notice() -> OfficialDocument:
    """A 文件-format 整改督促通知书 of two pages, with 附件, 附注 and 版记."""
    return OfficialDocument(
        format="document",
        issuer="双柏县发展和改革局",
        number="双发改函〔2026〕7号",
        title="双柏县发展和改革局关于督促履行高标准农田建设项目政府采购合同付款义务的通知",
        recipient="双柏县农业农村局",
        body=NOTICE_BODY,
        attachments=("投诉登记表（编号532322-2026-0007）", "政府采购合同及验收资料复印件"),
        signer="双柏县发展和改革局",
        date=date(2026, 11, 26),
        note="联系人：李喆，联系电话：0878-7721234",
        copy_to=("双柏县人民政府办公室", "双柏县财政局", "楚雄州发展和改革委员会"),
        printed_by="双柏县发展和改革局办公室",
        printed_on=date(2026, 11, 26),
    )


def sample_letter() -> OfficialDocument:
    """A 信函-format letter to the enterprise, two pages."""
    return OfficialDocument(
        format="letter",
        issuer="双柏县发展和改革局",
        number="双发改函〔2026〕8号",
        title="关于投诉事项办理情况的告知书",
        recipient="云南彝乡绿源农业开发有限公司",
        body=LETTER_BODY,
        signer="双柏县发展和改革局",
        date=date(2026, 11, 26),
        note="联系人：杨堃，联系电话：0878-7721234",
        copy_to=("双柏县农业农村局",),
    )


def raw_baseline(lines: list[str], font_name: str) -> bytes:
    """A plain reportlab page: the same text, drawString per line, one font, no layout."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    y = 780.0
    for line in lines:
        if y < 60:
            canvas.showPage()
            y = 780.0
        canvas.setFont(font_name, 16)
        canvas.drawString(80, y, line)
        y -= 29
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text_lines(doc: OfficialDocument) -> list[str]:
    texts = [doc.issuer + "文件", doc.number, doc.title, doc.recipient or ""]
    texts += [block.text for block in doc.body] + list(doc.attachments) + [doc.signer]
    return [text[i : i + 26] for text in texts for i in range(0, len(text), 26)]


def _median_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``action`` (CPU time is steadier on a busy machine)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def write_samples(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    pdftoppm = shutil.which("pdftoppm")
    for name, doc in (("notice", sample_notice()), ("letter", sample_letter())):
        pdf = target / f"sample-{name}.pdf"
        pdf.write_bytes(render_pdf(doc))
        if pdftoppm is None:
            print("pdftoppm not found (apt-get install poppler-utils): PNGs not written")
            continue
        last = 2 if name == "notice" else 1
        subprocess.run(
            [
                pdftoppm,
                "-r",
                "80",
                "-png",
                "-f",
                "1",
                "-l",
                str(last),
                str(pdf),
                str(target / f"sample-{name}-p"),
            ],
            check=True,
        )
        for page in range(1, last + 1):
            made = target / f"sample-{name}-p-{page}.png"
            made.replace(target / f"sample-{name}-p{page}.png")
        pdf.unlink()
        print(f"wrote {target}/sample-{name}-p*.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=31, help="renders for the warm median")
    parser.add_argument("--batch", type=int, default=1000, help="notices in the batch")
    parser.add_argument("--samples", type=Path, help="also write sample PNG pages to this folder")
    args = parser.parse_args()

    started = time.perf_counter()
    fonts = load_font_set()
    notice = sample_notice()
    first = render_pdf(notice, fonts)
    cold_ms = (time.perf_counter() - started) * 1000
    pages = first.count(b"/Type /Page\n") or first.count(b"/Type /Page")

    warm_ms, warm_cpu = _median_ms(lambda: render_pdf(notice, fonts), args.repeat)

    docs = [
        replace(notice, number=f"双发改函〔2026〕{n}号", date=date(2026, 1 + n % 12, 1 + n % 28))
        for n in range(args.batch)
    ]
    started, started_cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        render_pdf(doc, fonts)
    batch_s, batch_cpu = time.perf_counter() - started, time.process_time() - started_cpu

    body_font = fonts.primary("body").name
    lines = _text_lines(notice)
    raw_ms, raw_cpu = _median_ms(lambda: raw_baseline(lines, body_font), args.repeat)

    print(f"notice: {pages} pages, {len(first):,} bytes; first render incl. font loading {cold_ms:.0f} ms")
    print(
        f"warm single notice (median of {args.repeat}): {warm_ms:7.1f} ms (CPU {warm_cpu:5.1f})  budget <= 30 ms"
    )
    print(
        f"batch of {args.batch} notices:              {batch_s:7.2f} s  (CPU {batch_cpu:5.2f})  budget <= 30 s"
    )
    print(
        f"raw reportlab drawString baseline:     {raw_ms:7.1f} ms (CPU {raw_cpu:5.1f})  same text and font, no layout"
    )
    if args.samples:
        write_samples(args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
