"""Complaints taken to the state each document kind needs, through the real services.

Shared by the document tests, the document benchmark and the sample pages in ``docs/documents``.
``office`` is any object with ``profile``, ``clock`` and the actors ``clerk``, ``handler`` and
``leader`` (the ``office`` fixture of ``tests/conftest.py``). The texts are what a county officer
would record, on a plausible timeline: ``complaint_in`` moves the clock through the dates of ``DAYS``
(from 2 November 2026) and leaves it on the day of the last step, when the document is issued.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import act as acting
from app.services import intake as intake_service
from tests import factories

COMPLAINANT = "双柏县绿源农业开发有限公司"
RESPONDENT = "双柏县农业农村局"
DEPARTMENT = "双柏县人民政府"

FORWARD = {"department": DEPARTMENT, "note": "请一并核实2024年度产业扶持资金预算安排及拨付情况"}
EXPLANATION = ("经调取协议、项目验收报告和资金拨付记录，双柏县农业农村局于2024年3月18日与投诉人签订产业扶持协议，"
               "约定项目验收合格后30日内兑现扶持资金30万元；项目已于2024年12月10日通过验收，"
               "该局以机构改革后职能调整为由至今未兑现")
CONCLUDE = {
    "substantiated": {"finding": "substantiated", "explanation": EXPLANATION, "determined_by": DEPARTMENT,
                      "requirements": "1.于整改期限内将产业扶持资金30万元足额拨付投诉人；\n"
                                      "2.对未按约定兑现的原因进行自查，明确责任人并提出整改措施",
                      "rectify_due": "2026-12-11"},
    "unsubstantiated": {"finding": "unsubstantiated", "determined_by": DEPARTMENT,
                        "explanation": "经核实，协议约定扶持资金以项目通过县级联合验收为前提，投诉人的项目于2025年"
                                       "6月验收时存在3项整改事项，至今未完成复验，付款条件尚未成就，双柏县农业农村局"
                                       "不存在违约行为"},
    "disputed_mediation": {"finding": "disputed", "dispute_path": "mediation", "determined_by": DEPARTMENT,
                           "explanation": "双方对协议第五条“验收合格”的标准理解不一致，投诉人认为以乡镇初验为准，"
                                          "双柏县农业农村局认为应以县级联合验收为准"},
    "disputed_legal": {"finding": "disputed", "dispute_path": "legal_remedy", "determined_by": DEPARTMENT,
                       "explanation": "双方对已完成工程量和扶持资金计算基数存在重大分歧，需经司法鉴定确定"},
}
REJECT = {"reason": "投诉人与双柏县农业农村局的协议履行争议已由双柏县人民法院作出生效判决，投诉人已申请强制执行，"
                    "应通过执行程序解决，不属于政府违约失信投诉受理范围"}
RECTIFY = {"evidence": "已将产业扶持资金30万元足额拨付投诉人，投诉人已出具收款确认书",
           "rectified_on": "2026-12-08"}
REFUSE = {"confirmed_by": DEPARTMENT, "confirmed_on": "2026-12-14", "document_ref": "双政函〔2026〕45号",
          "facts": "双柏县农业农村局在整改期限届满后仍未兑现产业扶持资金30万元，亦未提出合理理由，"
                   "以机构改革后职能调整为由拒不履行协议约定义务"}
SANCTION = {"measures": ["public_criticism", "restrict_support_policies", "cancel_awards"],
            "imposed_by": DEPARTMENT, "start_on": "2026-12-15"}
REPAIR = {"evidence": "已足额兑现产业扶持资金30万元并支付逾期利息4500元，投诉人出具了收款确认书",
          "fulfilled_on": "2026-12-21"}
FEEDBACK = {"method": "letter", "summary": "已书面反馈核实情况"}

# the day each action is taken (registration: the complaint arrived the same day)
DAYS = {"register": date(2026, 11, 2), "reject": date(2026, 11, 3), "forward": date(2026, 11, 3),
        "conclude": date(2026, 11, 13), "rectify": date(2026, 12, 9), "refuse": date(2026, 12, 14),
        "sanction": date(2026, 12, 15), "repair": date(2026, 12, 22)}

# state -> the steps after registration (action, payload, who)
PATHS: dict[str, list[tuple[str, dict[str, Any], str]]] = {
    "registered": [],
    "rejected": [("reject", REJECT, "handler")],
    "forwarded": [("forward", FORWARD, "handler")],
    "unsubstantiated": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["unsubstantiated"], "handler")],
    "disputed_mediation": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["disputed_mediation"], "handler")],
    "disputed_legal": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["disputed_legal"], "handler")],
    "rectifying": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["substantiated"], "handler")],
    "rectified": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["substantiated"], "handler"),
                  ("rectify", RECTIFY, "handler")],
    "breach_confirmed": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["substantiated"], "handler"),
                         ("refuse", REFUSE, "leader")],
    "sanctioned": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["substantiated"], "handler"),
                   ("refuse", REFUSE, "leader"), ("sanction", SANCTION, "leader")],
    "repaired": [("forward", FORWARD, "handler"), ("conclude", CONCLUDE["substantiated"], "handler"),
                 ("refuse", REFUSE, "leader"), ("sanction", SANCTION, "leader"), ("repair", REPAIR, "leader")],
}

# every kind (and feedback variant) with the state that offers it
SAMPLES: list[tuple[str, str, str | None]] = [
    ("registered", "receipt", None),
    ("rejected", "rejection", None),
    ("forwarded", "forward_letter", "letter"),  # to 双柏县人民政府, the office's own government: a 函 (issue 9)
    ("rectifying", "rectification_notice", None),
    ("breach_confirmed", "breach_determination", None),
    ("repaired", "repair_notice", None),
    ("unsubstantiated", "feedback_letter", "unsubstantiated"),
    ("rectified", "feedback_letter", "rectified"),
    ("repaired", "feedback_letter", "rectified"),
    ("disputed_mediation", "feedback_letter", "disputed"),
    ("disputed_legal", "feedback_letter", "disputed"),
    ("sanctioned", "feedback_letter", "breach"),
]


def complaint_intake(**overrides: Any) -> dict[str, Any]:
    data = factories.intake(complainant=COMPLAINANT, respondent=RESPONDENT)
    data["respondent"]["competent_department"] = DEPARTMENT
    data["received_on"] = DAYS["register"].isoformat()
    data.update(overrides)
    return data


def complaint_in(office, state: str, *, year: int = 2026, **overrides: Any) -> str:
    """Register a complaint and take it to ``state`` (a key of ``PATHS``); returns its case number.

    ``year`` shifts the whole timeline (numbering restarts each year).
    """
    def on(action: str) -> None:
        day = DAYS[action].replace(year=year)
        office.clock.now = factories.china_noon(day.year, day.month, day.day)

    on("register")
    shifted = {"received_on": DAYS["register"].replace(year=year).isoformat(), **overrides}
    registered = intake_service.register(office.profile, office.clerk, complaint_intake(**shifted))
    for action, payload, who in PATHS[state]:
        on(action)
        acting.act(office.profile, getattr(office, who), registered.case_no, action, _in_year(payload, year))
    return registered.case_no


def _in_year(payload: dict[str, Any], year: int) -> dict[str, Any]:
    if year == 2026:
        return payload
    return {key: value.replace("2026-", f"{year}-") if isinstance(value, str) else value
            for key, value in payload.items()}
