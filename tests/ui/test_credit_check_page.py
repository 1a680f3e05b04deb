"""The 信用核查 page: pinyin initials find the body, the result shows the verdict and the records with
their sanctions, 出具核查结果 numbers the check and opens the PDF in the preview."""

from __future__ import annotations

import threading

from app.services import act, credit_check
from tests.factories import china_noon
from tests.integration.test_credit_check import CLEAN, FINANCE, _breached
from ui.pages.credit_check import CreditCheckPage


def _page(qtbot, ctx) -> CreditCheckPage:
    page = CreditCheckPage(ctx)
    qtbot.addWidget(page)
    return page


def _choose(qtbot, page: CreditCheckPage, term: str, name: str):
    page.search.setText(term)
    page.lookup()
    qtbot.waitUntil(lambda: any(c.name == name for c in page.candidates_shown), timeout=10000)
    row = [c.name for c in page.candidates_shown].index(name)
    with qtbot.waitSignal(page.result_shown, timeout=10000) as shown:
        page.candidates.setCurrentRow(row) if page.candidates.currentRow() != row else page._chosen(row)
    return shown.args[0]


def test_a_body_with_a_breach_in_force(qtbot, office, ctx):
    case = _breached(office, FINANCE)
    office.clock.now = china_noon(2026, 12, 3)
    act.act(office.profile, office.leader, case, "sanction", {"measures": ["public_criticism"],
                                                              "imposed_by": "双柏县人民政府", "start_on": "2026-12-03"})
    page = _page(qtbot, ctx)
    assert not page.issue_button.isEnabled()
    result = _choose(qtbot, page, "sbxczj", FINANCE)
    assert result.verdict == "in_force" and "有在效失信记录" in page.verdict_label.text()
    top = page.records.topLevelItem(0)
    assert page.records.topLevelItemCount() == 1 and top.text(0) == case and top.text(3) == "有效"
    assert any(top.child(i).text(1) == "公开通报批评" for i in range(top.childCount()))
    assert "双柏县" in page.limits_label.text() and page.issue_button.isEnabled()

    page.requester.setText("双柏县财政局项目资金审核科")
    with qtbot.waitSignal(page.issued, timeout=20000) as done:
        page.issue_now()
    made = done.args[0]
    assert made.number == "双发改信核〔2026〕1号"
    assert page.preview is not None and page.preview.windowTitle().startswith("双发改信核〔2026〕1号")
    assert page.preview.page_count >= 1
    page.preview.close()
    (row,) = credit_check.checks(office.profile, office.officer)
    assert row.requester == "双柏县财政局项目资金审核科" and row.case_nos == (case,)


def test_a_body_without_records_and_a_term_that_finds_nothing(qtbot, office, ctx):
    page = _page(qtbot, ctx)
    result = _choose(qtbot, page, "教育体育", CLEAN)
    assert result.verdict == "none" and page.records.topLevelItemCount() == 0
    assert "未发现失信记录" in page.verdict_label.text()
    page.search.setText("qqqzzzz")
    page.lookup()
    qtbot.waitUntil(lambda: page.found_label.text() != "" and page.candidates.count() == 0, timeout=10000)
    assert page.result is None and not page.issue_button.isEnabled()


def test_an_answer_for_a_body_no_longer_chosen_is_not_shown(qtbot, office, ctx):
    """The result of a body asked for before the list changed arrives late (CI under load): ignored."""
    page = _page(qtbot, ctx)
    _choose(qtbot, page, "教育体育", CLEAN)
    row = page.candidates.currentRow()
    gate = threading.Event()
    real = credit_check.result

    def slow(*args, **kwargs):
        gate.wait(30)
        return real(*args, **kwargs)

    credit_check.result = slow
    try:
        page._chosen(row)  # asked again; its answer is held back
        page.search.setText("qqqzzzz")
        page.lookup()
        qtbot.waitUntil(lambda: page.candidates.count() == 0 and page.found_label.text().startswith("找到 0"),
                        timeout=30000)
        gate.set()
        page._ctx.tasks.wait_idle()
        qtbot.wait(50)  # deliver the late answer
        assert page.result is None and not page.issue_button.isEnabled() and page.records.topLevelItemCount() == 0
    finally:
        credit_check.result = real
        gate.set()
