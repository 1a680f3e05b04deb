"""Chinese by default: no English source string of the shell is left visible on any page or dialog."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.dialogs.user_dialogs import AddUserDialog
from ui.main_window import MainWindow

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "lvyue_shell_zh_CN.ts"
WORD = re.compile(r"[A-Za-z]{3,}")
VERBATIM = re.compile(r"\S*[/\\]\S*|[0-9a-f]{8}-[0-9a-f-]{27}|Demo#2026")  # folders, device ids, a password
ALLOWED = {"Ctrl", "admin", "officer", "clerk", "handler", "leader", "auditor", "wangying"}  # user names


def english_sources() -> set[str]:
    return {m.findtext("source") for m in ET.parse(CATALOGUE).iter("message")}


def _foreign(widget: QWidget, root: QWidget) -> bool:
    """Inside a widget of another module (the 文书 page, the case widgets): their own tests check them."""
    while widget is not None and widget is not root:
        if not type(widget).__module__.startswith(("ui.pages", "ui.widgets", "ui.models", "ui.dialogs.first_run",
                                                    "ui.dialogs.login", "ui.dialogs.user", "ui.main_window",
                                                    "PySide6")):
            return True
        widget = widget.parentWidget()
    return False


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if _foreign(widget, root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(i) for i in range(header.columnCount())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation()) or "") for i in range(widget.count())]
        texts.append(widget.toolTip())
    return [t for t in texts if t]


def assert_chinese(root: QWidget) -> None:
    sources = {s for s in english_sources() if WORD.search(s)}
    for text in visible_texts(root):
        assert text not in sources, f"untranslated: {text!r}"
        leftover = set(WORD.findall(VERBATIM.sub("", text))) - ALLOWED
        assert not leftover, f"English in {text!r}"


def test_every_page_of_the_main_window_is_chinese(qtbot, make_ctx):
    window = MainWindow(make_ctx("admin"))
    qtbot.addWidget(window)
    window.show()
    for page in range(len(window.pages)):
        window.go(page)
    qtbot.waitUntil(lambda: window.workbench.numbers["all.open"].value is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.settings_page.user_admin.table.topLevelItemCount() == 6, timeout=5000)
    assert_chinese(window)


def test_dialogs_are_chinese(qtbot, tmp_path, tasks, make_ctx, office):
    wizard = FirstRunWizard(tmp_path / "new", tasks)
    qtbot.addWidget(wizard)
    assert_chinese(wizard)
    wizard.next()
    assert_chinese(wizard)
    login = LoginDialog(tasks, username="officer", demo_password="Demo#2026")
    qtbot.addWidget(login)
    login.set_profile(office.profile)
    assert_chinese(login)
    add = AddUserDialog(make_ctx("admin"))
    qtbot.addWidget(add)
    assert_chinese(add)
