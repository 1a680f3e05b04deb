"""The case page shows personal data masked; 显示 records the reveal first, then shows it (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.common.packing import unpacked
from app.domain.events import SESSION_STREAM
from app.services.act import act
from app.services.intake import register
from app.store.tables import events
from tests.ui.case_fixtures import intake_data, intake_values, open_view, type_text, visible_texts

ID = "53232219800101193X"
PHONE_SHOWN, ID_SHOWN = "138****2345", "5323**********193X"


def complaint(office) -> str:
    values = intake_values(**{"complainant.contact_id_number": ID,
                              "description": f"联系人手机13887012345，身份证号{ID}，合同约定验收后30日内付款，至今未支付。"})
    complaint_id = register(office.profile, office.clerk, intake_data(values)).complaint_id
    act(office.profile, office.handler, complaint_id, "note", {"text": "已电话联系13887012345，企业确认诉求"})
    return complaint_id


def texts(view) -> str:
    rows = [view.timeline_tab.tree.topLevelItem(i).text(3) for i in range(view.timeline_tab.tree.topLevelItemCount())]
    return "\n".join(visible_texts(view.intake_tab) + rows)


def reveals(office):
    with office.profile.store.read() as session:
        return session.execute(select(events.c.actor, events.c.payload).where(
            events.c.stream == SESSION_STREAM, events.c.action == "personal_data_revealed")).all()


def test_the_case_page_shows_phone_id_and_address_masked(qtbot, office, make_ctx):
    view = open_view(qtbot, make_ctx("handler"), complaint(office))
    shown = texts(view)
    assert PHONE_SHOWN in shown and ID_SHOWN in shown and "双柏县" in shown
    for clear in ("13887012345", "8701 2345", ID, "查姆大道18号"):
        assert clear not in shown, clear


def test_reveal_records_the_event_then_shows_the_values_and_masks_again(qtbot, office, make_ctx):
    handler = make_ctx("handler")
    view = open_view(qtbot, handler, complaint(office))
    button = view.intake_tab.reveal_button
    assert button.isVisibleTo(view) and button.text() == "显示"
    with qtbot.waitSignal(view.revealed_changed, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [row] = reveals(office)
    assert row.actor == office.handler.user_id and view.complaint_id in unpacked(row.payload)
    shown = texts(view)
    assert ID in shown and "查姆大道18号" in shown and "138 8701 2345" in shown
    assert "13887012345" in shown  # the note as typed
    assert view.mask_timer.isActive() and not button.isVisibleTo(view)
    view.mask_timer.timeout.emit()  # the short time is over
    view.mask_timer.stop()
    assert ID not in texts(view) and "查姆大道18号" not in texts(view) and button.isVisibleTo(view)


def test_opening_something_else_masks_again(qtbot, office, make_ctx):
    view = open_view(qtbot, make_ctx("leader"), complaint(office))
    with qtbot.waitSignal(view.revealed_changed, timeout=10000):
        qtbot.mouseClick(view.intake_tab.reveal_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.revealed_changed, timeout=2000) as masked:
        view.hide()
    assert masked.args == [False] and view.revealed is None and not view.mask_timer.isActive()
    assert ID not in texts(view)


@pytest.mark.parametrize("who", ["admin", "auditor"])
def test_admin_and_auditor_see_no_reveal_button(qtbot, office, make_ctx, who):
    view = open_view(qtbot, make_ctx(who), complaint(office))
    assert not view.intake_tab.reveal_button.isVisibleTo(view)
    assert ID not in texts(view) and "13887012345" not in texts(view)
    view.reveal_personal_data()  # even if asked directly: nothing is recorded, nothing shown
    assert reveals(office) == [] and view.revealed is None


def test_amend_of_a_masked_phone_starts_empty_and_keeps_it_when_left_empty(qtbot, office, make_ctx):
    handler = make_ctx("handler")
    complaint_id = complaint(office)
    view = open_view(qtbot, handler, complaint_id)
    qtbot.mouseClick(view.intake_tab.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    for path in ("complainant.phone", "complainant.legal_representative"):
        dialog.picker.setCurrentIndex(dialog.picker.findData(path))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.rows["complainant.phone"]
    assert row.field.value() in ("", None) and PHONE_SHOWN in row.hint
    dialog.rows["complainant.legal_representative"].field.set_value("李国强")
    type_text(qtbot, dialog.rows["reason"].field.focus_widget, "法定代表人变更")
    assert dialog.payload()["changes"] == {"complainant.legal_representative": "李国强"}
    dialog.reject()


def test_the_duplicates_compare_view_shows_the_phone_masked(qtbot, ctx, add_complaint):
    from tests.ui.test_duplicates_ui import CaseTabs, DuplicatesPage

    description = f"联系人手机13887012345，身份证号{ID}，拖欠货款至今未付。"
    add_complaint(description=description)
    add_complaint(channel="online_petition", description=description)
    tabs = CaseTabs(ctx)
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.mouseClick(tabs.list_page.duplicates_button, Qt.MouseButton.LeftButton)
    page = tabs.currentWidget()
    assert isinstance(page, DuplicatesPage)
    qtbot.waitUntil(lambda: "拖欠货款" in page.left.toPlainText(), timeout=10000)
    both = page.left.toPlainText() + page.right.toPlainText()
    assert "138****2345" in both and ID_SHOWN in both
    assert "13887012345" not in both and "8701 2345" not in both and ID not in both


def test_the_import_preview_shows_phones_masked(qtbot, ctx, tmp_path):
    from tests import import_files as files
    from ui.imports.import_dialog import ImportDialog

    source = files.write_xlsx(tmp_path / "12345.xlsx", files.hotline_rows(3))
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10000):
        dialog.load_file(source)
    cells = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount())
             for c in range(dialog.table.columnCount()) if dialog.table.item(r, c)]
    assert "138****0000" in cells and "13887010000" not in "".join(cells)
