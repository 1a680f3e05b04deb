"""Submissions to the province 上报省平台 over cases taken through the services: new records go up once,
a record changed or repaired after it went up goes up again, what misses a required field is held back
until corrected, the files read back equal the register's own records (as ``breach list --json``
gives them) field by field, and exporting again writes the same bytes."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from app.cli.breach_commands import _json as breach_json
from app.domain.errors import DomainError
from app.domain.submissions import checksum
from app.services import act, credit_register, credit_submissions, intake
from app.services.maintenance import rebuild_projections
from app.store import submissions as rows
from app.sync.integrity import CARRIED
from tests.factories import china_noon, credit_code
from tests.factories import intake as make_intake

pytest_plugins = ("tests.sync_fixtures",)  # the hub fixture (integrity repair)


def _breach(office, respondent: str, code: str | None):
    p, o = office.profile, office
    o.clock.now = china_noon(2026, 11, 26)
    data = make_intake()
    data["respondent"] = {**data["respondent"], "name": respondent}
    if code:
        data["respondent"]["credit_code"] = code
    case = intake.register(p, o.clerk, data).case_no
    act.act(p, o.handler, case, "forward", {"department": "双柏县人民政府"})
    act.act(p, o.handler, case, "conclude", {"finding": "substantiated", "explanation": "经核实情况属实",
                                             "requirements": "限期兑现", "rectify_due": "2026-11-30"})
    o.clock.now = china_noon(2026, 12, 2)
    act.act(p, o.leader, case, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-02",
                                          "facts": f"{respondent}逾期未兑现扶持资金", "ground": "overdue"})
    return case


def _read(folder, number):
    document = json.loads((folder / f"{number}.json").read_text(encoding="utf-8"))
    return document


def _expected(record: dict) -> dict:
    """The register's record (``breach list --json``) as the field table maps it."""
    return {
        "record_no": record["case_no"], "subject_name": record["respondent_name"],
        "subject_code": record["respondent_code"] or "", "region_code": record["region_code"],
        "region_name": record["region_name"], "competent_department": record["department"],
        "breach_behaviour": record["facts"], "confirmed_by": record["confirmed_by"],
        "confirmed_on": record["confirmed_on"], "decision_no": record["document_ref"] or "",
        "complainant": record["complainant_name"], "agreement": record["agreement_title"],
        "amount": (record["claim_yuan"] or "").replace(",", ""), "record_status": record["status_label"],
        "sanctions": "；".join("、".join(s["measures"]) for s in record["sanctions"]),
        "sanction_bodies": "；".join(s["imposed_by"] for s in record["sanctions"]),
        "repaired_on": record["repaired_on"] or "", "repair_decision_no": record["repair_document"] or "",
        "updated_on": record["changed_on"], "record_digest": record["digest"],
    }


def _check_against_register(office, document):
    p, o = office.profile, office
    register = {r.case_no: breach_json(r) for r in credit_register.register_page(p, o.officer, limit=None).rows}
    assert document["records"], "the submission carries records"
    for sent in document["records"]:
        expected = _expected(register[sent["record_no"]])
        assert {k: sent[k] for k in expected} == expected


def test_submit_change_resubmit(office, tmp_path):
    p, o = office.profile, office
    finance = _breach(office, "双柏县财政局", credit_code("11", "532322"))
    water = _breach(office, "双柏县水务局", credit_code("12", "532322"))
    nocode = _breach(office, "双柏县林业和草原局", None)

    with pytest.raises(DomainError) as caught:  # confirmed in December: not due for November
        credit_submissions.create(p, o.officer, "2026-11")
    assert caught.value.code == "submission_nothing_due"
    with pytest.raises(DomainError) as caught:
        credit_submissions.preview(p, o.officer, "2027-01")
    assert caught.value.code == "submission_period_future"

    preview = credit_submissions.preview(p, o.officer, "2026-12")
    assert (preview.new, preview.changed, preview.repaired) == (2, 0, 0)
    assert [h.case_no for h in preview.held_back] == [nocode]
    assert "缺少统一社会信用代码" in preview.held_back[0].problems

    first = credit_submissions.create(p, o.officer, "2026-12")
    assert first.info.number == "532322-BS-2026-0001" and first.info.status == "draft"
    assert sorted(i.case_no for i in first.items) == sorted([finance, water])
    assert {i.kind for i in first.items} == {"new"}
    with pytest.raises(DomainError) as caught:
        credit_submissions.create(p, o.officer, "2026-12")
    assert caught.value.code == "submission_draft_open"
    with pytest.raises(DomainError) as caught:
        credit_submissions.mark_sent(p, o.officer, first.info.number, date(2026, 12, 2))
    assert caught.value.code == "submission_not_exported"

    out, again = tmp_path / "out", tmp_path / "again"
    done = credit_submissions.export(p, o.officer, first.info.number, out)
    assert done.info.status == "exported" and {x.name for x in done.paths} == {
        "532322-BS-2026-0001.json", "532322-BS-2026-0001.xlsx", "532322-BS-2026-0001.sha256"}
    o.clock.now = china_noon(2026, 12, 3)  # a later export, another day: the same bytes
    credit_submissions.export(p, o.officer, "1", again)
    for name in (x.name for x in done.paths):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name

    document = _read(out, first.info.number)
    header = document["header"]
    assert (header["submission_no"], header["period"], header["office_code"]) == (
        "532322-BS-2026-0001", "2026-12", "532322")
    assert header["counts"] == {"new": 2, "changed": 0, "repaired": 0, "total": 2}
    assert header["records_sha256"] == checksum(document["records"]) == first.info.checksum
    side = (out / "532322-BS-2026-0001.sha256").read_text(encoding="utf-8").splitlines()
    assert side[0].startswith(header["records_sha256"])
    assert f"{hashlib.sha256((out / '532322-BS-2026-0001.xlsx').read_bytes()).hexdigest()}  532322-BS-2026-0001.xlsx" in side
    _check_against_register(office, document)
    assert all(r["report_kind"] == "新增" for r in document["records"])

    sheet = load_workbook(out / "532322-BS-2026-0001.xlsx")["失信记录"]
    titles = [c.value for c in sheet[1]]
    assert titles[:4] == ["记录编号", "报送类型", "失信主体名称", "统一社会信用代码"]
    ids = [f["id"] for f in document["fields"]]
    from_xlsx = [{i: (v or "") for i, v in zip(ids, row, strict=True)}
                 for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert from_xlsx == document["records"]

    credit_submissions.mark_sent(p, o.officer, first.info.number, date(2026, 12, 3))
    with pytest.raises(DomainError) as caught:
        credit_submissions.mark_sent(p, o.officer, first.info.number, date(2026, 12, 3))
    assert caught.value.code == "submission_already_sent"
    assert credit_submissions.preview(p, o.officer, "2026-12").total == 0, "nothing is sent twice"

    o.clock.now = china_noon(2026, 12, 4)
    act.act(p, o.leader, finance, "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县人民政府",
                                               "start_on": "2026-12-04", "end_on": "2027-12-03"})
    act.act(p, o.leader, water, "repair", {"evidence": "已足额兑现扶持资金", "fulfilled_on": "2026-12-04"})
    second = credit_submissions.create(p, o.officer, "2026-12")
    assert second.info.number == "532322-BS-2026-0002"
    assert {i.case_no: i.kind for i in second.items} == {finance: "changed", water: "repaired"}
    credit_submissions.export(p, o.officer, second.info.number, out)
    document = _read(out, second.info.number)
    _check_against_register(office, document)
    kinds = {r["record_no"]: (r["report_kind"], r["record_status"]) for r in document["records"]}
    assert kinds == {finance: ("变更", "有效"), water: ("修复", "已修复")}
    repaired = next(r for r in document["records"] if r["record_no"] == water)
    assert repaired["repaired_on"] == "2026-12-04"
    sanctioned = next(r for r in document["records"] if r["record_no"] == finance)
    assert sanctioned["sanctions"] == "公开通报批评" and sanctioned["valid_period"] == "2026-12-04 至 2027-12-03"

    preview = credit_submissions.preview(p, o.officer, "2026-12")
    assert preview.unsent == (second.info.number,), "an exported submission not marked sent is named"
    assert preview.total == 0, "an exported submission counts as gone up"

    rebuild_projections(p)
    assert [s.number for s in credit_submissions.submissions(p)] == [second.info.number, first.info.number]
    assert credit_submissions.preview(p, o.officer, "2026-12").total == 0, "a rebuild changes nothing"


def test_a_discarded_draft_leaves_everything_due(office, tmp_path):
    p, o = office.profile, office
    case = _breach(office, "双柏县财政局", credit_code("11", "532322"))
    draft = credit_submissions.create(p, o.officer, "2026-12")
    assert credit_submissions.preview(p, o.officer, "2026-12").new == 1, "a draft has not gone up"
    assert credit_submissions.discard(p, o.officer, draft.info.number) == draft.info.number
    again = credit_submissions.create(p, o.officer, "2026-12")
    assert again.info.number == draft.info.number and [i.case_no for i in again.items] == [case]
    credit_submissions.export(p, o.officer, again.info.number, tmp_path)
    with pytest.raises(DomainError) as caught:
        credit_submissions.discard(p, o.officer, again.info.number)
    assert caught.value.code == "submission_not_draft"
    with pytest.raises(DomainError) as caught:
        credit_submissions.create(p, o.clerk, "2026-12")
    assert caught.value.code == "role_not_permitted"


def test_the_submissions_survive_an_integrity_repair(hub, tmp_path):
    """A repair rebuilds the database from the hub: the submissions, which only this device holds, are kept."""
    from tests.integration.test_sync_integrity import damage
    from tests.sync_fixtures import COUNTY_A, device, register

    assert {"credit_submissions", "credit_submission_items"} <= set(CARRIED)
    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    a.sync()
    with a.profile.store.unit_of_work() as uow:
        rows.insert_submission(uow.session, {
            "number": "532322-BS-2026-0001", "office_code": "532322", "year": 2026, "seq": 1, "period": "2026-11",
            "status": "sent", "created_at": "2026-12-01T01:00:00.000Z", "created_by": "杨喆",
            "field_table": json.dumps({"version": "1", "fields": [{"id": "record_no", "title": "记录编号"}]}), "checksum": "0" * 64,
            "new_count": 1, "changed_count": 0, "repaired_count": 0, "sent_on": "2026-12-01", "sent_by": "杨喆"},
            [{"position": 0, "complaint_id": cid, "case_no": "532322-2026-0001", "kind": "new", "digest": "d" * 64,
              "record_status": "in_force", "data": json.dumps(["532322-2026-0001"])}])
        uow.commit()
    damage(a.profile, [f"DELETE FROM events WHERE stream = '{cid}' AND action = 'register'"])
    assert a.sync(verify=True).integrity == "repaired"
    (kept,) = credit_submissions.submissions(a.profile)
    assert (kept.number, kept.status, kept.sent_on) == ("532322-BS-2026-0001", "sent", "2026-12-01")
    assert [i.case_no for i in credit_submissions.show(a.profile, "1").items] == ["532322-2026-0001"]


def test_an_operator_changes_the_field_table(office, tmp_path):
    p, o = office.profile, office
    case = _breach(office, "双柏县财政局", credit_code("11", "532322"))
    first = credit_submissions.create(p, o.officer, "2026-12")
    credit_submissions.export(p, o.officer, first.info.number, tmp_path / "before")
    own = p.files.home / "credit_submission_fields.json"
    own.write_text(json.dumps({"version": "2027.1", "fields": [
        {"id": "xybm", "title": "主体代码", "source": "respondent_code", "format": "credit_code", "required": True},
        {"id": "ajh", "title": "案号", "source": "case_no", "required": True},
        {"id": "yj", "title": "认定依据", "constant": "云发改财金〔2023〕1064号"}]}, ensure_ascii=False),
        encoding="utf-8")
    table = credit_submissions.field_table(p)
    assert (table.version, [f.title for f in table.fields]) == ("2027.1", ["主体代码", "案号", "认定依据"])
    # a submission made before keeps the table it was made with: the same bytes again
    credit_submissions.export(p, o.officer, first.info.number, tmp_path / "after")
    assert (tmp_path / "before" / f"{first.info.number}.json").read_bytes() == (
        tmp_path / "after" / f"{first.info.number}.json").read_bytes()
    credit_submissions.mark_sent(p, o.officer, first.info.number, date(2026, 12, 2))
    act.act(p, o.leader, case, "repair", {"evidence": "已兑现", "fulfilled_on": "2026-12-02"})
    second = credit_submissions.create(p, o.officer, "2026-12")
    credit_submissions.export(p, o.officer, second.info.number, tmp_path)
    document = _read(tmp_path, second.info.number)
    assert document["header"]["field_list_version"] == "2027.1"
    assert document["records"] == [{"xybm": document["records"][0]["xybm"], "ajh": case,
                                    "yj": "云发改财金〔2023〕1064号"}]
    own.write_text('{"version": "x", "fields": [{"id": "a", "title": "甲", "source": "nope"}]}', encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        credit_submissions.preview(p, o.officer, "2026-12")
    assert caught.value.code == "submission_fields_invalid" and "取值来源“nope”不存在" in caught.value.params["detail"]
