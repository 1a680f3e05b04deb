"""Reports 统计报表: the supervision figures of a period and a region, for the window and the CLI.

The figures are computed in ``app.reports`` from the milestone projections; this service checks the
request (dates, a region the user may see) and reads them in one read transaction.
"""

from __future__ import annotations

from datetime import date

from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.regions import in_scope, scope_prefix, validate_region_code
from app.reports.figures import SupervisionReport
from app.reports.supervision import ReportScope, supervision_report
from app.services.profile import Profile
from app.services.users import Actor


def supervision(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                region_code: str | None = None, department: str | None = None,
                overdue_limit: int | None = 200) -> SupervisionReport:
    """The supervision report of ``[period_from, period_to]`` (both days included) for ``region_code``
    (default: the user's region) and optionally one competent department (主管部门); the overdue list
    holds the ``overdue_limit`` most overdue stages (None: all of them; the groups always count all)."""
    region, scope = report_scope(profile, actor, period_from, period_to, region_code, department)
    with profile.store.read() as session:
        return supervision_report(session, period_from=period_from, period_to=period_to, region_code=region,
                                  scope=scope, today=china_date(profile.now()), calendar=profile.calendar,
                                  overdue_limit=overdue_limit)


def report_scope(profile: Profile, actor: Actor, period_from: date, period_to: date, region_code: str | None,
                 department: str | None, *, own_level: bool = False) -> tuple[str, ReportScope]:
    """Check a report request and say which complaints it covers: ``region_code`` (default: the user's)
    and everything under it, or with ``own_level`` only the bodies of that level itself (州本级)."""
    if period_to < period_from:
        raise DomainError("report_period_invalid", start=period_from.isoformat(), end=period_to.isoformat())
    region = validate_region_code(region_code or actor.region_code)
    if not in_scope(actor.region_code, region):
        raise DomainError("region_out_of_scope", region=region)
    prefix = region if own_level else scope_prefix(region)
    department = (department or "").strip() or None
    return region, ReportScope(prefix, department, whole=profile.office.scope.startswith(prefix))
