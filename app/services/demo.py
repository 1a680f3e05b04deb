"""Demo profiles 演示数据: a new profile full of realistic complaints, made through the real event log.

Every complaint is a register event plus its actions, sealed into the device hash chain in time
order, then projected by the same rebuild that ``main.py rebuild`` runs — so a demo profile is a real
profile (audit verify passes), just filled quickly: bulk inserts instead of one transaction per event.
"""

from __future__ import annotations

import heapq
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from app.contract.event_record import event_values
from app.domain.clock import china_date, iso_utc, utc_now
from app.domain.errors import DomainError
from app.domain.events import Event
from app.domain.ids import uuid7
from app.domain.numbering import case_series, format_case_no
from app.domain.regions import RegionRegistry, in_scope
from app.domain.vocabulary import Action
from app.services import users as user_service
from app.services.demo_data import PlannedComplaint, plan_complaints
from app.services.maintenance import rebuild_projections
from app.services.profile import Profile, create_profile
from app.store.tables import events, number_blocks

DEMO_PASSWORD = "Demo#2026"
DEMO_USERS = [  # username, display name, roles
    ("admin", "周建国", ["admin"]),
    ("officer", "杨喆", ["clerk", "handler", "leader"]),
    ("clerk", "李娜", ["clerk"]),
    ("handler", "王海涛", ["handler"]),
    ("leader", "张丽华", ["leader"]),
    ("auditor", "赵敏", ["auditor"]),
]
BATCH = 5000


@dataclass(frozen=True)
class DemoResult:
    home: str
    complaints: int
    events: int
    seconds: float
    usernames: tuple[str, ...]
    password: str


def fill_demo(
    home: Path, complaints: int, *, seed: int = 2026, region_code: str = "532300",
    office_name: str = "楚雄州发展和改革委员会", progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoResult:
    """Create a profile at ``home`` and fill it with ``complaints`` synthetic complaints."""
    started = time.perf_counter()
    existed = home.exists()
    profile = create_profile(home, region_code=region_code, office_name=office_name)
    finished = False
    try:
        ids = _add_users(profile)
        regions = [r.code for r in RegionRegistry.load_default().all()
                   if r.level != "province" and in_scope(region_code, r.code)]
        planned = plan_complaints(random.Random(seed), complaints, now=utc_now(), regions=regions)
        made, count = _write_events(profile, planned, ids, complaints, progress, cancel)
        rebuild_projections(profile)
        finished = True
    finally:
        profile.close()
        if not finished:  # cancelled or failed: leave no half-filled profile behind
            _remove_profile(home, keep_folder=existed)
    return DemoResult(str(home), made, count, time.perf_counter() - started,
                      tuple(name for name, _, _ in DEMO_USERS), DEMO_PASSWORD)


def _add_users(profile: Profile) -> dict[str, str]:
    admin = None
    ids: dict[str, str] = {}
    for username, display, roles in DEMO_USERS:
        info = user_service.add_user(profile, admin, username=username, display_name=display, roles=roles,
                                     password=DEMO_PASSWORD)
        ids[username] = info.id
        if admin is None:
            admin = user_service.Actor(info.id, info.username, info.display_name, info.roles, info.region_code)
    return ids


class _Stream:
    """A planned complaint being written: its id and the id of its latest event (the next one's base)."""

    __slots__ = ("head", "id")

    def __init__(self, complaint_id: str) -> None:
        self.id = complaint_id
        self.head: str | None = None


def _write_events(profile: Profile, planned: Iterable[PlannedComplaint], ids: dict[str, str], total: int,
                  progress, cancel) -> tuple[int, int]:
    """Seal every planned event into the device chain in time order and bulk-insert them; returns
    (complaints, events).

    Streamed: the plans come oldest first, so no later plan holds an event earlier than the next
    plan's registration, and everything before it can be sealed. Only the events still to come of
    the complaints under way wait (a heap), never every plan at once (a list of the plans of 100,000
    complaints held about 1 GB).
    """
    rng = random.Random(total)
    office = profile.office.region_code
    numbers: dict[int, int] = {}
    actors = {"clerk": [ids["clerk"], ids["officer"]], "handler": [ids["handler"], ids["officer"]],
              "leader": [ids["leader"], ids["officer"]]}
    pending: list[tuple] = []  # (at, index, n, action, payload, role, stream); n = -1: the registration
    batch: list[dict] = []
    done = count = 0
    with profile.store.unit_of_work() as uow:
        seq, prev = uow.events.chain_head()  # the users' admin events come first
        first = seq

        def seal_before(key: tuple | None) -> None:
            """Seal the waiting events that come before ``key`` (all of them for None), in time order."""
            nonlocal seq, prev, done
            while pending and (key is None or pending[0][:3] < key):
                at, _, _, action, payload, role, stream = heapq.heappop(pending)
                seq += 1
                event = Event(id=uuid7(), stream=stream.id, action=action, payload=payload,
                              actor=rng.choice(actors[role]), device_id=profile.device_id, device_seq=seq,
                              device_time=iso_utc(at), base=stream.head, prev_hash=prev).sealed()
                stream.head, prev = event.id, event.hash
                batch.append(event_values(event, cipher=uow.events.cipher))
                if len(batch) >= BATCH:
                    uow.session.execute(insert(events), batch)
                    batch.clear()
                    if cancel and cancel():
                        raise DomainError("cancelled")
                if action == Action.REGISTER:
                    done += 1
                    if progress and done % 1000 == 0:
                        progress(done, total)

        previous_id = None
        for index, plan in enumerate(planned):  # oldest first: case numbers follow registration order per year
            seal_before((plan.registered_at, index, -1))
            stream = _Stream(uuid7())
            year = china_date(plan.registered_at).year
            numbers[year] = numbers.get(year, 0) + 1
            register = {"case_no": format_case_no(office, year, numbers[year]), "office_code": office,
                        "intake": plan.intake}
            heapq.heappush(pending, (plan.registered_at, index, -1, Action.REGISTER.value, register, "clerk", stream))
            for n, step in enumerate(plan.actions):
                payload = _substitute(step.payload, index, previous_id or stream.id, ids)
                heapq.heappush(pending, (step.at, index, n, step.action, payload, step.actor_role, stream))
            previous_id = stream.id
            count += 1
        seal_before(None)
        if batch:
            uow.session.execute(insert(events), batch)
        for year, last in numbers.items():
            uow.session.execute(insert(number_blocks).values(series=case_series(office), year=year, start=1,
                                                             end=None, next=last + 1))
        uow.meta.set("chain_head", f"{seq}:{prev}")
        uow.meta.set("demo", "1")
        uow.commit()
    if progress and count % 1000:
        progress(count, count)
    return count, seq - first


def _substitute(payload: dict, index: int, previous_id: str, ids: dict[str, str]) -> dict:
    if payload.get("duplicate_of") == "@previous":
        return {**payload, "duplicate_of": previous_id}
    if payload.get("assignee") == "@handler":  # the demo login (officer) gets a share of the work
        return {**payload, "assignee": ids["officer"] if index % 3 == 0 else ids["handler"]}
    return payload


def _remove_profile(home: Path, *, keep_folder: bool) -> None:
    import shutil

    if keep_folder:
        for child in home.iterdir():
            if child.name == "logs":  # the log of the attempt stays (and may be open in this process)
                continue
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    else:
        shutil.rmtree(home, ignore_errors=True)
