"""The 信用核查结果告知单 (credit check result) as an :class:`OfficialDocument` (信函 format, GB/T 9704).

Built from a *snapshot* (``app.services.credit_check``): a flat dict of the values the result shows,
kept with the check, so a reprint renders the same bytes. ``LAYOUT`` is recorded in the snapshot; a
later change of this wording raises it, and a reprint of an older result falls back to the stored PDF.

What it says: the body checked (name, credit code, region), the verdict and its one-paragraph
statement (``app.domain.credit_check.statement``), each record the register held with its sanctions
and repair, and the limits of the result (the as-of date and the regions whose records were read).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.documents.model import Heading, OfficialDocument, Paragraph, Table

LAYOUT = 1
TITLE = "信用核查结果告知单"
NUMERALS = "一二三四五六七八九十"


def credit_check_document(s: Mapping[str, Any]) -> OfficialDocument:
    """The result of one check; ``s["number"]`` is ``""`` for a draft."""
    day = date.fromisoformat(s["checked_on"])
    body: list = [Paragraph(s["opening"]), *_subject(s), *_result(s)]
    if s["records"]:
        body += _records(s)
    body += [Paragraph(f"说明：{text}") for text in s["limits"]]
    body.append(Paragraph("　".join(part for part in (f"核查人：{s['checked_by']}", s.get("contact")) if part)))
    return OfficialDocument(format="letter", issuer=s["issuer"], number=s["number"], title=TITLE,
                            recipient=s.get("requester") or None, body=tuple(body), signer=s["signer"], date=day)


def _subject(s: Mapping[str, Any]) -> list:
    header, row, widths = ["单位名称", "统一社会信用代码"], [s["body_name"] or "（未提供）", s["body_code"] or "（未提供）"], [5, 4]
    if s.get("body_region"):
        header.append("所在地区")
        row.append(s["body_region"])
        widths.append(2)
    return [Table(tuple(header), (tuple(row),), tuple(widths), ("left",) * len(header))]


def _result(s: Mapping[str, Any]) -> list:
    blocks: list = [Paragraph(f"核查结论：{s['verdict_label']}。{s['statement']}")]
    if s.get("consequence"):
        blocks.append(Paragraph(s["consequence"]))
    return blocks


def _records(s: Mapping[str, Any]) -> list:
    rows = tuple((r["case_no"], r["confirmed_on"], r["confirmed_by"], r["status_label"], r["repaired_on"] or "—")
                 for r in s["records"])
    # a level-4 heading is set as body text and stays with the table's first rows
    blocks: list = [Heading(4, f"台账所载失信记录{len(rows)}条如下："), Table(("案号", "认定日期", "认定部门", "状态", "修复日期"), rows, (2.2, 1.5, 2.4, 1.1, 1.5),
                          ("left", "center", "left", "center", "center"))]
    for index, r in enumerate(s["records"], 1):
        mark = f"（{NUMERALS[index - 1]}）" if index <= len(NUMERALS) else f"（{index}）"
        blocks.append(Paragraph(f"{mark}{r['case_no']}：{r['summary']}{''.join(r['sanctions'])}{r['repair']}"))
    return blocks
