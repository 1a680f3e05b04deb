"""Whether a kept conflict's resolution still fits when it is folded (found by mutation testing, issue 17):
taking a kept transition fits only while the complaint could take it; dismissing always fits; a
resolution of a conflict the complaint does not hold does not."""

from __future__ import annotations

from app.domain.fold import fits
from tests.unit.test_workflow import S, in_state


def test_a_resolution_fits_only_while_it_could_be_taken():
    c = in_state(S.FORWARDED)
    c.conflicts = [{"event": "e-kept", "action": "conclude", "payload": {}, "at": "2026-11-20T02:00:00.000Z"}]
    assert fits(c, "resolve", {"conflict": "e-kept", "decision": "apply"}) is True  # 核实认定 from 已转办
    assert fits(c, "resolve", {"conflict": "e-kept", "decision": "dismiss"}) is True
    assert fits(c, "resolve", {"conflict": "e-gone", "decision": "apply"}) is False
    registered = in_state(S.REGISTERED)
    registered.conflicts = c.conflicts
    assert fits(registered, "resolve", {"conflict": "e-kept", "decision": "apply"}) is False  # not from 已登记
    assert fits(registered, "resolve", {"conflict": "e-kept", "decision": "dismiss"}) is True
