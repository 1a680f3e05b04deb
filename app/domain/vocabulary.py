"""Closed vocabularies of the domain with their Chinese labels (the labels are reference data).

Every value is an English code stored in events; ``label()`` gives the Chinese term shown to users.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    """办理状态 of a complaint."""

    REGISTERED = "registered"
    FORWARDED = "forwarded"
    UNSUBSTANTIATED = "unsubstantiated"
    DISPUTED = "disputed"
    RECTIFYING = "rectifying"
    RECTIFIED = "rectified"
    BREACH_CONFIRMED = "breach_confirmed"
    SANCTIONED = "sanctioned"
    REPAIRED = "repaired"
    CLOSED = "closed"


class Action(StrEnum):
    """Workflow actions (DESIGN §3); each is one event in the log."""

    REGISTER = "register"
    REJECT = "reject"
    MERGE = "merge"
    FORWARD = "forward"
    REDIRECT = "redirect"  # 改派: forwarded to another department before the conclusion
    RETURN = "return"  # 退回: the department sends the complaint back before the conclusion
    CONCLUDE = "conclude"
    EXTEND = "extend"
    RECTIFY = "rectify"
    REFUSE = "refuse"
    SANCTION = "sanction"
    REPAIR = "repair"
    FEEDBACK = "feedback"
    CLOSE = "close"
    REOPEN = "reopen"
    HOLD_ACCOUNTABLE = "hold_accountable"  # 追究责任: persons, positions, outcome (not a credit measure)
    NOTE = "note"
    ATTACH = "attach"
    AMEND = "amend"
    ASSIGN = "assign"
    MARK_TYPICAL = "mark_typical"
    RESOLVE = "resolve"  # a leader settles a transition kept aside by sync (待核对, DESIGN §4)
    ISSUE_DOCUMENT = "issue_document"  # 开具文书: a numbered notice or letter (app.services.documents)


class Resolution(StrEnum):
    """核对处理: take the kept transition now, or leave the complaint as it is."""

    APPLY = "apply"
    DISMISS = "dismiss"


class Channel(StrEnum):
    """来源渠道."""

    CREDIT_WEBSITE = "credit_website"
    HOTLINE_12345 = "hotline_12345"
    INTERNET_SUPERVISION = "internet_supervision"
    BUSINESS_ENVIRONMENT = "business_environment"
    ONLINE_PETITION = "online_petition"
    LETTER = "letter"
    VISIT = "visit"
    REFERRED = "referred"
    OTHER = "other"


class Sector(StrEnum):
    """领域 of the agreement."""

    PROCUREMENT = "procurement"
    BIDDING = "bidding"
    INVESTMENT_PROMOTION = "investment_promotion"
    PPP = "ppp"
    INDUSTRIAL_SUPPORT = "industrial_support"
    GOVERNMENT_INVESTMENT = "government_investment"
    OTHER = "other"


class BreachKind(StrEnum):
    """违约失信情形."""

    UNPAID = "unpaid"
    POLICY_UNFULFILLED = "policy_unfulfilled"
    UNILATERAL_CHANGE = "unilateral_change"
    REORGANISATION_EXCUSE = "reorganisation_excuse"
    OTHER = "other"


class RespondentKind(StrEnum):
    """被投诉主体类别: 机关 or 事业单位."""

    ORGAN = "organ"
    INSTITUTION = "institution"


class Finding(StrEnum):
    """核实认定结论."""

    UNSUBSTANTIATED = "unsubstantiated"
    SUBSTANTIATED = "substantiated"
    DISPUTED = "disputed"


class DisputePath(StrEnum):
    """有分歧投诉的处理方式 (seed §二(二))."""

    MEDIATION = "mediation"
    LEGAL_REMEDY = "legal_remedy"


class SanctionMeasure(StrEnum):
    """失信惩戒措施 (seed §三(四))."""

    RESTRICT_CENTRAL_BUDGET = "restrict_central_budget"
    RESTRICT_SPECIAL_BONDS = "restrict_special_bonds"
    RESTRICT_FINANCING_RECOMMENDATION = "restrict_financing_recommendation"
    REFUSE_PROJECT_FUNDS = "refuse_project_funds"
    CANCEL_AWARDS = "cancel_awards"
    PUBLIC_CRITICISM = "public_criticism"
    RESTRICT_SUPPORT_POLICIES = "restrict_support_policies"
    RESTRICT_PROCUREMENT = "restrict_procurement"
    CANCEL_DEMONSTRATION_TITLE = "cancel_demonstration_title"  # cities only (seed §三(四))
    HOLD_ACCOUNTABLE = "hold_accountable"  # only in old events: now the action 追究责任, not a measure


# Measures a new 惩戒 may carry (HOLD_ACCOUNTABLE is kept for events recorded before it became an action).
SANCTION_CHOICES = tuple(m for m in SanctionMeasure if m != SanctionMeasure.HOLD_ACCOUNTABLE)
CITY_ONLY_MEASURES = frozenset({SanctionMeasure.CANCEL_DEMONSTRATION_TITLE})


class RefusalGround(StrEnum):
    """拒不整改的依据: the deadline passed, or the body refused before it (recorded)."""

    OVERDUE = "overdue"
    REFUSED = "refused"


class Responsibility(StrEnum):
    """追究责任的对象."""

    MAIN = "main"
    DIRECT = "direct"


class ReopenTarget(StrEnum):
    """Where 重新办理 leads."""

    VERIFICATION = "forwarded"  # back to the department for 重新核实, with a new deadline
    REGISTRATION = "registered"  # back to the decision to accept and forward
    RESUME = "resume"  # back to the state before closing (a confirmed breach, a repair)


class FeedbackMethod(StrEnum):
    """反馈方式."""

    LETTER = "letter"
    PHONE = "phone"
    IN_PERSON = "in_person"
    ONLINE = "online"
    SMS = "sms"


class Role(StrEnum):
    """用户角色."""

    CLERK = "clerk"
    HANDLER = "handler"
    LEADER = "leader"
    ADMIN = "admin"
    AUDITOR = "auditor"


_LABEL_LIST: list[tuple[StrEnum, str]] = [
    (State.REGISTERED, "已登记"),
    (State.FORWARDED, "已转办"),
    (State.UNSUBSTANTIATED, "经核实不属实"),
    (State.DISPUTED, "存在分歧"),
    (State.RECTIFYING, "督促整改中"),
    (State.RECTIFIED, "已整改"),
    (State.BREACH_CONFIRMED, "已认定违约失信"),
    (State.SANCTIONED, "惩戒中"),
    (State.REPAIRED, "已信用修复"),
    (State.CLOSED, "已办结"),
    (Action.REGISTER, "登记"),
    (Action.REJECT, "不予受理"),
    (Action.MERGE, "合并"),
    (Action.FORWARD, "转办"),
    (Action.REDIRECT, "改派"),
    (Action.RETURN, "退回"),
    (Action.CONCLUDE, "核实认定"),
    (Action.EXTEND, "延期"),
    (Action.RECTIFY, "已整改"),
    (Action.REFUSE, "拒不整改认定"),
    (Action.SANCTION, "失信惩戒"),
    (Action.REPAIR, "信用修复"),
    (Action.FEEDBACK, "反馈投诉人"),
    (Action.CLOSE, "办结"),
    (Action.REOPEN, "重新办理"),
    (Action.HOLD_ACCOUNTABLE, "追究责任"),
    (Action.NOTE, "备注"),
    (Action.ATTACH, "添加附件"),
    (Action.AMEND, "更正登记信息"),
    (Action.ASSIGN, "指派承办人"),
    (Action.MARK_TYPICAL, "标记典型案例"),
    (Action.RESOLVE, "核对处理"),
    (Action.ISSUE_DOCUMENT, "开具文书"),
    (Resolution.APPLY, "采纳该操作"),
    (Resolution.DISMISS, "不采纳，维持现状"),
    (Channel.CREDIT_WEBSITE, "信用网站投诉专栏"),
    (Channel.HOTLINE_12345, "12345政务服务热线"),
    (Channel.INTERNET_SUPERVISION, "“互联网+督查”平台"),
    (Channel.BUSINESS_ENVIRONMENT, "营商环境投诉举报平台"),
    (Channel.ONLINE_PETITION, "网上信访"),
    (Channel.LETTER, "来信"),
    (Channel.VISIT, "来访"),
    (Channel.REFERRED, "上级转交"),
    (Channel.OTHER, "其他渠道"),
    (Sector.PROCUREMENT, "政府采购"),
    (Sector.BIDDING, "招标投标"),
    (Sector.INVESTMENT_PROMOTION, "招商引资"),
    (Sector.PPP, "政府和社会资本合作"),
    (Sector.INDUSTRIAL_SUPPORT, "产业扶持"),
    (Sector.GOVERNMENT_INVESTMENT, "政府投资"),
    (Sector.OTHER, "其他领域"),
    (BreachKind.UNPAID, "拖欠账款"),
    (BreachKind.POLICY_UNFULFILLED, "政策承诺未兑现"),
    (BreachKind.UNILATERAL_CHANGE, "单方面变更或解除协议"),
    (BreachKind.REORGANISATION_EXCUSE, "以机构调整、人员变动等理由不履约"),
    (BreachKind.OTHER, "其他违约毁约行为"),
    (RespondentKind.ORGAN, "机关"),
    (RespondentKind.INSTITUTION, "事业单位"),
    (Finding.UNSUBSTANTIATED, "情况不属实"),
    (Finding.SUBSTANTIATED, "情况属实"),
    (Finding.DISPUTED, "存在分歧"),
    (DisputePath.MEDIATION, "协商解决"),
    (DisputePath.LEGAL_REMEDY, "引导通过法律途径解决"),
    (SanctionMeasure.RESTRICT_CENTRAL_BUDGET, "限制中央预算内资金支持"),
    (SanctionMeasure.RESTRICT_SPECIAL_BONDS, "限制地方政府专项债券申请"),
    (SanctionMeasure.RESTRICT_FINANCING_RECOMMENDATION, "限制各类融资项目推荐"),
    (SanctionMeasure.REFUSE_PROJECT_FUNDS, "不受理上报争取项目资金支持"),
    (SanctionMeasure.CANCEL_AWARDS, "取消评优评先和试点示范资格"),
    (SanctionMeasure.PUBLIC_CRITICISM, "公开通报批评"),
    (SanctionMeasure.RESTRICT_SUPPORT_POLICIES, "限制申请扶持政策"),
    (SanctionMeasure.RESTRICT_PROCUREMENT, "限制参加政府采购"),
    (SanctionMeasure.CANCEL_DEMONSTRATION_TITLE, "取消社会信用体系建设示范区称号或参评资格"),
    (SanctionMeasure.HOLD_ACCOUNTABLE, "追究主要负责人和直接责任人责任"),
    (RefusalGround.OVERDUE, "逾期未整改"),
    (RefusalGround.REFUSED, "明确拒绝整改"),
    (Responsibility.MAIN, "主要负责人"),
    (Responsibility.DIRECT, "直接责任人"),
    (ReopenTarget.VERIFICATION, "重新核实"),
    (ReopenTarget.REGISTRATION, "重新受理"),
    (ReopenTarget.RESUME, "恢复到办结前的状态"),
    (FeedbackMethod.LETTER, "书面函件"),
    (FeedbackMethod.PHONE, "电话"),
    (FeedbackMethod.IN_PERSON, "当面"),
    (FeedbackMethod.ONLINE, "网上平台"),
    (FeedbackMethod.SMS, "短信"),
    (Role.CLERK, "登记员"),
    (Role.HANDLER, "承办人"),
    (Role.LEADER, "审核人"),
    (Role.ADMIN, "系统管理员"),
    (Role.AUDITOR, "审计员"),
]
# Keyed by (enum class, value): members of different enums with the same value (Channel.OTHER and
# Sector.OTHER are both "other") compare equal as strings and would overwrite each other.
_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_LIST}

OPEN_STATES = frozenset(State) - {State.CLOSED}


def label(value: StrEnum) -> str:
    """The Chinese label of a vocabulary value."""
    return _LABELS[(type(value), value.value)]


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(code, Chinese label) pairs in declaration order, for forms and the CLI."""
    return [(member.value, _LABELS[(enum, member.value)]) for member in enum]
