"""Issuing every document kind through the service on a real profile, and reading the PDFs back."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass

import pdfplumber
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.common.packing import unpacked
from app.documents import grid
from app.documents.linebreak import CLOSING_MARKS, OPENING_MARKS
from app.domain.document_kinds import KIND_LABELS
from app.services import documents, office_settings, queries
from app.services.documents import IssuedDocument
from app.store.tables import events
from tests.conftest import make_office
from tests.document_cases import COMPLAINANT, DEPARTMENT, RESPONDENT, SAMPLES, complaint_in
from tests.factories import FixedClock, china_noon

LEFT, RIGHT = grid.TEXT_LEFT, grid.TEXT_RIGHT
TOP, BOTTOM = grid.TOP_MARGIN, grid.TOP_MARGIN + grid.TEXT_HEIGHT  # measured from the top of the sheet
TOLERANCE = 0.5
RED = (0.0, 1.0, 1.0, 0.0)
PREFIX = {"receipt": "双发改受", "rejection": "双发改告", "forward_letter": "双发改函",
          "rectification_notice": "双发改督", "breach_determination": "双发改认", "repair_notice": "双发改告",
          "feedback_letter": "双发改函"}
RECIPIENT = {"receipt": COMPLAINANT, "rejection": COMPLAINANT, "forward_letter": DEPARTMENT,
             "rectification_notice": RESPONDENT, "breach_determination": RESPONDENT, "repair_notice": RESPONDENT,
             "feedback_letter": COMPLAINANT}


@dataclass
class Sample:
    state: str
    kind: str
    variant: str | None
    case_no: str
    issued: IssuedDocument
    pdf: bytes
    issued_on: str


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """Every kind and feedback variant, issued by the handler from a complaint in the right state."""
    office = make_office(tmp_path_factory.mktemp("documents") / "profile", FixedClock(china_noon(2026, 11, 26)))
    office_settings.update(office.profile, office.leader, {"contact_person": "王颖", "contact_phone": "08787721234"})
    made = []
    for state, kind, variant in SAMPLES:
        case_no = complaint_in(office, state)
        result = documents.issue(office.profile, office.handler, case_no, kind)
        day = office.clock.now.astimezone(china_noon(2026, 1, 1).tzinfo)
        made.append(Sample(state, kind, variant, case_no, result, result.path.read_bytes(),
                           f"{day.year}年{day.month}月{day.day}日"))
    yield office, made
    office.profile.close()


def lines_of(page) -> list[list[dict]]:
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in page.chars:
        rows[round(char["matrix"][5], 1)].append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows, reverse=True)]


def text_of(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def all_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(text_of(line) for page in doc.pages for line in lines_of(page))


def test_every_kind_and_variant_is_issued(issued):
    _, made = issued
    # the forward letter goes to 双柏县人民政府, the office's own government: the 函 variant (issue 9)
    assert {(s.kind, s.variant) for s in made} >= {
        (k, None) for k in KIND_LABELS if k not in ("feedback_letter", "forward_letter", "urge_letter",
                                                      "supervision_notice")} | {  # reminders: test_reminders_*
        ("feedback_letter", v) for v in ("unsubstantiated", "rectified", "disputed", "breach")} | {
        ("forward_letter", "letter")}
    for sample in made:
        assert sample.issued.kind == sample.kind and sample.issued.variant == sample.variant
        assert hashlib.sha256(sample.pdf).hexdigest() == sample.issued.sha256
        assert sample.issued.path.name == f"{sample.issued.sha256}.pdf"


def test_pages_are_a4_and_all_text_stays_in_the_text_area(issued):
    for sample in issued[1]:
        with pdfplumber.open(io.BytesIO(sample.pdf)) as doc:
            assert len(doc.pages) == sample.issued.pages
            for page in doc.pages:
                assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.01)
                for line in lines_of(page):
                    text = text_of(line)
                    if text == sample.issued.number or re.fullmatch(r"—\d+—", text) or line[0]["non_stroking_color"] == RED:
                        continue  # 版头 and 页码 sit outside the 版心 by design
                    # a mark compressed at a line edge (标点挤压, issue 9): the blank half of its box is outside
                    left = LEFT - TOLERANCE - (grid.CELL / 2 if line[0]["text"] in OPENING_MARKS else 0)
                    right = RIGHT + TOLERANCE + (grid.CELL / 2 if line[-1]["text"] in CLOSING_MARKS else 0)
                    assert line[0]["x0"] >= left and line[-1]["x1"] <= right, text
                    assert min(c["top"] for c in line) >= TOP - TOLERANCE, text
                    assert max(c["bottom"] for c in line) <= BOTTOM + TOLERANCE, text


def test_title_is_22_pt_body_16_pt_and_fonts_are_embedded_subsets(issued):
    for sample in issued[1]:
        with pdfplumber.open(io.BytesIO(sample.pdf)) as doc:
            lines = lines_of(doc.pages[0])
        sizes = {round(c["size"]) for line in lines for c in line if c["non_stroking_color"] != RED}
        assert {22, 16} <= sizes, sample.kind
        recipient = next(i for i, line in enumerate(lines) if text_of(line).endswith("：") and line[0]["size"] == 16)
        assert lines[recipient - 1][0]["size"] == pytest.approx(22)  # the title comes right before
        assert text_of(lines[recipient]) == RECIPIENT[sample.kind] + "："
        reader = PdfReader(io.BytesIO(sample.pdf))
        for page in reader.pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                assert font["/Subtype"] == "/TrueType"
                assert re.fullmatch(r"/[A-Z]{6}\+[A-Za-z0-9-]+", font["/BaseFont"])
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_number_date_parties_and_case_number_are_printed(issued):
    for sample in issued[1]:
        number = sample.issued.number
        assert re.fullmatch(re.escape(PREFIX[sample.kind]) + r"〔2026〕[1-9]\d*号", number), number
        text = all_text(sample.pdf)
        assert number in text
        assert sample.issued_on + ("印发" if "文件" in text[:12] else "") in text
        assert re.search(r"2026年1[0-2]月[1-9]\d?日", text) and "年0" not in text and "月0" not in text
        assert sample.case_no in text
        assert RESPONDENT in text
        assert COMPLAINANT in text or sample.kind in ("repair_notice",)  # the repair notice names only the body
        if sample.variant not in ("unsubstantiated", "rectified"):
            assert "（楚发改财金〔2023〕509号）" in text  # the work plan the office acts under
        assert "{" not in text and "}" not in text


def test_each_document_reads_as_its_kind(issued):
    texts = {(s.state, s.kind): all_text(s.pdf) for s in issued[1]}
    assert "本局予以受理" in texts["registered", "receipt"]
    assert "不予受理" in texts["rejected", "rejection"] and "不属于政府违约失信投诉受理范围" in texts["rejected", "rejection"]
    assert "申请仲裁、提起诉讼" in texts["rejected", "rejection"]
    forward = texts["forwarded", "forward_letter"]
    assert "2026年11月24日前" in forward and "请一并核实2024年度产业扶持资金预算安排及拨付情况。" in forward
    notice = texts["rectifying", "rectification_notice"]
    assert "2026年12月11日前完成整改" in notice and "1.于整改期限内将产业扶持资金30万元足额拨付投诉人；" in notice
    assert "抄送：双柏县人民政府。" in notice and "双柏县发展和改革局办公室" in notice
    breach = texts["breach_confirmed", "breach_determination"]
    assert "（双政函〔2026〕45号）" in breach and "楚雄彝族自治州发展和改革委员会" in breach
    repair = texts["repaired", "repair_notice"]
    # issue 9: the office ends only its own measures; these were imposed by 双柏县人民政府
    assert "双柏县人民政府实施的公开通报批评、限制申请扶持政策、取消评优评先和试点示范资格" in repair
    assert "由实施机关依规终止" in repair and "终止实施上述全部失信惩戒措施" not in repair
    assert "综上，你单位反映的违约失信情况不属实。" in texts["unsubstantiated", "feedback_letter"]
    assert "已于2026年12月8日完成整改" in texts["rectified", "feedback_letter"]
    assert "修复其相关失信记录" in texts["repaired", "feedback_letter"]
    assert "组织双方协商解决" in texts["disputed_mediation", "feedback_letter"]
    legal = texts["disputed_legal", "feedback_letter"]
    assert "通过法律途径解决" in legal and "提起行政诉讼" in legal and "组织双方协商解决" not in legal
    assert all("联系人及电话：王颖，0878-7721234" in text or "联系人：王颖，电话：0878-7721234" in text
               for text in texts.values())


def test_the_event_records_kind_number_snapshot_template_and_digest(issued):
    office, made = issued
    sample = next(s for s in made if s.kind == "forward_letter")
    with office.profile.store.read() as session:
        row = session.execute(select(events).where(events.c.id == sample.issued.event_id)).one()
    payload = json.loads(unpacked(row.payload))  # stored packed (``app.common.packing``)
    assert row.action == "issue_document" and row.actor == office.handler.user_id
    assert set(payload) == {"kind", "variant", "number", "template_version", "snapshot", "sha256", "pages"}
    assert payload["variant"] == "letter"  # to the office's own government (issue 9)
    assert payload["number"] == sample.issued.number and payload["sha256"] == sample.issued.sha256
    assert payload["template_version"] == 2 and payload["pages"] == sample.issued.pages  # 2: {self_ref}
    snapshot = payload["snapshot"]
    assert snapshot["number"] == sample.issued.number and snapshot["department"] == DEPARTMENT
    assert snapshot["case_no"] == sample.case_no and snapshot["conclude_due_date"] == "2026年11月24日"
    assert "repair_evidence" not in snapshot  # exactly the data the template reads, nothing more
    detail = queries.get_complaint(office.profile, office.handler, sample.case_no)
    assert detail.complaint.documents[-1]["number"] == sample.issued.number
    assert detail.timeline[-1].action == "issue_document"


def test_numbers_run_per_prefix_and_year(office):
    first = complaint_in(office, "registered")
    numbers = [documents.issue(office.profile, office.handler, first, "receipt").number for _ in range(2)]
    assert numbers == ["双发改受〔2026〕1号", "双发改受〔2026〕2号"]
    forwarded = complaint_in(office, "unsubstantiated")
    assert documents.issue(office.profile, office.handler, forwarded, "forward_letter").number == "双发改函〔2026〕1号"
    assert documents.issue(office.profile, office.handler, forwarded, "feedback_letter").number == "双发改函〔2026〕2号"
    office_settings.update(office.profile, office.admin, {"prefixes": {"receipt": "双发改信"}})
    assert documents.issue(office.profile, office.handler, first, "receipt").number == "双发改信〔2026〕1号"
    next_year = complaint_in(office, "registered", year=2027)
    assert documents.issue(office.profile, office.handler, next_year, "receipt").number == "双发改信〔2027〕1号"
