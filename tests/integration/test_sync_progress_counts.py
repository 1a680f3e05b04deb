"""What a sync counts and says while it runs (found by mutation testing, issue 17, app/sync check with seed
73): the upload's progress counts this PC's unsent records up to their total, batch by batch; every
attachment whose file is gone is counted and named; reference data that changed in the same sync as a
repair is used by the repair's projection; a cancelled sync says so in Chinese."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta
from pathlib import Path

from app.domain.clock import utc_now
from app.messages import describe
from app.services.attachments import attach_file
from app.sync import outbox
from app.sync.blobs import blob_file
from app.sync.runner import SyncCancelled
from tests.factories import FixedClock
from tests.sync_fixtures import COUNTY_A, act, device, hub_streams, projection, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub and memory_keyring fixtures


def test_the_upload_progress_counts_this_pcs_records_up_to_their_total(hub, tmp_path, monkeypatch):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    for _ in range(3):
        act(a, register(a), "forward", {"department": "双柏县人民政府"})
    with a.profile.store.read() as session:
        total = outbox.pending_count(session, a.profile.device_id)
    assert total >= 6
    monkeypatch.setenv("LVYUE_SYNC_PUSH_BATCH", "2")
    shown = []
    report = a.sync(progress=shown.append)
    pushes = [(p.done, p.total, p.text) for p in shown if p.stage == "push"]
    assert [(done, t) for done, t, _ in pushes] == [(n, total) for n in (*range(0, total, 2), total)]
    assert pushes[-1][2] == f"正在上传记录 {total}/{total}"
    assert report.pushed == total


def test_every_attachment_whose_file_is_gone_is_counted_and_named(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    cid = register(a)
    for name in ("协议.pdf", "验收单.pdf"):
        source = tmp_path / name
        source.write_bytes(os.urandom(3000))
        attach_file(a.profile, a.officer, cid, source)
        blob_file(a.profile.files.blobs, hashlib.sha256(source.read_bytes()).hexdigest()).unlink()
    report = a.sync()
    assert report.blobs_failed == 2
    assert sorted(f.filename for f in a.status().blob_failures) == ["协议.pdf", "验收单.pdf"]


def test_a_repair_in_the_sync_that_brought_new_reference_data_projects_with_it(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    act(a, register(a), "forward", {"department": "双柏县人民政府"})
    a.sync()
    before = projection(a.profile)
    hub.add_user("sb_clerk2", "532322", name="新来的登记员")  # the hub's reference data changes
    report = a.sync(repair=True)
    assert report.reference_updated and report.integrity == "repaired"
    backup = Path(report.backup)
    assert backup.exists() and f"本机数据与中心核对不一致，已备份本机数据库（{backup.name}）并重新下载" in report.warnings
    after = projection(a.profile)
    assert after.keys() == before.keys()
    assert [(c["state"], c["due_on"]) for c in after.values()] == [(c["state"], c["due_on"]) for c in before.values()]
    new = register(a)  # work after the repair goes up as before (its horizon from the repair's pull mark)
    assert a.sync().pushed >= 1 and new in hub_streams(hub)


def test_a_cancelled_sync_says_so_and_that_the_work_done_is_kept():
    cancelled = SyncCancelled()
    assert cancelled.code == "sync_cancelled"
    assert describe(cancelled) == "同步已取消，已完成的部分已保存"


def test_the_integrity_check_runs_once_a_day_unless_asked_for(hub, tmp_path):
    clock = FixedClock(utc_now())
    a = device(hub, tmp_path / "sb", COUNTY_A, clock=clock)  # its first sync checked
    register(a)
    assert a.sync().integrity == "skipped"  # checked less than 20 hours ago
    assert a.sync(verify=True).integrity == "ok"  # 立即核对
    clock.now = clock.now + timedelta(hours=21)
    assert a.sync().integrity == "ok"  # a day later it is due again
    assert a.sync().integrity == "skipped"
