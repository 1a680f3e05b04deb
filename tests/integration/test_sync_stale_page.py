"""A pulled page is applied only when the stored cursor is still the one it was asked with (issue 17):
a page that arrives after another sync moved the cursor changes nothing, neither events nor cursor."""

from __future__ import annotations

from sqlalchemy import func, select

from app.store.meta import MetaStore
from app.store.tables import events
from app.sync import credentials, inbox, state
from app.sync.transport import HubClient
from tests.sync_fixtures import COUNTY_A, device, register

pytest_plugins = ("tests.sync_fixtures",)


def cursor_and_count(profile) -> tuple[int, int]:
    with profile.store.read() as session:
        return state.cursor(MetaStore(session)), session.execute(select(func.count()).select_from(events)).scalar()


def apply(profile, page, requested: int):
    with profile.store.unit_of_work() as uow:
        outcome = inbox.apply_page(uow, page, requested, lambda sha: True)
        uow.commit()
    return outcome


def test_a_page_asked_for_before_another_sync_moved_the_cursor_is_not_applied(hub, tmp_path):
    first = device(hub, tmp_path / "sb-pc1", COUNTY_A)
    second = device(hub, tmp_path / "sb-pc2", COUNTY_A)
    try:
        register(first)
        first.sync()
        asked, _ = cursor_and_count(second.profile)
        with HubClient(hub.url, credentials.load_token(second.profile.device_id)) as client:
            stale = client.pull(asked, 100)
        assert stale.events and stale.next_cursor > asked
        register(first)
        first.sync()
        second.sync()  # another sync (the scheduled one) pulled meanwhile: the cursor moved on
        moved, held = cursor_and_count(second.profile)
        assert moved > stale.next_cursor

        assert apply(second.profile, stale, asked).applied is False
        assert cursor_and_count(second.profile) == (moved, held)  # the cursor never goes back

        with HubClient(hub.url, credentials.load_token(second.profile.device_id)) as client:
            fresh = client.pull(moved, 100)
        assert apply(second.profile, fresh, moved).applied is True
        assert cursor_and_count(second.profile)[0] == max(moved, fresh.next_cursor)
    finally:
        first.profile.close()
        second.profile.close()
