"""Synthetic complaints 演示数据: a pure, deterministic generator (no database, no clock).

``plan_complaints`` yields complaints in registration order with a valid intake and the actions taken
afterwards, following ``workflow.RULES`` exactly. Placeholders: ``merge.duplicate_of`` is ``"@previous"``
(the complaint yielded just before, whose parties it repeats, still open at the merge) and
``assign.assignee`` is ``"@handler"``. Words, templates, weights: ``resources/reference/demo_words.json``.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from stdnum.cn import ric, uscc

from app.domain.identifiers import CREDIT_CODE_ALPHABET
from app.domain.regions import REFERENCE_DIR, RegionRegistry
from app.domain.vocabulary import CITY_ONLY_MEASURES, SANCTION_CHOICES, Action, Finding
from app.domain.workflow import RULES

PREVIOUS, HANDLER = "@previous", "@handler"  # placeholders for the caller to substitute
WORDS_FILE = REFERENCE_DIR / "demo_words.json"

_CST = timedelta(hours=8)
_MEASURES = [m.value for m in SANCTION_CHOICES if m not in CITY_ONLY_MEASURES]
_ROLES = {action: sorted(role.value for role in rule.roles) for action, rule in RULES.items()}
_HALTS = ("forwarded", "rectifying", "breach_confirmed", "sanctioned")  # a lingering complaint stops on entering


@dataclass(frozen=True)
class PlannedAction:
    action: str  # an Action value
    payload: dict  # JSON-ready, valid for the action's payload model (after placeholder substitution)
    at: datetime  # aware UTC; strictly increasing within a complaint, never after ``now``
    actor_role: str  # clerk | handler | leader, one of the roles the rule allows


@dataclass(frozen=True)
class PlannedComplaint:
    region_code: str  # the respondent's region
    intake: dict  # JSON-ready intake with ``received_on``
    registered_at: datetime  # aware UTC
    actions: tuple[PlannedAction, ...]  # after registration, in order
    final_state: str


class _Stop(Exception):
    """The next action would come after ``now``: the complaint stays where it is."""


@functools.cache
def _words() -> dict[str, Any]:
    return json.loads(WORDS_FILE.read_text(encoding="utf-8"))


def _yuan(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def plan_complaints(
    rng: random.Random, count: int, *, now: datetime, regions: list[str], years_back: float = 2.0
) -> Iterator[PlannedComplaint]:
    """``count`` complaints against bodies of ``regions`` registered in the ``years_back`` years before ``now``."""
    if not regions or any(code not in _words()["counties"] for code in regions):
        raise ValueError(f"regions must be Chuxiong county codes or 532300: {regions}")
    yield from _Planner(rng, now, regions).run(count, years_back)


class _Planner:
    def __init__(self, rng: random.Random, now: datetime, regions: list[str]) -> None:
        self.r, self.w, self.weights = rng, _words(), _words()["weights"]
        self.now = now.astimezone(UTC).replace(tzinfo=None) + _CST  # China local time, naive
        self.registry = {region.code: region for region in RegionRegistry.load_default().all()}
        self.regions = {code: self.weights["regions"].get(code, 1.0) for code in regions}
        self.counties = [code for code in self.w["counties"] if not code.endswith("00")]
        self.bodies, self.codes, self.firms = {}, {}, {}  # by region; credit codes by name; by (region, sector)
        self.prev: tuple[dict, dict, datetime | None] | None = None  # intake, ctx, first closing
        self.t, self.steps, self.state, self.stop = self.now, [], "registered", None

    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def pick_w(self, table: dict):
        cum = list(itertools.accumulate(table.values()))
        return list(table)[bisect.bisect_right(cum, self.r.random() * cum[-1])]

    def say(self, templates: list[str], ctx: dict, key: str | None = None) -> Any:  # with key: {key: text} or {}
        text = self.pick(templates).format_map(ctx)
        return text if key is None else {key: text} if text else {}

    def earlier(self, day: date, most: int, floor: date) -> date:  # up to ``most`` days before, not before floor
        return max(floor, day - timedelta(days=int(self.r.random() * (most + 1))))

    def clock(self, day: date) -> datetime:  # a moment of office hours (08:30-17:30, fewer at lunch)
        minute = 510 + int(self.r.random() * 540)
        if 720 <= minute < 840 and self.r.random() < 0.6:
            minute += 120 if minute < 780 else -210
        return datetime(day.year, day.month, day.day) + timedelta(minutes=minute, seconds=int(self.r.random() * 60))

    def person(self) -> str:
        given = self.pick(self.w["given"]) + (self.pick(self.w["given"]) if self.r.random() < 0.62 else "")
        if self.r.random() < 0.04:
            given = given[:-1] + self.pick(self.w["given_rare"])
        return self.pick(self.w["surnames"]) + given

    def phone(self) -> str:
        r = self.r
        mobile = f"{self.pick(self.w['mobile_prefixes'])} {int(r.random() * 1e4):04d} {int(r.random() * 1e4):04d}"
        return mobile if r.random() < 0.8 else f"0878-{2 + int(r.random() * 7)}{int(r.random() * 1e6):06d}"

    def money(self, cents: int) -> str:
        return f"{cents / 1e6:.2f}万元" if cents >= 100_000_000 and self.r.random() < 0.5 else f"{cents / 100:,.2f}元"

    def body(self, name: str, kind: str, short: str, competent: str, region: str) -> dict:  # codes stable by name
        for unit, institution in ((name, kind == "institution"), (competent, False)):
            if unit not in self.codes:
                where = "532300" if unit.startswith("楚雄州") or unit.startswith("楚雄彝族") else region
                base = f"{12 if institution else 11}{where}{4 if institution else 0}{int(self.r.random() * 1e8):08d}"
                self.codes[unit] = base + uscc.calc_check_digit(base)
        return {"name": name, "kind": kind, "credit_code": self.codes[name], "competent_department": competent,
                "competent_department_code": self.codes[competent], "short": short}

    def respondent(self, region: str, sector: str) -> dict:  # a body fit for the sector (towns: one list)
        if region not in self.bodies:
            prefecture, county = region.endswith("00"), self.registry[region].name
            gov = "楚雄彝族自治州人民政府" if prefecture else f"{county}人民政府"
            self.bodies[region] = by_sector = {sector: [] for sector in self.weights["sectors"]}
            for name, kind, short, letters, up in self.w["prefecture_bodies" if prefecture else "county_bodies"]:
                if name == "#town":  # 乡镇人民政府, under the county government
                    body: Any = [self.body(f"{county}{town}人民政府", kind, town[0], gov, region)
                                 for town in self.w["counties"][region]["towns"]]
                else:  # "@x": a 事业单位 under bureau x; else the government or, if any, the 州 bureau up
                    competent = ((up[1:] if prefecture else county + up[1:]) if up.startswith("@")
                                 else f"楚雄州{up}" if up and self.r.random() < 0.35 else gov)
                    body = self.body(name if prefecture else county + name, kind, short, competent, region)
                for letter in letters:
                    by_sector[self.weights["sector_letters"][letter]].append(body)
        body = self.pick(self.bodies[region][sector])
        return self.pick(body) if isinstance(body, list) else body

    def firm(self, region: str, sector: str) -> dict:  # the enterprise; now and then one that complained before
        pool = self.firms.setdefault((region, sector), [])
        if pool and self.r.random() < 0.12:
            return self.pick(pool)
        w, r = self.w, self.r
        home = region if not region.endswith("00") else self.pick(self.counties)
        county, industry, brand = self.registry[home].name, self.pick(w["industries"][sector]), self.pick(w["brands"])
        road = f"{self.pick(w['roads'])}{1 + int(r.random() * 300)}号"
        x, y = r.random(), r.random()
        if x < 0.08:  # from elsewhere in Yunnan or Sichuan
            home, where = self.pick(w["outside"])
            name, address = f"{where[:2]}{brand}{industry}有限公司", where + road
        else:
            prefix = county if x < 0.45 else county[:-1] if x < 0.75 else "楚雄" if x < 0.95 else "云南"
            address = ("云南省楚雄彝族自治州" if y < 0.3 else "") + county + self.pick(w["counties"][home]["towns"])
            address += road if r.random() < 0.8 else f"{self.pick(w['villages'])}村委会"
            form = "有限公司" if y < 0.7 else "有限责任公司" if y < 0.95 else "股份有限公司"
            coop = industry in w["cooperative_industries"] and y < 0.3
            name = f"{county}{brand}{industry}专业合作社" if coop else prefix + brand + industry + form
        number = "MA6" + "".join(r.choices(CREDIT_CODE_ALPHABET, k=6)) if r.random() < 0.7 else f"{r.random():.9f}"[2:]
        legal = self.person()
        number = ("93" if name.endswith("合作社") else "91") + home + number
        firm = {"name": name, "credit_code": number + uscc.calc_check_digit(number),
                "legal_representative": legal, "contact_person": legal if r.random() < 0.45 else self.person(),
                "phone": self.phone(), "address": address}
        if r.random() < 0.25:
            born = date(1962, 1, 1) + timedelta(days=int(r.random() * 13500))
            number = f"{home}{born:%Y%m%d}{int(r.random() * 1000):03d}"
            firm["contact_id_number"] = number + ric.calc_check_digit(number + "0")  # stdnum skips a check slot
        pool.append(firm)
        return firm

    def intake(self, region: str, t0: datetime) -> tuple[dict, dict]:
        w, r, weights = self.w, self.r, self.weights
        sector = self.pick_w(weights["sectors"])
        kind = self.pick_w(weights["breach"].get(sector, weights["breach"]["default"]))
        body, firm = self.respondent(region, sector), self.firm(region, sector)
        where = region if not region.endswith("00") else self.pick(self.counties)
        signed = t0.date() - timedelta(days=120 + int(r.random() * 1400))
        done = signed + timedelta(days=int((t0.date() - signed).days * (0.3 + 0.5 * r.random())))
        cents = int(math.exp(r.uniform(*map(math.log, weights["amounts"][sector])))) * 100
        cents = (cents // 1_000_000 * 1_000_000 or cents) if r.random() < 0.5 else cents + int(r.random() * 100)
        claim = max(100_000, int(cents * r.uniform(*weights["claim_share"][kind])))
        ctx = {key: self.pick(words) for key, words in w["picks"].items()} | {
            "ent": firm["name"], "resp": body["name"], "dept": body["competent_department"], "kind": kind,
            "county": self.registry[where].name, "town": self.pick(w["counties"][where]["towns"]),
            "year": signed.year, "signed": _cn(signed), "done": f"{done.year}年{done.month}月",
            "amount_label": w["amount_label"][sector], "amount": self.money(cents), "claim": self.money(claim),
            "paid": self.money(cents - claim), "claim_cents": claim, "work": w["work"][sector],
            "months": max(2, (t0.date() - done).days // 30), "short": body["short"], "region": region,
            "rs": self.registry[region].short_name}
        ctx["project"] = self.say(w["projects"][weights["project_group"][sector]], ctx)
        ctx["title"] = self.say(w["titles"][sector], ctx)
        number = self.pick_w(w["doc_numbers"]).format(  # 双财采〔2024〕15号, SBX-2024-037, SBXZC2024-015 or none
            rs=ctx["rs"], short=body["short"], kind=w["doc_kind"][sector], year=signed.year,
            n=1 + int(r.random() * 60), py=w["counties"][region]["py"], dpy=w["doc_py"][sector])
        ctx["no"] = f"（{number}）" if number else ""
        agreement = {"title": ctx["title"], "signed_on": signed.isoformat(), "amount": _yuan(cents),
                     "parties": f"甲方：{body['name']}；乙方：{firm['name']}"} | ({"number": number} if number else {})
        texts = list(itertools.accumulate([self.say(w["claims"][kind], ctx), *w["claim_suffixes"]]))
        claim_text = next((text for text in texts if len(text) >= 60), texts[-1])  # at least 60 characters
        intake = {"complainant": dict(firm), "sector": sector, "breach_kind": kind, "agreement": agreement,
                  "respondent": {k: v for k, v in body.items() if k != "short"} | {"region_code": region},
                  "claim": {"amount": _yuan(claim), "text": claim_text[:250]}}
        self.channel(intake, ctx, t0.date())
        return intake, ctx

    def channel(self, intake: dict, ctx: dict, registered: date) -> None:  # and receipt date, description
        r, w = self.r, self.w
        channel = self.pick_w(self.weights["channels"])
        received = registered - timedelta(days=int(r.random() * (w["channel_lag"].get(channel, 3) + 1)))
        text = self.say(w["opens"], ctx) + self.say(w["bodies"][ctx["kind"]], ctx)
        closer = self.say(w["closers"], ctx)
        intake.update(channel=channel, received_on=received.isoformat(),
                      description=text + closer if len(text) + len(closer) <= 250 else text[:250])
        if channel in w["channel_refs"]:
            n = int(r.random() * 1e5)
            intake["channel_ref"] = w["channel_refs"][channel].format(
                ymd=f"{received:%Y%m%d}", year=received.year, n=n, n4=n % 10000, n3=n % 1000, n2=1 + n % 90)

    def run(self, count: int, years_back: float) -> Iterator[PlannedComplaint]:
        r, span, times, weights = self.r, max(years_back, 0.01) * 365.25, [], self.weights
        for _ in range(count):  # density rises linearly to 1.6 times as much towards now
            day = self.now.date() - timedelta(days=int(span * (1.6 - math.sqrt(1 + 1.56 * r.random())) / 0.6))
            if day.weekday() >= 5 and r.random() < 0.92:
                day -= timedelta(days=day.weekday() - 4)
            t = self.clock(day)
            while t > self.now - timedelta(hours=1):
                t -= timedelta(days=1 if t.weekday() else 3)
            times.append(t)
        for t0 in sorted(times):
            age, route, prev = (self.now - t0).total_seconds() / 86400, self.pick_w(weights["routes"]), self.prev
            if route == "merge" and (prev is None or (prev[2] is not None and prev[2] < t0 + timedelta(days=10))):
                route = "reject"  # the previous complaint will be closed by then: nothing to merge into
            linger = r.random() < (0.05 + 0.25 * math.exp(-age / 120)) * weights["linger_factor"].get(route, 1)
            options = {s: n for s, n in weights["linger"][route].items() if linger and (s != "registered" or age < 60)}
            self.stop = self.pick_w(options) if options else None  # a state to stay in (older ones rarely do)
            if route == "merge" and prev:  # the same parties and agreement again, by another channel
                intake = {k: dict(v) if isinstance(v, dict) else v for k, v in prev[0].items() if k != "channel_ref"}
                ctx = prev[1]
                self.channel(intake, ctx, t0.date())
            else:
                intake, ctx = self.intake(self.pick_w(self.regions), t0)
            self.t, self.steps, self.state = t0, [], "registered"
            with contextlib.suppress(_Stop):
                self.lifecycle(route, ctx)
            closing = next((a.at for a in self.steps if a.action in ("reject", "merge", "close")), None)
            self.prev = (intake, ctx, closing and closing.replace(tzinfo=None) + _CST)
            registered = (t0 - _CST).replace(tzinfo=UTC)
            yield PlannedComplaint(ctx["region"], intake, registered, tuple(self.steps), self.state)

    def at(self, days: float) -> date:  # minutes on if under half a day, else to office hours; stop past now
        t = self.t + timedelta(seconds=300 + int(self.r.random() * 9000))
        if days >= 0.5 or t.date() != self.t.date() or t.hour >= 18:
            day = self.t.date() + timedelta(days=max(1, int(days + 0.5)))
            weekend = day.weekday() >= 5 and self.r.random() < 0.93
            t = self.clock(day + timedelta(days=7 - day.weekday()) if weekend else day)
        if t > self.now:
            raise _Stop
        self.t = t
        return t.date()

    def add(self, action: Action, payload: dict, state: str | None = None, days: float | None = None) -> None:
        if days is not None:
            self.at(days)
        role = self.pick(_ROLES[action])
        self.steps.append(PlannedAction(action.value, payload, (self.t - _CST).replace(tzinfo=UTC), role))
        self.state = state or self.state
        if state == self.stop and state in _HALTS:
            raise _Stop

    def lifecycle(self, route: str, ctx: dict) -> None:
        r, w, stop = self.r, self.w, self.stop
        if r.random() < 0.35:
            self.add(Action.ASSIGN, {"assignee": HANDLER} | self.say(w["assign_notes"], ctx, "note"), days=0)
        if r.random() < 0.05:
            self.amend(ctx)
        if route == "merge":
            payload = {"duplicate_of": PREVIOUS, "reason": self.say(w["merge"], ctx)}
            return self.add(Action.MERGE, payload, "closed", r.random() * 4)
        if stop == "registered":
            return None
        if route == "reject":
            basis = {"legal_basis": w["legal_basis"]} if r.random() < 0.6 else {}
            self.add(Action.REJECT, {"reason": self.say(w["reject"], ctx)} | basis, "closed", r.random() * 5)
            if r.random() > 0.12:
                return None
            self.add(Action.REOPEN, {"reason": self.say(w["reopen_rejected"], ctx), "back_to": "registered"},
                     "registered", 3 + r.random() * 15)
            route = self.pick(["unsub", "disputed", "rectified", "rectified"])
        x = r.random()
        day = self.at(0 if x < 0.55 else 1 if x < 0.9 else 2 + r.random() * 3)
        due = day + timedelta(days=21 if x < 0.8 else 32)  # 15 working days; without due_on a safe upper guess
        payload = {"department": ctx["dept"], "department_code": self.codes[ctx["dept"]]}
        payload |= ({"due_on": due.isoformat()} if x < 0.8 else {}) | self.say(w["forward_notes"], ctx, "note")
        self.add(Action.FORWARD, payload, "forwarded")
        self.note(ctx, 0.15)
        if r.random() < 0.07:
            due = self.detour(ctx)
        days = 5 + r.random() * 17
        if r.random() < 0.12:
            due = self.extend(14 + r.random() * 6, due, w["extend_forwarded"], ctx)
            days = max(1, (due - self.t.date()).days * (0.3 + 0.6 * r.random()))
        finding = {"unsub": Finding.UNSUBSTANTIATED, "disputed": Finding.DISPUTED}.get(route, Finding.SUBSTANTIATED)
        concluded = self.at(days)
        payload = {"finding": finding.value, "determined_by": ctx["dept"]}
        if finding != Finding.SUBSTANTIATED:
            payload["explanation"] = self.say(w["explanations"][finding.value][ctx["kind"]], ctx)
            if finding == Finding.DISPUTED:
                ctx["path"] = path = self.pick(["mediation", "legal_remedy"])
                payload |= {"dispute_path": path, "explanation": payload["explanation"] + w["dispute_paths"][path]}
            ctx["conclusion"] = payload
            self.add(Action.CONCLUDE, payload, finding.value)
            return self.finish(ctx)
        due = concluded + timedelta(days=15 + int(r.random() * 46))
        ctx["due"] = _cn(due)
        payload |= {"explanation": self.say(w["explanations"][finding.value][ctx["kind"]], ctx),
                    "requirements": self.say(w["requirements"], ctx), "rectify_due": due.isoformat()}
        ctx["conclusion"] = payload
        self.add(Action.CONCLUDE, payload, "rectifying")
        self.note(ctx, 0.2)
        if r.random() < (0.3 if route == "breach" else 0.12):
            due = self.extend(max(1, (due - self.t.date()).days - 5 * r.random()), due, w["extend_rectifying"], ctx)
        if route != "breach":
            rectified = self.earlier(self.at(max(1, (due - self.t.date()).days * r.uniform(0.3, 1))), 3, concluded)
            ctx["date"] = _cn(rectified)
            optional = {"rectified_on": rectified.isoformat()} if r.random() < 0.7 else {}
            self.add(Action.RECTIFY, {"evidence": self.say(w["rectify"], ctx)} | optional, "rectified")
            return self.finish(ctx)
        refused = self.at(max(1, (due - self.t.date()).days + 3 + r.random() * 18))
        self.add(Action.REFUSE, {
            "confirmed_by": ctx["dept"], "confirmed_on": self.earlier(refused, 2, due + timedelta(days=1)).isoformat(),
            "facts": self.say(w["refuse"], ctx),
            "document_ref": f"{ctx['rs']}{ctx['short']}信认〔{refused.year}〕{1 + int(r.random() * 30)}号",
        }, "breach_confirmed")
        if r.random() < 0.05:  # a few serious cases, as the plan means 典型案例
            payload = {"typical": True, "reason": self.say(w["typical"][ctx["kind"]], ctx)}
            self.add(Action.MARK_TYPICAL, payload, days=1 + r.random() * 20)
        for i in range(max(self.pick([0, 0, 0, 1, 1, 1, 1, 1, 2, 2]), stop == "sanctioned")):
            start = self.earlier(self.at(3 + r.random() * 27 if i == 0 else 20 + r.random() * 70), 1, refused)
            payload = {"measures": r.sample(_MEASURES, 1 + int(r.random() * 3)), "start_on": start.isoformat(),
                       "imposed_by": self.pick(["楚雄州发展和改革委员会", ctx["dept"], ctx["dept"]])}
            if r.random() < 0.6:
                payload["end_on"] = (start + timedelta(days=180 + int(r.random() * 900))).isoformat()
            self.add(Action.SANCTION, payload | self.say(w["sanction_notes"], ctx, "note"), "sanctioned")
        if r.random() < 0.3:
            self.accountability(ctx, refused)
        fulfilled = self.earlier(self.at(30 + r.random() * 200), 9, refused)
        ctx["date"] = _cn(fulfilled)
        self.add(Action.REPAIR, {"evidence": self.say(w["repair"], ctx), "fulfilled_on": fulfilled.isoformat()},
                 "repaired")
        return self.finish(ctx)

    def finish(self, ctx: dict) -> None:  # feedback and close from a concluded state, now and then reopened
        r, w, state, stop = self.r, self.w, self.state, self.stop
        if stop == state and r.random() < 0.5:
            return
        self.feedback(ctx, 1 + r.random() * (20 if state == "repaired" else 7))
        if stop == state:
            return
        self.add(Action.CLOSE, {"summary": self.say(w["close"][state], ctx)}, "closed", r.random() * 10)
        if r.random() < 0.035:
            # 重新办理: a case concluded on its merits goes back to the department for 重新核实, which
            # confirms its earlier conclusion; a repaired breach resumes where it stood
            verify = state in ("unsubstantiated", "disputed", "rectified")
            payload = {"reason": self.say(w["reopen"], ctx), "back_to": "forwarded" if verify else "resume"}
            self.add(Action.REOPEN, payload, "forwarded" if verify else state, 5 + r.random() * 50)
            if r.random() < 0.35:
                return
            self.note(ctx, 0.5)
            if verify:
                again = dict(ctx["conclusion"])
                again["explanation"] = "经重新核实，维持原核实结论。" + again["explanation"]
                day = self.at(3 + r.random() * 12)
                if again.get("rectify_due"):
                    again["rectify_due"] = (day + timedelta(days=30)).isoformat()
                self.add(Action.CONCLUDE, again, "rectifying" if state == "rectified" else state)
                if state == "rectified":
                    self.add(Action.RECTIFY, {"evidence": self.say(w["rectify"], ctx)}, "rectified", 1 + r.random() * 5)
            self.feedback(ctx, 2 + r.random() * 15)
            self.add(Action.CLOSE, {"summary": self.say(w["close"][state], ctx)}, "closed", 1 + r.random() * 10)

    def detour(self, ctx: dict) -> date:  # 退回 and forwarded again, or 改派 to the competent government
        r, w, region = self.r, self.w, ctx["region"]
        gov = "楚雄彝族自治州人民政府" if region.endswith("00") else f"{self.registry[region].name}人民政府"
        if ctx["dept"] == gov or r.random() < 0.5:
            self.add(Action.RETURN, {"reason": self.say(w["return_reasons"], ctx)}, "registered", 2 + r.random() * 6)
            day = self.at(1 + r.random() * 3)
            self.add(Action.FORWARD, {"department": ctx["dept"], "department_code": self.codes[ctx["dept"]]},
                     "forwarded")
        else:
            day = self.at(2 + r.random() * 8)
            payload = {"department": gov, "reason": self.say(w["redirect_reasons"], ctx | {"to": gov})}
            self.add(Action.REDIRECT, payload | ({"department_code": self.codes[gov]} if gov in self.codes else {}))
            ctx["dept"] = gov
        return day + timedelta(days=21)  # 15 working days from the new forwarding; a safe upper guess

    def accountability(self, ctx: dict, confirmed: date) -> None:  # 追究责任 of the body's responsible persons
        r, w, region = self.r, self.w, ctx["region"]
        where = "楚雄州" if region.endswith("00") else self.registry[region].name
        decided = self.earlier(self.at(10 + r.random() * 60), 3, confirmed)
        persons = [{"name": self.person(), "position": self.pick(w["positions"]), "responsibility": duty,
                    "outcome": self.pick(w["accountability_outcomes"])}
                   for duty in (["main", "direct"] if r.random() < 0.5 else [self.pick(["main", "direct"])])]
        self.add(Action.HOLD_ACCOUNTABLE, {"persons": persons, "decided_by": f"中共{where}纪律检查委员会",
                                           "decided_on": decided.isoformat()})

    def feedback(self, ctx: dict, days: float) -> None:
        day = self.at(days)
        summary = self.say(self.w["feedback"][ctx["path"] if self.state == "disputed" else self.state], ctx)
        payload = {"method": self.pick_w(self.weights["feedback_methods"]), "summary": summary}
        self.add(Action.FEEDBACK, payload | ({"given_on": day.isoformat()} if self.r.random() < 0.6 else {}))

    def extend(self, days: float, due: date, reasons: list[str], ctx: dict) -> date:  # 10-30 days past due/today
        new_due = max(due, self.at(days)) + timedelta(days=10 + int(self.r.random() * 21))
        self.add(Action.EXTEND, {"new_due": new_due.isoformat(), "reason": self.say(reasons, ctx)})
        return new_due

    def note(self, ctx: dict, chance: float) -> None:
        if self.r.random() < chance:
            self.add(Action.NOTE, {"text": self.say(self.w["notes"], ctx)}, days=1 + self.r.random() * 8)

    def amend(self, ctx: dict) -> None:
        r, kinds = self.r, self.w["amend"]
        kind = kinds[self.pick_w({key: value["weight"] for key, value in kinds.items()})]
        values = {"complainant.phone": self.phone, "complainant.contact_person": self.person,
                  "claim.amount": lambda: _yuan(int(ctx["claim_cents"] * (0.9 + 0.2 * r.random()))),
                  "agreement.number": lambda: f"{ctx['short']}合〔{ctx['year']}〕{1 + int(r.random() * 60)}号"}
        changes = {field: values[field]() for field in kind["fields"]}
        self.add(Action.AMEND, {"changes": changes, "reason": kind["reason"]}, days=r.random() * 3)
