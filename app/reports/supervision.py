"""The supervision report 督办统计 of a period and a region: SQL over the milestone projections.

Nothing here folds events: the projector keeps ``state_spells``, ``stage_deadlines`` and
``sanction_spells`` (``app.domain.milestones``), and each figure is one GROUP BY over them, so a
year at 100,000 complaints costs a few index scans. The rules, numerators and denominators are
written out in ``docs/figures.md``; the tests recompute every figure from the services' own data.

Dates: a milestone counts on the day its event was recorded; "at the period's end" means after every
event recorded up to and including ``as_of`` (the period's last day, or today while it runs). What a
complaint is classified by (channel, sector, region, respondent, department) is its present, corrected
value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.milestones import DONE, Outcome, Stage
from app.domain.workdays import WorkCalendar
from app.reports.figures import (
    Count,
    Duration,
    OverdueGroup,
    OverdueItem,
    Rate,
    Repeat,
    SanctionFigures,
    SupervisionReport,
    Timeliness,
    nearest_rank,
)

TOP_RESPONDENTS = 20
FINDINGS = (Outcome.SUBSTANTIATED, Outcome.UNSUBSTANTIATED, Outcome.DISPUTED)


@dataclass(frozen=True)
class ReportScope:
    """Which complaints: a region code prefix (``5323`` all of 楚雄州, ``532322`` 双柏县), optionally one
    competent department; ``whole`` when the prefix covers everything the profile holds (no filter)."""

    prefix: str
    department: str | None = None
    whole: bool = False

    def where(self, alias: str = "") -> tuple[str, dict[str, Any]]:
        col = f"{alias}." if alias else ""
        parts, params = [], {}
        if not self.whole:
            if len(self.prefix) >= 6:
                parts.append(f"{col}region_code = :region")
                params["region"] = self.prefix
            else:
                parts.append(f"{col}region_code >= :region_lo AND {col}region_code < :region_hi")
                params["region_lo"] = self.prefix
                params["region_hi"] = self.prefix[:-1] + chr(ord(self.prefix[-1]) + 1)
        if self.department:
            parts.append(f"{col}department = :department")
            params["department"] = self.department
        return "".join(f" AND {p}" for p in parts), params


def _utc_start(day: date) -> str:
    """The UTC instant at which ``day`` begins in China, in the stored ISO form (registered_at)."""
    return f"{(day - timedelta(days=1)).isoformat()}T16:00:00.000Z"


def supervision_report(session: Session, *, period_from: date, period_to: date, region_code: str,
                       scope: ReportScope, today: date, calendar: WorkCalendar) -> SupervisionReport:
    as_of = min(period_to, today)
    params = dict(scope.where()[1])
    params.update(f=period_from.isoformat(), t=period_to.isoformat(), e=as_of.isoformat(),
                  uf=_utc_start(period_from), ut=_utc_start(period_to + timedelta(days=1)))
    run = _Run(session, scope, params)
    channels, sectors, counties, total = run.received()
    by_respondent = run.respondents()
    finished = run.finished_stages()
    timeliness, durations, conclusions, breaches = _stage_figures(finished)
    substantiated = next((c.count for c in conclusions if c.key == Outcome.SUBSTANTIATED), 0)
    overdue = run.overdue(calendar, as_of)
    return SupervisionReport(
        period_from=period_from, period_to=period_to, region_code=region_code, department=scope.department,
        as_of=as_of, provisional=period_to >= today, received=total,
        received_by_channel=channels, received_by_sector=sectors, received_by_county=counties,
        received_by_respondent=tuple(Count(name, n) for (name, _), n in by_respondent[:TOP_RESPONDENTS]),
        states_at_end=run.states_at_end(),
        timeliness=timeliness, durations=durations, conclusions=conclusions,
        substantiated=Rate(substantiated, sum(c.count for c in conclusions)),
        breaches_confirmed=breaches, sanctions=run.sanctions(), credit_repaired=run.repaired(),
        overdue=overdue, overdue_by_county=_groups(overdue, lambda i: i.region_code),
        overdue_by_department=_groups(overdue, lambda i: i.department),
        repeat_respondents=run.repeats(by_respondent),
    )


def _counts(counter: Counter) -> tuple[Count, ...]:
    return tuple(Count(key, n) for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


class _Run:
    def __init__(self, session: Session, scope: ReportScope, params: dict[str, Any]) -> None:
        self.session, self.scope, self.params = session, scope, params
        self.w = scope.where()[0]

    def _all(self, sql: str) -> list:
        return self.session.execute(text(sql), self.params).all()

    def received(self) -> tuple[tuple[Count, ...], tuple[Count, ...], tuple[Count, ...], int]:
        rows = self._all(f"SELECT channel, sector, region_code, COUNT(*) FROM complaints "
                         f"WHERE registered_at >= :uf AND registered_at < :ut{self.w} "
                         f"GROUP BY channel, sector, region_code")
        channels, sectors, counties = Counter(), Counter(), Counter()
        for channel, sector, region, n in rows:
            channels[channel] += n
            sectors[sector] += n
            counties[region] += n
        return _counts(channels), _counts(sectors), _counts(counties), sum(channels.values())

    def respondents(self) -> list[tuple[tuple[str, str], int]]:
        rows = self._all(f"SELECT respondent_name, region_code, COUNT(*) FROM complaints "
                         f"WHERE registered_at >= :uf AND registered_at < :ut{self.w} "
                         f"GROUP BY respondent_name, region_code")
        return sorted((((name, region), n) for name, region, n in rows), key=lambda kv: (-kv[1], kv[0]))

    def states_at_end(self) -> tuple[Count, ...]:
        rows = self._all(
            f"SELECT state, COUNT(*) FROM ("
            f"SELECT state FROM state_spells WHERE left_on IS NULL AND entered_on <= :e{self.w} "
            f"UNION ALL SELECT state FROM state_spells WHERE left_on > :e AND entered_on <= :e{self.w}"
            f") GROUP BY state")
        return _counts(Counter(dict(rows)))

    def finished_stages(self) -> list:
        return self._all(f"SELECT stage, outcome, ended_on <= due_on, working_days, COUNT(*) FROM stage_deadlines "
                         f"WHERE ended_on >= :f AND ended_on <= :t{self.w} "
                         f"GROUP BY stage, outcome, ended_on <= due_on, working_days")

    def overdue(self, calendar: WorkCalendar, as_of: date) -> tuple[OverdueItem, ...]:
        rows = self._all(
            f"SELECT c.case_no, d.region_code, d.department, c.respondent_name, d.stage, d.due_on FROM ("
            f"SELECT num, stage, due_on, region_code, department FROM stage_deadlines "
            f"WHERE until_on IS NULL AND set_on <= :e AND due_on < :e{self.w} "
            f"UNION ALL SELECT num, stage, due_on, region_code, department FROM stage_deadlines "
            f"WHERE until_on > :e AND set_on <= :e AND due_on < :e{self.w}"
            f") d JOIN complaints c ON c.num = d.num")
        items = [OverdueItem(case_no, region, department, respondent, stage, due,
                             calendar.working_days_between(date.fromisoformat(due), as_of))
                 for case_no, region, department, respondent, stage, due in rows]
        items.sort(key=lambda i: (-i.working_days_over, i.case_no, i.stage))
        return tuple(items)

    def sanctions(self) -> SanctionFigures:
        where = self.scope.where("c")[0]
        rows = self._all(f"SELECT s.recorded_on, s.start_on, s.end_on, s.lifted_on FROM sanction_spells s "
                         f"JOIN complaints c ON c.num = s.num WHERE s.recorded_on <= :t{where}")
        f, t, e = self.params["f"], self.params["t"], self.params["e"]
        decided = in_force = expired = lifted = 0
        for recorded, start, end, lifted_on in rows:
            decided += recorded >= f
            if recorded <= e and start <= e and (end is None or end >= e) and (lifted_on is None or lifted_on > e):
                in_force += 1
            if end is not None and f <= end <= t and (lifted_on is None or lifted_on > end):
                expired += 1
            if lifted_on is not None and f <= lifted_on <= t:
                lifted += 1
        return SanctionFigures(decided, in_force, expired, lifted)

    def repaired(self) -> int:
        """Repairs recorded in the period: spells of 已信用修复 entered straight from a confirmed breach or a
        sanction (a reopening that resumes a repaired case is not a second repair)."""
        sql = (f"SELECT COUNT(*) FROM state_spells s JOIN state_spells p ON p.num = s.num AND p.seq = s.seq - 1 "
               f"WHERE s.state = 'repaired' AND s.entered_on >= :f AND s.entered_on <= :t "
               f"AND p.state IN ('breach_confirmed', 'sanctioned'){self.scope.where('s')[0]}")
        return self.session.execute(text(sql), self.params).scalar_one()

    def repeats(self, by_respondent: list[tuple[tuple[str, str], int]]) -> tuple[Repeat, ...]:
        rows = self._all(
            f"SELECT c.respondent_name, c.region_code, COUNT(*), SUM(d.ended_on >= :f) FROM stage_deadlines d "
            f"JOIN complaints c ON c.num = d.num WHERE d.outcome = 'refused' AND d.ended_on <= :t"
            f"{self.scope.where('d')[0]} "
            f"GROUP BY c.respondent_name, c.region_code")
        breaches = {(name, region): (n, in_period) for name, region, n, in_period in rows}
        complaints = dict(by_respondent)
        keys = {k for k, n in complaints.items() if n >= 2} | {k for k, (n, _) in breaches.items() if n >= 2}
        found = [Repeat(name, region, complaints.get((name, region), 0), *breaches.get((name, region), (0, 0)))
                 for name, region in keys]
        found.sort(key=lambda r: (-r.breaches, -r.complaints, r.respondent_name, r.region_code))
        return tuple(found)


def _stage_figures(rows: list) -> tuple[tuple[Timeliness, ...], tuple[Duration, ...], tuple[Count, ...], int]:
    finished: Counter = Counter()
    on_time: Counter = Counter()
    days: dict[str, Counter] = defaultdict(Counter)
    conclusions: Counter = Counter()
    breaches = 0
    for stage, outcome, in_time, worked, n in rows:
        if outcome not in DONE.get(Stage(stage), ()):
            continue
        finished[stage] += n
        if in_time and not (stage == Stage.RECTIFY and outcome == Outcome.REFUSED):
            on_time[stage] += n
        if stage == Stage.CONCLUDE:
            conclusions[outcome] += n
        if stage == Stage.RECTIFY and outcome == Outcome.REFUSED:
            breaches += n
        else:  # a refusal is not a rectification: it does not count in conclusion→rectification days
            days[stage][worked] += n
    timeliness = tuple(Timeliness(s.value, finished[s], on_time[s], finished[s] - on_time[s]) for s in Stage)
    durations = []
    for s in Stage:
        histogram = days[s]
        count = sum(histogram.values())
        mean = round(sum(v * n for v, n in histogram.items()) / count, 2) if count else None
        durations.append(Duration(s.value, count, nearest_rank(histogram, 0.5), nearest_rank(histogram, 0.9), mean))
    return timeliness, tuple(durations), tuple(Count(f.value, conclusions[f]) for f in FINDINGS), breaches


def _groups(items: tuple[OverdueItem, ...], key) -> tuple[OverdueGroup, ...]:
    grouped: dict[str, list[OverdueItem]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    groups = [OverdueGroup(k, len(v), sum(i.working_days_over for i in v), max(i.working_days_over for i in v))
              for k, v in grouped.items()]
    groups.sort(key=lambda g: (-g.count, -g.working_days_over, g.key))
    return tuple(groups)
