"""What the 同步 page and ``lvyue sync status`` say about what did not go through (found by mutation testing,
issue 17): an attachment that failed is named with its case, its file, the reason and the tries; a refusal
without the hub's own words is told from its code and numbers; the clock warning gives the minutes."""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import timedelta

from app.domain.clock import iso_utc, utc_now
from app.messages import message
from app.services import queries, sync
from app.services.attachments import attach_file
from app.store.tables import events
from app.sync.blobs import attachment_owner, blob_file
from app.sync.outbox import record_results
from app.sync.protocol import ChainHead, PushResponse, PushResult
from app.sync.tables import rejections
from tests.factories import FixedClock
from tests.sync_fixtures import COUNTY_A, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def _scan(tmp_path, name: str, size: int):
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def _case_no(d, complaint_id: str) -> str:
    return queries.get_complaint(d.profile, d.officer, complaint_id).complaint.case_no


def test_an_attachment_the_hub_refuses_is_named_with_its_reason_and_its_tries(hub, tmp_path, capsys):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    hub.database.settings.max_blob_bytes = 1024 * 1024
    cid = register(a)
    source, sha = _scan(tmp_path, "现场录像.mp4", 1_100_000)
    attach_file(a.profile, a.officer, cid, source)
    a.sync()
    (failure,) = a.status().blob_failures
    assert (failure.direction, failure.case_no, failure.filename, failure.sha256, failure.code, failure.attempts) == (
        "up", _case_no(a, cid), "现场录像.mp4", sha, "blob_too_large", 1)
    assert failure.reason == "附件过大（上限 1 MB）"  # the hub's limit, as it said it
    assert failure.describe() == f"上传 {failure.case_no}“现场录像.mp4”：{failure.reason}（已试 1 次）"
    a.sync()
    assert [f.attempts for f in a.status().blob_failures] == [2]  # still queued, tried again at each sync

    from app.cli import main

    capsys.readouterr()
    assert main(["--home", str(a.home), "sync", "--status"]) == 0
    shown = capsys.readouterr().out
    assert "未能传输的附件（1 个，每次同步都会再试）：" in shown
    assert f"上传 {failure.case_no}“现场录像.mp4”：附件过大（上限 1 MB）（已试 2 次）" in shown


def test_an_attachment_whose_file_is_gone_asks_to_attach_it_again(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    source, sha = _scan(tmp_path, "协议.pdf", 3000)
    attach_file(a.profile, a.officer, cid, source)
    blob_file(a.profile.files.blobs, sha).unlink()  # removed by hand, or by a cleaner
    report = a.sync()
    assert report.blobs_failed == 1
    assert any(f"{_case_no(a, cid)}“协议.pdf”" in warning for warning in report.warnings)
    (failure,) = a.status().blob_failures
    assert (failure.code, failure.reason) == ("missing_locally", message("missing_locally"))
    assert "重新添加" in failure.reason and failure.case_no == _case_no(a, cid)


def test_a_missing_file_does_not_hold_back_the_attachments_queued_after_it(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    shas = sorted(_scan_attached(a, cid, tmp_path, f"材料{i}.pdf") for i in range(3))
    blob_file(a.profile.files.blobs, shas[0]).unlink()  # the first in the queue's order is gone
    report = a.sync()
    assert (report.blobs_up, report.blobs_failed) == (2, 1)
    assert [f.sha256 for f in a.status().blob_failures] == [shas[0]]


def _scan_attached(d, cid: str, tmp_path, name: str) -> str:
    source, sha = _scan(tmp_path, name, 3000)
    attach_file(d.profile, d.officer, cid, source)
    return sha


def test_an_attachment_that_went_through_leaves_no_failure(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    source, _sha = _scan(tmp_path, "照片.jpg", 3000)
    attach_file(a.profile, a.officer, cid, source)
    a.sync()
    status = a.status()
    assert status.blobs_pending == 0 and status.blob_failures == ()


def test_a_refusal_without_the_hubs_words_is_told_from_its_code_and_numbers(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    first, second = register(a), register(a)  # not sent yet
    with a.profile.store.unit_of_work() as uow:
        rows = uow.session.execute(events.select().where(events.c.stream.in_([first, second]),
                                                          events.c.action == "register")
                                   .order_by(events.c.device_seq)).all()
        record_results(uow.session, rows, {row.id: 0 for row in rows}, PushResponse(
            chain=ChainHead(device_seq=0, hash="0" * 64), results=[
                PushResult(id=rows[0].id, status="rejected", code="out_of_scope", params={"region": "532323"}),
                PushResult(id=rows[1].id, status="rejected", code="out_of_scope", message="中心自己的说法",
                           params={"region": "532323"})]))
        uow.commit()
        stored = dict(uow.session.execute(rejections.select().with_only_columns(
            rejections.c.event_id, rejections.c.params)).all())
    assert stored[rows[0].id] == '{"region":"532323"}'
    by_id = {r.event_id: r.message for r in sync.status(a.profile).rejected}
    assert by_id[rows[0].id] == "行政区划“532323”不在本设备的管辖范围内"
    assert by_id[rows[1].id] == "中心自己的说法"  # the hub's words when it gives them


def test_refusals_in_every_push_batch_are_counted(hub, tmp_path, monkeypatch):
    """Pushed in batches (``LVYUE_SYNC_PUSH_BATCH``): the report counts the refusals of all of them."""
    from app.domain.ids import uuid7
    from app.store.events import Draft
    from tests.factories import intake

    monkeypatch.setenv("LVYUE_SYNC_PUSH_BATCH", "1")
    a = device(hub, tmp_path / "sb", COUNTY_A)
    with a.profile.store.unit_of_work() as uow:  # registrations for another county, behind the services
        for n in (1, 2):
            uow.events.append(Draft(id=uuid7(), stream=uuid7(), action="register", actor=a.officer.user_id,
                                    device_time=iso_utc(utc_now()),
                                    payload={"case_no": f"532323-2026-000{n}", "office_code": "532323",
                                             "intake": intake("532323")}))
        uow.commit()
    register(a)
    from app.sync.transport import HubClient

    pushes = []
    push = HubClient.push
    monkeypatch.setattr(HubClient, "push", lambda client, *args, **kwargs: pushes.append(1) or push(client, *args,
                                                                                                   **kwargs))
    report = a.sync()
    assert report.rejected == 2 and report.pushed >= 1  # one refusal in each of two batches, the rest go
    assert len(pushes) >= 3  # one event a request, as the setting says
    assert len(a.status().rejected) == 2


def test_the_clock_warning_gives_the_minutes_the_clocks_differ(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A, clock=FixedClock(utc_now() + timedelta(hours=3)))
    report = a.sync()
    (warning,) = [w for w in report.warnings if "时钟" in w]
    minutes = int(re.search(r"相差 (\d+) 分钟", warning).group(1))
    assert abs(minutes - abs(report.clock_skew_seconds) / 60) <= 1
    assert 170 <= minutes <= 181


def test_a_failure_reason_is_read_from_its_record_or_from_a_bare_code():
    from app.sync.blobs import failure_reason

    assert failure_reason('{"code":"blob_too_large","params":{"limit_mb":5}}') == ("blob_too_large", {"limit_mb": 5})
    assert failure_reason("blob_not_found") == ("blob_not_found", {})  # written by an earlier version
    assert failure_reason('{"code":"blob_not_found","params":[1]}') == ("blob_not_found", {})
    assert failure_reason('["blob_not_found"]') == ('["blob_not_found"]', {})
    assert failure_reason('{"code":7}') == ('{"code":7}', {})


class _Rows:
    def __init__(self, rows) -> None:
        self.rows = rows

    def execute(self, _statement):
        return iter(self.rows)


def test_a_damaged_attach_record_does_not_hide_the_files_recorded_after_it():
    sha = "a" * 64
    rows = [(b"\x00not json", "双发改投〔2026〕1号"),
            (json.dumps({"sha256": "b" * 64, "filename": "合同.pdf"}), "双发改投〔2026〕2号"),
            (json.dumps({"sha256": sha, "filename": "协议.pdf"}), "双发改投〔2026〕3号")]
    assert attachment_owner(_Rows(rows), sha) == ("双发改投〔2026〕3号", "协议.pdf")
    assert attachment_owner(_Rows(rows), "c" * 64) == (None, None)
