"""The CLI's encodings (issue 16 item 7) and ``sync_busy`` → exit 4, in real ``main.py`` child processes.

Input files in UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 ("ANSI" on Chinese Windows, read
with a note) carry 𠮷 (outside the BMP) and ꆈ (Yi); a file that is none of these is refused by name.
Output redirected to a real file in GBK (𠮷 and ꆈ become "?" with one note), GB18030 and UTF-16 (kept).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync_fixtures import process_env

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Lvyue-2026!"
NAME = "双柏县𠮷祥ꆈ农业科技有限公司"


def cli(env, *args: str, stdout=None, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, input=stdin, timeout=120)


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """A profile with an administrator and a clerk (``wang``), made through the CLI."""
    tmp = tmp_path_factory.mktemp("cli-encoding")
    home = tmp / "配置 #1"
    env = process_env(tmp / "keyring.json", LVYUE_PASSWORD=PASSWORD, LVYUE_NEW_PASSWORD=PASSWORD)
    env.pop("LVYUE_ENCODING", None)
    made = cli(env, "init", "--home", str(home), "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin")
    assert made.returncode == 0, made.stderr.decode()
    added = cli(env, "user", "add", "wang", "--name", "王颖", "--roles", "clerk,handler,leader", "--user", "admin",
                "--home", str(home))
    assert added.returncode == 0, added.stderr.decode()
    return home, env, tmp


def complaint(name: str = NAME) -> dict:
    data = json.loads((ROOT / "docs" / "examples" / "complaint.json").read_text(encoding="utf-8"))
    data["complainant"]["name"] = name
    data["description"] = "彝文ꆈꌠ与𠮷字：" + data["description"]
    return data


@pytest.mark.parametrize(("encoding", "bom", "note"), [("utf-8", b"", False), ("utf-8", b"\xef\xbb\xbf", False),
                                                       ("utf-16-le", b"\xff\xfe", False), ("gb18030", b"", True)])
def test_input_files_in_every_windows_encoding_keep_every_character(profile, encoding, bom, note):
    home, env, tmp = profile
    name = f"{NAME}{encoding}{len(bom)}"
    path = tmp / f"登记-{encoding}-{len(bom)}.json"
    path.write_bytes(bom + json.dumps(complaint(name), ensure_ascii=False).encode(encoding))
    added = cli(env, "complaint", "add", "--file", str(path), "--user", "wang", "--home", str(home))
    err = added.stderr.decode("utf-8")
    assert added.returncode == 0, err
    assert ("已按 GB18030（ANSI）读取" in err and str(path) in err) == note
    case_no = added.stdout.decode("utf-8").split("案号")[1].split()[0]
    shown = cli(env, "--json", "complaint", "show", case_no, "--home", str(home))
    data = json.loads(shown.stdout.decode("utf-8"))["complaint"]
    assert data["intake"]["complainant"]["name"] == name and "ꆈꌠ与𠮷" in data["intake"]["description"]


def test_standard_input_in_gb18030_is_read_too(profile):
    home, env, _tmp = profile
    added = cli(env, "complaint", "add", "--file", "-", "--user", "wang", "--home", str(home),
                stdin=json.dumps(complaint(NAME + "stdin"), ensure_ascii=False).encode("gb18030"))
    assert added.returncode == 0 and "标准输入 不是 UTF-8，已按 GB18030（ANSI）读取" in added.stderr.decode("utf-8")


@pytest.mark.parametrize("data", [b"\x81\x30\xff\xff{}", b"\xef\xbb\xbf{\"a\": \"\xff\xfe\"}",
                                  "{}".encode("utf-16-le")])
def test_a_file_in_no_known_encoding_is_refused_by_name(profile, data):
    home, env, tmp = profile
    path = tmp / "不明编码.json"
    path.write_bytes(data)
    added = cli(env, "complaint", "add", "--file", str(path), "--user", "wang", "--home", str(home))
    err = added.stderr.decode("utf-8")
    assert added.returncode == 1 and f"无法识别文件 {path} 的编码" in err and "Traceback" not in err


@pytest.mark.parametrize(("option", "encoding", "kept"), [
    (["--encoding", "gbk"], "gbk", False), (["--encoding=gb18030"], "gb18030", True),
    (["--encoding", "utf-16"], "utf-16", True), ([], "utf-8", True)])
def test_redirected_output_in_the_encoding_asked(profile, option, encoding, kept):
    home, env, tmp = profile
    cli(env, "complaint", "add", "--file", "-", "--user", "wang", "--home", str(home),
        stdin=json.dumps(complaint(), ensure_ascii=False).encode("utf-8"))
    target = tmp / f"列表-{encoding}.txt"
    with target.open("wb") as stream:
        listed = cli(env, "complaint", "list", "--home", str(home), "--search", "农业科技", *option, stdout=stream)
    assert listed.returncode == 0
    text = target.read_bytes().decode(encoding)  # strict: the whole file is valid in that encoding
    assert "案号" in text and "已登记" in text
    note = listed.stderr.decode(encoding)
    if kept:
        assert NAME in text and "无法用" not in note
    else:
        assert "双柏县?祥?农业科技有限公司" in text
        assert note.count("注意：输出中有") == 1 and "U+20BB7" in note and "U+A188" in note and "已写作“?”" in note


def test_the_environment_variable_and_a_wrong_name(profile):
    home, env, tmp = profile
    added = cli(env, "complaint", "add", "--file", "-", "--user", "wang", "--home", str(home),
                stdin=json.dumps(complaint(), ensure_ascii=False).encode("utf-8"))  # its own: run alone, too
    assert added.returncode == 0, added.stderr.decode("utf-8")
    target = tmp / "列表-env.txt"
    with target.open("wb") as stream:
        listed = cli({**env, "LVYUE_ENCODING": "gb18030"}, "--json", "complaint", "list", "--home", str(home),
                     stdout=stream)
    assert listed.returncode == 0
    assert NAME in json.dumps(json.loads(target.read_bytes().decode("gb18030")), ensure_ascii=False)
    wrong = cli(env, "complaint", "list", "--home", str(home), "--encoding", "klingon")
    assert wrong.returncode == 2 and "不认识的编码“klingon”" in wrong.stderr.decode("utf-8")


def test_sync_while_another_sync_holds_the_profile_exits_4(profile):
    """The window (or a scheduled task) holds the profile's sync lock: ``main.py sync`` says so and exits 4
    (try later); without the lock the same profile is refused with 1 (it is not enrolled)."""
    from app.sync.lock import sync_lock

    home, env, _tmp = profile
    with sync_lock(home):
        busy = cli(env, "sync", "--home", str(home))
    assert busy.returncode == 4 and "正在同步中" in busy.stderr.decode("utf-8")
    free = cli(env, "sync", "--home", str(home))
    assert free.returncode == 1 and "正在同步中" not in free.stderr.decode("utf-8")


@pytest.mark.parametrize("option", [[], ["--json"]])
def test_a_reader_that_stops_early_is_no_error(profile, option):
    """``main.py complaint list | head -1`` (or ``| findstr /m``): the reader closes the pipe before the listing
    is written. The command ends quietly with 0, not with “程序内部错误（BrokenPipeError …）”."""
    import os

    home, env, _tmp = profile
    cli(env, "complaint", "add", "--file", "-", "--user", "wang", "--home", str(home),
        stdin=json.dumps(complaint(), ensure_ascii=False).encode("utf-8"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before the child writes a byte: every write meets a broken pipe
    try:
        listed = cli(env, *option, "complaint", "list", "--home", str(home), stdout=write_end)
    finally:
        os.close(write_end)
    assert listed.returncode == 0, listed.stderr.decode("utf-8")
    assert listed.stderr.decode("utf-8") == ""
