"""Words for the 统计 page: the name of each figure, stage and area, and the heading of a drill-down
list (“2026年第三季度 · 双柏县 · 渠道 12345热线：17 件”)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.milestones import Stage
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import Channel, Finding, Sector, State, label
from app.reports import drill as d
from app.services.statistics import Area


def stage_text(stage: str) -> str:
    return {Stage.FORWARD: QCoreApplication.translate("StatisticsLabels", "Forwarding"), Stage.CONCLUDE: QCoreApplication.translate("StatisticsLabels", "Verification"),
            Stage.RECTIFY: QCoreApplication.translate("StatisticsLabels", "Rectification"), Stage.FEEDBACK: QCoreApplication.translate("StatisticsLabels", "Feedback")}[Stage(stage)]


def area_text(area: Area, regions: RegionRegistry) -> str:
    region = regions.find(area.region_code)
    name = region.name if region is not None else area.region_code
    return QCoreApplication.translate("StatisticsLabels", "{name} (own level)").format(name=name) if area.own_level else name


def month_text(month: str) -> str:
    year, number = month.split("-")
    return QCoreApplication.translate("StatisticsLabels", "{year}-{month}").format(year=year, month=int(number))


def short_month_text(month: str) -> str:
    """An axis label: “11月”, and the year with January (“2026年1月”)."""
    number = month.split("-")[1]
    if number == "01":
        return month_text(month)
    return QCoreApplication.translate("StatisticsLabels", "M{month}").format(month=int(number))


def code_text(enum, code: str) -> str:
    try:
        return label(enum(code))
    except ValueError:
        return code


def figure_text(figure: d.Figure, regions: RegionRegistry) -> str:
    kind, key = figure.kind, figure.key
    county = (regions.find(key).name if regions.find(key) else key) if key else ""
    texts = {
        d.RECEIVED: lambda: QCoreApplication.translate("StatisticsLabels", "Received"),
        d.RECEIVED_BY_CHANNEL: lambda: QCoreApplication.translate("StatisticsLabels", "Channel {name}").format(name=code_text(Channel, key)),
        d.RECEIVED_BY_SECTOR: lambda: QCoreApplication.translate("StatisticsLabels", "Sector {name}").format(name=code_text(Sector, key)),
        d.RECEIVED_BY_COUNTY: lambda: QCoreApplication.translate("StatisticsLabels", "Received in {name}").format(name=county),
        d.RECEIVED_IN_MONTH: lambda: QCoreApplication.translate("StatisticsLabels", "Received in {month}").format(month=month_text(key)),
        d.CONCLUDED_IN_MONTH: lambda: QCoreApplication.translate("StatisticsLabels", "Verified in {month}").format(month=month_text(key)),
        d.STATE_AT_END: lambda: QCoreApplication.translate("StatisticsLabels", "{state} at the period's end").format(state=code_text(State, key)),
        d.FINISHED: lambda: QCoreApplication.translate("StatisticsLabels", "{stage} done").format(stage=stage_text(key)),
        d.ON_TIME: lambda: QCoreApplication.translate("StatisticsLabels", "{stage} on time").format(stage=stage_text(key)),
        d.LATE: lambda: QCoreApplication.translate("StatisticsLabels", "{stage} late").format(stage=stage_text(key)),
        d.CONCLUSION: lambda: QCoreApplication.translate("StatisticsLabels", "Finding: {finding}").format(finding=code_text(Finding, key)),
        d.CONCLUDED: lambda: QCoreApplication.translate("StatisticsLabels", "Verified"),
        d.BREACHES: lambda: QCoreApplication.translate("StatisticsLabels", "Breaches confirmed"),
        d.SANCTIONS_DECIDED: lambda: QCoreApplication.translate("StatisticsLabels", "Sanctions decided"),
        d.SANCTIONS_IN_FORCE: lambda: QCoreApplication.translate("StatisticsLabels", "Sanctions in force at the end"),
        d.SANCTIONS_EXPIRED: lambda: QCoreApplication.translate("StatisticsLabels", "Sanctions expired"),
        d.SANCTIONS_LIFTED: lambda: QCoreApplication.translate("StatisticsLabels", "Sanctions lifted by repair"),
        d.REPAIRED: lambda: QCoreApplication.translate("StatisticsLabels", "Credit repaired"),
        d.OVERDUE: lambda: QCoreApplication.translate("StatisticsLabels", "Overdue at the end"),
        d.OVERDUE_BY_COUNTY: lambda: QCoreApplication.translate("StatisticsLabels", "Overdue at the end in {name}").format(name=county),
        d.OVERDUE_BY_DEPARTMENT: lambda: QCoreApplication.translate("StatisticsLabels", "Overdue at the end at {name}").format(name=key),
    }
    return texts[kind]()


def drill_heading(period: str, area: str, figure: d.Figure, found: d.Drill, regions: RegionRegistry) -> str:
    """The list's heading: period · area · figure: how many (complaints, or items and complaints)."""
    if found.items == found.complaints:
        count = QCoreApplication.translate("StatisticsLabels", "{n} complaints").format(n=f"{found.items:,}")
    else:
        count = QCoreApplication.translate("StatisticsLabels", "{items} times ({n} complaints)").format(items=f"{found.items:,}", n=f"{found.complaints:,}")
    parts = [area, figure_text(figure, regions)]
    if figure.kind not in (d.RECEIVED_IN_MONTH, d.CONCLUDED_IN_MONTH):  # the month says the period itself
        parts.insert(0, period)
    return QCoreApplication.translate("StatisticsLabels", "{what}: {count}").format(what=" · ".join(parts), count=count)
