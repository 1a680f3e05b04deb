"""``main.py --selftest`` (app.selftest, ui.selftest_checks): the whole check from source, in a child process.

The child gets a keyring that is a file (``tests.sync_fixtures.FileKeyring``, standing for the user's
OS keyring) and private data and config folders: the self-test must leave all of them untouched, and
its temporary folder must be gone afterwards, also when a step fails.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import selftest
from app.domain.errors import DomainError
from tests.sync_fixtures import DATA_KEY_FILE_ENV, ROOT, process_env


def _run(tmp_path, **extra: str) -> tuple[subprocess.CompletedProcess, dict[str, object]]:
    folders = {name: tmp_path / name for name in ("data", "config", "parent")}
    for folder in folders.values():
        folder.mkdir()
    keys = {"keyring": tmp_path / "keyring.json", "data_keys": tmp_path / "data-keys.json"}
    env = process_env(keys["keyring"], QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(folders["data"]),
                      XDG_CONFIG_HOME=str(folders["config"]), LVYUE_SELFTEST_DIR=str(folders["parent"]),
                      **{DATA_KEY_FILE_ENV: str(keys["data_keys"])})
    env.pop("LVYUE_HOME", None)
    env.update(extra)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--selftest"], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=180)
    return result, {**folders, **keys}


def test_selftest_passes_and_leaves_nothing_behind(tmp_path):
    result, places = _run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for step in ("装入程序模块", "创建配置档案", "创建管理员和经办人", "登记投诉", "开具受理通知书", "检查 PDF",
                 "启动界面组件", "装入界面模块", "装入界面翻译", "装入字体和图标", "PDF 预览组件", "删除临时配置档案"):
        assert f"{step} …… 通过（" in out, out
    assert "案号 532322-2026-0001" in out
    assert "平台插件 offscreen" in out
    assert out.strip().splitlines()[-1].startswith("自检通过：共 13 步")
    assert "失败" not in out
    # nothing left: no temporary profile, nothing in the user's data or config folders, no keyring entry
    assert list(places["parent"].iterdir()) == []
    assert list(places["data"].iterdir()) == []
    assert list(places["config"].iterdir()) == []
    assert not places["keyring"].exists() and not places["data_keys"].exists()


def test_a_step_that_fails_exits_1_with_the_step_and_a_chinese_reason(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    result, _ = _run(tmp_path, LVYUE_SELFTEST_DIR=str(not_a_folder))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[1/13] 准备临时配置档案和内存凭据库 …… 失败" in result.stdout
    assert f"自检失败：第 1 步“准备临时配置档案和内存凭据库”：路径不是文件夹：{not_a_folder}" in result.stdout
    assert "自检通过" not in result.stdout


@pytest.fixture
def own_keyring():
    """``selftest.run`` installs its in-memory keyring process-wide: put this process's back after."""
    import keyring

    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_a_late_failure_still_deletes_the_temporary_profile(tmp_path, monkeypatch, own_keyring):
    monkeypatch.setenv(selftest.PARENT_ENV, str(tmp_path))
    seen: dict[str, object] = {}

    def broken(run) -> str:
        seen["existed"] = run.profile.files.database.exists() and run.pdf.exists()
        raise DomainError("keyring_failed", detail="测试")

    lines: list[str] = []
    code = selftest.run([("坏掉的步骤", broken)], out=lines.append)
    assert code == 1
    assert seen["existed"], seen  # the step ran on a real profile, after the PDF was checked
    assert lines[-1] == "自检失败：第 8 步“坏掉的步骤”：无法访问系统凭据库：测试"
    assert any(line.startswith("[7/9] 检查 PDF …… 通过") for line in lines), lines
    assert list(tmp_path.iterdir()) == []  # deleted although the clean-up step never ran

