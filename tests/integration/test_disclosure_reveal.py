"""Reveal writes its audit event before any value is returned; admin and auditor never get one (issue 12)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.common.packing import unpacked
from app.domain.errors import DomainError
from app.domain.events import SESSION_STREAM
from app.services import intake as intake_service
from app.services.disclosure import reveal
from app.store.tables import events
from tests import factories

ID = "53232219800101193X"


def reveal_events(office):
    with office.profile.store.read() as session:
        return session.execute(select(events.c.actor, events.c.payload).where(
            events.c.stream == SESSION_STREAM, events.c.action == "personal_data_revealed")).all()


def test_handler_reveals_and_the_reveal_is_recorded(office):
    data = factories.intake()
    data["complainant"]["contact_id_number"] = ID
    case = intake_service.register(office.profile, office.clerk, data)
    shown = reveal(office.profile, office.handler, case.case_no)
    assert shown.values == {"complainant.phone": "138 8701 2345", "complainant.contact_id_number": ID,
                            "complainant.address": data["complainant"]["address"]}
    [row] = reveal_events(office)
    assert row.actor == office.handler.user_id
    payload = unpacked(row.payload)  # stored packed (``app.common.packing``)
    assert case.complaint_id in payload and "complainant.contact_id_number" in payload
    assert "8701" not in payload  # the audit names the fields, never the values


@pytest.mark.parametrize("who", ["admin", "auditor"])
def test_admin_and_auditor_may_not_reveal(office, who):
    case = intake_service.register(office.profile, office.clerk, factories.intake())
    with pytest.raises(DomainError) as refused:
        reveal(office.profile, getattr(office, who), case.case_no)
    assert refused.value.code == "reveal_not_permitted"
    assert reveal_events(office) == []
