"""What the window offers each account (三员分立, GB/T 22239-2019 level 3).

- Business roles (clerk, handler, leader): everything their roles permit (the services decide).
- The system administrator 系统管理员: users, settings, devices and sync; reads the case pages but every
  write on a complaint is hidden in the window and refused by the services (``role_not_permitted``).
- The auditor 审计员: reads the audit trail and nothing else: the case pages leave the navigation (the
  audit page and 设置 for one's own password stay).
"""

from __future__ import annotations

from app.domain.vocabulary import Role
from app.security.separation import handles_cases

SUBMITTERS = frozenset({Role.HANDLER.value, Role.LEADER.value})  # app.services.credit_submissions


def audit_only(roles) -> bool:
    held = set(roles)
    return not handles_cases(held) and Role.ADMIN.value not in held


def apply_role_view(window) -> None:
    """Hide in ``window`` (``ui.main_window.MainWindow``) what the user's roles may not use."""
    from ui.main_window import DOCUMENTS

    roles = set(window.ctx.roles)
    window.submission_action.setVisible(bool(SUBMITTERS & roles))
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.actions() and not any(a.isVisible() for a in menu.actions()):
            action.setVisible(False)
    if not audit_only(roles):
        return
    business = [window.workbench, window.cases, window.pages[DOCUMENTS], window.statistics, window.breach_register,
                window.credit, window.typical, window.sync]
    for row, page in enumerate(window.pages):
        if any(page is b for b in business):
            window.nav.item(row).setHidden(True)
    first = next((row for row in range(window.nav.count()) if not window.nav.item(row).isHidden()), None)
    if first is not None:
        window.go(first)
