"""The supervision report 督办统计 of a period and a region: SQL over the milestone projections.

Nothing here folds events: the projector keeps ``state_spells``, ``stage_deadlines`` and
``sanction_spells`` (``app.domain.milestones``), and SQLite triggers keep monthly sums of finished
stages and receipts. A period's whole months are read from the sums and its other days from the
detail rows (``split_months``), so a year at 100,000 complaints adds up a few thousand rows instead of
sorting a few hundred thousand. The rules, numerators and denominators are written out in
``docs/figures.md``; the tests recompute every figure from the services' own data.

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

from app.common.days import SQL_DATE, day_number
from app.domain.milestones import DONE, Outcome, Stage
from app.domain.vocabulary import State
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


def day_params(period_from: date, period_to: date, as_of: date) -> dict[str, int]:
    """:fd, :td and :ed, the day numbers of the period's first and last day and of the day the report is
    as of, for the supervision tables' dates (``app.common.days``)."""
    return {"fd": day_number(period_from), "td": day_number(period_to), "ed": day_number(as_of)}


def split_months(start: date, end: date) -> tuple[tuple[str, str] | None, list[tuple[date, date]]]:
    """The whole months inside ``[start, end]`` (first and last ``YYYY-MM``, or None) and the day ranges
    outside them, which are read from the detail rows."""
    first = start if start.day == 1 else (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = end + timedelta(days=1)
    last = end if after.day == 1 else end.replace(day=1) - timedelta(days=1)
    if first > last:
        return None, [(start, end)]
    edges = [(start, first - timedelta(days=1))] if start < first else []
    if last < end:
        edges.append((last + timedelta(days=1), end))
    return (first.strftime("%Y-%m"), last.strftime("%Y-%m")), edges


def supervision_report(session: Session, *, period_from: date, period_to: date, region_code: str,
                       scope: ReportScope, today: date, calendar: WorkCalendar,
                       overdue_limit: int | None = 200, respondents: bool = True) -> SupervisionReport:
    """``respondents=False`` leaves out the two figures by respondent (``received_by_respondent`` and
    ``repeat_respondents`` stay empty): the 统计 page does not show them, and they read every complaint's
    index entry. ``overdue_limit``: how many of the most overdue stages to list (None: all, 0: none)."""
    as_of = min(period_to, today)
    params = dict(scope.where()[1])
    params.update(f=period_from.isoformat(), t=period_to.isoformat(), e=as_of.isoformat(),
                  uf=_utc_start(period_from), ut=_utc_start(period_to + timedelta(days=1)),
                  rank=calendar.working_day_number(as_of), **day_params(period_from, period_to, as_of))
    run = _Run(session, scope, params, split_months(period_from, period_to))
    channels, sectors, counties, total = run.received()
    by_respondent = run.respondents() if respondents else []
    timeliness, conclusions, breaches = _stage_counts(run.stage_counts())
    substantiated = next((c.count for c in conclusions if c.key == Outcome.SUBSTANTIATED), 0)
    overdue_total, by_county, by_department = run.overdue_groups()
    return SupervisionReport(
        period_from=period_from, period_to=period_to, region_code=region_code, department=scope.department,
        as_of=as_of, provisional=period_to >= today, received=total,
        received_by_channel=channels, received_by_sector=sectors, received_by_county=counties,
        received_by_respondent=tuple(Count(name, n) for (name, _), n in by_respondent[:TOP_RESPONDENTS]),
        states_at_end=run.states_at_end(),
        timeliness=timeliness, durations=_durations(run.stage_days()), conclusions=conclusions,
        substantiated=Rate(substantiated, sum(c.count for c in conclusions)),
        breaches_confirmed=breaches, sanctions=run.sanctions(), credit_repaired=run.repaired(),
        overdue_total=overdue_total, overdue=run.overdue(overdue_limit),
        overdue_by_county=by_county, overdue_by_department=by_department,
        repeat_respondents=run.repeats(by_respondent) if respondents else (),
    )


def _counts(counter: Counter) -> tuple[Count, ...]:
    return tuple(Count(key, n) for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if n)


# Open stage segments in force at the end of day :e whose due date had passed (the overdue ones).
# The index is named: for one department the planner would rather walk ix_stage_deadlines_department
# and read every row of it (100 ms instead of 7 at 100,000 complaints).
_OPEN = "stage_deadlines INDEXED BY ix_stage_deadlines_open"
# Their dates are day numbers (``app.common.days``): :ed, :fd and :td are the day numbers of :e, :f and :t.
_OVERDUE = (f"SELECT {{cols}} FROM {_OPEN} WHERE until_on IS NULL AND set_on <= :ed AND due_on < :ed{{w}} "
            f"UNION ALL SELECT {{cols}} FROM {_OPEN} WHERE until_on > :ed AND set_on <= :ed AND due_on < :ed{{w}}")


class _Run:
    def __init__(self, session: Session, scope: ReportScope, params: dict[str, Any], months) -> None:
        self.session, self.scope, self.params = session, scope, params
        self.w = scope.where()[0]
        self.months, self.edges = months
        if self.months:
            params["m0"], params["m1"] = self.months

    def _all(self, sql: str, extra: dict[str, Any] | None = None) -> list:
        return self.session.execute(text(sql), {**self.params, **(extra or {})}).all()

    def _monthly(self, *, days: bool = False) -> bool:
        """Whether the whole months of the period may be read from the monthly sums (not for one
        department; the working-day sums are kept for the whole profile only)."""
        return bool(self.months) and not self.scope.department and (self.scope.whole or not days)

    def _ranges(self, monthly: bool) -> list[tuple[date, date]]:
        if monthly:
            return self.edges
        return [(date.fromisoformat(self.params["f"]), date.fromisoformat(self.params["t"]))]

    def received(self) -> tuple[tuple[Count, ...], tuple[Count, ...], tuple[Count, ...], int]:
        rows: list = []
        monthly = self._monthly()
        if monthly:
            rows += self._all(f"SELECT channel, sector, region_code, SUM(n) FROM received_month "
                              f"WHERE month >= :m0 AND month <= :m1{self.w} GROUP BY channel, sector, region_code")
        for a, b in self._ranges(monthly):
            rows += self._all(f"SELECT channel, sector, region_code, COUNT(*) FROM complaints "
                              f"WHERE registered_at >= :a AND registered_at < :b{self.w} "
                              f"GROUP BY channel, sector, region_code",
                              {"a": _utc_start(a), "b": _utc_start(b + timedelta(days=1))})
        channels, sectors, counties = Counter(), Counter(), Counter()
        for channel, sector, region, n in rows:
            channels[channel] += n
            sectors[sector] += n
            counties[region] += n
        return _counts(channels), _counts(sectors), _counts(counties), sum(channels.values())

    def respondents(self) -> list[tuple[tuple[str, str], int]]:
        # In index order (no sort): every complaint's index entry is read, none of the rows.
        hint = "" if self.scope.department else " INDEXED BY ix_complaints_respondent_region"
        rows = self._all(f"SELECT respondent_name, region_code, COUNT(*) FROM complaints{hint} "
                         f"WHERE registered_at >= :uf AND registered_at < :ut{self.w} "
                         f"GROUP BY respondent_name, region_code")
        return sorted((((name, region), n) for name, region, n in rows), key=lambda kv: (-kv[1], kv[0]))

    def states_at_end(self) -> tuple[Count, ...]:
        found = Counter()
        for state in State:
            found[state.value] = self.session.execute(text(
                f"SELECT (SELECT COUNT(*) FROM state_spells WHERE state = :s AND left_on IS NULL "
                f"AND entered_on <= :ed{self.w}) + (SELECT COUNT(*) FROM state_spells WHERE state = :s "
                f"AND left_on > :ed AND entered_on <= :ed{self.w})"), {**self.params, "s": state.value}).scalar_one()
        return _counts(found)

    def stage_counts(self) -> list:
        """(stage, outcome, on time, how many) of the stages that ended in the period."""
        rows: list = []
        monthly = self._monthly()
        if monthly:
            rows += self._all(f"SELECT stage, outcome, on_time, SUM(n) FROM stage_month_counts "
                              f"WHERE month >= :m0 AND month <= :m1{self.w} GROUP BY stage, outcome, on_time")
        for a, b in self._ranges(monthly):
            rows += self._all(f"SELECT stage, outcome, ended_on <= due_on, COUNT(*) FROM stage_deadlines "
                              f"WHERE ended_on >= :a AND ended_on <= :b{self.w} GROUP BY 1, 2, 3",
                              {"a": day_number(a), "b": day_number(b)})
        return rows

    def stage_days(self) -> list:
        """(stage, outcome, working days, how many) of the stages that ended in the period."""
        rows: list = []
        monthly = self._monthly(days=True)
        if monthly:
            rows += self._all("SELECT stage, outcome, working_days, SUM(n) FROM stage_month_days "
                              "WHERE month >= :m0 AND month <= :m1 GROUP BY stage, outcome, working_days")
        for a, b in self._ranges(monthly):
            rows += self._all(f"SELECT stage, outcome, working_days, COUNT(*) FROM stage_deadlines "
                              f"WHERE ended_on >= :a AND ended_on <= :b{self.w} GROUP BY 1, 2, 3",
                              {"a": day_number(a), "b": day_number(b)})
        return rows

    def overdue_groups(self) -> tuple[int, tuple[OverdueGroup, ...], tuple[OverdueGroup, ...]]:
        cols = "region_code, department, :rank - due_rank AS over"
        rows = self._all(f"SELECT region_code, department, COUNT(*), SUM(over), MAX(over) FROM ("
                         f"{_OVERDUE.format(cols=cols, w=self.w)}) GROUP BY region_code, department")
        counties: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        departments: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for region, department, n, over, most in rows:
            for bucket in (counties[region], departments[department]):
                bucket[0] += n
                bucket[1] += over
                bucket[2] = max(bucket[2], most)
        return sum(n for _, _, n, _, _ in rows), _groups(counties), _groups(departments)

    def overdue(self, limit: int | None) -> tuple[OverdueItem, ...]:
        if limit == 0:  # no list asked for (the 统计 page shows the counts only)
            return ()
        # A second pass over the overdue rows, not one shared with the sums: those read the index alone
        # (region, department, due_rank), and measured at 100,000 complaints the two passes take half the
        # time of one pass that reads every overdue row's case number and respondent.
        w, extra = self.w, {}
        if limit:
            # The ``limit``-th largest overdue count, read from the index alone; only the rows at or
            # above it are then read from the table (a handful instead of every overdue stage).
            least = self.session.execute(text(
                f"SELECT over FROM ({_OVERDUE.format(cols=':rank - due_rank AS over', w=w)}) "
                f"ORDER BY over DESC LIMIT 1 OFFSET :skip"), {**self.params, "skip": limit - 1}).scalar()
            if least is not None:
                w, extra = f"{w} AND due_rank <= :rank - :least", {"least": least, "limit": limit}
            else:
                extra = {"limit": limit}
        cols = (f"case_no, region_code, department, respondent_name, stage, {SQL_DATE.format('due_on')} AS due, "
                ":rank - due_rank AS over")
        sql = f"SELECT * FROM ({_OVERDUE.format(cols=cols, w=w)}) ORDER BY over DESC, case_no, stage"
        rows = self._all(sql + (" LIMIT :limit" if limit else ""), extra or None)
        return tuple(OverdueItem(*row) for row in rows)

    def sanctions(self) -> SanctionFigures:
        row = self.session.execute(text(
            f"SELECT COALESCE(SUM(recorded_on >= :f), 0), "
            f"COALESCE(SUM(recorded_on <= :e AND start_on <= :e AND (end_on IS NULL OR end_on >= :e) "
            f"AND (lifted_on IS NULL OR lifted_on > :e)), 0), "
            f"COALESCE(SUM(end_on >= :f AND end_on <= :t AND (lifted_on IS NULL OR lifted_on > end_on)), 0), "
            f"COALESCE(SUM(lifted_on >= :f AND lifted_on <= :t), 0) "
            f"FROM sanction_spells WHERE recorded_on <= :t{self.w}"), self.params).one()
        return SanctionFigures(*row)

    def repaired(self) -> int:
        """Repairs recorded in the period: spells of 已信用修复 entered straight from a confirmed breach or a
        sanction (a reopening that resumes a repaired case is not a second repair)."""
        # CROSS JOIN keeps this order: the few repaired spells first, each one's previous spell by key
        sql = (f"SELECT COUNT(*) FROM state_spells s CROSS JOIN state_spells p ON p.num = s.num AND p.seq = s.seq - 1 "
               f"WHERE s.state = 'repaired' AND s.entered_on >= :fd AND s.entered_on <= :td "
               f"AND p.state IN ('breach_confirmed', 'sanctioned'){self.scope.where('s')[0]}")
        return self.session.execute(text(sql), self.params).scalar_one()

    def repeats(self, by_respondent: list[tuple[tuple[str, str], int]]) -> tuple[Repeat, ...]:
        rows = self._all(
            f"SELECT respondent_name, region_code, COUNT(*), SUM(ended_on >= :fd) "
            f"FROM stage_deadlines INDEXED BY ix_stage_deadlines_outcome "
            f"WHERE outcome = 'refused' AND ended_on <= :td{self.w} GROUP BY respondent_name, region_code")
        breaches = {(name, region): (n, in_period) for name, region, n, in_period in rows}
        complaints = dict(by_respondent)
        keys = {k for k, n in complaints.items() if n >= 2} | {k for k, (n, _) in breaches.items() if n >= 2}
        found = [Repeat(name, region, complaints.get((name, region), 0), *breaches.get((name, region), (0, 0)))
                 for name, region in keys]
        found.sort(key=lambda r: (-r.breaches, -r.complaints, r.respondent_name, r.region_code))
        return tuple(found)


def _stage_counts(rows: list) -> tuple[tuple[Timeliness, ...], tuple[Count, ...], int]:
    finished: Counter = Counter()
    on_time: Counter = Counter()
    conclusions: Counter = Counter()
    breaches = 0
    for stage, outcome, in_time, n in rows:
        if outcome not in DONE.get(Stage(stage), ()):
            continue
        finished[stage] += n
        if in_time and not (stage == Stage.RECTIFY and outcome == Outcome.REFUSED):
            on_time[stage] += n
        if stage == Stage.CONCLUDE:
            conclusions[outcome] += n
        if stage == Stage.RECTIFY and outcome == Outcome.REFUSED:
            breaches += n
    timeliness = tuple(Timeliness(s.value, finished[s], on_time[s], finished[s] - on_time[s]) for s in Stage)
    return timeliness, tuple(Count(f.value, conclusions[f]) for f in FINDINGS), breaches


def _durations(rows: list) -> tuple[Duration, ...]:
    days: dict[str, Counter] = defaultdict(Counter)
    for stage, outcome, worked, n in rows:
        # a refusal is not a rectification: it does not count in conclusion→rectification days
        if outcome in DONE.get(Stage(stage), ()) and outcome != Outcome.REFUSED:
            days[stage][worked] += n
    durations = []
    for s in Stage:
        histogram = +days[s]  # drops the zero counts the monthly sums keep
        count = sum(histogram.values())
        mean = round(sum(v * n for v, n in histogram.items()) / count, 2) if count else None
        durations.append(Duration(s.value, count, nearest_rank(histogram, 0.5), nearest_rank(histogram, 0.9), mean))
    return tuple(durations)


def _groups(sums: dict[str, list[int]]) -> tuple[OverdueGroup, ...]:
    groups = [OverdueGroup(key, n, over, most) for key, (n, over, most) in sums.items()]
    groups.sort(key=lambda g: (-g.count, -g.working_days_over, g.key))
    return tuple(groups)
