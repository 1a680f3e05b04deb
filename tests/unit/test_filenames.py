"""Attachment names from any device reduce to a safe base name; executables and bad hashes are known."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.filenames import (
    FALLBACK_STEM,
    MAX_BYTES,
    MAX_CHARS,
    RESERVED,
    is_executable,
    is_safe_filename,
    is_sha256_hex,
    safe_filename,
)

SHA = "3f" * 32


@pytest.mark.parametrize(("sent", "written"), [
    ("合同扫描件.pdf", "合同扫描件.pdf"),
    ("验收单 (2).jpg", "验收单 (2).jpg"),
    ("../../x.bat", "x.bat"),
    ("..\\..\\Startup\\x.bat", "x.bat"),
    ("/etc/passwd", "passwd"),
    ("C:\\Windows\\x.bat", "x.bat"),
    ("C:x.bat", "x.bat"),
    ("\\\\srv\\share\\a.exe", "a.exe"),
    ("\\\\?\\C:\\Users\\a.pdf", "a.pdf"),
    ("\\\\.\\CON", "_CON"),
    ("con.txt", "_con.txt"),
    ("NUL .pdf", "_NUL.pdf"),
    ("lpt9", "_lpt9"),
    ("COM¹.txt", "_COM¹.txt"),
    ("console.txt", "console.txt"),
    ("report.pdf:stream", "report.pdf"),
    ("report.pdf::$DATA", "report.pdf"),
    ("a.txt\u202eexe.bat", "a.txtexe.bat"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),
    ("\u2066合同\u2069.pdf", "合同.pdf"),
    ("a\x00b\tc\n.pdf", "abc.pdf"),
    ('问<题>:"清|单"?*.xlsx', "问题"),  # the colon starts a stream name: the rest is dropped
    ('问<题>"清|单"?*.xlsx', "问题清单.xlsx"),
    (".hidden", "附件.hidden"),
    (".pdf", "附件.pdf"),
    ("...", "附件"),
    ("..", "附件"),
    (".", "附件"),
    ("", "附件"),
    ("   ", "附件"),
    ("a/b/", "b"),
    ("scan.pdf. . ", "scan.pdf"),
    ("  .. 说明.docx", "说明.docx"),
])
def test_names_reduce_to_a_safe_base_name(sent, written):
    assert safe_filename(sent) == written
    assert is_safe_filename(written)


def test_a_long_name_keeps_its_extension_and_fits_every_file_system():
    latin = safe_filename("x" * 300 + ".pdf")
    assert latin == "x" * (MAX_CHARS - 4) + ".pdf"
    chinese = safe_filename("关于拖欠工程款的情况说明" * 30 + ".docx")
    assert chinese.endswith(".docx") and chinese.startswith("关于拖欠工程款")
    assert len(chinese.encode("utf-8")) <= MAX_BYTES
    assert safe_filename("y" * 300) == "y" * MAX_CHARS


def test_a_name_that_is_not_text_becomes_the_fallback():
    assert safe_filename(None) == FALLBACK_STEM  # type: ignore[arg-type]
    assert safe_filename(12) == FALLBACK_STEM  # type: ignore[arg-type]
    assert not is_safe_filename(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["../x", "a.pdf.", "con", "a\u202eb.txt", "", " a.pdf", "c:a.pdf"])
def test_unsafe_names_are_not_safe(name):
    assert not is_safe_filename(name)


@pytest.mark.parametrize("name", ["x.bat", "X.BAT", "setup.exe", "run.ps1", "link.lnk", "a.js", "b.vbs",
                                  "c.hta", "d.msi", "e.scr", "f.cpl", "g.jar", "h.reg", "i.url", "j.appref-ms",
                                  "k.docm", "l.iso", "x.bat.", "x.bat  ", "x.bat:zone", "a.txt\u202eexe.bat",
                                  "invoice\u202efdp.exe", "../../x.bat", "x.exe\u200b"])
def test_executable_types_are_recognised(name):
    assert is_executable(name)


@pytest.mark.parametrize("name", ["合同扫描件.pdf", "a.docx", "b.xlsx", "c.jpg", "d.png", "e.txt", "bat", "exe",
                                  "x.bat.txt", "noext", ""])
def test_documents_are_not_executable(name):
    assert not is_executable(name)


def test_sha256_must_be_64_lowercase_hex_characters():
    assert is_sha256_hex(SHA)
    for bad in [SHA.upper(), SHA[:-1], SHA + "0", SHA[:-1] + "g", "../../" + SHA[6:], SHA + "\n", "", None, 7,
                f"{SHA[:2]}/{SHA[3:]}"]:
        assert not is_sha256_hex(bad), bad


# Any text, with the characters attacks use made likely: separators, dots, colons, drive letters,
# device names, bidi marks, controls, Chinese, astral characters.
PIECES = st.sampled_from(["/", "\\", ".", "..", ":", " ", "C:", "con", "NUL", "com1", "\u202e", "\u200b", "\x00",
                          "\t", "合同", "附件", "?", "*", "|", ".pdf", ".bat", "𠀀", "\u3000", "x" * 60, "é",
                          "e\u0301"])
NAMES = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30).map("".join))


@given(NAMES)
@example("x" * 115 + " .abc" + "q" * 10 + ".a b")  # cutting it short exposes the extension ``abcqqqqq``
@example("con." + "x" * 200)
def test_any_name_reduces_to_a_safe_one(name):
    safe = safe_filename(name)
    assert safe and safe_filename(safe) == safe and is_safe_filename(safe)
    assert not set(safe) & set('/\\<>:"|?*')
    assert all(unicodedata.category(ch)[0] != "C" for ch in safe)
    assert safe.split(".", 1)[0].rstrip().upper() not in RESERVED
    assert safe[0] not in ". " and safe[-1] not in ". "
    assert len(safe) <= MAX_CHARS and len(safe.encode("utf-8")) <= MAX_BYTES


@given(st.text(alphabet=st.characters(categories=["Lo", "Nd", "Lu", "Ll"]), min_size=1, max_size=40))
def test_plain_names_are_kept_as_they_are(stem):
    name = unicodedata.normalize("NFC", stem) + ".pdf"
    if name.split(".", 1)[0].upper() not in RESERVED and len(name.encode("utf-8")) <= MAX_BYTES:
        assert safe_filename(name) == name
