"""Found on the third check sample (issue 17), written after it was recorded: a stored record whose payload no
longer parses is named by ``audit verify`` with its device and number, like any edited record; a warning
logged where no handler is configured (Python's last resort) has its phone number masked too."""

from __future__ import annotations

import logging

from sqlalchemy import text

from app.security import log_masking
from app.security.audit import verify


def test_a_record_whose_payload_no_longer_parses_is_named_with_its_device(office):
    profile = office.profile
    with profile.store.read() as session:
        row = session.execute(text("SELECT id, device_id, device_seq FROM events ORDER BY seq DESC LIMIT 1")).one()
    with profile.store.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER IF EXISTS events_append_only_update"))
        uow.session.execute(text("UPDATE events SET payload = :p WHERE id = :id"), {"p": "{不是 JSON", "id": row.id})
        uow.commit()
    with profile.store.read() as session:
        problems = [(p.kind, p.event_id, p.device_id, p.device_seq) for p in verify(session, profile.device_id).problems]
    assert ("event_edited", row.id, row.device_id, row.device_seq) in problems


def test_a_warning_with_no_handler_configured_is_masked_on_the_last_resort(capsys):
    last_resort = logging.lastResort
    had = log_masking.FILTER in last_resort.filters
    last_resort.removeFilter(log_masking.FILTER)
    logger = logging.getLogger("lvyue-test-last-resort")
    logger.propagate = False  # no handler anywhere: Python writes the warning through its last resort
    try:
        log_masking.install(logger)
        logger.warning("来电号码 %s", "13812345678")
        written = capsys.readouterr().err
        assert "138****5678" in written and "13812345678" not in written
    finally:
        last_resort.removeFilter(log_masking.FILTER)
        if had:
            last_resort.addFilter(log_masking.FILTER)
        logger.propagate = True
