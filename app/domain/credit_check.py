"""Credit check 信用核查: what the breach register says about one government body, and nothing more.

The seed (§三(四)) has 州发展改革委 tell departments not to accept project-fund applications from
bodies with a breach record; before accepting one, a department asks the office for a check and
attaches the result (信用核查结果告知单). The verdict is read from the register's records of the body
as of the day of the check:

- ``in_force`` 有在效失信记录: at least one record not repaired;
- ``repaired`` 失信记录已修复: records exist and every one is repaired;
- ``none`` 未发现失信记录: no record of the body in the register this device holds.

The statement says only what the register shows: the day it was read, the regions whose records the
device holds (its scope), and — for ``none`` — that no record was *found there*, never that the body
has none anywhere (other regions, other platforms, records not yet synced are outside it). Pure rules,
no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

SERIES_SUFFIX = "发改信核"  # 楚发改信核〔2026〕1号: the region's short name, then this
SEED = "《楚雄州完善政府诚信履约机制优化民营经济发展环境工作方案》（楚发改财金〔2023〕509号）"


class Verdict(StrEnum):
    IN_FORCE = "in_force"
    REPAIRED = "repaired"
    NONE = "none"


VERDICT_LABELS = {
    Verdict.IN_FORCE: "有在效失信记录",
    Verdict.REPAIRED: "失信记录已修复",
    Verdict.NONE: "未发现失信记录",
}


@dataclass(frozen=True)
class RecordFact:
    """What the verdict reads of one register record."""

    case_no: str
    status: str  # RecordStatus value: in_force | repaired
    confirmed_on: str
    repaired_on: str | None = None
    sanctions_in_force: int = 0


@dataclass(frozen=True)
class Scope:
    """The data a check reads: the regions whose records the device holds, as of when."""

    region_code: str
    region_name: str  # 楚雄州, 双柏县
    includes_lower: bool  # a prefecture or county holding the records of the regions below it
    synced_at: str | None = None  # enrolled: the last successful sync with the hub (China time text)

    @property
    def description(self) -> str:
        below = "及所辖县市" if self.includes_lower else ""
        return f"{self.region_name}{below}"


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    in_force: tuple[str, ...]  # case numbers of the records not repaired, newest first
    repaired: tuple[str, ...]
    sanctioned: tuple[str, ...]  # of in_force and repaired: with a sanction in force on the day

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def verdict(records: Sequence[RecordFact]) -> Finding:
    """The verdict over the body's records (any order; case numbers newest confirmation first)."""
    ordered = sorted(records, key=lambda r: (r.confirmed_on, r.case_no), reverse=True)
    in_force = tuple(r.case_no for r in ordered if r.status != "repaired")
    repaired = tuple(r.case_no for r in ordered if r.status == "repaired")
    sanctioned = tuple(r.case_no for r in ordered if r.sanctions_in_force > 0)
    if in_force:
        kind = Verdict.IN_FORCE
    elif repaired:
        kind = Verdict.REPAIRED
    else:
        kind = Verdict.NONE
    return Finding(kind, in_force, repaired, sanctioned)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def subject(name: str, code: str | None) -> str:
    """How the body is named in a statement: “双柏县财政局”（统一社会信用代码 …）."""
    if name and code:
        return f"“{name}”（统一社会信用代码{code}）"
    if name:
        return f"“{name}”"
    return f"统一社会信用代码为{code}的单位"


def statement(finding: Finding, name: str, code: str | None, as_of: date, scope: Scope) -> str:
    """The result in one paragraph: what the register held on ``as_of``, within ``scope``, and no more."""
    register = f"本设备所存{scope.description}政务失信记录台账"
    who = subject(name, code)
    head = f"截至{chinese_date(as_of)}，{register}中"
    if finding.verdict == Verdict.NONE:
        return f"{head}未发现{who}的政务失信记录。"
    if finding.verdict == Verdict.IN_FORCE:
        text = f"{head}有{who}尚未修复的政务失信记录{len(finding.in_force)}条"
        if finding.sanctioned:
            text += f"，其中{len(finding.sanctioned)}条记录仍有惩戒措施在实施"
        if finding.repaired:
            text += f"；另有已修复的记录{len(finding.repaired)}条"
        return text + "。"
    return f"{head}有{who}的政务失信记录{len(finding.repaired)}条，均已完成信用修复，没有尚未修复的记录。"


def limits(scope: Scope, as_of: date) -> tuple[str, ...]:
    """What the result does not cover, said on every result whatever the verdict."""
    lines = [f"本结果仅反映{scope.description}政务失信记录台账核查当日所载记录，不包括其他地区、"
             "其他信用信息平台的记录，也不是对该单位信用状况的全面评价。"]
    if scope.synced_at:
        lines.append(f"本设备最近一次与州级中心同步数据的时间为{scope.synced_at}，此后其他单位录入的记录未包括在内。")
    return tuple(lines)


def consequence(finding: Finding) -> str | None:
    """What the seed asks of a body with a record in force (cited, not decided here)."""
    if finding.verdict != Verdict.IN_FORCE:
        return None
    return (f"根据{SEED}，对存在失信记录的相关主体，州发展改革委通知相关部门不受理其上报争取"
            "中央预算内资金、地方政府专项债券及各类融资项目等项目资金支持。")
