"""The auditor reads every audit record in Chinese (issue 13): the 内容 column and the detail pane name
code values (login method, failure reason, document kind, measures, roles …) by their Chinese labels,
never as the English codes the events store."""

from __future__ import annotations

import re

import pytest

from app.domain.errors import DomainError
from app.services import act, audit_trail, auth, disclosure, documents, session_settings, users
from app.services.audit_trail import AuditFilter
from tests import document_cases as cases
from tests.factories import PASSWORD

# an English word: three letters or more, not part of a number such as a contract's "SBN-2024-017"
ENGLISH = re.compile(r"(?<![A-Za-z0-9*-])[A-Za-z_]{3,}(?![A-Za-z0-9-])")
LOGIN_NAMES = {"admin", "clerk", "handler", "leader", "auditor", "officer", "viewer"}  # typed by people


def every_action(office) -> None:
    """A profile holding every kind of record an auditor sees: sessions, administration, each workflow
    step with each of its choices, and every document kind."""
    with pytest.raises(DomainError):
        auth.login(office.profile, "clerk", "wrong-password")
    auth.lock(office.profile, office.clerk, reason="idle")
    auth.lock(office.profile, office.clerk)
    with pytest.raises(DomainError):
        auth.unlock(office.profile, office.clerk, "wrong-password")
    auth.unlock(office.profile, office.clerk, PASSWORD)
    auth.logout(office.profile, office.clerk, reason="switch_user")
    auth.logout(office.profile, office.clerk)
    auth.login(office.profile, "clerk", PASSWORD, via="cli")
    session_settings.set_idle_lock_minutes(office.profile, office.admin, 15)
    by_state = {state: cases.complaint_in(office, state) for state in cases.PATHS}
    for state, kind, _variant in cases.SAMPLES:
        documents.issue(office.profile, office.handler, by_state[state], kind)
    sanctioned = by_state["sanctioned"]
    act.act(office.profile, office.leader, sanctioned, "hold_accountable", {
        "persons": [{"name": "王某某", "position": "局长", "responsibility": "main", "outcome": "诫勉谈话"}],
        "decided_by": "中共双柏县纪律检查委员会", "decided_on": "2026-12-16"})
    act.act(office.profile, office.handler, by_state["rectified"], "feedback",
            {"method": "phone", "summary": "已电话告知整改结果"})
    act.act(office.profile, office.handler, by_state["rectified"], "close", {"summary": "已办结"})
    act.act(office.profile, office.leader, by_state["rectified"], "reopen",
            {"reason": "投诉人提出异议", "back_to": "forwarded"})
    act.act(office.profile, office.leader, by_state["repaired"], "mark_typical",
            {"typical": True, "reason": "拖欠时间长、金额大"})
    disclosure.reveal(office.profile, office.leader, by_state["registered"])
    users.add_user(office.profile, office.admin, username="viewer", display_name="钱审阅", roles=["leader"],
                   password=PASSWORD)


def all_records(office) -> list:
    rows, after = [], None
    while True:
        page = audit_trail.audit_page(office.profile, office.auditor, AuditFilter(), after, 200)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        after = page.next_cursor


def test_no_english_code_in_any_record(office):
    every_action(office)
    found = {}
    for row in all_records(office):
        detail = audit_trail.audit_record(office.profile, office.auditor, row.seq)
        texts = [row.summary, *(f"{name}：{value}" for name, value in audit_trail.detail_lines(detail.payload))]
        for text in texts:
            for word in set(ENGLISH.findall(text)) - LOGIN_NAMES:
                found.setdefault(row.action, set()).add(f"{word} in {text[:80]}")
    assert not found, "\n".join(f"{a}: {sorted(w)}" for a, w in found.items())
