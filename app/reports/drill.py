"""Drill-down 数字明细: which complaints a supervision figure counts (the 统计 page opens them as a list).

Each figure of ``SupervisionReport`` (``app.reports.figures``) is named by a ``Figure`` — a kind and, for a
breakdown, its key (a channel code, a state, a stage, a county code…). ``drill`` answers with the rows
the figure counts, read from the same projections under the same conditions as
``app.reports.supervision`` (``docs/figures.md``), but always from the detail rows, never the monthly
sums: the two agree (a test checks it for every figure), and only the detail rows name complaints.

Some figures count stages or decisions, not complaints: a complaint forwarded twice in the period (after
a reopening) counts twice in 按时转办, one with two sanction decisions twice in 本期惩戒决定. ``Drill``
therefore carries both the number of counted items (always the figure) and the distinct complaints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.milestones import DONE, Outcome, Stage
from app.reports.figures import SupervisionReport
from app.reports.supervision import FINDINGS, ReportScope, day_params

RECEIVED = "received"
RECEIVED_BY_CHANNEL = "received_by_channel"
RECEIVED_BY_SECTOR = "received_by_sector"
RECEIVED_BY_COUNTY = "received_by_county"
RECEIVED_IN_MONTH = "received_in_month"  # key YYYY-MM (the trend chart): the whole month
STATE_AT_END = "state_at_end"
FINISHED = "finished"  # key: stage — the timeliness denominator
ON_TIME = "on_time"  # key: stage — the numerator
LATE = "late"  # key: stage — denominator minus numerator
CONCLUSION = "conclusion"  # key: finding (substantiated / unsubstantiated / disputed)
CONCLUDED = "concluded"  # all three findings (the substantiated rate's denominator)
CONCLUDED_IN_MONTH = "concluded_in_month"  # key YYYY-MM (the trend chart)
BREACHES = "breaches"
SANCTIONS_DECIDED = "sanctions_decided"
SANCTIONS_IN_FORCE = "sanctions_in_force"
SANCTIONS_EXPIRED = "sanctions_expired"
SANCTIONS_LIFTED = "sanctions_lifted"
REPAIRED = "repaired"
OVERDUE = "overdue"
OVERDUE_BY_COUNTY = "overdue_by_county"  # key: region code
OVERDUE_BY_DEPARTMENT = "overdue_by_department"  # key: department name

# Kinds whose figure counts complaints (each complaint at most once); the others count stages or decisions.
COMPLAINT_COUNTS = frozenset({RECEIVED, RECEIVED_BY_CHANNEL, RECEIVED_BY_SECTOR, RECEIVED_BY_COUNTY,
                              RECEIVED_IN_MONTH, STATE_AT_END})


@dataclass(frozen=True)
class Figure:
    """One number of the report: ``kind`` (the constants above) and, for a breakdown, its ``key``."""

    kind: str
    key: str = ""


@dataclass(frozen=True)
class Drill:
    figure: Figure
    items: int  # what the figure counts (complaints, stages or decisions): equals the figure
    nums: frozenset[int]  # the complaints (row numbers of ``complaints``), each once
    ids: tuple[str, ...]  # their ids, in case-number order

    @property
    def complaints(self) -> int:
        return len(self.nums)


def figure_value(report: SupervisionReport, figure: Figure) -> int:
    """The number ``report`` shows for ``figure`` (0 for a breakdown key it does not list)."""
    kind, key = figure.kind, figure.key

    def of(counts) -> int:
        return next((c.count for c in counts if c.key == key), 0)

    def stage():
        return next(t for t in report.timeliness if t.stage == key)

    simple = {
        RECEIVED: lambda: report.received,
        RECEIVED_BY_CHANNEL: lambda: of(report.received_by_channel),
        RECEIVED_BY_SECTOR: lambda: of(report.received_by_sector),
        RECEIVED_BY_COUNTY: lambda: of(report.received_by_county),
        STATE_AT_END: lambda: of(report.states_at_end),
        FINISHED: lambda: stage().finished,
        ON_TIME: lambda: stage().on_time,
        LATE: lambda: stage().late,
        CONCLUSION: lambda: of(report.conclusions),
        CONCLUDED: lambda: report.substantiated.denominator,
        BREACHES: lambda: report.breaches_confirmed,
        SANCTIONS_DECIDED: lambda: report.sanctions.decided,
        SANCTIONS_IN_FORCE: lambda: report.sanctions.in_force_at_end,
        SANCTIONS_EXPIRED: lambda: report.sanctions.expired,
        SANCTIONS_LIFTED: lambda: report.sanctions.lifted,
        REPAIRED: lambda: report.credit_repaired,
        OVERDUE: lambda: report.overdue_total,
        OVERDUE_BY_COUNTY: lambda: of(report.overdue_by_county),
        OVERDUE_BY_DEPARTMENT: lambda: of(report.overdue_by_department),
    }
    if kind not in simple:
        raise ValueError(f"no single report figure for {kind}")
    return simple[kind]()


# The conditions of ``app.reports.supervision`` written out again (that module reads monthly sums where it
# can; these read the rows): tests compare every drill with its figure, so the two cannot drift apart.
# Dates of the supervision tables are day numbers: :fd, :td, :ed (``supervision.day_params``).
_OVERDUE = ("SELECT {cols} FROM stage_deadlines WHERE until_on IS NULL AND set_on <= :ed AND due_on < :ed{w} "
            "UNION ALL SELECT {cols} FROM stage_deadlines WHERE until_on > :ed AND set_on <= :ed AND due_on < :ed{w}")


def _utc_start(day: date) -> str:
    """The UTC instant at which ``day`` begins in China, in the stored ISO form (registered_at)."""
    return f"{(day - timedelta(days=1)).isoformat()}T16:00:00.000Z"


def month_range(month: str) -> tuple[date, date]:
    """First and last day of ``YYYY-MM``."""
    first = date.fromisoformat(f"{month}-01")
    return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def drill(session: Session, figure: Figure, *, period_from: date, period_to: date, scope: ReportScope,
          today: date) -> Drill:
    """The complaints behind ``figure`` of the report of ``[period_from, period_to]`` in ``scope``."""
    if figure.kind in (RECEIVED_IN_MONTH, CONCLUDED_IN_MONTH):
        period_from, period_to = month_range(figure.key)  # a trend bar is the whole month, as the sums
        figure_kind = RECEIVED if figure.kind == RECEIVED_IN_MONTH else CONCLUDED
        found = drill(session, Figure(figure_kind), period_from=period_from, period_to=period_to, scope=scope,
                      today=today)
        return Drill(figure, found.items, found.nums, found.ids)
    as_of = min(period_to, today)
    w, params = scope.where()
    params = {**params, "f": period_from.isoformat(), "t": period_to.isoformat(), "e": as_of.isoformat(),
              "uf": _utc_start(period_from), "ut": _utc_start(period_to + timedelta(days=1)), "key": figure.key,
              **day_params(period_from, period_to, as_of)}
    sql = _sql(figure, w, scope)
    nums = [row[0] for row in session.execute(text(sql), params)]
    distinct = frozenset(nums)
    ids = tuple(session.execute(text(
        "SELECT id FROM complaints WHERE num IN (SELECT value FROM json_each(:nums)) ORDER BY case_no"),
        {"nums": "[" + ",".join(str(n) for n in sorted(distinct)) + "]"}).scalars()) if distinct else ()
    return Drill(figure, len(nums), distinct, ids)


def _in(values) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"  # enum values only: no user text


def _sql(figure: Figure, w: str, scope: ReportScope) -> str:
    """One row (the complaint's num) per counted item."""
    kind = figure.kind
    received = f"SELECT num FROM complaints WHERE registered_at >= :uf AND registered_at < :ut{w}"
    if kind == RECEIVED:
        return received
    if kind in (RECEIVED_BY_CHANNEL, RECEIVED_BY_SECTOR, RECEIVED_BY_COUNTY):
        column = {RECEIVED_BY_CHANNEL: "channel", RECEIVED_BY_SECTOR: "sector", RECEIVED_BY_COUNTY: "region_code"}
        return f"{received} AND {column[kind]} = :key"
    if kind == STATE_AT_END:
        return (f"SELECT num FROM state_spells WHERE state = :key AND entered_on <= :ed "
                f"AND (left_on IS NULL OR left_on > :ed){w}")
    ended = f"SELECT num FROM stage_deadlines WHERE ended_on >= :fd AND ended_on <= :td{w}"
    if kind in (FINISHED, ON_TIME, LATE):
        stage = Stage(figure.key)
        done = f"{ended} AND stage = :key AND outcome IN {_in(DONE[stage])}"
        # on time: on or before the due date in force, and a refusal is never a rectification on time
        on_time = "ended_on <= due_on" + (f" AND outcome != '{Outcome.REFUSED}'" if stage == Stage.RECTIFY else "")
        return {FINISHED: done, ON_TIME: f"{done} AND {on_time}", LATE: f"{done} AND NOT ({on_time})"}[kind]
    if kind == CONCLUSION:
        return f"{ended} AND stage = '{Stage.CONCLUDE}' AND outcome = :key"
    if kind == CONCLUDED:
        return f"{ended} AND stage = '{Stage.CONCLUDE}' AND outcome IN {_in(FINDINGS)}"
    if kind == BREACHES:
        return f"{ended} AND stage = '{Stage.RECTIFY}' AND outcome = '{Outcome.REFUSED}'"
    sanctions = "SELECT num FROM sanction_spells WHERE recorded_on <= :t{w} AND ".replace("{w}", w)
    if kind == SANCTIONS_DECIDED:
        return sanctions + "recorded_on >= :f"
    if kind == SANCTIONS_IN_FORCE:
        return sanctions + ("recorded_on <= :e AND start_on <= :e AND (end_on IS NULL OR end_on >= :e) "
                            "AND (lifted_on IS NULL OR lifted_on > :e)")
    if kind == SANCTIONS_EXPIRED:
        return sanctions + "end_on >= :f AND end_on <= :t AND (lifted_on IS NULL OR lifted_on > end_on)"
    if kind == SANCTIONS_LIFTED:
        return sanctions + "lifted_on >= :f AND lifted_on <= :t"
    if kind == REPAIRED:
        return (f"SELECT s.num FROM state_spells s CROSS JOIN state_spells p ON p.num = s.num AND p.seq = s.seq - 1 "
                f"WHERE s.state = 'repaired' AND s.entered_on >= :fd AND s.entered_on <= :td "
                f"AND p.state IN ('breach_confirmed', 'sanctioned'){scope.where('s')[0]}")
    overdue = _OVERDUE.format(cols="num, region_code, department", w=w)
    if kind == OVERDUE:
        return f"SELECT num FROM ({overdue})"
    if kind == OVERDUE_BY_COUNTY:
        return f"SELECT num FROM ({overdue}) WHERE region_code = :key"
    if kind == OVERDUE_BY_DEPARTMENT:
        return f"SELECT num FROM ({overdue}) WHERE department = :key"
    raise ValueError(f"unknown figure {kind}")


def every_figure(report: SupervisionReport) -> list[Figure]:
    """Every drillable number of ``report`` (each breakdown key it lists, every stage and finding)."""
    found = [Figure(kind) for kind in (RECEIVED, CONCLUDED, BREACHES, SANCTIONS_DECIDED, SANCTIONS_IN_FORCE,
                                       SANCTIONS_EXPIRED, SANCTIONS_LIFTED, REPAIRED, OVERDUE)]
    for kind, counts in ((RECEIVED_BY_CHANNEL, report.received_by_channel),
                         (RECEIVED_BY_SECTOR, report.received_by_sector),
                         (RECEIVED_BY_COUNTY, report.received_by_county), (STATE_AT_END, report.states_at_end),
                         (CONCLUSION, report.conclusions), (OVERDUE_BY_COUNTY, report.overdue_by_county),
                         (OVERDUE_BY_DEPARTMENT, report.overdue_by_department)):
        found += [Figure(kind, c.key) for c in counts]
    found += [Figure(kind, stage.value) for stage in Stage for kind in (FINISHED, ON_TIME, LATE)]
    return found
