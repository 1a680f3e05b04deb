"""Bulk import of a messy 12345 export into a real profile: statuses, one transaction, rejects file,
re-import, duplicates, encodings, saved mappings."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.domain.errors import DomainError
from app.imports.mapping import Mapping
from app.services import imports, intake, maintenance
from app.services.imports import ALREADY, DUPLICATE, ERROR, OK
from app.store.tables import complaints, events
from tests import import_files as files
from tests.factories import intake as intake_data

PRESET = "12345热线工单导出"


def counts(profile) -> tuple[int, int]:
    with profile.store.read() as session:
        return (session.execute(select(func.count()).select_from(complaints)).scalar_one(),
                session.execute(select(func.count()).select_from(events).where(events.c.action == "register")).scalar_one())


@pytest.fixture
def mapping(office):
    return imports.get_mapping(office.profile, PRESET)


@pytest.fixture
def messy_xlsx(tmp_path):
    rows = files.hotline_rows(6)
    rows[3] = files.bad_code(rows[3])  # file row 7
    rows.append(list(rows[0]))  # the first ticket exported twice (file row 10)
    return files.write_xlsx(tmp_path / "12345工单.xlsx", rows)


def test_a_messy_export_previews_row_by_row(office, mapping, messy_xlsx):
    result = imports.preview(office.profile, messy_xlsx, mapping)
    status = {r.number: r.status for r in result.rows}
    assert status == {3: OK, 4: OK, 6: OK, 7: ERROR, 8: OK, 9: OK, 10: ERROR}  # title row 1, empty row 5 skipped
    bad = next(r for r in result.rows if r.number == 7)
    assert "统一社会信用代码" in bad.reasons[0] and "校验位错误" in bad.reasons[0]
    repeated = next(r for r in result.rows if r.number == 10)
    assert "与第 3 行重复" in repeated.reasons[0]
    first, second = (next(r for r in result.rows if r.number == n) for n in (3, 4))
    assert first.intake.received_on.isoformat() == "2026-03-05"  # Excel serial 46086
    assert second.intake.respondent.region_code == "532322"  # merged cell filled from its top-left
    assert first.intake.channel.value == "hotline_12345" and first.intake.breach_kind.value == "unpaid"
    assert str(first.intake.claim.amount) == "10000.00" and first.intake.description == first.intake.claim.text
    assert counts(office.profile) == (0, 0)


def test_commit_registers_the_good_rows_and_writes_the_rejects(office, mapping, messy_xlsx):
    result = imports.preview(office.profile, messy_xlsx, mapping)
    done = imports.commit(office.profile, office.clerk, result)
    assert [i.number for i in done.imported] == [3, 4, 6, 8, 9]
    assert done.imported[0].case_no == "532322-2026-0001"
    assert counts(office.profile) == (5, 5)
    stored = intake.open_duplicates(office.profile, result.rows[0].intake.complainant.credit_code,
                                    "双柏县住房和城乡建设局")
    assert stored and stored[0].case_no == "532322-2026-0001"
    sheet = load_workbook(done.rejects_path).active
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0][:4] == ("原文件行号", "状态", "未导入原因", "工单编号")
    assert [line[0] for line in lines[1:]] == [7, 10]
    assert "校验位错误" in lines[1][2]


def test_reimporting_the_same_file_registers_nothing_twice(office, mapping, messy_xlsx):
    imports.commit(office.profile, office.clerk, imports.preview(office.profile, messy_xlsx, mapping))
    again = imports.preview(office.profile, messy_xlsx, mapping)
    assert {r.number: r.status for r in again.rows if r.status == ALREADY} == dict.fromkeys([3, 4, 6, 8, 9, 10], ALREADY)
    assert "532322-2026-0001" in next(r for r in again.rows if r.number == 3).reasons[0]
    done = imports.commit(office.profile, office.clerk, again)
    assert done.imported == () and counts(office.profile) == (5, 5)


def test_an_open_complaint_of_the_same_parties_is_flagged(office, mapping, tmp_path):
    rows = files.hotline_rows(2)
    code = rows[0][files.HEADERS.index("统一社会信用代码")]
    data = intake_data(respondent="双柏县住房和城乡建设局")
    data["complainant"] = {**data["complainant"], "credit_code": code, "name": "另一名称有限公司"}
    data["received_on"] = "2026-02-20"  # within the duplicate window of the tickets (March 2026)
    existing = intake.register(office.profile, office.clerk, data)
    result = imports.preview(office.profile, files.write_xlsx(tmp_path / "a.xlsx", rows), mapping)
    assert [r.status for r in result.rows] == [DUPLICATE, OK]
    assert result.rows[0].duplicates == (existing.case_no,)
    done = imports.commit(office.profile, office.clerk, result, skip_duplicates=True)
    assert [i.number for i in done.imported] == [result.rows[1].number] and done.skipped_duplicates == 1


@pytest.mark.parametrize("encoding, delimiter", [("gbk", ","), ("utf-8-sig", ","), ("utf-8", "\t"),
                                                 ("gb18030", ";")])
def test_csv_in_any_encoding_and_delimiter(office, mapping, tmp_path, encoding, delimiter):
    rows = files.hotline_rows(3)
    rows[1] = files.bad_code(rows[1])
    path = files.write_csv(tmp_path / "12345.csv", rows, encoding=encoding, delimiter=delimiter)
    result = imports.preview(office.profile, path, mapping)
    assert [r.status for r in result.rows] == [OK, ERROR, OK]
    assert result.rows[0].intake.complainant.contact_person == "张伟"
    done = imports.commit(office.profile, office.clerk, result)
    assert len(done.imported) == 2
    with open(done.rejects_path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[1][0] == "3" and "校验位错误" in lines[1][2]


def test_cancel_or_failure_midway_leaves_nothing(office, mapping, messy_xlsx):
    result = imports.preview(office.profile, messy_xlsx, mapping)
    seen = []
    with pytest.raises(DomainError) as caught:
        imports.commit(office.profile, office.clerk, result, progress=lambda d, t: seen.append(d),
                       cancel=lambda: len(seen) >= 3)
    assert caught.value.code == "import_cancelled"
    assert counts(office.profile) == (0, 0)

    def boom(done, total):
        if done == 4:
            raise OSError("disk full")
    with pytest.raises(OSError):
        imports.commit(office.profile, office.clerk, result, progress=boom)
    assert counts(office.profile) == (0, 0)
    done = imports.commit(office.profile, office.clerk, result)
    assert done.imported[0].case_no == "532322-2026-0001"  # no number was used up by the failed runs


KILL_SCRIPT = """
import os, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from app.services import auth, imports
from app.services.profile import open_profile
profile = open_profile(Path({home!r}), daily_backup=False)
actor = auth.login(profile, "clerk", {password!r})
result = imports.preview(profile, {source!r}, imports.get_mapping(profile, {preset!r}))
def die(done, total):
    if done == 3:
        os._exit(9)  # as if the process were killed in the middle of the import
imports.commit(profile, actor, result, progress=die)
"""


def test_a_killed_import_leaves_nothing(office, mapping, messy_xlsx):
    from tests.factories import PASSWORD

    home = office.profile.files.home
    office.profile.close()
    root = str(Path(__file__).resolve().parents[2])
    script = KILL_SCRIPT.format(root=root, home=str(home), password=PASSWORD, source=str(messy_xlsx), preset=PRESET)
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1"}
    finished = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert finished.returncode == 9, finished.stderr.decode()
    from app.services.profile import open_profile

    profile = open_profile(home, daily_backup=False)
    try:
        assert counts(profile) == (0, 0)
    finally:
        profile.close()


def test_saved_mappings_are_listed_and_survive_a_rebuild(office, tmp_path):
    mine = Mapping("双柏县信访导出", {"编号": "channel_ref", "企业": "complainant.name"},
                   {"channel": "online_petition"})
    imports.save_mapping(office.profile, office.clerk, mine)
    maintenance.rebuild_projections(office.profile)
    names = [m.name for m in imports.list_mappings(office.profile)]
    assert names[0] == PRESET and "双柏县信访导出" in names
    assert imports.get_mapping(office.profile, "双柏县信访导出").defaults == {"channel": "online_petition"}
    with pytest.raises(DomainError) as caught:
        imports.save_mapping(office.profile, office.clerk, Mapping(PRESET, {}))
    assert caught.value.code == "import_mapping_preset"


def test_channel_ref_is_projected_and_rebuilt(office):
    registered = intake.register(office.profile, office.clerk, intake_data(channel_ref="GD-77"))
    maintenance.rebuild_projections(office.profile)
    with office.profile.store.read() as session:
        row = session.execute(select(complaints.c.channel, complaints.c.channel_ref)
                              .where(complaints.c.id == registered.complaint_id)).one()
    assert tuple(row) == ("hotline_12345", "GD-77")


def test_a_clerk_is_needed(office, mapping, messy_xlsx):
    result = imports.preview(office.profile, messy_xlsx, mapping)
    with pytest.raises(DomainError):
        imports.commit(office.profile, office.auditor, result)
    assert counts(office.profile) == (0, 0)


def test_the_documented_sample_previews_as_described(office, mapping, tmp_path):
    from app.services.profile import create_profile
    from tools.import_sample import build

    sample = build(tmp_path / "sample.xlsx")
    county = imports.preview(office.profile, sample, mapping)  # a county office: other counties are out of scope
    assert county.count(OK) < 40 and any("532322" not in r.reasons[0] for r in county.rows if r.status == ERROR)
    prefecture = create_profile(tmp_path / "pref", region_code="532300", office_name="楚雄州发展和改革委员会",
                                clock=office.clock)
    try:
        result = imports.preview(prefecture, sample, mapping)
    finally:
        prefecture.close()
    assert (result.count(OK), result.count(ERROR)) == (40, 4)
    reasons = " ".join(r for row in result.rows for r in row.reasons)
    assert "校验位错误" in reasons and "安宁县" in reasons and "与第 6 行重复" in reasons


def downgrade_to(path, revision: str) -> None:
    from alembic import command

    from app.store.engine import create_sqlite_engine
    from app.store.migrate import _config

    engine = create_sqlite_engine(path)
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()
    engine.dispose()


def test_migration_0008_fills_channel_ref_from_the_stored_complaints(office):
    import sqlite3

    from app.services.profile import open_profile

    registered = intake.register(office.profile, office.clerk, intake_data(channel_ref="12345-2026-000321"))
    intake.register(office.profile, office.clerk, intake_data(complainant="双柏县无编号商贸有限公司"))
    home = office.profile.files.home
    office.profile.close()
    downgrade_to(home / "lvyue.sqlite", "0007")  # back to the schema before 0008
    con = sqlite3.connect(home / "lvyue.sqlite")
    assert "channel_ref" not in {r[1] for r in con.execute("PRAGMA table_info(complaints)")}
    con.close()
    profile = open_profile(home, daily_backup=False)
    try:
        with profile.store.read() as session:
            rows = dict(session.execute(select(complaints.c.id, complaints.c.channel_ref)).all())
    finally:
        profile.close()
    assert rows[registered.complaint_id] == "12345-2026-000321"
    assert list(rows.values()).count(None) == 1
