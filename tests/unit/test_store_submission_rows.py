"""The rows behind submissions to the province (``app.store.submissions``): the breach records of an office's
scope and no other's, what last left the office of each record (a draft has not), submission numbers
counted per office and year, and a submission found by its number or its id with its items in order."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.domain.submissions import Current, LastSent
from app.store import submissions as rows
from app.store.tables import breach_records, metadata


@pytest.fixture
def session(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'submissions.sqlite'}")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


def _breach(session, num: int, region: str) -> None:
    session.execute(breach_records.insert(), [_record(num, region)])


def _record(num: int, region: str) -> dict:
    return dict(
        num=num, case_no=f"{region}-2026-{num:04d}", complaint_id=f"c{num}", region_code=region, office_code=region,
        department="县人民政府", respondent_name=f"被投诉单位{num}", complainant_name="投诉企业", agreement_title="协议",
        ground="overdue", confirmed_by="县人民政府", confirmed_on="2026-12-02", recorded_on="2026-12-02",
        facts="逾期未兑现", status="in_force", sanctions="[]", accountability="[]", sanction_count=0,
        changed_on="2026-12-02", digest=f"digest-{num}")


def _submission(session, office: str, year: int, seq: int, status: str, items: list[tuple[str, str, str]]) -> int:
    return rows.insert_submission(session, {
        "number": f"{office}-BS-{year}-{seq:04d}", "office_code": office, "year": year, "seq": seq,
        "period": f"{year}-11", "status": status, "created_at": f"{year}-12-01T01:00:00.000Z", "created_by": "杨喆",
        "field_table": "{}", "checksum": "0" * 64, "new_count": len(items), "changed_count": 0,
        "repaired_count": 0,
    }, [{"position": position, "complaint_id": cid, "case_no": f"case-{cid}", "kind": "new", "digest": digest,
         "record_status": record_status, "data": json.dumps([cid, digest])}
        for position, (cid, digest, record_status) in enumerate(items)])


@pytest.mark.parametrize(("scope", "expected"), [
    ("532301", ["c1"]),  # 楚雄市: not 532302 beside it
    ("532322", ["c3"]),
    ("5323", ["c1", "c2", "c3"]),  # 楚雄州: its counties, not 昆明
    ("53", ["c1", "c2", "c3", "c4"]),
])
def test_the_records_of_a_scope_are_its_own_only(session, scope, expected):
    for num, region in enumerate(("532301", "532302", "532322", "530102"), start=1):
        _breach(session, num, region)
    found = rows.current_records(session, scope)
    assert sorted(r.complaint_id for r in found) == expected
    assert all(isinstance(r, Current) and r.digest == f"digest-{r.complaint_id[1:]}" for r in found)
    assert {r.case_no[:len(scope)] for r in found} == {scope}


def test_what_last_left_the_office_is_the_newest_exported_or_sent_item(session):
    _submission(session, "532322", 2026, 1, "sent", [("a", "a1", "in_force"), ("b", "b1", "in_force")])
    _submission(session, "532322", 2026, 2, "exported", [("a", "a2", "repaired")])
    _submission(session, "532322", 2026, 3, "draft", [("a", "a3", "in_force"), ("c", "c3", "in_force")])
    assert rows.last_sent(session) == {"a": LastSent("a2", "repaired"), "b": LastSent("b1", "in_force")}


def test_submission_numbers_count_per_office_and_year(session):
    assert rows.next_seq(session, "532322", 2026) == 1
    for seq in (1, 2):
        _submission(session, "532322", 2026, seq, "sent", [])
    _submission(session, "532322", 2025, 7, "sent", [])
    _submission(session, "532301", 2026, 5, "sent", [])
    assert rows.next_seq(session, "532322", 2026) == 3
    assert rows.next_seq(session, "532322", 2027) == 1
    assert rows.next_seq(session, "532322", 2025) == 8
    assert rows.next_seq(session, "532301", 2026) == 6


def test_a_submission_is_found_by_number_or_id_with_its_items_in_order(session):
    _submission(session, "532322", 2026, 1, "sent", [("x", "x1", "in_force")])
    sid = _submission(session, "532322", 2026, 2, "draft", [("b", "b2", "in_force"), ("a", "a2", "repaired")])
    assert isinstance(sid, int) and sid == 2
    assert rows.find(session, " 532322-bs-2026-0002 ").id == sid
    assert rows.find(session, str(sid)).number == "532322-BS-2026-0002"
    assert rows.find(session, "532322-BS-2026-0009") is None
    assert [(i.position, i.complaint_id) for i in rows.items(session, sid)] == [(0, "b"), (1, "a")]
    assert rows.item_rows(session, sid) == [["b", "b2"], ["a", "a2"]]
    assert [s.id for s in rows.submissions(session)] == [2, 1]  # newest first
    rows.update_submission(session, sid, status="exported")
    assert rows.find(session, "2").status == "exported"
    rows.delete_submission(session, sid)
    assert rows.find(session, "2") is None and rows.items(session, sid) == []
    assert rows.item_rows(session, 1) == [["x", "x1"]]


def test_register_rows_are_read_in_batches_for_any_number_of_records(session):
    session.execute(breach_records.insert(), [_record(num, "532322") for num in range(1, 1203)])
    wanted = [f"c{n}" for n in range(1, 1203, 2)] + ["c-missing"]
    found = rows.record_rows(session, iter(wanted))
    assert sorted(r.complaint_id for r in found) == sorted(wanted[:-1])
    assert rows.record_rows(session, []) == []
