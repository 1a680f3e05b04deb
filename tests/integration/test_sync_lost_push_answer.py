"""An own event whose push answer was lost (the hub kept it, the device never heard) takes its hub number
when a page brings it back, and is not reported as damaged or sent again (issue 17, planted bug G)."""

from __future__ import annotations

from sqlalchemy import select

from app.store.projector import Horizons
from app.store.tables import events
from app.sync import credentials, outbox
from app.sync.tables import dirty
from app.sync.transport import HubClient
from tests.integration.test_sync_stale_page import apply, cursor_and_count
from tests.sync_fixtures import COUNTY_A, device, register

pytest_plugins = ("tests.sync_fixtures",)


def test_an_own_event_whose_push_answer_was_lost_takes_its_hub_number_from_a_pulled_page(hub, tmp_path):
    pc = device(hub, tmp_path / "sb-pc1", COUNTY_A)
    try:
        register(pc)
        me = pc.profile.device_id
        with pc.profile.store.read() as session:
            rows = outbox.next_batch(session, me, 100)
            horizons = Horizons(session)
            wires = [outbox.wire(row, horizons.of(row)) for row in rows]
        with HubClient(hub.url, credentials.load_token(me)) as client:
            answer = client.push(wires)  # the hub keeps them; the answer is lost on the way back
            numbers = {r.id: r.server_seq for r in answer.results if r.status == "accepted"}
            assert numbers and len(numbers) == len(wires)
            asked, _ = cursor_and_count(pc.profile)
            page = client.pull(asked, 100, include_own=True)  # as a repair or a moved complaint brings them
        assert set(numbers) <= {w.id for w in page.events}

        outcome = apply(pc.profile, page, asked)
        assert outcome.applied and outcome.damaged == []
        with pc.profile.store.read() as session:
            stored = dict(session.execute(select(events.c.id, events.c.server_seq)
                                          .where(events.c.id.in_(list(numbers)))).all())
            assert stored == numbers  # each takes the number the hub gave it
            assert outbox.pending_count(session, me) == 0  # nothing to send again
            # its complaint is projected again with the hub's numbers (they order the fold against other
            # devices' events, and the kept conflicts carry them), though no other device's event came with it
            streams = set(session.execute(select(events.c.stream).where(events.c.id.in_(list(numbers))))
                          .scalars()) - {"session", "admin"}  # logins and user records: no complaint
            assert streams
            assert set(session.execute(select(dirty.c.stream)).scalars()) == streams
    finally:
        pc.profile.close()
