"""Typical cases 典型案例 of a period (seed §四(八) 曝光一批典型案例), for the briefing and the workbook.

A case is listed when it is marked typical now and its latest marking was recorded in the period
(the recorded date of the ``mark_typical`` event, as every figure in ``docs/figures.md``). The
complainant is not named: a briefing is circulated, and the case is about the government body.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.clock import china_date, parse_iso
from app.domain.masking import mask_personal_text
from app.reports.supervision import ReportScope, _utc_start
from app.security.fieldcrypt import open_json


@dataclass(frozen=True)
class TypicalCase:
    case_no: str
    region_code: str
    respondent_name: str
    department: str
    sector: str
    breach_kind: str
    state: str
    reason: str  # why it was picked (the leader's words when marking it)
    marked_on: date


def typical_cases(session: Session, *, period_from: date, period_to: date, scope: ReportScope) -> tuple[TypicalCase, ...]:
    where, params = scope.where("c")
    params = {**params, "uf": _utc_start(period_from), "ut": _utc_start(period_to + timedelta(days=1))}
    rows = session.execute(text(
        "SELECT c.case_no, c.region_code, c.respondent_name, c.department, c.sector, c.breach_kind, c.state, "
        "e.payload, e.device_time FROM complaints c JOIN events e ON e.stream = c.id "
        "WHERE c.typical = 1 AND e.action = 'mark_typical' AND e.seq = (SELECT MAX(m.seq) FROM events m "
        f"WHERE m.stream = c.id AND m.action = 'mark_typical') AND e.device_time >= :uf AND e.device_time < :ut{where} "
        "ORDER BY c.case_no"), params).all()
    found = []
    for case_no, region, respondent, department, sector, breach, state, payload, at in rows:
        marked = china_date(parse_iso(at))
        found.append(TypicalCase(case_no, region, respondent, department, sector, breach, state,
                                 mask_personal_text((open_json(payload).get("reason") or "").strip()), marked))
    return tuple(found)
