"""Hypothesis strategies for events 事件: honest ones built from the payload models' fields, and the same
mutated the ways a buggy, old or hostile device could send them (missing keys, unknown keys, wrong
types, huge strings, nested junk, odd dates, a payload that is no object at all, odd ids and times).

Used by the unit fuzz tests of ``app.domain.event_rules`` and the fold, the rebuild fuzz test and the
hub's push fuzz test. Everything is drawn from hypothesis (no ``uuid7()``, no clock), so a seeded run
draws the same events every time.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

from app.domain.events import ADMIN_STREAM, GENESIS, SESSION_STREAM, Event
from app.domain.vocabulary import (
    Action,
    BreachKind,
    Channel,
    DisputePath,
    FeedbackMethod,
    Finding,
    Resolution,
    Role,
    SanctionMeasure,
    Sector,
)
from tests.factories import COUNTIES, intake

REGIONS = sorted(COUNTIES)
DEVICES = ("dev-a", "dev-b", "dev-c")
ACTORS = ("u-clerk", "u-handler", "u-leader")

# ---- values --------------------------------------------------------------------------------------
ids = st.uuids(version=4).map(str)
short_text = st.text(min_size=1, max_size=30).filter(lambda s: s.strip())
chinese_text = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=2, max_size=40)
text = st.one_of(chinese_text, short_text)
days = st.dates(min_value=date(2000, 1, 1),
                max_value=date(2026, 11, 1)).map(lambda d: d.isoformat())
odd_dates = st.sampled_from([
    "2026-02-30", "9999-12-31", "0001-01-01", "1949-12-31", "2100-01-01", "2026-1-1", "20261201", "", " ",
    "2026-12-01T00:00:00", "明天", "2026-11-26\x00", "２０２６-１１-２６",
]) | st.integers() | st.floats(allow_nan=True)
money = st.one_of(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["300000", "1,200,000.00", "12万", "-5", "1e309", "NaN", "0.001", "１２３"]),
    st.integers(min_value=-(10**20), max_value=10**20), st.floats(allow_nan=True, allow_infinity=True),
)
hexes = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
huge_strings = st.sampled_from([5001, 70_000, 300_000]).map(lambda n: "长" * n)
junk = st.one_of(json_values, huge_strings, odd_dates, money, st.just({"$ref": "#/x"}),
                 st.just([[[[[]]]]]), st.just({"a": {"b": {"c": {"d": {}}}}}))

odd_ids = st.one_of(
    st.sampled_from(["", " ", "a" * 65, "../x", "x/y", "中文", "-lead", "id\n", "session", "admin", "0" * 64]),
    st.text(max_size=70), st.none(), st.integers(),
)


@st.composite
def rarely(draw, usual: st.SearchStrategy, odd: st.SearchStrategy, one_in: int = 12) -> Any:
    """A value of ``usual``, or once in ``one_in`` draws one of ``odd``."""
    return draw(odd) if draw(st.integers(0, one_in - 1)) == one_in // 2 else draw(usual)


odd_times = st.one_of(
    st.sampled_from(["xxxxxxxxxx", "2026-11-26T12:00:00", "9999-12-31T23:59:59Z", "1999-12-31T23:59:59Z",
                     "2100-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-26T24:00:00Z",
                     "2026-11-26T12:00:00+25:00", "2026-02-29T00:00:00Z", "0000-00-00T00:00:00Z"]),
    st.text(max_size=40), st.none(), st.integers())


@st.composite
def honest_times(draw) -> str:
    """ISO times as devices write them (Z or an offset, 2000–2099)."""
    moment = draw(rarely(st.datetimes(min_value=datetime(2026, 11, 1), max_value=datetime(2027, 12, 31)),
                         st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30)), 4))
    zone = draw(st.sampled_from(["Z", "+08:00", "+00:00", "-05:00"]))
    return moment.isoformat(timespec=draw(st.sampled_from(["seconds", "milliseconds"]))) + zone


def device_times() -> st.SearchStrategy[Any]:
    """Mostly honest times, sometimes anything at all."""
    return rarely(honest_times(), odd_times)


# ---- honest payloads, one strategy per action ------------------------------------------------------
@st.composite
def intakes(draw, region: str | None = None) -> dict[str, Any]:
    region = region or draw(st.sampled_from(REGIONS))
    data = intake(region, rng=random.Random(draw(st.integers(0, 2**32))))
    data["channel"] = draw(st.sampled_from(list(Channel)))
    data["sector"] = draw(st.sampled_from(list(Sector)))
    data["breach_kind"] = draw(st.sampled_from(list(BreachKind)))
    if draw(st.booleans()):
        data["received_on"] = draw(days)
    if draw(st.booleans()):
        data["claim"]["amount"] = draw(money)
    if draw(st.booleans()):
        data["agreement"]["signed_on"] = draw(st.one_of(days, odd_dates))
    return data


def case_numbers(office: str) -> st.SearchStrategy[str]:
    return st.builds(lambda year, seq: f"{office}-{year}-{seq:04d}", st.integers(2000, 2099), st.integers(1, 9999))


@st.composite
def register_payloads(draw, region: str | None = None) -> dict[str, Any]:
    office = region or draw(st.sampled_from(REGIONS))
    payload = {"case_no": draw(case_numbers(office) | st.sampled_from(["532322-2026-7", "x", "532322-1999-0001"])),
               "office_code": office, "intake": draw(intakes(office))}
    if draw(st.booleans()):
        payload["assignee"] = draw(st.sampled_from(ACTORS))
    return payload


def _fields(**fields: st.SearchStrategy) -> st.SearchStrategy[dict[str, Any]]:
    """Required fields (plain names) and optional ones (trailing ``_``), e.g. ``due_on_=days``."""
    required = {k: v for k, v in fields.items() if not k.endswith("_")}
    optional = {k[:-1]: v for k, v in fields.items() if k.endswith("_")}
    return st.fixed_dictionaries(required, optional=optional)


AMEND_VALUES = {
    "claim.amount": money, "claim.text": text, "description": text, "received_on": days | odd_dates,
    "channel": st.sampled_from(list(Channel)), "agreement.title": text, "agreement.signed_on": days,
    "respondent.region_code": st.sampled_from(REGIONS), "respondent.name": chinese_text,
    "complainant.phone": st.sampled_from(["13887012345", "0878-4121234", "123"]), "complainant.credit_code": text,
    "channel_ref": text | st.none(), "complainant.name": chinese_text,
}

PAYLOADS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    Action.REGISTER: register_payloads(),
    Action.REJECT: _fields(reason=text, legal_basis_=text),
    Action.MERGE: _fields(duplicate_of=ids, duplicate_case_no_=case_numbers("532322"), reason_=text),
    Action.FORWARD: _fields(department=chinese_text, department_code_=text, due_on_=days, note_=text),
    Action.CONCLUDE: st.one_of(
        _fields(finding=st.just("unsubstantiated"), explanation=text, determined_by_=text),
        _fields(finding=st.just("substantiated"), explanation=text, requirements=text, rectify_due=days),
        _fields(finding=st.just("disputed"), explanation=text, dispute_path=st.sampled_from(list(DisputePath))),
        _fields(finding=st.sampled_from(list(Finding)), explanation=text, requirements_=text, rectify_due_=days,
                dispute_path_=st.sampled_from(list(DisputePath))),
    ),
    Action.EXTEND: _fields(new_due=days, reason=text),
    Action.RECTIFY: _fields(evidence=text, rectified_on_=days),
    Action.REFUSE: _fields(confirmed_by=chinese_text, confirmed_on=days, facts=text, document_ref_=text),
    Action.SANCTION: _fields(measures=st.lists(st.sampled_from(list(SanctionMeasure)), min_size=1, max_size=4),
                             imposed_by=chinese_text, start_on=days, end_on_=days, note_=text),
    Action.REPAIR: _fields(evidence=text, fulfilled_on=days),
    Action.FEEDBACK: _fields(method=st.sampled_from(list(FeedbackMethod)), summary=text, given_on_=days),
    Action.CLOSE: _fields(summary=text),
    Action.REOPEN: _fields(reason=text),
    Action.NOTE: _fields(text=text),
    Action.ATTACH: _fields(sha256=hexes, filename=st.sampled_from(["合同.pdf", "scan 1.jpg", "证据（一）.docx"]) | text,
                           size=st.integers(0, 10**9), media_type_=text, description_=text),
    Action.AMEND: _fields(changes=st.dictionaries(st.sampled_from(sorted(AMEND_VALUES)), st.just(None), min_size=1,
                                                  max_size=3).flatmap(
        lambda keys: st.fixed_dictionaries({k: AMEND_VALUES[k] for k in keys})), reason=text),
    Action.ASSIGN: _fields(assignee=st.sampled_from(ACTORS) | text, note_=text),
    Action.MARK_TYPICAL: _fields(typical_=st.booleans(), reason_=text),
    Action.RESOLVE: _fields(conflict=ids, decision=st.sampled_from(list(Resolution)), note_=text),
    Action.ISSUE_DOCUMENT: _fields(kind=st.sampled_from(["receipt", "forward_letter", "feedback_letter"]),
                                   variant_=text, number=text, template_version=st.integers(1, 3),
                                   snapshot=st.dictionaries(st.text(max_size=8), json_scalars, max_size=4),
                                   sha256=hexes, pages=st.integers(1, 20)),
}
SESSION_PAYLOADS = {
    "login": _fields(via_=text), "logout": _fields(via_=text),
    "login_failed": _fields(username_=text, reason_=text, via_=text),
}
ADMIN_PAYLOADS = {
    "user_add": _fields(user_id=ids, username=text, display_name=chinese_text,
                        roles=st.lists(st.sampled_from(list(Role)), max_size=3), region_code=st.sampled_from(REGIONS)),
    "password_change": _fields(user_id=ids), "user_activate": _fields(user_id=ids),
    "user_deactivate": _fields(user_id=ids), "office_settings": _fields(changes=st.dictionaries(st.text(max_size=8),
                                                                                                 json_scalars)),
}
COMPLAINT_ACTIONS = [a.value for a in Action]
ODD_ACTIONS = st.sampled_from(["", "REGISTER", "register ", "delete", "drop table", "__class__", "user_add"]) | \
    st.text(max_size=70)


# ---- mutations -----------------------------------------------------------------------------------
@st.composite
def mutated(draw, payload: Any) -> Any:
    """``payload`` as it is (often), or changed the ways a broken or hostile sender changes things."""
    how = draw(st.integers(0, 9))
    if how <= 4 or not isinstance(payload, dict):
        return payload
    if how == 5:
        return draw(st.one_of(json_scalars, st.lists(json_values, max_size=3), st.just([payload])))
    result = dict(payload)
    for _ in range(draw(st.integers(1, 3))):
        keys = sorted(result)
        op = draw(st.integers(0, 3))
        if op == 0 and keys:
            result.pop(draw(st.sampled_from(keys)))
        elif op == 1:
            result[draw(st.sampled_from(["extra", "__proto__", "id", "空", ""]) | st.text(max_size=10))] = draw(junk)
        elif op == 2 and keys:
            result[draw(st.sampled_from(keys))] = draw(junk)
        elif keys:  # one level down (the intake's sections, an amendment's changes)
            key = draw(st.sampled_from(keys))
            inner = result[key]
            if isinstance(inner, dict):
                inner = dict(inner)
                inner_keys = sorted(inner)
                target = draw(st.sampled_from(inner_keys)) if inner_keys and draw(st.booleans()) else \
                    draw(st.sampled_from(["x", "claim.amount", "respondent", "complainant.name.x", "a.b.c"]))
                inner[target] = draw(junk)
                result[key] = inner
    return result


@st.composite
def payloads_for(draw, stream: str, action: str) -> Any:
    if stream == SESSION_STREAM:
        strategy = SESSION_PAYLOADS.get(action)
    elif stream == ADMIN_STREAM:
        strategy = ADMIN_PAYLOADS.get(action)
    else:
        strategy = PAYLOADS.get(action)
    payload = draw(strategy) if strategy is not None else draw(st.dictionaries(st.text(max_size=8), json_values,
                                                                                max_size=4))
    return draw(mutated(payload))


@st.composite
def events(draw, *, streams: st.SearchStrategy[str] | None = None, actions: st.SearchStrategy[str] | None = None,
           odd: bool = True, device_id: str | None = None, device_seq: int | None = None,
           prev_hash: str = GENESIS) -> Event:
    """One event with a fitting (often mutated) payload; ``odd`` lets ids, action and time go astray."""
    kind = draw(st.integers(0, 19))
    if streams is None:
        streams = ids
    if kind == 0:
        stream, action = SESSION_STREAM, draw(st.sampled_from(sorted(SESSION_PAYLOADS)))
    elif kind == 1:
        stream, action = ADMIN_STREAM, draw(st.sampled_from(sorted(ADMIN_PAYLOADS)))
    else:
        stream = draw(streams)
        action = draw(actions) if actions is not None else draw(st.sampled_from(COMPLAINT_ACTIONS))
    if odd:
        action = draw(rarely(st.just(action), ODD_ACTIONS))
        stream = draw(rarely(st.just(stream), odd_ids, 20))
    payload = draw(payloads_for(stream if isinstance(stream, str) else "", action if isinstance(action, str) else ""))
    return Event(
        id=draw(rarely(ids, odd_ids) if odd else ids), stream=stream, action=action, payload=payload,
        actor=draw(rarely(st.sampled_from(ACTORS), odd_ids) if odd else st.sampled_from(ACTORS)),
        device_id=device_id or draw(st.sampled_from(DEVICES)),
        device_seq=device_seq if device_seq is not None else draw(st.integers(1, 10**6)),
        device_time=draw(device_times() if odd else honest_times()),
        base=draw(rarely(st.none() | ids, odd_ids) if odd else st.none() | ids),
        prev_hash=prev_hash, hash="",
    ).sealed()


def registration(stream: str, region: str = "532322", case_no: str | None = None,
                 device_time: str = "2026-11-20T02:00:00Z", device_id: str = "dev-a") -> Event:
    """An honest registration (the complaint the other events are folded onto)."""
    return Event(id=f"reg-{stream}", stream=stream, action=Action.REGISTER,
                 payload={"case_no": case_no or f"{region}-2026-0001", "office_code": region,
                          "intake": intake(region, rng=random.Random(7), received_on="2026-11-19")},
                 actor="u-clerk", device_id=device_id, device_seq=1, device_time=device_time, base=None,
                 prev_hash=GENESIS).sealed()
