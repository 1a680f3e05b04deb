"""The 失信记录 page on a demo prefecture: the register paged from SQL with its county column, the
filters narrowing it as the service does, the detail panel, 打开投诉, and the export after the save
dialog and a confirmation; a county user sees its own records without the county column."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from app.services import auth, credit_register
from app.services.credit_register import RegisterFilter
from app.services.demo import DEMO_PASSWORD
from tests.demo_prefecture import demo_prefecture
from tests.factories import china_noon
from ui.context import UiContext
from ui.models.breach_register_table import BLOCK, COLUMN_INDEX
from ui.pages.breach_register import BreachRegisterPage
from ui.widgets import file_dialogs

NOW = china_noon(2026, 11, 26)


@pytest.fixture(scope="module")
def prefecture(tmp_path_factory):
    yield from demo_prefecture(tmp_path_factory, NOW, complaints=1500, seed=7, county_user=("chuxiong", "李楚雄", "532301"))


def page_for(qtbot, profile, username, tasks, ui_settings) -> BreachRegisterPage:
    ctx = UiContext(profile, auth.login(profile, username, DEMO_PASSWORD), tasks, ui_settings)
    page = BreachRegisterPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.current_record() is not None, timeout=10000)
    return page


def filtered(qtbot, page: BreachRegisterPage, change) -> None:
    with qtbot.waitSignal(page.model.totals_changed, timeout=10000):
        change()


def test_the_prefecture_pages_its_register_with_a_county_column(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "officer", tasks, ui_settings)
    actor = page._ctx.actor
    whole = credit_register.register_page(prefecture, actor, limit=None)
    assert page.model.rowCount() == whole.total > BLOCK, "more records than one block"
    assert not page.view.isColumnHidden(COLUMN_INDEX["county"]) and page.filter_bar.county.isVisibleTo(page)
    first = page.model.index(0, COLUMN_INDEX["case_no"])
    assert first.data() == whole.rows[0].case_no
    # a row past the first block is read when the view asks for it
    far = page.model.index(BLOCK + 3, COLUMN_INDEX["case_no"])
    far.data()
    qtbot.waitUntil(lambda: page.model.index(BLOCK + 3, 0).data() == whole.rows[BLOCK + 3].case_no, timeout=10000)
    assert len(page.model._blocks) == 2, "only the blocks asked for are read"

    county = prefecture.regions.counties("532300")[1]
    combo = page.filter_bar.county
    filtered(qtbot, page, lambda: combo.setCurrentIndex(combo.findData(county.code)))
    expected = credit_register.register_page(prefecture, actor, RegisterFilter(region_code=county.code), limit=None)
    assert page.model.rowCount() == expected.total
    assert {page.model.index(i, COLUMN_INDEX["county"]).data() for i in range(min(expected.total, BLOCK))} == {
        county.name}
    filtered(qtbot, page, lambda: page.filter_bar.status.setCurrentIndex(page.filter_bar.status.findData("repaired")))
    assert page.model.rowCount() == credit_register.register_page(
        prefecture, actor, RegisterFilter(region_code=county.code, status="repaired"), count=True).total
    assert page.count_label.text().startswith(f"共 {page.model.rowCount():,} 条")
    filtered(qtbot, page, page.filter_bar.clear)
    assert page.model.rowCount() == whole.total


def test_the_detail_panel_and_opening_the_complaint(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "officer", tasks, ui_settings)
    sanctioned = credit_register.register_page(prefecture, page._ctx.actor, RegisterFilter(sanction="in_force"),
                                               limit=1).rows[0]
    filtered(qtbot, page, lambda: page.filter_bar.search.setText(sanctioned.case_no))
    qtbot.waitUntil(lambda: page.current_record() is not None, timeout=10000)
    record = page.current_record()
    assert record.case_no == sanctioned.case_no
    text = page.detail.toPlainText()
    assert record.respondent_name in text and record.facts in text
    for s in record.sanctions:
        assert s.imposed_by in text and s.period in text and s.status_label in text
    with qtbot.waitSignal(page.open_complaint, timeout=2000) as opened:
        page.open_button.click()
    assert opened.args == [record.complaint_id, record.case_no]


def test_the_export_asks_where_and_confirms(qtbot, prefecture, tasks, ui_settings, tmp_path, monkeypatch):
    page = page_for(qtbot, prefecture, "officer", tasks, ui_settings)
    filtered(qtbot, page, lambda: page.filter_bar.status.setCurrentIndex(page.filter_bar.status.findData("in_force")))
    target = tmp_path / "台账"
    monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a, **k: (str(target), ""))
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(file_dialogs, "confirm_saved", lambda _p, _path, text="": told.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    page.export()
    assert asked and not target.with_suffix(".xlsx").exists(), "declined: nothing written"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.exported, timeout=30000) as done:
        page.export()
    assert done.args[0].records == page.model.rowCount()
    rows = list(openpyxl.load_workbook(target.with_suffix(".xlsx"), read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == page.model.rowCount() + 1 and {row[rows[0].index("状态")] for row in rows[1:]} == {"有效"}
    assert told and str(target.with_suffix(".xlsx")) in told[0]


def test_a_county_sees_its_own_records_without_the_county_column(qtbot, prefecture, tasks, ui_settings):
    page = page_for(qtbot, prefecture, "chuxiong", tasks, ui_settings)
    assert page.view.isColumnHidden(COLUMN_INDEX["county"]) and not page.filter_bar.county.isVisibleTo(page)
    own = credit_register.register_page(prefecture, page._ctx.actor, limit=None)
    assert page.model.rowCount() == own.total
    assert all(r.region_code.startswith("532301") for r in own.rows)
