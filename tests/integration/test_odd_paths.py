"""Paths as data, never as URI text (issue 16): profile and backup folders whose names hold a space,
Chinese, ``#``, ``%``, ``%41``, ``&``, ``;`` or run long. Each case creates the profile (migrating it),
registers a complaint, backs up, restores (the restored profile has the complaint) and issues a PDF
into that folder. Before the fix a ``#`` made SQLite open another (empty) file and ``%41`` decoded."""

from __future__ import annotations

import sqlite3

import pytest

from app.domain.errors import DomainError
from app.services import documents, maintenance
from app.services.file_output import write_file
from app.services.intake import register
from app.services.profile import open_profile
from app.services.queries import get_complaint
from tests.conftest import make_office
from tests.factories import intake

NAMES = ["有 空格", "中文目录", "备份#1", "百分%号", "h%41 x", "a&b", "a;b", "长" * 10 + "l" * 200]


@pytest.mark.parametrize("name", NAMES)
def test_profile_and_backup_round_trip_in_an_odd_folder(tmp_path, clock, name):
    office = make_office(tmp_path / name / "profile", clock)
    try:
        profile = office.profile
        case = register(profile, office.clerk, intake())
        made = maintenance.backup(profile, str(tmp_path / "U盘" / name / "双柏.sqlite"))
        assert made.parent.name == name and made.stat().st_size > 0
        issued = documents.issue(profile, office.handler, case.case_no, "receipt")
        pdf = write_file(tmp_path / name / "受理通知.pdf", issued.path.read_bytes())
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        office.profile.close()
    assert not (tmp_path / "U盘" / name.split("#")[0]).is_file()  # no stray file cut at '#'
    maintenance.restore(profile.files.home, made)
    reopened = open_profile(profile.files.home, daily_backup=False, clock=clock)
    try:
        assert get_complaint(reopened, office.clerk, case.complaint_id).complaint.case_no == case.case_no
    finally:
        reopened.close()


def test_a_restore_leaving_fewer_tables_keeps_the_current_database(office, tmp_path):
    profile = office.profile
    case = register(profile, office.clerk, intake())
    made = maintenance.backup(profile, str(tmp_path / "good.sqlite"))
    with sqlite3.connect(made) as db:  # an initialised copy missing a table
        db.execute("DROP TABLE complaints")
    profile.close()
    with pytest.raises(DomainError) as raised:
        maintenance.restore(profile.files.home, made)
    assert raised.value.code == "restore_incomplete_backup"
    reopened = open_profile(profile.files.home, daily_backup=False, clock=office.clock)
    try:
        assert get_complaint(reopened, office.clerk, case.complaint_id).complaint.case_no == case.case_no
    finally:
        reopened.close()


def test_a_hub_database_in_a_folder_with_hash_and_percent_migrates_and_starts(tmp_path):
    from sqlalchemy import inspect

    from server.db import make_engine
    from server.migrate import upgrade
    from server.sealing import sqlite_path
    from server.settings import HubSettings

    data_dir = tmp_path / "中心#1 h%41 x"
    settings = HubSettings(data_dir=data_dir)
    assert sqlite_path(settings.database_url) == (data_dir / "hub.sqlite").resolve()
    engine = make_engine(settings)
    try:
        upgrade(engine)
        assert "events" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert (data_dir / "hub.sqlite").is_file() and not (tmp_path / "中心").exists()
