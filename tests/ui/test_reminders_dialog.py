"""The 催办督办 dialog: overdue steps by department, ticking cases, a batch with progress, the merged PDF."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from app.services import documents
from tests.document_cases import complaint_in
from tests.factories import china_noon
from ui.documents.reminders_dialog import RemindersDialog


def shoot(widget, name: str) -> None:
    """LVYUE_SCREENSHOTS=dir saves what the test looked at (for a person to check the layout)."""
    folder = os.environ.get("LVYUE_SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def overdue_cases(office) -> tuple[str, str]:
    forwarded = complaint_in(office, "forwarded")  # conclusion due 2026-11-24
    rectifying = complaint_in(office, "rectifying")  # rectification due 2026-12-11
    office.clock.now = china_noon(2026, 12, 16)
    return forwarded, rectifying


def test_overdue_steps_are_listed_by_department_and_a_batch_is_issued_and_merged(qtbot, office, ctx):
    forwarded, rectifying = overdue_cases(office)
    with qtbot.waitCallback(timeout=5000) as loaded:
        dialog = RemindersDialog(ctx)
        dialog.loaded.connect(loaded)
    qtbot.addWidget(dialog)
    dialog.loaded.disconnect(loaded)
    assert loaded.args == [2]
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups[0].startswith("双柏县 · 双柏县人民政府") and "双柏县农业农村局" in groups[1]
    rows = dialog._rows()
    assert [(r.text(0), r.text(1), r.text(3)) for r in rows] == [(forwarded, "核实认定", "16"),
                                                                 (rectifying, "整改", "3")]
    assert not dialog.issue_button.isEnabled()
    dialog.show()
    shoot(dialog, "reminders-list.png")
    dialog.select_issuable()
    assert dialog.selected_cases() == [forwarded, rectifying] and dialog.issue_button.isEnabled()
    dialog.kind.setCurrentIndex(1)  # 督办通知: a county office cannot issue it, nothing stays ticked
    assert dialog.selected_cases() == [] and not dialog.issue_button.isEnabled()
    dialog.kind.setCurrentIndex(0)
    dialog.tree.topLevelItem(0).child(0).setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.issued, timeout=15000) as issued:
        dialog.run_batch([*dialog.selected_cases(), "532322-2026-0999"])  # the last one does not exist
    result = issued.args[0]
    assert [d.case_no for d in result.issued] == [forwarded]
    assert [(f.ref, f.message) for f in result.failed] == [("532322-2026-0999", "找不到该投诉案件：532322-2026-0999")]
    assert dialog.preview is not None and dialog.preview.page_count == result.issued[0].pages
    shoot(dialog.preview, "reminders-merged.png")
    dialog.preview.close()
    assert [o.kind for o in documents.offers(office.profile, office.officer, forwarded)][-1] == "urge_letter"
