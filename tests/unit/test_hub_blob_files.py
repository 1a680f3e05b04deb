"""An attachment arriving at the hub in chunks (``server.services.blobstore``): appended where the last
chunk ended, a stale offset answered with what was received, more bytes than announced refused with the
hub's limit in MB, a file whose hash is not its name refused and dropped, and a name that is not a
SHA-256 refused with (only the start of) what was sent."""

from __future__ import annotations

import hashlib

import pytest

from server.errors import HubError
from server.services.blobstore import BlobFiles, check_sha, upload

MB = 1024 * 1024


def _refused(call, *args) -> HubError:
    with pytest.raises(HubError) as raised:
        call(*args)
    return raised.value


def test_chunks_make_the_file_and_a_stale_offset_says_what_arrived(tmp_path):
    files = BlobFiles(tmp_path, 3 * MB)
    data = "合同扫描件".encode() * 100
    sha = hashlib.sha256(data).hexdigest()
    assert files.append(sha, "532322", 0, data[:200], len(data)) == 200
    stale = _refused(files.append, sha, "532322", 0, data[:200], len(data))
    assert (stale.status, stale.code, stale.params) == (409, "blob_offset_mismatch", {"received": 200})
    assert files.received(sha, "532322") == 200 and files.received(sha, "532323") == 0
    assert files.append(sha, "532322", 200, data[200:], len(data)) == len(data)
    files.finish(sha, "532322")
    assert files.final(sha).read_bytes() == data and not files.partial(sha, "532322").exists()


def test_more_than_announced_is_refused_with_the_limit(tmp_path):
    files = BlobFiles(tmp_path, 3 * MB)
    sha = "a" * 64
    first = _refused(files.append, sha, "532322", 0, b"x" * 11, 10)
    assert (first.status, first.code, first.params) == (413, "blob_too_large", {"limit_mb": 3})
    assert not files.partial(sha, "532322").exists()  # refused before anything was written
    assert files.append(sha, "532322", 0, b"x" * 6, 10) == 6
    later = _refused(files.append, sha, "532322", 6, b"x" * 5, 10)
    assert (later.code, later.params) == ("blob_too_large", {"limit_mb": 3})
    assert files.append(sha, "532322", 6, b"x" * 4, 10) == 10  # exactly the announced size
    announced = _refused(upload, None, files, None, sha, 0, 3 * MB + 1, b"")
    assert (announced.status, announced.code, announced.params) == (413, "blob_too_large", {"limit_mb": 3})


def test_a_file_whose_hash_is_not_its_name_is_refused_and_dropped(tmp_path):
    files = BlobFiles(tmp_path, MB)
    sha = hashlib.sha256(b"expected").hexdigest()
    files.append(sha, "532322", 0, b"something else", 14)
    refused = _refused(files.finish, sha, "532322")
    assert (refused.status, refused.code) == (422, "blob_hash_mismatch")
    assert not files.partial(sha, "532322").exists() and not files.final(sha).exists()


def test_a_name_that_is_not_a_sha256_is_refused_with_its_start(tmp_path):
    sha = hashlib.sha256(b"x").hexdigest()
    assert check_sha(sha) == sha
    for wrong in ("Z" * 64, sha.upper(), sha[:63], "../" + "a" * 200):
        refused = _refused(check_sha, wrong)
        assert (refused.status, refused.code) == (422, "request_invalid")
        assert refused.params == {"where": "sha256", "detail": wrong[:80]}
