"""Everything a period's workbook, CSV files and briefing show (``app.services.reports.period_figures``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.reports import tables as t
from app.reports.assessment import Assessment
from app.reports.figures import SupervisionReport
from app.reports.typical import TypicalCase


@dataclass(frozen=True)
class PeriodFigures:
    """Everything a period's workbook, CSV files and briefing show, read in one transaction."""

    report: SupervisionReport  # with the whole overdue list
    assessment: Assessment
    typical: tuple[TypicalCase, ...]
    region_name: str  # 楚雄彝族自治州, 双柏县
    places: dict[str, str]  # region code -> the name its row carries

    @property
    def period(self) -> str:
        return t.period_name(self.report.period_from, self.report.period_to)

    @property
    def scope_name(self) -> str:
        """全州, 全县, 全市: how the briefing speaks of its region."""
        level = "州" if self.report.region_code.endswith("00") else self.region_name[-1:]
        return "全" + level

    def subtitle(self) -> str:
        r = self.report
        text = f"地区：{self.region_name}　统计期间：{r.period_from.isoformat()} 至 {r.period_to.isoformat()}"
        if r.department:
            text += f"　主管部门：{r.department}"
        return text + (f"　（期间未结束，数字截至 {r.as_of.isoformat()}）" if r.provisional else "")

    def tables(self) -> list[t.ReportTable]:
        """汇总, 分县市, 分部门, 考核指标（县市）, 考核指标（部门）, 超期清单, 典型案例."""
        a, p = self.assessment, self.period
        head = f"{p}{self.region_name}政府违约失信投诉办理情况"
        return [
            t.summary_table(self.report, a, len(self.typical), head + "汇总表"),
            t.unit_table("分县市", f"{p}各县市政府违约失信投诉办理情况统计表", "县市", a.by_county, a.total),
            t.unit_table("分部门", f"{p}各主管部门政府违约失信投诉办理情况统计表", "主管部门", a.by_department,
                         a.total),
            t.timeliness_table("考核指标（县市）", f"{p}各县市政府违约失信投诉办理时效考核指标", "县市",
                               a.by_county, a.total),
            t.timeliness_table("考核指标（部门）", f"{p}各主管部门政府违约失信投诉办理时效考核指标", "主管部门",
                               a.by_department, a.total),
            t.overdue_table(self.report, f"截至{t.period_name(self.report.as_of, self.report.as_of)}"
                            f"超期未办事项清单", self.places),
            t.typical_table(self.typical, f"{p}典型案例", self.places),
        ]
