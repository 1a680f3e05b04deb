"""A sync with an attachment file gone from the PC: the other records still go up, and the report says
which attachment of which complaint to re-attach (issue 12)."""

from __future__ import annotations

from app.services.attachments import attach_file
from app.services.queries import get_complaint
from app.sync.blobs import blob_file
from tests.sync_fixtures import COUNTY_A, PREFECTURE, device, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub fixture


def test_a_missing_attachment_file_is_named_and_the_sync_goes_on(hub, tmp_path):
    a = device(hub, tmp_path / "sb", COUNTY_A)
    first = register(a)
    scan = tmp_path / "验收单.pdf"
    scan.write_bytes(b"%PDF-1.7 acceptance note")
    attach_file(a.profile, a.officer, first, scan)
    sha = get_complaint(a.profile, a.officer, first).complaint.attachments[0]["sha256"]
    blob_file(a.profile.files.blobs, sha).unlink()  # deleted from the profile folder by hand
    second = register(a)
    report = a.sync()
    assert a.status().pending_events == 0  # every record went up, the attach event included
    assert report.blobs_failed == 1
    case_no = get_complaint(a.profile, a.officer, first).complaint.case_no
    warning = next(w for w in report.warnings if "验收单.pdf" in w)
    assert case_no in warning and "重新添加" in warning
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    p.sync()
    assert get_complaint(p.profile, p.officer, second).complaint.id == second  # the other records arrived
