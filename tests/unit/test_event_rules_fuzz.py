"""Fuzzing the one acceptance check of an event (``app.domain.event_rules.validate_event``) and the fold
(``app.domain.fold.StreamFold``) with random events: honest ones built from the payload models' fields
and the same mutated (``tests/event_strategies.py``). No database.

Properties:
- ``validate_event`` returns a ``Fact`` or raises ``EventRefused`` with a code that has a Chinese
  message; never any other exception; the same event always gets the same answer.
- A fact it returns folds: ``workflow.apply`` takes it, and ``StreamFold.feed`` on the registered
  complaint applies it or keeps it as 待核对 but never sets it aside as malformed.
- What ``accept`` returns round-trips: the fact's payload, validated again, gives the same fact.
- ``StreamFold.feed`` never raises, for any sequence of events: what it cannot use it sets aside,
  and folding the same events twice gives the same complaint.

Seeded in CI; ``LVYUE_FUZZ_EXAMPLES=N`` runs N examples each (``tests/fuzz_budget.py``).
"""

from __future__ import annotations

import copy
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.domain.event_rules import ActorFacts, EventRefused, accept, validate_event
from app.domain.fold import StreamFold
from app.domain.vocabulary import Action, Role
from app.domain.workflow import apply
from app.messages import MESSAGES, message
from tests.event_strategies import ACTORS, events, ids, rarely, registration
from tests.fuzz_budget import fuzz_settings

STREAM = "0195f2a0-7c1e-7000-8000-00000000c0de"
REGISTERED = registration(STREAM)
COMPLAINT = apply(None, validate_event(REGISTERED))

# most events go to the registered complaint (so they reach the payload and workflow rules), some elsewhere
streams = rarely(st.just(STREAM), ids, 6)
registered_mostly = rarely(st.just(True), st.just(False), 5)
actors = st.none() | st.builds(ActorFacts, st.sampled_from(ACTORS),
                               st.frozensets(st.sampled_from([r.value for r in Role]), max_size=3))


def answer(event, complaint, actor):
    """The outcome of ``validate_event`` as a comparable value: the fact, or the refusal's code and params."""
    try:
        return validate_event(event, complaint, actor)
    except EventRefused as refusal:
        return ("refused", refusal.code, refusal.params)


@fuzz_settings(400)
@given(event=events(streams=streams), registered=registered_mostly, actor=actors)
def test_validate_event_gives_a_fact_or_a_stable_refusal_and_its_facts_fold(event, registered, actor):
    complaint = copy.deepcopy(COMPLAINT) if registered and event.stream == STREAM else None
    outcome = answer(event, complaint, actor)  # any other exception fails the test
    assert answer(event, copy.deepcopy(complaint), actor) == outcome, "validate_event is not deterministic"
    if isinstance(outcome, tuple):
        _, code, params = outcome
        assert code in MESSAGES, f"refusal code {code!r} has no message"
        assert isinstance(message(code, params), str)
        return
    fact = outcome
    if fact.action == Action.REGISTER:
        folded = apply(None, fact)
        assert folded.case_no == fact.payload["case_no"]
        fold = StreamFold()
        assert fold.feed(event, 0) and not fold.set_aside
        return
    if complaint is None:  # a session or administration event: stored and audited, never folded
        return
    apply(copy.deepcopy(COMPLAINT), fact)
    fold = StreamFold()
    assert fold.feed(REGISTERED, 0)
    fold.feed(event, 0)
    assert not fold.set_aside, f"an event validate_event accepted was set aside: {fold.set_aside}"
    assert fold.complaint.head == event.id or fold.complaint.conflicts[-1]["event"] == event.id


@fuzz_settings(300)
@given(event=events(streams=streams))
def test_an_accepted_event_round_trips(event):
    try:
        fact = accept(event)
    except EventRefused:
        return
    again = accept(replace(event, payload=fact.payload))
    assert again == fact
    if fact.action != Action.REGISTER and event.stream == STREAM:
        try:
            fitted = validate_event(event, copy.deepcopy(COMPLAINT))
        except EventRefused:
            return
        assert validate_event(replace(event, payload=fitted.payload), copy.deepcopy(COMPLAINT)) == fitted


@fuzz_settings(150)
@given(history=st.lists(st.tuples(events(streams=streams), st.integers(0, 50)), max_size=25),
       register_first=st.booleans(), skip_some=st.booleans())
def test_the_fold_never_raises_and_sets_aside_what_it_cannot_use(history, register_first, skip_some):
    if register_first:
        history = [(REGISTERED, 0), *history]
    skip = frozenset(e.id for e, _ in history[1::3] if isinstance(e.id, str)) if skip_some else frozenset()

    def fold_all() -> StreamFold:
        fold = StreamFold(skip=skip)
        for event, horizon in history:
            event = replace(event, server_seq=horizon + 1 if horizon % 2 else None)
            fold.feed(event, horizon)
        return fold

    fold = fold_all()
    for item in fold.set_aside:
        assert item.code in MESSAGES and isinstance(message(item.code, item.params), str)
        try:
            accept(item.event)
        except EventRefused:
            pass
        else:
            assert item.code == "fold_failed", f"set aside although accept() takes it: {item}"
    assert all(item.code != "fold_failed" for item in fold.set_aside), fold.set_aside
    again = fold_all()
    assert (again.complaint.to_json() if again.complaint else None) == \
        (fold.complaint.to_json() if fold.complaint else None)
    assert [(s.event.id, s.code) for s in again.set_aside] == [(s.event.id, s.code) for s in fold.set_aside]
