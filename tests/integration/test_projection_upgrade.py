"""A profile whose complaint rows an older version projected is rebuilt once when it is opened (the fold
changed in issue 9: the forward deadline counts from receipt)."""

from __future__ import annotations

from sqlalchemy import text

from app.services import intake
from app.services.profile import open_profile
from app.store.projector import PROJECTION_VERSION
from tests.factories import intake as make_intake


def test_rows_projected_by_an_older_version_are_rebuilt_on_open(office):
    profile = office.profile
    reg = intake.register(profile, office.clerk, make_intake(received_on="2026-11-13"))  # registered 11-26
    with profile.store.unit_of_work() as uow:  # as an older version left it: deadline from registration
        uow.session.execute(text("UPDATE complaints SET due_on = '2026-11-27' WHERE id = :i"), {"i": reg.complaint_id})
        uow.session.execute(text("DELETE FROM meta WHERE key = 'projection_version'"))
        uow.commit()
    home = profile.files.home
    profile.close()
    reports: list[tuple[int, int]] = []
    reopened = open_profile(home, clock=office.clock, daily_backup=False,
                            progress=lambda done, total: reports.append((done, total)))
    try:
        # the window shows how far the rebuild is: steadily forward, ending at the total
        assert reports and reports[-1][0] == reports[-1][1] > 0
        assert [done for done, _ in reports] == sorted(done for done, _ in reports)
        with reopened.store.read() as session:
            due = session.execute(text("SELECT due_on FROM complaints WHERE id = :i"),
                                  {"i": reg.complaint_id}).scalar_one()
            version = session.execute(text("SELECT value FROM meta WHERE key = 'projection_version'")).scalar_one()
        assert due == "2026-11-16"  # one working day after receipt (Friday 11-13 → Monday 11-16)
        assert version == str(PROJECTION_VERSION)
    finally:
        reopened.close()


def test_an_ordinary_opening_reports_no_progress(office):
    home = office.profile.files.home
    office.profile.close()
    reports: list = []
    again = open_profile(home, clock=office.clock, daily_backup=False, progress=lambda *a: reports.append(a))
    again.close()
    assert reports == []
