"""The period's outputs read back: the workbook with openpyxl, the CSV files, the 调度通报 PDF with pypdf."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.domain.errors import DomainError
from app.services import briefing, reports
from tests.integration.test_assessment import CHUXIONG, FROM, PREFECTURE, SHUANGBAI, TO, D, prefecture  # noqa: F401

SHEETS = ["汇总", "分县市", "分部门", "考核指标（县市）", "考核指标（部门）", "超期清单", "典型案例"]


@pytest.fixture
def book(prefecture):  # noqa: F811
    profile, officer, _ = prefecture
    return load_workbook(io.BytesIO(reports.workbook(profile, officer, FROM, TO)))


def test_workbook_is_laid_out_for_printing(book):
    assert book.sheetnames == SHEETS
    ws = book["分县市"]
    assert ws["A1"].value == "2026年9月至10月各县市政府违约失信投诉办理情况统计表"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:M1", "A2:M2", "C3:D3", "F3:G3", "I3:L3", "A3:A4", "B3:B4"} <= merged
    assert (ws["C3"].value, ws["C4"].value, ws["D4"].value) == ("核实认定", "小计", "其中属实")
    assert ws.print_area == "'分县市'!$A$1:$M$16"
    assert ws.print_title_rows == "$3:$4"
    assert ws.freeze_panes == "B5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["A"].width >= 10


def test_workbook_totals_are_the_sums_of_the_rows(book):
    ws = book["分县市"]
    rows = list(ws.iter_rows(min_row=5, max_row=16, values_only=True))
    total = next(ws.iter_rows(min_row=16, max_row=16, values_only=True))
    assert rows[-1] == total and total[0] == "合计"
    body = rows[:-1]
    assert [r[0] for r in body][:3] == ["州本级", "楚雄市", "禄丰市"] and len(body) == 11
    for column in range(1, 13):
        assert total[column] == sum(r[column] for r in body), ws.cell(4, column + 1).value
    assert total[1] == 4  # received
    rates = book["考核指标（县市）"]
    header = [c.value for c in rates[4]]
    assert header[1:4] == ["按时", "完成", "比率"]
    sb = next(r for r in rates.iter_rows(min_row=5, values_only=True) if r[0] == "双柏县")
    assert sb[1:4] == (0, 1, 0.0)  # 转办: late across 国庆
    assert sb[-3:] == (3, 4, 0.75)
    cell = next(c for c in rates[5] if c.column == 4)
    assert cell.number_format == "0.0%"
    empty = next(r for r in rates.iter_rows(min_row=5, values_only=True) if r[0] == "元谋县")
    assert empty[3] == "—"  # nothing to divide by: no rate, not 0 %


def test_csv_files_round_trip(prefecture, book):  # noqa: F811
    profile, officer, _ = prefecture
    files = reports.csv_tables(profile, officer, FROM, TO)
    assert sorted(files) == sorted(f"{name}.csv" for name in SHEETS)
    data = files["分县市.csv"]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["县市", "受理投诉", "核实认定-小计", "核实认定-其中属实"]
    sheet = [[("" if v is None else str(v)) for v in r] for r in book["分县市"].iter_rows(min_row=5, max_row=16,
                                                                                       values_only=True)]
    assert rows[1:] == sheet
    rates = list(csv.reader(io.StringIO(files["考核指标（县市）.csv"].decode("utf-8-sig"))))
    sb = next(r for r in rates if r[0] == "双柏县")
    assert sb[-3:] == ["3", "4", "0.7500"]


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def test_the_briefing_reads_as_issued(prefecture):  # noqa: F811
    profile, officer, cases = prefecture
    draft = briefing.briefing_pdf(profile, officer, FROM, TO)
    assert draft.number is None and "（预览）" in _text(draft.pdf) and "草稿" in _text(draft.pdf)
    made = briefing.briefing_pdf(profile, officer, FROM, TO, issue=True)
    assert made.number == "楚发改通〔2026〕1号"  # the draft took no number
    again = briefing.briefing_pdf(profile, officer, FROM, TO, issue=True)
    assert again.number == "楚发改通〔2026〕2号"
    assert [b["number"] for b in briefing.issued_briefings(profile)] == [made.number, again.number]
    assert made.path is not None and made.path.read_bytes() == made.pdf
    reader = PdfReader(io.BytesIO(made.pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            assert "/FontFile2" in descriptor["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert len(reader.pages) % 2 == 0  # the 版记 on an even page
    text = _text(made.pdf)
    for expected in ("楚雄州发展和改革委员会文件", "楚发改通〔2026〕1号",
                     "关于2026年9月至10月全州政府违约失信投诉办理情况的通报",
                     "各县市发展和改革局，州级有关部门：",
                     "共受理政府违约失信投诉4件", "认定违约失信1件",
                     "按时转办率66.7%（超期1次）",  # 3 forwards in the period, P1 late
                     "仍有2项办理环节超过期限未完成，涉及2个主管部门", "楚雄州财政局1项", "双柏县人民政府1项",
                     cases["P1"], "拖欠扶持资金逾一年，经督办后兑现",
                     "附件1", "各县市投诉办理情况统计表", "超期未办事项清单", "抄送：云南省发展和改革委员会。"):
        assert expected in text, expected
    assert "均按时" not in text.split("二、办理时效")[1].split("三、")[0].split("反馈")[0]


def test_a_period_without_complaints_reads_plainly(prefecture):  # noqa: F811
    profile, officer, _ = prefecture
    made = briefing.briefing_pdf(profile, officer, D(2026, 1, 1), D(2026, 3, 31))
    text = _text(made.pdf)
    assert "2026年第一季度" in text and "2026年第一季度，全州未受理政府违约失信投诉。" in text
    assert "不计算办理时效" in text and "无超过办理期限未完成的事项" in text
    assert "典型案例" not in text and "%" not in text


def test_only_a_leader_issues_and_a_county_briefs_its_own(prefecture):  # noqa: F811
    profile, officer, _ = prefecture
    from dataclasses import replace

    from app.domain.vocabulary import Role

    handler = replace(officer, roles=(Role.HANDLER.value,))
    with pytest.raises(DomainError, match="role_not_permitted"):
        briefing.briefing_pdf(profile, handler, FROM, TO, issue=True)
    county = _text(briefing.briefing_pdf(profile, officer, FROM, TO, region_code=CHUXIONG).pdf)
    assert "全市" in county and "共受理政府违约失信投诉2件" in county
    assert SHUANGBAI and PREFECTURE  # the module's codes, used by the fixture
