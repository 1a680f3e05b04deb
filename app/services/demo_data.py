"""Synthetic complaints 演示数据: a pure, deterministic generator (no database, no clock).

``plan_complaints`` yields complaints in registration order, each with a valid intake and the
actions taken on it afterwards, following ``workflow.RULES`` exactly. The caller records them.
Placeholders the caller substitutes: ``merge.duplicate_of`` is ``"@previous"`` (the complaint
yielded just before, whose parties and agreement this one repeats and which is still open when the
merge happens) and ``assign.assignee`` is ``"@handler"`` (a handler's user id).
Word lists and sentence templates live in ``resources/reference/demo_words.json``.
"""

from __future__ import annotations

import bisect
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
from app.domain.vocabulary import (
    Action,
    BreachKind,
    Channel,
    DisputePath,
    FeedbackMethod,
    Finding,
    SanctionMeasure,
)

PREVIOUS = "@previous"
HANDLER = "@handler"
WORDS_FILE = REFERENCE_DIR / "demo_words.json"

_CST = timedelta(hours=8)
_DAY = timedelta(days=1)
_MEASURES = [m.value for m in SanctionMeasure]
_LETTERS = {"P": "procurement", "B": "bidding", "I": "investment_promotion", "X": "ppp",
            "S": "industrial_support", "G": "government_investment", "O": "other"}
_SECTORS = {"procurement": 22, "bidding": 20, "investment_promotion": 15, "ppp": 5, "industrial_support": 14,
            "government_investment": 18, "other": 6}
_CHANNELS = {Channel.CREDIT_WEBSITE: 30, Channel.HOTLINE_12345: 20, Channel.BUSINESS_ENVIRONMENT: 14,
             Channel.INTERNET_SUPERVISION: 5, Channel.ONLINE_PETITION: 9, Channel.LETTER: 8, Channel.VISIT: 8,
             Channel.REFERRED: 5, Channel.OTHER: 1}
_B = BreachKind
_BREACH_BUILD = {_B.UNPAID: 70, _B.UNILATERAL_CHANGE: 9, _B.REORGANISATION_EXCUSE: 11, _B.OTHER: 10}
_BREACH_PROMISE = {_B.POLICY_UNFULFILLED: 55, _B.REORGANISATION_EXCUSE: 20, _B.UNILATERAL_CHANGE: 15, _B.UNPAID: 10}
_BREACH_PPP = {_B.UNPAID: 40, _B.UNILATERAL_CHANGE: 25, _B.REORGANISATION_EXCUSE: 20, _B.POLICY_UNFULFILLED: 15}
_BREACH = {"investment_promotion": _BREACH_PROMISE, "industrial_support": _BREACH_PROMISE, "ppp": _BREACH_PPP}
_AMOUNTS = {"procurement": (3e4, 5e6), "bidding": (2e5, 5e7), "investment_promotion": (1e6, 8e7),
            "ppp": (5e6, 9e7), "industrial_support": (5e4, 5e6), "government_investment": (1e5, 3e7),
            "other": (3e4, 2e6)}
_CLAIM_SHARE = {_B.UNPAID: (0.1, 0.7), _B.POLICY_UNFULFILLED: (0.02, 0.2), _B.UNILATERAL_CHANGE: (0.05, 0.5),
                _B.REORGANISATION_EXCUSE: (0.1, 0.6), _B.OTHER: (0.02, 0.1)}
_ROUTES = {"reject": 8, "merge": 4, "unsub": 22, "disputed": 12, "rectified": 42, "breach": 12}
_LINGER = {  # states a complaint may stay in for long, by route; "registered" only while young
    "reject": [("registered", 1)], "merge": [("registered", 1)],
    "unsub": [("unsubstantiated", 3), ("forwarded", 1), ("registered", 2)],
    "disputed": [("disputed", 5), ("forwarded", 1)],
    "rectified": [("rectifying", 4), ("rectified", 2), ("forwarded", 1), ("registered", 2)],
    "breach": [("breach_confirmed", 3), ("sanctioned", 5), ("repaired", 6), ("rectifying", 1)],
}
_REGION_WEIGHTS = {"532301": 3.0, "532302": 1.8, "532300": 1.3}


@dataclass(frozen=True)
class PlannedAction:
    action: str  # an Action value
    payload: dict  # JSON-ready, valid for the action's payload model (after placeholder substitution)
    at: datetime  # aware UTC; strictly increasing within a complaint
    actor_role: str  # clerk | handler | leader, one of the roles the rule allows


@dataclass(frozen=True)
class PlannedComplaint:
    region_code: str  # the respondent's region
    intake: dict  # JSON-ready intake, ``received_on`` set
    registered_at: datetime
    actions: tuple[PlannedAction, ...]
    final_state: str


class _Stop(Exception):
    """The next action would happen after ``now``: the complaint stays where it is."""


@functools.cache
def _words() -> dict[str, Any]:
    return json.loads(WORDS_FILE.read_text(encoding="utf-8"))


def _cum(weights) -> list[float]:
    return list(itertools.accumulate(weights))


def _yuan(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _utc(local: datetime) -> datetime:
    return (local - _CST).replace(tzinfo=UTC)


def plan_complaints(
    rng: random.Random, count: int, *, now: datetime, regions: list[str], years_back: float = 2.0
) -> Iterator[PlannedComplaint]:
    """Yield ``count`` complaints registered over the ``years_back`` years before ``now``, oldest first."""
    known = _words()["counties"]
    if not regions or any(code not in known for code in regions):
        raise ValueError(f"regions must be Chuxiong county codes or 532300: {regions}")
    yield from _Planner(rng, now, regions).run(count, years_back)


class _Planner:
    def __init__(self, rng: random.Random, now: datetime, regions: list[str]) -> None:
        self.r, self.w = rng, _words()
        self.now = now.astimezone(UTC).replace(tzinfo=None) + _CST  # China local time, naive
        self.registry = RegionRegistry.load_default()
        self.regions = list(regions)
        self.region_cum = _cum(_REGION_WEIGHTS.get(code, 1.0) for code in self.regions)
        self.counties = [c for c in self.w["counties"] if not c.endswith("00")]
        self.bodies: dict[str, dict[str, list]] = {}
        self.codes: dict[str, str] = {}
        self.firms: dict[tuple[str, str], list[dict]] = {}
        self.prev: tuple[dict, dict, datetime | None] | None = None  # intake, ctx, first closing

    # --- small helpers -------------------------------------------------------------------
    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def pick_w(self, table: dict):
        cum = _cum(table.values())
        return list(table)[bisect.bisect_right(cum, self.r.random() * cum[-1])]

    def say(self, templates: list[str], ctx: dict) -> str:
        return self.pick(templates).format_map(ctx)

    def clock(self, day: date) -> datetime:
        """A moment of office hours (08:30-17:30, fewer at lunch) on ``day``."""
        minute = 510 + int(self.r.random() * 540)
        if 720 <= minute < 840 and self.r.random() < 0.6:
            minute += 120 if minute < 780 else -210
        return datetime(day.year, day.month, day.day) + timedelta(minutes=minute, seconds=int(self.r.random() * 60))

    def advance(self, t: datetime, days: float) -> datetime:
        """The moment ``days`` after ``t``: minutes later the same day, or office hours of a later day."""
        if days < 0.5:
            later = t + timedelta(seconds=300 + int(self.r.random() * 9000))
            if later.date() == t.date() and later.hour < 18:
                return later
            days = 1
        day = t.date() + timedelta(days=max(1, int(days + 0.5)))
        if day.weekday() >= 5 and self.r.random() < 0.93:
            day += timedelta(days=7 - day.weekday())
        return self.clock(day)

    def person(self) -> str:
        w, r = self.w, self.r
        given = self.pick(w["given"]) + (self.pick(w["given"]) if r.random() < 0.62 else "")
        if r.random() < 0.04:
            given = given[:-1] + self.pick(w["given_rare"])
        return self.pick(w["surnames"]) + given

    def phone(self) -> str:
        r = self.r
        if r.random() < 0.8:
            return f"{self.pick(self.w['mobile_prefixes'])} {int(r.random() * 1e4):04d} {int(r.random() * 1e4):04d}"
        return f"0878-{2 + int(r.random() * 7)}{int(r.random() * 1e6):06d}"

    def code(self, head: str, region: str, body: str) -> str:
        base = head + region + body
        return base + uscc.calc_check_digit(base)

    def gov_code(self, name: str, region: str, institution: bool = False) -> str:
        if name not in self.codes:
            region = "532300" if name.startswith("楚雄州") or name.startswith("楚雄彝族") else region
            body = ("4" if institution else "0") + f"{int(self.r.random() * 1e8):08d}"
            self.codes[name] = self.code("12" if institution else "11", region, body)
        return self.codes[name]

    def place(self, code: str) -> str:
        region = self.registry.find(code)
        return region.name if region else "楚雄州"

    # --- parties -----------------------------------------------------------------------------
    def respondent(self, region: str, sector: str) -> dict:
        if region not in self.bodies:
            self.bodies[region] = self._bodies(region)
        body = self.pick(self.bodies[region][sector])
        if body == "#town":
            county = self.place(region)
            town = self.pick(self.w["counties"].get(region, self.w["counties"]["532301"])["towns"])
            name = f"{county}{town}人民政府"
            body = {"name": name, "kind": "organ", "credit_code": self.gov_code(name, region),
                    "competent_department": f"{county}人民政府",
                    "competent_department_code": self.gov_code(f"{county}人民政府", region), "short": town[0]}
        return body

    def _bodies(self, region: str) -> dict[str, list]:
        prefecture = region.endswith("00")
        county = self.place(region)
        gov = "楚雄彝族自治州人民政府" if prefecture else f"{county}人民政府"
        by_sector: dict[str, list] = {sector: [] for sector in _SECTORS}
        for name, kind, short, letters, up in self.w["prefecture_bodies" if prefecture else "county_bodies"]:
            if name == "#town":
                body: Any = "#town"
            else:
                full = name if prefecture else county + name
                if up.startswith("@"):
                    competent = up[1:] if prefecture else county + up[1:]
                else:
                    competent = f"楚雄州{up}" if up and self.r.random() < 0.35 else gov
                body = {"name": full, "kind": kind, "credit_code": self.gov_code(full, region, kind == "institution"),
                        "competent_department": competent,
                        "competent_department_code": self.gov_code(competent, region), "short": short}
            for letter in letters:
                by_sector[_LETTERS[letter]].append(body)
        return by_sector

    def firm(self, region: str, sector: str) -> dict:
        pool = self.firms.setdefault((region, sector), [])
        if pool and self.r.random() < 0.12:
            return self.pick(pool)
        w, r = self.w, self.r
        home = region if not region.endswith("00") else self.pick(self.counties)
        county = self.place(home)
        industry = self.pick(w["industries"][sector])
        brand = self.pick(w["brands"])
        road = f"{self.pick(w['roads'])}{1 + int(r.random() * 300)}号"
        if r.random() < 0.08:
            home, where = self.pick(w["outside"])
            name, address = f"{where[:2]}{brand}{industry}有限公司", where + road
        else:
            x = r.random()
            prefix = county if x < 0.45 else county[:-1] if x < 0.75 else "楚雄" if x < 0.95 else "云南"
            town = self.pick(w["counties"][home]["towns"])
            address = ("云南省楚雄彝族自治州" if r.random() < 0.3 else "") + county + town
            address += road if r.random() < 0.8 else f"{self.pick(w['villages'])}村委会"
            if industry in w["cooperative_industries"] and r.random() < 0.3:
                name = f"{county}{brand}{industry}专业合作社"
            else:
                y = r.random()
                name = prefix + brand + industry + ("有限公司" if y < 0.7 else "有限责任公司" if y < 0.95 else "股份有限公司")
        if r.random() < 0.7:
            body = "MA6" + "".join(r.choices(CREDIT_CODE_ALPHABET, k=6))
        else:
            body = f"{int(r.random() * 1e9):09d}"
        legal = self.person()
        firm = {"name": name, "credit_code": self.code("93" if name.endswith("合作社") else "91", home, body),
                "legal_representative": legal, "contact_person": legal if r.random() < 0.45 else self.person(),
                "phone": self.phone(), "address": address}
        if r.random() < 0.25:
            birth = date(1962, 1, 1) + timedelta(days=int(r.random() * 13500))
            number = f"{home}{birth:%Y%m%d}{int(r.random() * 1000):03d}"
            firm["contact_id_number"] = number + ric.calc_check_digit(number + "0")
        if len(pool) < 300:
            pool.append(firm)
        return firm

    # --- intake ------------------------------------------------------------------------------
    def intake(self, region: str, t0: datetime) -> tuple[dict, dict]:
        w, r = self.w, self.r
        sector = self.pick_w(_SECTORS)
        kind = self.pick_w(_BREACH.get(sector, _BREACH_BUILD))
        body, firm = self.respondent(region, sector), self.firm(region, sector)
        where = region if not region.endswith("00") else self.pick(self.counties)
        reg_day = t0.date()
        signed = reg_day - timedelta(days=120 + int(r.random() * 1400))
        done = signed + timedelta(days=int((reg_day - signed).days * (0.3 + 0.5 * r.random())))
        low, high = _AMOUNTS[sector]
        cents = int(math.exp(math.log(low) + r.random() * math.log(high / low))) * 100
        if r.random() < 0.5:
            cents = cents // 1_000_000 * 1_000_000 or cents
        else:
            cents += int(r.random() * 100)
        share_low, share_high = _CLAIM_SHARE[kind]
        claim = max(100_000, int(cents * (share_low + r.random() * (share_high - share_low))))
        ctx = {"we": self.pick(["我公司", "我司", "本公司"]), "ent": firm["name"], "resp": body["name"],
               "dept": body["competent_department"], "county": self.place(where), "town": self.pick(w["counties"][where]["towns"]),
               "item": self.pick(w["items"]), "year": signed.year, "signed": _cn(signed), "done": f"{done.year}年{done.month}月",
               "amount_label": w["amount_label"][sector], "amount": self.money(cents), "claim": self.money(claim),
               "paid": self.money(cents - claim), "claim_cents": claim, "work": w["work"][sector],
               "months": max(2, (reg_day - done).days // 30), "policy": self.pick(w["policies"]),
               "excuse": self.pick(w["excuses"]), "change": self.pick(w["changes"]),
               "kind": kind, "short": body["short"], "region": region}
        group = {"bidding": "build", "government_investment": "build", "investment_promotion": "invest",
                 "ppp": "ppp"}.get(sector, "support" if sector == "industrial_support" else "build")
        ctx["project"] = self.say(w["projects"][group], ctx)
        ctx["title"] = self.say(w["titles"][sector], ctx)
        number = self.doc_number(region, sector, body["short"], signed.year)
        ctx["no"] = f"（{number}）" if number else ""
        agreement = {"title": ctx["title"], "signed_on": signed.isoformat(), "amount": _yuan(cents),
                     "parties": f"甲方：{body['name']}；乙方：{firm['name']}"}
        if number:
            agreement["number"] = number
        respondent = {key: body[key] for key in ("name", "kind", "credit_code", "competent_department",
                                                 "competent_department_code")}
        respondent["region_code"] = region
        intake = {"complainant": dict(firm), "respondent": respondent, "sector": sector, "breach_kind": kind.value,
                  "agreement": agreement, "claim": {"amount": _yuan(claim), "text": self.claim_text(ctx)}}
        self.channel(intake, ctx, reg_day)
        return intake, ctx

    def channel(self, intake: dict, ctx: dict, reg_day: date) -> None:
        """Channel, its reference, the receipt date and the description (fresh for a repeat complaint)."""
        r = self.r
        channel = self.pick_w(_CHANNELS)
        lag = {Channel.VISIT: 0, Channel.LETTER: 6, Channel.REFERRED: 12}.get(channel, 3)
        received = reg_day - timedelta(days=int(r.random() * (lag + 1)))
        n = int(r.random() * 1e5)
        ref = {Channel.CREDIT_WEBSITE: f"XYYN{received:%Y%m%d}{n:05d}", Channel.HOTLINE_12345: f"12345-{received:%Y%m%d}-{n % 10000:04d}",
               Channel.INTERNET_SUPERVISION: f"HLWDC-{received.year}-{n:05d}", Channel.BUSINESS_ENVIRONMENT: f"YSHJ{received.year}{n:05d}",
               Channel.ONLINE_PETITION: f"WSXF{received:%Y%m%d}{n % 1000:03d}",
               Channel.REFERRED: f"楚发改财金转〔{received.year}〕{1 + n % 90}号"}.get(channel)
        intake.update(channel=channel.value, received_on=received.isoformat(), description=self.describe(ctx))
        intake.pop("channel_ref", None)
        if ref:
            intake["channel_ref"] = ref

    def money(self, cents: int) -> str:
        if cents >= 100_000_000 and self.r.random() < 0.5:
            return f"{cents / 1e6:.2f}万元"
        return f"{cents / 100:,.2f}元"

    def doc_number(self, region: str, sector: str, short: str, year: int) -> str | None:
        r, w = self.r, self.w
        x, n = r.random(), 1 + int(r.random() * 60)
        region_short = self.registry.find(region).short_name if self.registry.find(region) else "楚"
        py = w["counties"].get(region, {"py": "CXZ"})["py"]
        if x < 0.45:
            return f"{region_short}{short}{w['doc_kind'][sector]}〔{year}〕{n}号"
        if x < 0.7:
            return f"{py}-{year}-{n:03d}"
        return f"{py}{w['doc_py'][sector]}{year}-{n:03d}" if x < 0.9 else None

    def describe(self, ctx: dict) -> str:
        w = self.w
        text = self.say(w["opens"], ctx) + self.say(w["bodies"][ctx["kind"]], ctx)
        closer = self.say(w["closers"], ctx)
        return text + closer if len(text) + len(closer) <= 250 else text[:250]

    def claim_text(self, ctx: dict) -> str:
        text = self.say(self.w["claims"][ctx["kind"]], ctx)
        for suffix in self.w["claim_suffixes"]:
            if len(text) >= 60:
                break
            text += suffix
        return text[:250]

    # --- lifecycle ---------------------------------------------------------------------------
    def at(self, days: float) -> date:
        t = self.advance(self.t, days)
        if t > self.now:
            raise _Stop
        self.t = t
        return t.date()

    def add(self, action: Action, role: str, payload: dict, state: str | None = None) -> None:
        self.steps.append(PlannedAction(action.value, payload, _utc(self.t), role))
        if state:
            self.state = state

    def run(self, count: int, years_back: float) -> Iterator[PlannedComplaint]:
        r, span = self.r, max(years_back, 0.01) * 365.25
        times = []
        for _ in range(count):  # density rises linearly to 1.6x towards now
            u = r.random()
            back = span * (1 - (math.sqrt(1 + 1.2 * u * 1.3) - 1) / 0.6)
            day = self.now.date() - timedelta(days=int(back))
            if day.weekday() >= 5 and r.random() < 0.92:
                day -= timedelta(days=day.weekday() - 4)
            t = self.clock(day)
            while t > self.now - timedelta(hours=1):
                t -= _DAY if t.weekday() else 3 * _DAY
            times.append(t)
        times.sort()
        for t0 in times:
            yield self.complaint(t0)

    def complaint(self, t0: datetime) -> PlannedComplaint:
        r = self.r
        age = (self.now - t0).total_seconds() / 86400
        route = self.pick_w(_ROUTES)
        prev = self.prev
        if route == "merge" and (prev is None or (prev[2] is not None and prev[2] < t0 + timedelta(days=10))):
            route = "reject"
        stop = None
        if r.random() < (0.05 + 0.25 * math.exp(-age / 120)) * {"breach": 2.5, "disputed": 1.8}.get(route, 1):
            options = {s: wt for s, wt in _LINGER[route] if s != "registered" or age < 60}
            stop = self.pick_w(options) if options else None
        if route == "merge" and prev:
            intake = {key: dict(value) if isinstance(value, dict) else value for key, value in prev[0].items()}
            ctx = prev[1]
            self.channel(intake, ctx, t0.date())
        else:
            intake, ctx = self.intake(self.regions[bisect.bisect_right(self.region_cum, r.random() * self.region_cum[-1])], t0)
        self.t, self.steps, self.state = t0, [], "registered"
        try:
            self.lifecycle(route, stop, ctx)
        except _Stop:
            pass
        closing = next((a.at for a in self.steps if a.action in ("reject", "merge", "close")), None)
        self.prev = (intake, ctx, closing and closing.replace(tzinfo=None) + _CST)
        return PlannedComplaint(ctx["region"], intake, _utc(t0), tuple(self.steps), self.state)

    def lifecycle(self, route: str, stop: str | None, ctx: dict) -> None:
        r, w = self.r, self.w
        if r.random() < 0.35:
            self.at(0)
            self.add(Action.ASSIGN, "leader", {"assignee": HANDLER} | self.opt("note", w["assign_notes"], ctx))
        if r.random() < 0.05:
            self.at(r.random() * 3)
            self.amend(ctx)
        if route == "merge":
            self.at(r.random() * 4)
            self.add(Action.MERGE, "handler", {"duplicate_of": PREVIOUS, "reason": self.say(w["merge"], ctx)}, "closed")
            return
        if stop == "registered":
            return
        if route == "reject":
            self.at(r.random() * 5)
            payload = {"reason": self.say(w["reject"], ctx)} | ({"legal_basis": w["legal_basis"]} if r.random() < 0.6 else {})
            self.add(Action.REJECT, "handler", payload, "closed")
            if r.random() > 0.12:
                return
            self.at(3 + r.random() * 15)
            self.add(Action.REOPEN, "leader", {"reason": self.say(w["reopen_rejected"], ctx)}, "registered")
            route = self.pick(["unsub", "disputed", "rectified", "rectified"])
        x = r.random()
        day = self.at(0 if x < 0.55 else 1 if x < 0.9 else 2 + r.random() * 3)
        due = day + timedelta(days=21 if x < 0.8 else 32)  # 15 working days; without due_on, a safe guess
        payload = {"department": ctx["dept"], "department_code": self.codes[ctx["dept"]]}
        if x < 0.8:
            payload["due_on"] = due.isoformat()
        self.add(Action.FORWARD, "handler", payload | self.opt("note", w["forward_notes"], ctx), "forwarded")
        self.note(ctx, 0.15)
        if stop == "forwarded":
            return
        days = 5 + r.random() * 17
        if r.random() < 0.12:
            due = self.extend(14 + r.random() * 6, due, w["extend_forwarded"], ctx)
            days = max(1, (due - self.t.date()).days * (0.3 + 0.6 * r.random()))
        finding = {"unsub": Finding.UNSUBSTANTIATED, "disputed": Finding.DISPUTED}.get(route, Finding.SUBSTANTIATED)
        day = self.at(days)
        payload: dict[str, Any] = {"finding": finding.value, "determined_by": ctx["dept"]}
        if finding == Finding.SUBSTANTIATED:
            due = day + timedelta(days=15 + int(r.random() * 46))
            ctx["due"] = _cn(due)
            payload |= {"explanation": self.say(w["explanations"][ctx["kind"]], ctx),
                        "requirements": self.say(w["requirements"], ctx), "rectify_due": due.isoformat()}
            self.add(Action.CONCLUDE, "handler", payload, "rectifying")
        else:
            payload["explanation"] = self.say(w["explanations"][finding.value], ctx)
            if finding == Finding.DISPUTED:
                ctx["path"] = path = self.pick([DisputePath.MEDIATION.value, DisputePath.LEGAL_REMEDY.value])
                payload |= {"dispute_path": path, "explanation": payload["explanation"] + w["dispute_paths"][path]}
            self.add(Action.CONCLUDE, "handler", payload, finding.value)
            self.finish(stop, ctx)
            return
        concluded = day
        self.note(ctx, 0.2)
        if stop == "rectifying":
            return
        if r.random() < (0.3 if route == "breach" else 0.12):
            due = self.extend(max(1, (due - self.t.date()).days - 5 * r.random()), due, w["extend_rectifying"], ctx)
        if route != "breach":
            day = self.at(max(1, (due - self.t.date()).days * (0.3 + 0.7 * r.random())))
            ctx["date"] = _cn(max(concluded, day - timedelta(days=int(r.random() * 4))))
            payload = {"evidence": self.say(w["rectify"], ctx)}
            if r.random() < 0.7:
                payload["rectified_on"] = max(concluded, day - timedelta(days=int(r.random() * 4))).isoformat()
            self.add(Action.RECTIFY, "handler", payload, "rectified")
            self.finish(stop, ctx)
            return
        day = self.at(max(1, (due - self.t.date()).days + 2 + r.random() * 18))
        self.add(Action.REFUSE, "leader", {
            "confirmed_by": ctx["dept"], "confirmed_on": max(concluded, day - timedelta(days=int(r.random() * 3))).isoformat(),
            "facts": self.say(w["refuse"], ctx),
            "document_ref": f"{ctx['short']}信用认〔{day.year}〕{1 + int(r.random() * 30)}号"}, "breach_confirmed")
        refused = day
        if r.random() < 0.35:
            self.at(1 + r.random() * 20)
            self.add(Action.MARK_TYPICAL, "leader", {"typical": True, "reason": self.say(w["typical"], ctx)})
        if stop == "breach_confirmed":
            return
        sanctions = self.pick([0, 0, 0, 1, 1, 1, 1, 1, 2, 2])
        for i in range(max(sanctions, stop == "sanctioned")):
            day = self.at(3 + r.random() * 27 if i == 0 else 20 + r.random() * 70)
            start = max(refused, day - timedelta(days=int(r.random() * 2)))
            payload = {"measures": r.sample(_MEASURES, 1 + int(r.random() * 3)), "start_on": start.isoformat(),
                       "imposed_by": self.pick(["楚雄州发展和改革委员会", ctx["dept"], ctx["dept"]])}
            if r.random() < 0.6:
                payload["end_on"] = (start + timedelta(days=180 + int(r.random() * 900))).isoformat()
            self.add(Action.SANCTION, "leader", payload | self.opt("note", w["sanction_notes"], ctx), "sanctioned")
        if stop == "sanctioned":
            return
        day = self.at(30 + r.random() * 200)
        fulfilled = max(refused, day - timedelta(days=int(r.random() * 10)))
        ctx["date"] = _cn(fulfilled)
        self.add(Action.REPAIR, "leader", {"evidence": self.say(w["repair"], ctx), "fulfilled_on": fulfilled.isoformat()},
                 "repaired")
        self.finish(stop, ctx)

    def finish(self, stop: str | None, ctx: dict) -> None:
        """Feedback and close from a concluded state, sometimes reopened afterwards."""
        r, w = self.r, self.w
        state = self.state
        if stop == state and r.random() < 0.5:
            return
        self.feedback(ctx, 1 + r.random() * 7)
        if stop == state:
            return
        self.at(r.random() * 10)
        self.add(Action.CLOSE, "handler", {"summary": self.say(w["close"][state], ctx)}, "closed")
        if r.random() < 0.035:
            self.at(5 + r.random() * 50)
            self.add(Action.REOPEN, "leader", {"reason": self.say(w["reopen"], ctx)}, state)
            if r.random() < 0.35:
                return
            self.note(ctx, 0.5)
            self.feedback(ctx, 2 + r.random() * 15)
            self.at(1 + r.random() * 10)
            self.add(Action.CLOSE, "handler", {"summary": self.say(w["close"][state], ctx)}, "closed")

    def feedback(self, ctx: dict, days: float) -> None:
        day = self.at(days)
        key = ctx["path"] if self.state == "disputed" else self.state
        payload = {"method": self.pick([m.value for m in FeedbackMethod] + ["letter", "phone"]),
                   "summary": self.say(self.w["feedback"][key], ctx)}
        if self.r.random() < 0.6:
            payload["given_on"] = day.isoformat()
        self.add(Action.FEEDBACK, "handler", payload)

    def extend(self, days: float, due: date, reasons: list[str], ctx: dict) -> date:
        day = self.at(days)
        new_due = max(due, day) + timedelta(days=10 + int(self.r.random() * 21))
        self.add(Action.EXTEND, "leader", {"new_due": new_due.isoformat(), "reason": self.say(reasons, ctx)})
        return new_due

    def note(self, ctx: dict, chance: float) -> None:
        if self.r.random() < chance:
            self.at(1 + self.r.random() * 8)
            self.add(Action.NOTE, self.pick(["handler", "handler", "clerk", "leader"]), {"text": self.say(self.w["notes"], ctx)})

    def amend(self, ctx: dict) -> None:
        x, texts = self.r.random(), self.w["amend"]
        if x < 0.4:
            changes, reason = {"complainant.phone": self.phone()}, texts["phone"]
        elif x < 0.65:
            changes, reason = {"claim.amount": _yuan(int(ctx["claim_cents"] * (0.9 + 0.2 * self.r.random())))}, texts["amount"]
        elif x < 0.85:
            changes, reason = {"complainant.contact_person": self.person(), "complainant.phone": self.phone()}, texts["contact"]
        else:
            changes, reason = {"agreement.number": f"{ctx['short']}合〔{ctx['year']}〕{1 + int(self.r.random() * 60)}号"}, texts["number"]
        self.add(Action.AMEND, self.pick(["clerk", "handler"]), {"changes": changes, "reason": reason})

    def opt(self, key: str, templates: list[str], ctx: dict) -> dict:
        text = self.say(templates, ctx)
        return {key: text} if text else {}
