"""A key rotation re-seals everything a batch at a time (``app.store.sealing``): every event is counted
once in the report, every aggregate still reads the same, the clear text is nowhere in the file, and the
search index is rebuilt whole with the new key's tokens (a complaint is still found by name and by the
last digits of its phone). Batches of 3 rows stand in for the 2,000 of a real profile."""

from __future__ import annotations

import sqlite3

from app.services import act, data_protection, intake
from app.services.queries import search_hits
from app.store import sealing
from tests.factories import intake as make_intake


def test_a_rotation_in_small_batches_reseals_and_reindexes_everything(office, monkeypatch):
    p, o = office.profile, office
    cases = []
    for name in ("绿源农业科技有限公司", "滇中建材有限公司", "彝乡茶业合作社"):
        reg = intake.register(p, o.clerk, make_intake(complainant=f"双柏县{name}"))
        act.act(p, o.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})
        cases.append(reg.complaint_id)
    with p.store.reading() as uow:
        before = [uow.complaints.get(c).to_json() for c in cases]
        events = uow.events.count()
    monkeypatch.setattr(sealing, "BATCH", 3)
    report = data_protection.rotate(p.store, p.files.backups)
    assert report.events == events and report.new_key != report.old_key
    with p.store.reading() as uow:
        assert [uow.complaints.get(c).to_json() for c in cases] == before
    with p.store.read() as session:
        nums = dict(session.connection().exec_driver_sql("SELECT id, num FROM complaints").all())
        assert search_hits(session, "彝乡茶业").nums == {nums[cases[2]]}
        assert search_hits(session, "双柏县").nums == set(nums.values())
        assert search_hits(session, "2345").nums == set(nums.values())  # the phone's last digits
    con = sqlite3.connect(p.files.database)
    try:
        assert not con.execute("SELECT count(*) FROM events WHERE payload LIKE '%13887012345%'").fetchone()[0]
    finally:
        con.close()
