"""Fuzzing the projector end to end: random events (honest, mutated, malformed, from several devices,
some already through the hub) appended to a real profile through the low-level event log, then
``maintenance.rebuild_projections`` run twice.

Properties: the rebuild never raises whatever the log holds (the fold sets aside what it cannot use),
and two rebuilds give the same rows: complaints, aggregates, the search index and the set-aside list.
Each example starts from the office's own log (its users) and appends up to 20 events to it.

Seeded in CI; ``LVYUE_FUZZ_EXAMPLES=N`` runs N examples (``tests/fuzz_budget.py``).
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from app.domain.vocabulary import Action
from app.security.fieldcrypt import open_json
from app.services import maintenance
from app.services.profile import open_profile
from app.store.events import Draft, EventLog
from tests.event_strategies import (
    DEVICES,
    events,
    honest_times,
    ids,
    mutated,
    odd_times,
    rarely,
    register_payloads,
)
from tests.fuzz_budget import fuzz_settings

STREAMS = [f"0195f2a0-7c1e-7000-8000-0000000000{i:02d}" for i in range(6)]


@st.composite
def appended(draw) -> tuple[str, Draft]:
    """(device id, draft): what a device's log could hold. Ids are unique text and times are text (the
    columns say so); everything else may be wrong."""
    stream = draw(rarely(st.sampled_from(STREAMS), st.sampled_from(["session", "admin"]) | ids, 8))
    if draw(st.integers(0, 3)) == 1:  # registrations, some taking a case number another complaint holds
        event = draw(events(streams=st.just(stream), actions=st.just(Action.REGISTER.value), odd=False))
        payload = draw(register_payloads("532322"))
        if draw(st.integers(0, 3)) == 1:
            payload["case_no"] = "532322-2026-0001"
        event = replace(event, payload=draw(mutated(payload)))
    else:
        event = draw(events(streams=st.just(stream)))
    time = event.device_time if isinstance(event.device_time, str) else draw(
        rarely(honest_times(), odd_times.filter(lambda t: isinstance(t, str)), 6))
    draft = Draft(id=draw(ids), stream=event.stream if isinstance(event.stream, str) else stream,
                  action=event.action if isinstance(event.action, str) else "note", payload=event.payload,
                  actor=event.actor if isinstance(event.actor, str) else "", device_time=time,
                  base=event.base if isinstance(event.base, str) else None)
    return draw(st.sampled_from(DEVICES)), draft


def snapshot(profile) -> tuple:
    """Every projected row, every aggregate, the search index and what the fold set aside."""
    con = sqlite3.connect(profile.files.database)
    try:
        rows = con.execute("SELECT * FROM complaints ORDER BY num").fetchall()
        # as they read: sealed personal data carries a fresh nonce at every write
        data = [(n, open_json(d)) for n, d in con.execute("SELECT * FROM complaint_data ORDER BY num")]
        con.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, complaint_search, instance)")
        index = con.execute("SELECT * FROM temp.search_vocab ORDER BY 1, 2, 3, 4").fetchall()
        aside = [(r[0], open_json(r[1]), *r[2:]) for r in con.execute(
            "SELECT event_id, event, reason, origin, params, stream FROM sync_quarantine ORDER BY event_id")]
    finally:
        con.close()
    return rows, data, index, aside


def test_rebuild_never_raises_and_gives_the_same_rows_twice(office, tmp_path):
    pristine = maintenance.backup(office.profile, tmp_path / "pristine.sqlite")  # the office and its users
    examples = iter(range(10**9))

    @fuzz_settings(30)
    @given(batch=st.lists(st.tuples(appended(), st.integers(0, 3)), min_size=1, max_size=20))
    def run(batch):
        home = tmp_path / f"example-{next(examples)}"
        home.mkdir()
        shutil.copyfile(pristine, home / office.profile.files.database.name)
        profile = open_profile(home, clock=office.clock, daily_backup=False)
        try:
            append(profile, batch)
            maintenance.rebuild_projections(profile)
            first = snapshot(profile)
            maintenance.rebuild_projections(profile)
            assert snapshot(profile) == first
        finally:
            profile.close()
            shutil.rmtree(home)

    run()


def append(profile, batch) -> None:
    """Write the drafts through the event log of their devices; some get a hub sequence and horizon."""
    with profile.store.unit_of_work() as uow:
        hub_seq = 0
        for (device_id, draft), through_hub in batch:
            if uow.events.get(draft.id) is not None:
                continue
            EventLog(uow.session, device_id).append(draft)
            if through_hub:  # pulled from the hub: a server_seq and the creator's horizon
                hub_seq += 1
                uow.session.execute(text("UPDATE events SET server_seq = :s, horizon = :h WHERE id = :i"),
                                    {"s": hub_seq, "h": max(0, hub_seq - through_hub * 2), "i": draft.id})
        uow.commit()
