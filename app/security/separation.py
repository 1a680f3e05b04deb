"""Separation of duties 三员分立 (GB/T 22239-2019 level 3, 8.1.4.2 / 8.1.10.x).

The system administrator 系统管理员 (users, settings, devices) and the auditor 审计员 (reads the audit
trail) each hold an account of their own: neither role may share an account with another role, nor
with each other. Business roles (clerk 登记员, handler 承办人, leader 审核人) may be combined (a small
county office has one officer doing all three).

Accounts combined before this rule keep working (their owners must not be locked out of their cases),
but the window and ``user list`` warn about them until an administrator splits them.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.vocabulary import Role

SYSTEM_ROLES = frozenset({Role.ADMIN.value, Role.AUDITOR.value})
BUSINESS_ROLES = frozenset({Role.CLERK.value, Role.HANDLER.value, Role.LEADER.value})


def combination_problem(roles: Iterable[str]) -> str | None:
    """``roles_combined`` when a system role shares the account with any other role, else None."""
    held = set(roles)
    if held & SYSTEM_ROLES and len(held) > 1:
        return "roles_combined"
    return None


def is_combined(roles: Iterable[str]) -> bool:
    return combination_problem(roles) is not None


def handles_cases(roles: Iterable[str]) -> bool:
    """Whether the account holds a role that may change complaint content (登记、办理、审核)."""
    return bool(set(roles) & BUSINESS_ROLES)
