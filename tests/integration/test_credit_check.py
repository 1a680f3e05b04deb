"""A credit check against known breaches: a profile with two confirmed breaches of one body (one repaired),
one of another body (repaired), and a body without any; each check gives the verdict the register
supports, names the right records, is numbered and recorded, prints what it found (PDF text read
back), reprints byte for byte, and survives a rebuild of the projections."""

from __future__ import annotations

import io
import json

import pdfplumber
import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.services import act, credit_check, intake
from app.services.maintenance import rebuild_projections
from app.store.tables import breach_records, credit_checks
from tests.factories import china_noon, credit_code
from tests.factories import intake as make_intake

FINANCE = "双柏县财政局"
WATER = "双柏县水务局"
CLEAN = "双柏县教育体育局"


def _breached(office, respondent: str, code: str | None = None) -> str:
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    data = make_intake(respondent=respondent)
    if code:
        data["respondent"]["credit_code"] = code
    case = intake.register(p, o.clerk, data).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02",
                                          "facts": f"{respondent}逾期未兑现扶持资金", "ground": "overdue"})
    return case


def _repair(office, case: str) -> None:
    office.clock.now = china_noon(2026, 12, 4)
    act.act(office.profile, office.leader, case, "repair", {"evidence": "已足额兑现", "fulfilled_on": "2026-12-04"})


@pytest.fixture
def register(office):
    p, o = office.profile, office
    code = credit_code("11", "532322")
    old = _breached(office, FINANCE, code)
    _repair(office, old)
    live = _breached(office, FINANCE, code)
    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, live, "sanction", {"measures": ["public_criticism", "restrict_procurement"],
                                            "imposed_by": "双柏县人民政府", "start_on": "2026-12-03",
                                            "end_on": "2027-12-02"})
    water = _breached(office, WATER)
    _repair(office, water)
    o.clock.now = china_noon(2026, 12, 5)
    return {"code": code, "old": old, "live": live, "water": water}


def _nums(profile, *cases):
    with profile.store.read() as session:
        found = dict(session.execute(select(breach_records.c.case_no, breach_records.c.num)).all())
    return tuple(found[c] for c in cases)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join((page.extract_text() or "") for page in doc.pages).replace("\n", "").replace(" ", "")


def test_checks_give_the_verdict_the_register_supports(office, register):
    p, o = office.profile, office
    live = credit_check.issue(p, o.clerk, name=FINANCE, query="sbxczj", requester="双柏县财政局项目资金审核科")
    assert live.number == "双发改信核〔2026〕1号"
    assert live.result.verdict == "in_force" and live.result.verdict_label == "有在效失信记录"
    assert [r.case_no for r in live.result.records] == [register["live"], register["old"]]
    assert live.result.finding.in_force == (register["live"],) and live.result.finding.repaired == (register["old"],)
    assert live.result.body_code == register["code"]

    repaired = credit_check.issue(p, o.clerk, name=WATER)
    assert (repaired.number, repaired.result.verdict) == ("双发改信核〔2026〕2号", "repaired")
    assert [r.case_no for r in repaired.result.records] == [register["water"]]

    clean = credit_check.issue(p, o.clerk, name=CLEAN)
    assert (clean.number, clean.result.verdict, clean.result.records) == ("双发改信核〔2026〕3号", "none", ())

    history = credit_check.checks(p, o.officer)
    assert [h.number for h in history] == [clean.number, repaired.number, live.number]
    rows = {h.number: h for h in history}
    assert rows[live.number].record_nums == _nums(p, register["live"], register["old"])
    assert rows[live.number].case_nos == (register["live"], register["old"])
    assert rows[live.number].query == "sbxczj" and rows[live.number].actor_name == "李登记"
    assert rows[repaired.number].record_nums == _nums(p, register["water"])
    assert rows[clean.number].record_nums == () and rows[clean.number].verdict_label == "未发现失信记录"


def test_the_printed_result_says_what_was_found_and_no_more(office, register):
    p, o = office.profile, office
    live = _text(credit_check.issue(p, o.clerk, name=FINANCE).pdf)
    for expected in ("信用核查结果告知单", "双发改信核〔2026〕1号", "有在效失信记录", FINANCE, register["code"],
                     register["live"], register["old"], "公开通报批评", "限制参加政府采购", "2026-12-03至2027-12-02",
                     "实施中", "2026-12-04履约完毕", "截至2026年12月5日", "双柏县", "不受理", "不包括其他地区"):
        assert expected in live, expected
    clean = _text(credit_check.issue(p, o.clerk, name=CLEAN).pdf)
    assert "未发现“双柏县教育体育局”的政务失信记录" in clean and "不包括其他地区" in clean
    assert "不受理" not in clean and "案号" not in clean
    repaired = _text(credit_check.issue(p, o.clerk, name=WATER).pdf)
    assert "均已完成信用修复" in repaired and register["water"] in repaired and "不受理" not in repaired


def test_lookup_by_initials_code_and_name(office, register):
    p, o = office.profile, office
    names = [c.name for c in credit_check.find_bodies(p, o.officer, "sbxczj")]
    assert names[0] == FINANCE
    (by_code,) = credit_check.find_bodies(p, o.officer, register["code"][:10])
    assert (by_code.name, by_code.records, by_code.in_force) == (FINANCE, 2, 1)
    assert credit_check.resolve(p, o.officer, register["code"].lower()) == (FINANCE, register["code"])
    assert credit_check.resolve(p, o.officer, "sbxczj") == (FINANCE, register["code"])
    assert credit_check.resolve(p, o.officer, CLEAN) == (CLEAN, None)
    # a body in the reference list with no record is offered too
    assert any(c.name == CLEAN and c.records == 0 for c in credit_check.find_bodies(p, o.officer, "教育体育"))
    with pytest.raises(DomainError) as caught:
        credit_check.resolve(p, o.officer, "zzzzqqq")
    assert caught.value.code == "credit_check_body_unknown"
    with pytest.raises(DomainError) as caught:
        credit_check.resolve(p, o.officer, "sbx")
    assert caught.value.code == "credit_check_ambiguous"


def test_reprint_is_byte_identical_and_checks_survive_a_rebuild(office, register):
    p, o = office.profile, office
    issued = credit_check.issue(p, o.clerk, name=FINANCE)
    assert credit_check.reprint(p, o.officer, issued.number) == issued.pdf
    issued.path.unlink()
    assert credit_check.reprint(p, o.officer, issued.number) == issued.pdf  # rendered again from the snapshot
    with p.store.read() as session:
        before = [tuple(r) for r in session.execute(select(credit_checks))]
    rebuild_projections(p)
    with p.store.read() as session:
        assert [tuple(r) for r in session.execute(select(credit_checks))] == before
    with pytest.raises(DomainError) as caught:
        credit_check.reprint(p, o.officer, "双发改信核〔2026〕99号")
    assert caught.value.code == "credit_check_not_found"


def test_preview_takes_no_number_and_the_auditor_may_not_issue(office, register):
    p, o = office.profile, office
    draft = _text(credit_check.preview(p, o.clerk, name=FINANCE))
    assert "草稿" in draft and "（预览）" in draft
    with pytest.raises(DomainError) as caught:
        credit_check.issue(p, o.auditor, name=FINANCE)
    assert caught.value.code == "role_not_permitted"
    assert credit_check.issue(p, o.clerk, name=FINANCE).number == "双发改信核〔2026〕1号"
    with p.store.read() as session:
        snapshot = json.loads(session.execute(select(credit_checks.c.snapshot)).scalar())
    assert snapshot["verdict"] == "in_force" and snapshot["scope"] == "532322"


def test_six_code_characters_already_find_the_body_by_its_code_and_five_do_not(office, register):
    """The start of a 统一社会信用代码 counts from 6 characters with a digit among them."""
    p, o = office.profile, office
    (by_code,) = credit_check.find_bodies(p, o.officer, register["code"][:6])
    assert (by_code.name, by_code.records) == (FINANCE, 2)
    assert credit_check.looks_like_code(register["code"][:6]) and not credit_check.looks_like_code(register["code"][:5])
    assert not credit_check.looks_like_code("ABCDEF")  # no digit: a name or initials, not a code


def test_a_sanction_that_has_run_out_is_not_reported_as_being_carried_out(office):
    """An unrepaired record whose only sanction ran out (3–4 December): the check on the 7th lists the
    sanction but does not say a measure is still being carried out (only sanctions in force that day count)."""
    p, o = office.profile, office
    case = _breached(office, WATER)
    o.clock.now = china_noon(2026, 12, 3)
    act.act(p, o.leader, case, "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县人民政府",
                                            "start_on": "2026-12-03", "end_on": "2026-12-04"})
    o.clock.now = china_noon(2026, 12, 7)
    checked = credit_check.result(p, o.clerk, name=WATER)
    (record,) = checked.records
    assert len(record.sanctions) == 1 and record.sanctions_in_force == 0
    assert checked.verdict == "in_force" and checked.finding.sanctioned == ()
    assert "尚未修复的政务失信记录1条。" in checked.statement and "惩戒措施在实施" not in checked.statement
