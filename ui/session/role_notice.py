"""Why this account cannot do that (三员分立, ``app.security.separation``): a lasting explanation, never a
status-bar flash.

The administrator created by the first-run wizard presses Ctrl+N on the first day: the box says who
registers complaints, that the next step is the officers' accounts, offers 添加工作人员账户… (设置 → 用户,
the 添加用户 button focused) and points to 账户 → 切换用户 (Alt+A). The auditor and a business account
without the clerk role get the same kind of box with what applies to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.domain.vocabulary import Role

REGISTER, IMPORT, CASES = "register", "import", "cases"


class RoleNotice(QMessageBox):
    """Window-modal, until closed: why ``roles`` may not do ``what`` (REGISTER, IMPORT, CASES).

    ``open_users``: how to reach 设置 → 用户; for administrators its button 添加工作人员账户… is offered."""

    def __init__(self, parent: QWidget, roles: Iterable[str], what: str = REGISTER,
                 open_users: Callable[[], None] | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Close, parent)
        held = set(roles)
        if what == CASES:
            title = self.tr("Case pages are not for this account")
        elif what == IMPORT:
            title = self.tr("This account cannot import complaints")
        else:
            title = self.tr("This account cannot register complaints")
        switch = self.tr("To work as an officer, use Account → Switch user… (Alt+A, then S) and log in with the "
                         "officer's account.")
        if Role.ADMIN.value in held:
            text = self.tr("The system administrator manages users, settings and synchronisation, but may not "
                           "register or handle complaints (separation of duties, 三员分立). Complaints are "
                           "registered by an officer with the clerk role.")
            info = self.tr("Next step: in Settings → Users, add an account for each officer of the office (clerk, "
                           "handler, reviewer; one officer may hold all three).") + "\n\n" + switch
        elif Role.AUDITOR.value in held:
            text = self.tr("The auditor reads the audit trail only and may not see or change complaints "
                           "(separation of duties, 三员分立).")
            info = switch
        else:
            text = self.tr("Only an officer with the clerk role registers and imports complaints.")
            info = self.tr("Ask the system administrator to add the clerk role to your account in Settings → "
                           "Users, or let the office's clerk do it.") + "\n\n" + switch
        self.setObjectName("role-notice")
        self.setWindowTitle(title)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setInformativeText(info)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setProperty("session_transient", True)  # closed without asking at logout (ui.session.controller)
        self.users_button: QPushButton | None = None
        if open_users is not None and Role.ADMIN.value in held:
            self.users_button = self.addButton(self.tr("Add officer accounts…"), QMessageBox.ButtonRole.AcceptRole)
            self.users_button.clicked.connect(open_users)
            self.setDefaultButton(self.users_button)


def explain(parent: QWidget, roles: Iterable[str], what: str = REGISTER,
            open_users: Callable[[], None] | None = None) -> RoleNotice:
    """Open the ``RoleNotice`` (window-modal, lasting until closed) and return it."""
    box = RoleNotice(parent, roles, what, open_users)
    box.open()
    return box
