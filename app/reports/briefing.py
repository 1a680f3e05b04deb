"""The 调度通报 (briefing) of a period as an :class:`OfficialDocument` (文件 format, GB/T 9704).

Seed §四(七) 定期调度和通报: the office briefs the region on how complaints were handled, how fast,
which departments are overdue, and how sanctions were carried out; §四(八) adds typical cases. Every
sentence is derived from the figures and holds for any period: a clause whose figure is zero is left
out or said as “未”, “均按时” only at 100 %, a comparison of counties only when they differ, and a
period with no complaints reads as such. The tables go in annexes (附件, on their own pages after
the signature), as the office would attach them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.documents.model import Annex, Heading, OfficialDocument, Paragraph, Table
from app.domain.milestones import Stage
from app.domain.vocabulary import BreachKind, Channel, State, label
from app.reports.assessment import UnitFigures
from app.reports.figures import Count, Rate
from app.reports.period import PeriodFigures
from app.reports.tables import STAGE_NAMES, TIMELINESS_NAMES

SEED = "《楚雄州完善政府诚信履约机制优化民营经济发展环境工作方案》（楚发改财金〔2023〕509号）"
NUMERALS = "一二三四五六七八九十"
ANNEX_OVERDUE_ROWS = 50  # the briefing lists the most overdue; the workbook has them all
MOST_NAMED = 15  # departments named in the text; the rest are counted
TYPICAL_NAMED = 10  # typical cases set out in the text; the workbook's 典型案例 sheet has them all


@dataclass(frozen=True)
class Office:
    """Who issues the briefing (from the office settings)."""

    issuer: str
    signer: str
    printed_by: str
    upstream_office: str


def percent(rate: Rate) -> str:
    return "—" if rate.value is None else f"{rate.value * 100:.1f}%"


def title_of(f: PeriodFigures) -> str:
    subject = f.report.department or f.scope_name
    return f"关于{f.period}{subject}政府违约失信投诉办理情况的通报"


def recipient_of(f: PeriodFigures) -> str:
    if f.report.region_code.endswith("00"):
        return "各县市发展和改革局，州级有关部门"
    level = f.region_name[-1:]
    return f"{level}级有关部门，各乡镇人民政府"


def briefing_document(f: PeriodFigures, office: Office, number: str, day: date) -> OfficialDocument:
    """The briefing of ``f`` numbered ``number`` (``""`` for a draft) and dated ``day``."""
    annexes = _annexes(f)
    body: list = [Paragraph(_opening(f))]
    sections = [("总体情况", _overall(f)), ("办理时效", _timeliness(f)), ("超期未办情况", _overdue(f, annexes)),
                ("典型案例", _typical(f)), ("工作要求", _requirements(f, office))]
    for index, (heading, paragraphs) in enumerate((s for s in sections if s[1]), 0):
        body.append(Heading(1, f"{NUMERALS[index]}、{heading}"))
        body += [Paragraph(text) for text in paragraphs]
    return OfficialDocument(
        format="document", issuer=office.issuer, number=number, title=title_of(f), recipient=recipient_of(f),
        body=tuple(body), attachments=tuple(a.title for a in annexes), signer=office.signer, date=day,
        copy_to=(office.upstream_office,) if office.upstream_office else (),
        printed_by=office.printed_by, printed_on=day, annexes=tuple(annexes))


def _days(f: PeriodFigures) -> str:
    r = f.report
    end = f"{r.period_to.month}月{r.period_to.day}日" if r.period_to.year == r.period_from.year else \
        f"{r.period_to.year}年{r.period_to.month}月{r.period_to.day}日"
    return f"{r.period_from.year}年{r.period_from.month}月{r.period_from.day}日至{end}"


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _opening(f: PeriodFigures) -> str:
    text = (f"为贯彻落实{SEED}关于定期调度和通报的要求，现将{f.period}（{_days(f)}）{f.scope_name}"
            f"政府违约失信投诉办理情况通报如下。")
    if f.report.provisional:
        text += f"统计期间尚未结束，以下数字截至{_day(f.report.as_of)}。"
    return text


def _listed(counts: tuple[Count, ...], name) -> str:
    return "、".join(f"{name(c.key)}{c.count}件" for c in counts)


def _overall(f: PeriodFigures) -> list[str]:
    r, t = f.report, f.assessment.total
    if r.received:
        first = f"{f.period}，{f.scope_name}共受理政府违约失信投诉{r.received}件。"
        first += f"从来源渠道看，{_listed(r.received_by_channel, lambda k: label(Channel(k)))}"
        counties = tuple(c for c in r.received_by_county)
        if len(f.assessment.by_county) > 1 and counties:
            first += f"；从地区看，{_listed(counties, lambda k: f.places.get(k, k))}"
        first += "。"
    else:
        first = f"{f.period}，{f.scope_name}未受理政府违约失信投诉。"
    paragraphs = [first]
    parts = []
    if t.concluded:
        findings = {c.key: c.count for c in r.conclusions}
        detail = "、".join(f"{name}{findings.get(key, 0)}件次" for key, name in
                           (("substantiated", "情况属实"), ("unsubstantiated", "情况不属实"), ("disputed", "存在分歧"))
                           if findings.get(key))
        parts.append(f"作出核实认定结论{t.concluded}件次，其中{detail}，属实率{percent(r.substantiated)}")
    else:
        parts.append("未作出核实认定结论")
    parts.append(f"办结{t.closed}件次" if t.closed else "未办结投诉")
    paragraphs.append("本期" + "；".join(parts) + "。")
    s = r.sanctions
    sanction = [text for n, text in ((s.decided, f"作出失信惩戒决定{s.decided}项"),
                                     (s.in_force_at_end, f"期末仍在实施的惩戒{s.in_force_at_end}项"),
                                     (s.expired, f"本期期满{s.expired}项"),
                                     (s.lifted, f"因信用修复解除{s.lifted}项")) if n]
    breach = (f"本期经被投诉主体的上级部门或主管部门确认，认定违约失信{r.breaches_confirmed}件"
              if r.breaches_confirmed else "本期未新认定违约失信")
    sentence = breach + ("；" + "，".join(sanction) if sanction else "；期末无在实施的失信惩戒措施")
    sentence += f"；完成信用修复{r.credit_repaired}件。" if r.credit_repaired else "。"
    paragraphs.append(sentence)
    return paragraphs


def _timeliness(f: PeriodFigures) -> list[str]:
    r, t = f.report, f.assessment.total
    done = [x for x in r.timeliness if x.finished]
    if not done:
        return ["本期没有完成的转办、核实认定、整改和反馈环节，不计算办理时效。"]
    parts = []
    for x in done:
        name = TIMELINESS_NAMES[Stage(x.stage)]
        if x.on_time == x.finished:
            parts.append(f"完成{STAGE_NAMES[Stage(x.stage)]}{x.finished}次，均{name[:2]}完成")
        else:
            parts.append(f"完成{STAGE_NAMES[Stage(x.stage)]}{x.finished}次，{name}率{percent(x.rate)}"
                         f"（超期{x.late}次）")
    text = "本期" + "；".join(parts) + f"。四个环节综合按时办理率{percent(t.on_time)}。"
    paragraphs = [text]
    ranked = [u for u in f.assessment.by_county if u.on_time.denominator]
    if len(f.assessment.by_county) > 1 and len(ranked) >= 2:
        best = max(ranked, key=lambda u: u.on_time.value or 0).on_time
        worst = min(ranked, key=lambda u: u.on_time.value or 0).on_time
        if best.value != worst.value:
            top = "、".join(u.name for u in ranked if u.on_time.value == best.value)
            low = "、".join(u.name for u in ranked if u.on_time.value == worst.value)
            paragraphs.append(f"分县市看，综合按时办理率最高的是{top}（{percent(best)}），最低的是{low}"
                              f"（{percent(worst)}）。各县市、各主管部门的考核指标见附件。")
    return paragraphs


def _overdue(f: PeriodFigures, annexes: list[Annex]) -> list[str]:
    r = f.report
    when = _day(r.as_of)
    if not r.overdue_total:
        return [f"截至{when}，{f.scope_name}无超过办理期限未完成的事项。"]
    groups = r.overdue_by_department
    named = "、".join(f"{g.key}{g.count}项" for g in groups[:MOST_NAMED])
    more = f"等{len(groups)}个部门" if len(groups) > MOST_NAMED else ""
    text = (f"截至{when}，{f.scope_name}仍有{r.overdue_total}项办理环节超过期限未完成，涉及{len(groups)}个主管部门："
            f"{named}{more}。")
    longest = r.overdue[0] if r.overdue else None
    if longest is not None:
        text += (f"超期最久的是{longest.department}承办的{longest.case_no}号投诉的{STAGE_NAMES[Stage(longest.stage)]}"
                 f"环节，已超期{longest.working_days_over}个工作日。")
    paragraphs = [text]
    if len(f.assessment.by_county) > 1:
        paragraphs.append("分县市看：" + "、".join(f"{f.places.get(g.key, g.key)}{g.count}项"
                                                 for g in r.overdue_by_county) + "。")
    number = next((i for i, a in enumerate(annexes, 1) if "超期" in a.title), None)
    if number is not None:
        paragraphs[-1] += f"超期事项清单见附件{number}。" if len(annexes) > 1 else "超期事项清单见附件。"
    return paragraphs


def _typical(f: PeriodFigures) -> list[str]:
    paragraphs = []
    if len(f.typical) > TYPICAL_NAMED:
        paragraphs.append(f"本期共有{len(f.typical)}件投诉列为典型案例，现将其中{TYPICAL_NAMED}件通报如下，"
                          "全部典型案例见统计报表。")
    for index, case in enumerate(f.typical[:TYPICAL_NAMED], 1):
        marker = f"（{NUMERALS[index - 1]}）" if index <= 10 else f"{index}."
        reason = case.reason.rstrip("。") + "。" if case.reason else ""
        place = f.places.get(case.region_code, case.region_code)
        place = "" if case.respondent_name.startswith(place) or place == "州本级" else place
        paragraphs.append(f"{marker}{place}{case.respondent_name}"
                          f"{label(BreachKind(case.breach_kind))}问题（案号{case.case_no}）。{reason}"
                          f"目前办理状态：{label(State(case.state))}。")
    return paragraphs


def _requirements(f: PeriodFigures, office: Office) -> list[str]:
    r = f.report
    paragraphs = []
    if r.overdue_total:
        paragraphs.append("请上述主管部门对超期未办事项逐件核查，明确办理时限，抓紧办理，并将办理结果及时反馈"
                          f"{office.issuer}。")
    paragraphs.append("各有关单位要严格落实转办、核实认定、督促整改和反馈投诉人的时限要求，收到投诉线索后第一时间"
                      "转交被投诉主体的上级部门或主管部门，情况属实的立即督促整改，按时向投诉人反馈办理结果。")
    if r.breaches_confirmed or r.sanctions.in_force_at_end:
        paragraphs.append("对已认定的违约失信行为，认定部门要依法依规落实失信惩戒措施，督促失信主体限期整改；"
                          "已纠正失信行为并完成履约的，要及时做好信用修复。")
    paragraphs.append(f"按照{SEED}要求，政府违约失信投诉处置和认定效率、失信惩戒措施落实情况纳入年度社会信用体系建设"
                      "综合绩效考核，政务失信记录纳入营商环境评价。")
    return paragraphs


def _annexes(f: PeriodFigures) -> list[Annex]:
    a, r = f.assessment, f.report
    annexes = []
    if len(a.by_county) > 1:
        annexes.append(Annex(f"{f.period}各县市投诉办理情况统计表", (_units_table(a.by_county, a.total, "县市"),)))
        annexes.append(Annex(f"{f.period}各县市办理时效考核指标",
                             (_timeliness_table(a.by_county, a.total, "县市"),)))
    if a.by_department:
        annexes.append(Annex(f"{f.period}各主管部门办理情况及考核指标",
                             (_departments_table(a.by_department, a.total),)))
    if r.overdue_total:
        rows = tuple((str(i), o.case_no, f.places.get(o.region_code, o.region_code), o.department,
                      o.respondent_name, STAGE_NAMES[Stage(o.stage)], o.due_on, str(o.working_days_over))
                     for i, o in enumerate(r.overdue[:ANNEX_OVERDUE_ROWS], 1))
        blocks: list = [Table(("序号", "案号", "县市", "主管部门", "被投诉主体", "环节", "期限", "超期工作日"), rows,
                              (8, 31, 15, 28, 28, 13, 21, 12),
                              ("right", "left", "left", "left", "left", "left", "left", "right"))]
        if r.overdue_total > len(rows):
            blocks.append(Paragraph(f"注：共{r.overdue_total}项，本表列出超期最久的{len(rows)}项，全部事项见统计报表。"))
        annexes.append(Annex(f"截至{_day(r.as_of)}超期未办事项清单", tuple(blocks)))
    return annexes


_NUMBERS = ("right",)


def _units_table(units: tuple[UnitFigures, ...], total: UnitFigures, first: str) -> Table:
    def row(u: UnitFigures) -> tuple[str, ...]:
        return (u.name, str(u.received), str(u.concluded), str(u.substantiated), str(u.closed), str(u.overdue),
                str(u.breaches_confirmed), str(u.sanctions.in_force_at_end), str(u.credit_repaired))

    return Table((first, "受理投诉", "核实认定", "其中属实", "办结", "期末超期未办", "认定违约失信", "惩戒实施中",
                  "信用修复"), (*map(row, units), row(total)), (2.4, 1, 1, 1, 1, 1.1, 1.1, 1.1, 1),
                 ("left", *_NUMBERS * 8), total=True)


def _rate_cell(rate: Rate) -> str:
    return f"{percent(rate)}\n{rate.numerator}/{rate.denominator}" if rate.denominator else "—"


def _timeliness_table(units: tuple[UnitFigures, ...], total: UnitFigures, first: str) -> Table:
    def row(u: UnitFigures) -> tuple[str, ...]:
        return (u.name, *(_rate_cell(u.stage(s).rate) for s in Stage), _rate_cell(u.on_time))

    return Table((first, *(TIMELINESS_NAMES[s] + "率" for s in Stage), "综合按时办理率"),
                 (*map(row, units), row(total)), (1.4, 1.2, 1.3, 1.2, 1.2, 1.4), ("left", *_NUMBERS * 5), total=True)


def _departments_table(units: tuple[UnitFigures, ...], total: UnitFigures) -> Table:
    def row(u: UnitFigures) -> tuple[str, ...]:
        return (u.name, str(u.received), str(u.concluded), str(u.closed), str(u.overdue), _rate_cell(u.on_time),
                str(u.breaches_confirmed), str(u.sanctions.in_force_at_end), str(u.credit_repaired))

    return Table(("主管部门", "受理投诉", "核实认定", "办结", "期末超期未办", "综合按时办理率", "认定违约失信",
                  "惩戒实施中", "信用修复"), (*map(row, units), row(total)), (3.6, 1, 1, 1, 1.1, 1.5, 1.1, 1.1, 1),
                 ("left", *_NUMBERS * 8), total=True)
