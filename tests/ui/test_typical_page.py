"""The 典型案例 page: proposals with their criteria, the decision dialog (reason, editable summary), the
listed cases and the masked export."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.integration.test_typical_cases import _breach, _register
from ui.dialogs.typical_decision import TypicalDecisionDialog
from ui.pages.typical import TypicalPage


def _idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)


def test_propose_decide_and_export(qtbot, office, ctx, tmp_path, monkeypatch):
    from tests.factories import china_noon

    office.clock.now = china_noon(2026, 5, 6)
    big = _register(office, claim="2500000", contact="欧阳娜娜", complainant="双柏县恒达建筑工程有限公司")
    small = _register(office, channel="credit_website", complainant="双柏县彝绣文化传播有限公司")
    _breach(office, big, ground="refused")
    _breach(office, small)
    page = TypicalPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    _idle(qtbot, ctx)
    assert page.proposals.topLevelItemCount() == 2
    first = page.proposals.topLevelItem(0)
    assert first.text(0) == big and "涉及金额大" in first.text(5) and "失信情形严重" in first.text(4)
    assert not page.export_button.isEnabled()

    def decide(dialog: TypicalDecisionDialog) -> int:
        assert "明确拒绝整改" in dialog.summary.toPlainText()
        dialog.reason.setText("金额大且明确拒绝整改")
        dialog.summary.setPlainText(dialog.summary.toPlainText() + "经督促仍未履约。")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TypicalDecisionDialog, "exec", decide)
    page.proposals.setCurrentItem(first)
    page._decide()
    _idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.published_list.topLevelItemCount() == 1, timeout=20000)
    _idle(qtbot, ctx)
    assert page.published_list.topLevelItem(0).text(0) == big
    assert page.proposals.topLevelItemCount() == 1 and page.export_button.isEnabled()
    page.export_to(tmp_path / "out")
    _idle(qtbot, ctx)
    files = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert files == [".txt", ".xlsx"] and "已导出 1 件" in page.note.text()
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8-sig")
    assert "欧阳娜娜" not in text and "经督促仍未履约。" in text


def test_decide_waits_for_a_chosen_row(qtbot, office, ctx):
    from tests.factories import china_noon

    office.clock.now = china_noon(2026, 5, 6)
    _breach(office, _register(office, claim="2500000", complainant="双柏县恒达建筑工程有限公司"), ground="refused")
    page = TypicalPage(ctx)
    qtbot.addWidget(page)
    assert not page.decide_button.isEnabled()
    page.refresh()
    _idle(qtbot, ctx)
    assert page.proposals.topLevelItemCount() == 1 and page.selected_case() is None
    assert not page.decide_button.isEnabled()  # 审定… with nothing chosen did nothing: now it says so
    page.proposals.setCurrentItem(page.proposals.topLevelItem(0))
    assert page.decide_button.isEnabled()
    page.tabs.setCurrentIndex(1)  # the listed cases: none chosen
    assert not page.decide_button.isEnabled()
    page.tabs.setCurrentIndex(0)
    assert page.decide_button.isEnabled()
    page.refresh()
    _idle(qtbot, ctx)
    assert page.decide_button.isEnabled() == (page.selected_case() is not None)


def test_the_dialog_wants_a_reason(qtbot, office, ctx):
    from app.services import typical_cases
    from tests.factories import china_noon

    office.clock.now = china_noon(2026, 5, 6)
    case = _register(office)
    _breach(office, case, ground="refused")
    dialog = TypicalDecisionDialog(typical_cases.view(office.profile, office.officer, case))
    qtbot.addWidget(dialog)
    dialog._ok()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.error.text()
