"""Random walks through the workflow 办理流程 on two devices of one county that sync with a live hub.

A walk is a list of ``Step``: a device registers a complaint, takes one of the actions its officer may
take now on one of the walk's complaints, or syncs. The action is the one the step names when it is
allowed now, else the ``choice``-th of those allowed (``app.domain.workflow.allowed_actions``, plus the
documents the complaint offers and a 合并 into another open complaint), with a valid payload for the
complaint as it stands (dates inside ``app.domain.facts.date_bounds``). Every one of the 23 actions of
``app.domain.workflow.RULES`` is reachable: the devices act offline on the same complaints, so their
transitions conflict after a sync and ``resolve`` becomes possible.

Everything goes through the services the window calls (``act``, ``documents.issue``, ``attach_file``,
``sync_now``), so the events and the live projection are the product's own. ``TOUR`` is a fixed walk
that takes every action at least once (the property tests run it first, as an explicit example).
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hypothesis import strategies as st

from app.domain.clock import china_date
from app.domain.complaint import Complaint
from app.domain.deadlines import current_deadline
from app.domain.errors import DomainError
from app.domain.facts import is_substantiated
from app.domain.vocabulary import Action
from app.domain.workflow import allowed_actions, resolution_problem
from tests.factories import intake
from tests.sync_fixtures import Device

ACTIONS = [a.value for a in Action]  # the 23 actions of the workflow table
KINDS = ("register", "act", "act", "act", "act", "act", "act", "sync", "sync")
DEPARTMENTS = ("双柏县财政局", "双柏县住房和城乡建设局", "双柏县交通运输局", "双柏县人民政府")
AMENDMENTS = (
    {"description": "补充说明：项目于2025年1月通过复验，扶持资金仍未兑现。"},
    {"respondent.name": "双柏县林业和草原局"},
    {"complainant.phone": "13987654321"},
    {"agreement.title": "林下经济产业扶持协议"},
    {"claim.amount": "450000"},
    {"complainant.name": "双柏县青山生态农业有限公司"},
)


@dataclass(frozen=True)
class Step:
    device: int  # which device (index)
    kind: str  # "register" | "act" | "sync"
    target: int = 0  # which of the complaints the device holds (modulo their number)
    choice: int = 0  # which allowed action, and which variant of its payload
    action: str | None = None  # the action wanted, taken when it is allowed now


steps = st.builds(Step, device=st.integers(0, 1), kind=st.sampled_from(KINDS), target=st.integers(0, 7),
                  choice=st.integers(0, 999), action=st.none() | st.sampled_from(ACTIONS))
walks = st.lists(steps, min_size=3, max_size=30)


def _tour() -> list[Step]:
    def a(action: str, target: int = 0, choice: int = 0, device: int = 0) -> Step:
        return Step(device, "act", target, choice, action)

    sync = [Step(0, "sync"), Step(1, "sync"), Step(0, "sync")]
    return [
        Step(0, "register"), Step(0, "register"),  # complaints 0 and 1 of device 0
        a("assign"), a("note"), a("attach"), a("amend", choice=2), a("mark_typical"), a("issue_document"),
        a("merge", target=1),
        a("forward"), a("redirect", choice=1), a("return"), a("forward", choice=2), a("extend"),
        a("conclude", choice=1),  # substantiated: rectifying
        *sync,
        a("extend", device=1), a("refuse", device=1), a("sanction", device=1), a("hold_accountable", device=1),
        a("mark_typical", device=1), a("repair", device=1), a("feedback", device=1), a("close", device=1),
        a("reopen", device=1), a("amend", choice=1, device=1),
        *sync,
        Step(0, "register"), *sync,  # complaint 2, on both devices
        a("reject", target=2), a("forward", target=2, choice=3, device=1),  # offline, both from "registered"
        *sync,  # the hub: reject, forward; the forward is kept aside (待核对) on both
        a("reopen", target=2), a("resolve", target=2, choice=0),  # reopened: the kept forward applies now
        a("conclude", target=2, choice=1), a("rectify", target=2), a("feedback", target=2), a("close", target=2),
        *sync,
    ]


TOUR = _tour()


@dataclass
class Walker:
    """Runs walks on ``devices`` (their officers act); ``taken`` counts the actions each took."""

    devices: list[Device]
    files: Path  # where attachments are written before they are attached
    complaints: list[str] = field(default_factory=list)  # ids registered by this walker, in order
    taken: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)  # (action, code): the services said no

    def run(self, walk: list[Step]) -> Walker:
        for step in walk:
            self.step(step)
        return self

    def step(self, step: Step) -> None:
        device = self.devices[step.device % len(self.devices)]
        if step.kind == "sync":
            device.sync()
            return
        held = [(cid, c) for cid in self.complaints if (c := _complaint(device, cid)) is not None]
        if step.kind == "register" or not held:
            self._register(device)
            return
        cid, complaint = held[step.target % len(held)]
        others = [other for other, c in held if other != cid and c.is_open]
        offered = self._candidates(device, complaint, others)
        action = step.action if step.action in offered else offered[step.choice % len(offered)]
        try:
            self._take(device, complaint, action, step.choice, others)
        except DomainError as error:
            self.refused[(action, error.code)] += 1
            return
        self.taken[action] += 1

    def _register(self, device: Device) -> None:
        from app.services import intake as registration

        number = len(self.complaints) + 1
        data = intake(device.profile.office.region_code, complainant=f"双柏县第{number}号农业科技有限公司")
        self.complaints.append(registration.register(device.profile, device.officer, data).complaint_id)
        self.taken["register"] += 1

    def _candidates(self, device: Device, c: Complaint, others: list[str]) -> list[str]:
        from app.services import documents

        offered = [a.value for a in allowed_actions(c, device.officer.roles)]
        if not others and Action.MERGE in offered:
            offered.remove(Action.MERGE)
        if documents.offers(device.profile, device.officer, c.id):
            offered.append(Action.ISSUE_DOCUMENT.value)
        return offered

    def _take(self, device: Device, c: Complaint, action: str, choice: int, others: list[str]) -> None:
        from app.services import documents
        from app.services.act import act
        from app.services.attachments import attach_file

        if action == Action.ISSUE_DOCUMENT:
            kinds = [o.kind for o in documents.offers(device.profile, device.officer, c.id)]
            documents.issue(device.profile, device.officer, c.id, kinds[choice % len(kinds)])
        elif action == Action.ATTACH:
            source = self.files / f"证据材料-{sum(self.taken.values())}.pdf"
            source.write_bytes(b"%PDF-1.4 evidence " + str(choice).encode() * 40)
            attach_file(device.profile, device.officer, c.id, source, "合同扫描件")
        else:
            act(device.profile, device.officer, c.id, action, payload(device, c, action, choice, others))


def walk_devices(hub, home: Path) -> list[Device]:
    """Two enrolled devices of 双柏县 (their officer clerk, handler and leader), ready to issue documents."""
    from app.services import office_settings
    from tests.sync_fixtures import COUNTY_A, device

    devices = [device(hub, home / f"sb-{n}", COUNTY_A) for n in (1, 2)]
    for d in devices:
        office_settings.update(d.profile, d.officer, {"contact_person": "王颖", "contact_phone": "0878-7721234"})
    return devices


def _complaint(device: Device, cid: str) -> Complaint | None:
    with device.profile.store.reading() as uow:
        return uow.complaints.get(cid)


def payload(device: Device, c: Complaint, action: str, choice: int, others: list[str]) -> dict:
    """A valid payload of ``action`` for ``c`` as it stands on ``device`` today."""
    today = china_date(device.profile.now())
    day = today.isoformat()
    department = next(d for d in DEPARTMENTS[choice % len(DEPARTMENTS):] + DEPARTMENTS if d != c.department)
    if action == Action.REJECT:
        return {"reason": "不属于政府违约失信投诉受理范围。"}
    if action == Action.MERGE:
        return {"duplicate_of": others[choice % len(others)], "reason": "同一投诉人就同一事项重复投诉。"}
    if action == Action.FORWARD:
        return {"department": department}
    if action == Action.REDIRECT:
        return {"department": department, "reason": "原转办部门非主管部门。"}
    if action == Action.RETURN:
        return {"reason": "不属于本部门职责范围，退回重新转办。"}
    if action == Action.CONCLUDE:
        finding = ("unsubstantiated", "substantiated", "disputed")[choice % 3]
        return {"finding": finding, "explanation": "经核实，情况如下。", "requirements": "限期兑现扶持资金。",
                "rectify_due": (today + timedelta(days=20)).isoformat(), "dispute_path": "mediation"}
    if action == Action.EXTEND:
        return {"new_due": _later_than_deadline(device, c, today).isoformat(), "reason": "情况复杂，需延期办理。"}
    if action == Action.RECTIFY:
        return {"evidence": "已兑现扶持资金30万元，附银行回单。"}
    if action == Action.REFUSE:
        return {"ground": "refused", "ground_detail": "被投诉单位书面答复拒绝兑现。", "confirmed_by": "双柏县人民政府",
                "confirmed_on": day, "facts": "经督促仍拒不履行协议约定。"}
    if action == Action.SANCTION:
        return {"measures": ["restrict_central_budget"], "imposed_by": "楚雄州发展和改革委员会", "start_on": day}
    if action == Action.REPAIR:
        return {"evidence": "已全面履行协议并消除不良影响。", "fulfilled_on": day}
    if action == Action.HOLD_ACCOUNTABLE:
        return {"persons": [{"name": "张某某", "position": "副局长", "responsibility": "main", "outcome": "诫勉谈话"}],
                "decided_by": "双柏县纪委监委", "decided_on": day}
    if action == Action.FEEDBACK:
        return {"method": "letter", "summary": "已书面告知投诉人办理结果。"}
    if action == Action.CLOSE:
        return {"summary": "办理完毕，予以办结。"}
    if action == Action.REOPEN:
        return {"reason": "投诉人补充了新的证据，重新办理。"}
    if action == Action.NOTE:
        return {"text": f"已电话联系投诉人核实情况（{choice}）。"}
    if action == Action.AMEND:
        return {"changes": AMENDMENTS[choice % len(AMENDMENTS)], "reason": "登记信息有误，予以更正。"}
    if action == Action.ASSIGN:
        return {"assignee": device.officer.username}
    if action == Action.MARK_TYPICAL:
        typical = is_substantiated(c)
        return {"typical": typical, "reason": "具有典型示范意义。"} if typical else {"typical": False}
    if action == Action.RESOLVE:
        entry = c.conflicts[0]["event"]
        decision = "apply" if choice % 2 == 0 else "dismiss"
        if resolution_problem(c, {"conflict": entry, "decision": decision}) is not None:
            decision = "dismiss"
        return {"conflict": entry, "decision": decision}
    raise AssertionError(f"no payload for {action}")


def _later_than_deadline(device: Device, c: Complaint, today: date) -> date:
    deadline = current_deadline(copy.copy(c), device.profile.calendar, device.profile.rules)
    return max(deadline.due_on if deadline else today, today) + timedelta(days=15)
