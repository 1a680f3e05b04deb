"""``write_pdf`` / ``write_file`` when Windows refuses to replace the target (a PDF open in WPS or
Acrobat: PermissionError on replace, simulated) or a folder stands where the file should go: the
reason as a Chinese ``DomainError`` (the CLI exits 1 with it), the old file intact, no part file left."""

from __future__ import annotations

import os

import pytest

from app.domain.errors import DomainError
from app.messages import describe
from app.services import file_output


def test_a_pdf_open_in_wps_is_named_and_kept(tmp_path, monkeypatch):
    target = tmp_path / "通知.pdf"
    target.write_bytes(b"old")
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.fspath(dst) == os.fspath(target):
            raise PermissionError(13, "Access is denied", os.fspath(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(file_output.os, "replace", replace)
    with pytest.raises(DomainError) as refused:
        file_output.write_pdf(target, b"%PDF new")
    assert refused.value.code == "pdf_in_use"
    assert describe(refused.value) == ("文件被其他程序占用，请关闭 WPS/Acrobat 中打开的该文件后重试，"
                                       f"或另存为其他文件名（{target}）")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["通知.pdf"]
    with pytest.raises(DomainError) as spreadsheet:
        file_output.write_file(target, b"x")  # other outputs keep their own wording (Excel or a reader)
    assert spreadsheet.value.code == "file_locked"


def test_a_folder_in_the_way(tmp_path):
    (tmp_path / "通知.pdf").mkdir()
    with pytest.raises(DomainError) as refused:
        file_output.write_pdf(tmp_path / "通知.pdf", b"%PDF")
    assert refused.value.code == "file_is_folder" and "另存为其他文件名" in describe(refused.value)
    assert [p.name for p in tmp_path.iterdir()] == ["通知.pdf"]
