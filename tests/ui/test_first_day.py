"""The first day (issue 13): what the administrator is told when Ctrl+N is not theirs, the first-run
tour, the 帮助 menu (user guide, shortcuts, about)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.session.role_notice import IMPORT, RoleNotice, explain


def test_the_role_notice_says_who_registers_and_what_comes_next(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = []
    admin = explain(parent, ["admin"], open_users=lambda: opened.append(True))
    assert admin.isVisible() and admin.windowTitle() == "本账户不能登记投诉"
    assert "登记员" in admin.text() and "三员分立" in admin.text()
    assert "设置 → 用户管理" in admin.informativeText() and "切换用户" in admin.informativeText()
    assert admin.users_button.text() == "添加工作人员账户…"
    admin.users_button.click()
    assert opened == [True] and not admin.isVisible()
    auditor = RoleNotice(parent, ["auditor"], IMPORT, open_users=lambda: None)
    qtbot.addWidget(auditor)
    assert auditor.users_button is None and "审计员" in auditor.text()
    handler = RoleNotice(parent, ["handler"])
    qtbot.addWidget(handler)
    assert "登记员" in handler.informativeText() and handler.users_button is None
