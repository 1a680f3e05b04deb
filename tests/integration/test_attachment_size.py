"""The attachment size limit on the device (50 MB, ``app.services.attachments``): a file of exactly the
limit is kept, one byte more is refused in Chinese and leaves no stored file and no event."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.messages import describe
from app.services import attachments, intake, queries
from app.services.attachments import MAX_ATTACHMENT_BYTES
from tests.factories import intake as make_intake


def _sparse(path, size: int):
    with path.open("wb") as handle:  # sparse: no 50 MB written to the test's disk
        handle.truncate(size)
    return path


def _stored_files(office) -> list:
    return [p for p in office.profile.files.blobs.rglob("*") if p.is_file()]


def test_one_byte_over_the_limit_is_refused_and_nothing_is_kept(office, tmp_path):
    case = intake.register(office.profile, office.clerk, make_intake()).case_no
    with pytest.raises(DomainError) as caught:
        attachments.attach_file(office.profile, office.clerk, case, _sparse(tmp_path / "扫描件.pdf", MAX_ATTACHMENT_BYTES + 1))
    assert caught.value.code == "attachment_too_large" and caught.value.params["limit_mb"] == 50
    assert "50" in describe(caught.value)
    assert _stored_files(office) == []


def test_a_file_of_exactly_the_limit_is_kept(office, tmp_path):
    case = intake.register(office.profile, office.clerk, make_intake()).case_no
    attachments.attach_file(office.profile, office.clerk, case, _sparse(tmp_path / "扫描件.pdf", MAX_ATTACHMENT_BYTES))
    kept = queries.get_complaint(office.profile, office.clerk, case).complaint.attachments
    assert [(a["filename"], a["size"]) for a in kept] == [("扫描件.pdf", MAX_ATTACHMENT_BYTES)]
    assert [p.stat().st_size for p in _stored_files(office)] == [MAX_ATTACHMENT_BYTES]
