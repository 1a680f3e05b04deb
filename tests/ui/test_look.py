"""The look 外观 (issue 13): one icon family, empty states, readable hint colours, save dialogs that
start in 文档 and confirm, a login error that wraps sensibly."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ui.appearance import apply_readable_colours, as_hint
from ui.pages.complaints import ComplaintsPage
from ui.pages.settings import SettingsPage
from ui.pages.workbench import WorkbenchPage
from ui.widgets import file_dialogs, icons
from ui.widgets.empty_state import EmptyState
from ui.widgets.wrapping import balanced_lines


# -- icons ---------------------------------------------------------------------------------------------
def test_every_meaning_has_a_drawn_icon(qapp):
    for meaning in icons.GLYPHS:
        icon = icons.icon(meaning)
        assert not icon.isNull(), meaning
        assert not icon.pixmap(20, 20).isNull(), meaning


def test_every_navigation_page_has_an_icon():
    assert set(icons.NAVIGATION) <= set(icons.GLYPHS)
    assert len(icons.NAVIGATION) == 10


def test_no_icons_when_qtawesome_cannot_load(qapp, monkeypatch):
    monkeypatch.setattr(icons, "_qtawesome", lambda: None)
    assert icons.icon("statistics").isNull()


# -- save dialogs --------------------------------------------------------------------------------------
def test_the_save_dialog_starts_in_documents_then_in_the_last_folder(qtbot, tmp_path, monkeypatch, ui_settings):
    documents = tmp_path / "文档"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    asked: list[tuple] = []
    chosen = tmp_path / "elsewhere" / "台账.xlsx"
    chosen.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "_get_save_file_name",
                        lambda parent, title, start, filters: asked.append((title, start, filters))
                        or (str(chosen), filters))
    file_dialogs.remember_in(ui_settings)
    path, _ = file_dialogs.ask_save_path(None, "另存为", "台账.xlsx", "Excel (*.xlsx)", "register")
    assert path == chosen and asked[0] == ("另存为", str(documents / "台账.xlsx"), "Excel (*.xlsx)")
    file_dialogs.ask_save_path(None, "另存为", "台账2.xlsx", "", "register")
    assert asked[1][1] == str(chosen.parent / "台账2.xlsx")  # the last folder for this key
    file_dialogs.ask_save_path(None, "另存为", "a.pdf", "", "documents")
    assert asked[2][1] == str(documents / "a.pdf")  # another key starts in 文档
    assert ui_settings.value("file_dialogs/register") == str(chosen.parent)  # kept with the profile


def test_a_cancelled_save_dialog_gives_no_path(monkeypatch):
    monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a: ("", ""))
    assert file_dialogs.ask_save_path(None, "另存为", "x.pdf", "", "k") == (None, "")


def test_open_and_folder_dialogs_start_in_documents_too(tmp_path, monkeypatch):
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: tmp_path)
    starts: list[str] = []
    monkeypatch.setattr(file_dialogs, "_get_open_file_names", lambda p, t, start, f: starts.append(start) or ([], ""))
    monkeypatch.setattr(file_dialogs, "_get_existing_directory", lambda p, t, start: starts.append(start) or "")
    assert file_dialogs.ask_open_paths(None, "选择文件") == []
    assert file_dialogs.ask_folder(None, "选择文件夹") is None
    assert starts == [str(tmp_path), str(tmp_path)]


def test_the_default_start_is_the_users_documents_folder():
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert file_dialogs.start_folder("never-used") == Path(documents)


def test_saving_is_confirmed_with_open_containing_folder(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    saved = tmp_path / "转办函.pdf"
    saved.write_bytes(b"%PDF")
    opened: list[Path] = []
    monkeypatch.setattr(file_dialogs, "open_folder", lambda folder: opened.append(folder) or True)
    box = file_dialogs.confirm_saved(parent, saved)
    qtbot.waitUntil(box.isVisible)
    assert box.text() == f"已保存到 {saved}"
    buttons = {b.text() for b in box.buttons()}
    assert buttons == {"打开所在文件夹", "关闭"}
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]
    qtbot.waitUntil(lambda: not box.isVisible())


def test_closing_the_confirmation_opens_nothing(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[Path] = []
    monkeypatch.setattr(file_dialogs, "open_folder", lambda folder: opened.append(folder) or True)
    box = file_dialogs.confirm_saved(parent, tmp_path, "已在文件夹中保存 3 个文件")
    assert box.text() == "已在文件夹中保存 3 个文件"
    qtbot.mouseClick(box.close_button, Qt.MouseButton.LeftButton)
    assert opened == []


def test_qt_file_dialog_is_in_chinese(qtbot, tmp_path):
    """Qt's own dialog (Linux): no "Look in:", "Files of type:" or "Folder" left in English."""
    (tmp_path / "子文件夹").mkdir()
    dialog = QFileDialog(None, "另存为", str(tmp_path), "Excel 工作簿 (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："} <= labels
    tree = next(v for v in dialog.findChildren(QTreeView) if v.model() is not None and v.model().columnCount() == 4)
    model = tree.model()
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == ["名称", "大小", "类型", "修改日期"]
    qtbot.waitUntil(lambda: model.rowCount(tree.rootIndex()) == 1, timeout=5000)
    assert model.index(0, 2, tree.rootIndex()).data() == "文件夹"
    dialog.close()

# -- contrast ------------------------------------------------------------------------------------------
UI = Path(__file__).resolve().parents[2] / "ui"
WINDOW_GREYS = ("#ffffff", "#efefef")  # field background, Fusion window grey (Windows: #f0f0f0)


def luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#808080", "#ffffff"), 2) == 3.95


def test_placeholder_text_is_readable(qapp):
    before = qapp.palette()
    try:
        apply_readable_colours(qapp)
        palette = qapp.palette()
        placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
        assert placeholder.alpha() == 255
        assert contrast(placeholder.name(), palette.color(QPalette.ColorRole.Base).name()) >= 4.5
        assert contrast(placeholder.name(), "#efefef") >= 4.5
    finally:
        qapp.setPalette(before)


def test_every_text_colour_in_the_window_is_readable():
    """Every ``color: #…`` of a stylesheet in ui/ (hints, warnings, errors) against the window and a field."""
    found = []
    for path in UI.rglob("*.py"):
        for match in re.finditer(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", path.read_text(encoding="utf-8")):
            found.append((path.name, match.group(1)))
    assert len(found) > 20
    poor = [(name, c, round(contrast(c, bg), 2)) for name, c in found for bg in WINDOW_GREYS if contrast(c, bg) < 4.5]
    assert poor == []


def test_named_text_colours_and_badges_are_readable():
    from ui.detail import header
    from ui.pages import credit_check, sync

    text_colours = [sync.ERROR, sync.WARNING, sync.OK, sync.GREY, header.RED, header.AMBER, header.GREY,
                    *credit_check.VERDICT_COLOURS.values()]
    assert [c for c in text_colours for bg in WINDOW_GREYS if contrast(c, bg) < 4.5] == []
    badges = [*header.STATE_COLORS.values(), "#0b5394"]  # white text on these
    assert [c for c in badges if contrast("#ffffff", c) < 4.5] == []


def test_no_hint_is_a_disabled_label():
    """A disabled QLabel draws #bebebe (1.7:1): hints use ``ui.appearance.as_hint`` instead."""
    pattern = re.compile(r"\b(hint|note|hub_note|folder|label)\.setEnabled\(False\)")
    offenders = [p.name for p in UI.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_hint_label_is_readable(qtbot):
    label = as_hint(QLabel("应用于所有窗口"))
    qtbot.addWidget(label)
    label.ensurePolished()
    colour = label.palette().color(label.foregroundRole()).name()
    assert label.isEnabled() and contrast(colour, "#efefef") >= 4.5


# -- empty states --------------------------------------------------------------------------------------
def _complaints(qtbot, ctx) -> ComplaintsPage:
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=5000)
    return page


def test_an_empty_complaint_list_says_how_to_register_the_first(qtbot, ctx):
    page = _complaints(qtbot, ctx)
    empty = page.empty_state
    qtbot.waitUntil(empty.isVisible)
    assert empty.shown_text == "还没有投诉。按 Ctrl+N 登记第一件投诉。"
    assert empty.button.isVisible() and empty.button.text() == "登记投诉"
    assert empty.geometry() == page.view.viewport().rect()
    with qtbot.waitSignal(page.register_requested, timeout=1000):
        qtbot.mouseClick(empty.button, Qt.MouseButton.LeftButton)


def test_a_filter_matching_nothing_offers_to_clear_it_and_rows_hide_the_empty_state(qtbot, ctx, add_complaint):
    add_complaint(complainant="双柏县绿源农业科技有限公司")
    page = _complaints(qtbot, ctx)
    assert page.model.total == 1 and not page.empty_state.isVisible()
    page.filter_bar.search.setText("没有这家公司")
    qtbot.waitUntil(lambda: page.empty_state.isVisible(), timeout=5000)
    assert page.empty_state.shown_text == "没有符合筛选条件的投诉。"
    assert page.empty_state.button.text() == "清除筛选"
    qtbot.mouseClick(page.empty_state.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)
    assert page.filter_bar.search.text() == "" and page.empty_state.isHidden()


def test_an_empty_list_without_the_clerk_role_has_no_register_button(qtbot, make_ctx):
    page = _complaints(qtbot, make_ctx("leader"))
    qtbot.waitUntil(page.empty_state.isVisible)
    assert page.empty_state.shown_text == "还没有投诉。" and page.empty_state.button.isHidden()


def test_the_empty_state_follows_the_model_of_any_view(qtbot):
    view = QTreeWidget()
    qtbot.addWidget(view)
    view.show()
    filtered = {"on": False}
    cleared: list[bool] = []
    empty = EmptyState(view, "还没有记录。", filtered_text="没有符合条件的记录。", clear_text="清除筛选",
                       on_clear=lambda: cleared.append(True), is_filtered=lambda: filtered["on"])
    assert empty.isVisible() and empty.shown_text == "还没有记录。" and empty.button.isHidden()
    QTreeWidgetItem(view, ["一"])
    assert empty.isHidden() and empty.shown_text == ""
    filtered["on"] = True
    view.clear()
    assert empty.shown_text == "没有符合条件的记录。" and empty.button.isVisible()
    empty.button.click()
    assert cleared == [True]



def test_the_workbench_says_when_nothing_has_been_done_yet(qtbot, ctx, add_complaint):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.recent_empty.isHidden()  # not before the figures are read
    page.refresh()
    qtbot.waitUntil(page.recent_empty.isVisible, timeout=5000)
    assert page.recent_empty.shown_text == "还没有办理记录。按 Ctrl+N 登记第一件投诉。"
    with qtbot.waitSignal(page.new_complaint, timeout=1000):
        page.recent_empty.button.click()
    add_complaint()
    page.refresh()
    qtbot.waitUntil(lambda: page.recent.topLevelItemCount() > 0, timeout=5000)
    assert page.recent_empty.isHidden()

# -- wrapping Chinese text -----------------------------------------------------------------------------
MESSAGE = "登录名或密码错误，还可尝试 4 次，再输错账户将锁定 15 分钟。"


def test_balanced_lines_leave_no_lone_characters(qapp):
    metrics = QFontMetrics(QApplication.font())
    em = metrics.horizontalAdvance("中")
    for width in range(em * 8, metrics.horizontalAdvance(MESSAGE) + em, em // 2 or 1):
        lines = balanced_lines(MESSAGE, metrics, width)
        assert "".join(lines).replace(" ", "") == MESSAGE.replace(" ", "")
        assert all(metrics.horizontalAdvance(line) <= width for line in lines), width
        if len(lines) > 1:
            assert min(len(line) for line in lines) >= 4, (width, lines)
        assert not any(line[0] in "，。" for line in lines)
        assert "15" in "".join(line for line in lines if "15" in line)  # numbers stay whole


def test_a_short_text_stays_on_one_line(qapp):
    metrics = QFontMetrics(QApplication.font())
    assert balanced_lines("请输入登录名和密码。", metrics, metrics.horizontalAdvance("中") * 20) == ["请输入登录名和密码。"]


def test_the_login_error_wraps_without_a_lone_last_character(qtbot, tasks, office):
    from ui.dialogs.login import LoginDialog

    dialog = LoginDialog(tasks, username="clerk")
    qtbot.addWidget(dialog)
    dialog.set_profile(office.profile)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_problem(MESSAGE)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.error.width() > 0)
    assert dialog.error.text() == MESSAGE  # as given
    lines = dialog.error.displayed_text().split("\n")
    metrics = dialog.error.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= dialog.error.contentsRect().width() for line in lines)
    assert min(len(line) for line in lines) >= 4, lines
    if len(lines) > 1:  # as even as the width allows
        widths = [metrics.horizontalAdvance(line) for line in lines]
        assert max(widths) - min(widths) <= metrics.horizontalAdvance("中") * 4, lines
    if len(lines) == 2:
        assert lines[0].endswith("，"), lines  # broken after a clause


# -- the missing holiday schedule ----------------------------------------------------------------------
def test_the_settings_say_what_the_app_does_without_next_years_holidays(qtbot, ctx):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    assert "2027年节假日安排尚未录入" in page.calendar_note.text()
    help_text = page.calendar_help.text()
    assert "只把周六、周日算作休息日" in help_text and "系统管理员" in help_text
    assert page.calendar_help.isVisible() and page.calendar_sync_button.isHidden()  # standalone
    page.show_sync(SimpleNamespace(enrolled=True, hub_url="https://hub", scope_name="楚雄州", device_name="登记室"))
    assert page.calendar_sync_button.isVisible() and page.calendar_sync_button.text() == "立即从州级中心获取"
    with qtbot.waitSignal(page.sync_requested, timeout=1000):
        qtbot.mouseClick(page.calendar_sync_button, Qt.MouseButton.LeftButton)
    page.show_calendar()  # the workbench's button leads here


def test_the_workbench_holiday_warning_offers_an_action(qtbot, office, make_ctx):
    office.clock.advance(days=2 * 365)  # 2028: a year the holiday calendar does not know
    page = WorkbenchPage(make_ctx("officer"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.calendar_note.isVisible(), timeout=5000)
    assert "周一至周五" in page.calendar_note.text()
    assert page.calendar_button.isVisible() and page.calendar_button.text() == "怎么办…"
    with qtbot.waitSignal(page.calendar_help_requested, timeout=1000):
        qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)


def test_a_known_year_shows_no_holiday_warning(qtbot, ctx):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.numbers["all.open"].value is not None, timeout=5000)
    assert page.calendar_note.isHidden() and page.calendar_button.isHidden()


def test_every_case_action_has_an_icon(qapp):
    from app.domain.vocabulary import Action

    for action in Action:
        assert not icons.action_icon(action.value).isNull(), action
    assert set(icons.ACTIONS) <= {a.value for a in Action}


def test_page_buttons_carry_icons(qtbot, ctx):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    assert not page.new_button.icon().isNull() and not page.calendar_button.icon().isNull()
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    assert not settings.calendar_sync_button.icon().isNull()


# -- the main window -----------------------------------------------------------------------------------
def test_every_navigation_page_shows_an_icon_of_the_family(qtbot, make_ctx):
    from ui.main_window import SETTINGS, MainWindow

    window = MainWindow(make_ctx("officer"))
    qtbot.addWidget(window)
    assert window.nav.count() == len(icons.NAVIGATION)
    for row in range(window.nav.count()):
        icon = window.nav.item(row).icon()
        assert not icon.isNull() and not icon.pixmap(20, 20).isNull(), window.nav.item(row).text()
    assert window.nav.item(SETTINGS).icon().cacheKey() != window.nav.item(0).icon().cacheKey()


def test_the_holiday_warning_leads_to_the_settings(qtbot, make_ctx):
    from ui.main_window import SETTINGS, MainWindow

    window = MainWindow(make_ctx("officer"))
    qtbot.addWidget(window)
    window.show()
    window.workbench.calendar_help_requested.emit()
    assert window.stack.currentIndex() == SETTINGS


def test_the_window_keeps_the_last_folders_with_the_profile(qtbot, ctx, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    monkeypatch.setattr(file_dialogs, "_get_existing_directory", lambda *a: str(tmp_path))
    assert file_dialogs.ask_folder(window, "选择文件夹", "statistics-csv") == tmp_path
    assert ctx.settings.value("file_dialogs/statistics-csv") == str(tmp_path)
