"""First data of a new hub: its id, the sequence counter, the shipped regions and holiday calendar,
and the default deadline rules. Idempotent: run on every start after the migrations."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.deadlines import DeadlineRules
from app.domain.events import canonical_json
from app.domain.ids import uuid7
from app.domain.regions import REFERENCE_DIR, RegionRegistry
from server.db import insert_ignore
from server.services.admin import import_holidays, upsert_regions
from server.services.reference import get_setting, put_setting
from server.tables import counters, holiday_years, regions


def seed(session: Session) -> None:
    insert_ignore(session, counters, {"name": "server_seq", "value": 0})
    if get_setting(session, "hub_id") is None:
        put_setting(session, "hub_id", uuid7())
        put_setting(session, "reference_version", "1")
        put_setting(session, "deadline_rules", canonical_json(DeadlineRules().to_dict()))
    if session.execute(select(regions.c.code).limit(1)).first() is None:
        upsert_regions(session, RegionRegistry.load_default())
    if session.execute(select(holiday_years.c.year).limit(1)).first() is None:
        data = json.loads((REFERENCE_DIR / "holidays.json").read_text(encoding="utf-8"))
        import_holidays(session, data)
