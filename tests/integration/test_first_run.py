"""The first run of a source checkout (``app/bootstrap.py``, issue 16): real interpreters, real venvs, real pip.

Each test works on a copy of ``main.py`` and ``app/`` in a temporary folder with a tiny ``pyproject.toml``
(no dependencies: ``main.py --version`` needs only the standard library), so a real ``.venv`` is made in
seconds and no network is needed: pip installs the build backend from wheels already on the machine
(``local_wheels``), and "offline" is an index on a closed port. The shared ``.venv`` is never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYENV = Path.home() / ".pyenv" / "versions"
TINY_PYPROJECT = """[build-system]
requires = ["setuptools>=40"]
build-backend = "setuptools.build_meta"

[project]
name = "lvyue-first-run-probe"
version = "0"
requires-python = ">=3.11,<3.14"

[project.optional-dependencies]
desktop = []

[tool.setuptools]
packages = []
"""


def checkout(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "main.py", folder / "main.py")
    shutil.copytree(ROOT / "app", folder / "app", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "pyproject.toml").write_text(TINY_PYPROJECT, encoding="utf-8")
    return folder


def local_wheels(tmp: Path) -> Path:
    """A find-links folder with the newest setuptools (and wheel) wheels found on this machine: this Python's
    ``ensurepip`` bundle, Debian's python-wheels, the machine's local package files. Offline, no download."""
    base = Path(sysconfig.get_paths(vars={"base": sys.base_prefix, "installed_base": sys.base_prefix})["stdlib"])
    places = [base / "ensurepip" / "_bundled", Path("/usr/share/python-wheels"), Path("/opt/pypi/files")]

    def newest(name: str) -> Path | None:
        found = [w for place in places if place.is_dir() for w in place.glob(f"{name}-*-py3-none-any.whl")]
        number = lambda w: tuple(int(n) for n in w.name.split("-")[1].split(".") if n.isdigit())  # noqa: E731
        return max(found, key=number, default=None)

    setuptools, wheel = newest("setuptools"), newest("wheel")
    if setuptools is None or (wheel is None and int(setuptools.name.split("-")[1].split(".")[0]) < 71):
        pytest.skip("no local setuptools wheel that builds without a download")
    folder = tmp / "wheels"
    folder.mkdir()
    for found in (setuptools, wheel):
        if found is not None:
            shutil.copy2(found, folder / found.name)
    return folder


def pip_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "LVYUE_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_RETRIES="0", PIP_TIMEOUT="5",
               TMPDIR=str(tmp), PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(python, folder: Path, *args: str, env=None, timeout=240, script="main.py") -> subprocess.CompletedProcess:
    return subprocess.run([str(python), script, *args], cwd=folder, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def old_pythons() -> list[Path]:
    found = []
    for folder in sorted(PYENV.glob("3.*")) if PYENV.is_dir() else []:
        minor = tuple(int(n) for n in folder.name.split(".")[:2])
        python = folder / "bin" / f"python{minor[0]}.{minor[1]}"
        if (3, 6) <= minor < (3, 11) and python.exists():
            found.append(python)
    return found


@pytest.mark.parametrize("python", old_pythons() or [None], ids=lambda p: p.parent.parent.name if p else "none")
def test_an_old_python_is_told_which_to_install_and_nothing_is_made(tmp_path, python):
    if python is None:
        pytest.skip("no Python older than 3.11 on this machine (~/.pyenv/versions)")
    folder = checkout(tmp_path / "履约 #1")
    result = run(python, folder, "--version", env=pip_env(tmp_path))
    assert result.returncode == 1, result.stderr
    assert "履约需要 64 位的 Python 3.11、3.12 或 3.13" in result.stderr and "版本过旧" in result.stderr
    assert "https://www.python.org/downloads/windows/" in result.stderr and "Add python.exe to PATH" in result.stderr
    assert "Traceback" not in result.stderr and "网络问题" in result.stderr  # says it is NOT the network
    assert not (folder / ".venv").exists()


def probe(folder: Path, *lines: str, env=None) -> subprocess.CompletedProcess:
    """The bootstrap of ``folder`` run by this Python with ``lines`` done first (a patched version, no stderr)."""
    code = "\n".join(["import sys", f"sys.path.insert(0, {str(folder)!r})", *lines,
                      "from app import bootstrap", "bootstrap.ensure()"])
    return subprocess.run([sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def test_a_newer_python_than_supported_is_named_as_such(tmp_path):
    folder = checkout(tmp_path / "co")
    result = probe(folder, "sys.version_info = (3, 14, 0, 'final', 0)", env=pip_env(tmp_path))
    assert result.returncode == 1
    assert "当前是 Python 3.14.0" in result.stderr and "较新" in result.stderr and "py -3.11 main.py" in result.stderr
    assert not (folder / ".venv").exists()


def test_without_a_console_the_message_goes_to_a_log_file(tmp_path):
    """``pythonw`` gives no ``sys.stderr``: the message is written to ``lvyue-start.log`` (here the temporary
    folder, as there is no ``.venv`` yet) instead of being lost or crashing."""
    folder = checkout(tmp_path / "co")
    result = probe(folder, "sys.version_info = (3, 10, 13, 'final', 0)", "sys.stderr = None", "sys.stdout = None",
                   env=pip_env(tmp_path))
    assert result.returncode == 1 and result.stderr == ""
    log = (tmp_path / "lvyue-start.log").read_text(encoding="utf-8")
    assert "当前是 Python 3.10.13" in log and "python.org" in log


def test_a_read_only_checkout_says_where_and_what_to_do(tmp_path):
    """The copy is made read-only (``chmod a-w``). Root writes anyway, so as root the run is done as ``nobody``
    (``setpriv``) with a system Python 3.11 ``nobody`` may run; skipped when neither works."""
    command_prefix: list[str] = []
    python = Path(sys.executable)
    shared = Path("/tmp") / f"lvyue-ro-{os.getpid()}-{tmp_path.name}"
    folder = checkout(shared / "履约")
    try:
        if os.geteuid() == 0:
            python = Path("/usr/bin/python3.11")
            setpriv = shutil.which("setpriv")
            if not (setpriv and python.exists()):
                pytest.skip("root, and no setpriv or /usr/bin/python3.11 to run as nobody")
            command_prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        for path in [shared, *shared.rglob("*")]:
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IROTH
                       | (stat.S_IXOTH if path.is_dir() else 0))
        env = pip_env(Path("/tmp"))
        result = subprocess.run([*command_prefix, str(python), "main.py", "--version"], cwd=folder, env=env,
                                capture_output=True, text=True, encoding="utf-8", timeout=60)
        if command_prefix and "Permission denied" in result.stderr and "main.py" in result.stderr:
            pytest.skip("nobody cannot read the temporary folder here")
        assert result.returncode == 1, result.stderr
        assert f"无法在 {folder} 中建立运行环境" in result.stderr and "不可写" in result.stderr
        assert "复制到可写的位置" in result.stderr and "信息技术人员" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (folder / ".venv").exists()
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(shared, ignore_errors=True)


@pytest.mark.slow
def test_first_run_then_a_stale_interpreter_then_pip_offline(tmp_path):
    """One real ``.venv``: made and installed offline from the bundled wheels, the command re-run inside it;
    a stamp saying another (unsupported, since removed) Python made it → recreated, with a message; then
    ``pyproject.toml`` changes while PyPI is unreachable → a Chinese message, exit 1, the venv untouched."""
    folder = checkout(tmp_path / "co")
    # main.py's start, then where it runs (the probe's venv has no dependencies, so no real command)
    (folder / "probe.py").write_text("import sys\nfrom app.bootstrap import ensure\n\nensure()\nprint(sys.prefix)\n",
                                     encoding="utf-8")
    offline_ok = pip_env(tmp_path, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(local_wheels(tmp_path)))
    first = run(sys.executable, folder, env=offline_ok, script="probe.py")
    assert first.returncode == 0, first.stderr
    assert "首次运行：正在创建运行环境" in first.stderr
    assert Path(first.stdout.strip()) == folder / ".venv"  # re-run inside the new venv
    stamp_file = folder / ".venv" / "lvyue-install.json"
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    assert stamp["extras"] == ["desktop"]
    assert stamp["python"]["version"] == ".".join(map(str, sys.version_info[:3]))
    assert Path(stamp["python"]["executable"]).exists()

    again = run(sys.executable, folder, env=offline_ok, script="probe.py")  # satisfied: no install, no message
    assert again.returncode == 0 and again.stderr == ""

    (folder / ".venv" / "left-by-3.10").write_text("x", encoding="utf-8")
    stamp["python"] = {"version": "3.10.13", "executable": str(tmp_path / "gone" / "python3.10")}
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    rebuilt = run(sys.executable, folder, env=offline_ok, script="probe.py")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "运行环境（.venv）是用 Python 3.10.13 创建的，这个版本不受支持" in rebuilt.stderr
    assert "重新创建运行环境" in rebuilt.stderr
    assert not (folder / ".venv" / "left-by-3.10").exists()  # emptied (clear=True), then made anew
    assert json.loads(stamp_file.read_text(encoding="utf-8"))["python"]["version"] != "3.10.13"

    before = stamp_file.read_bytes()
    venv_python = folder / ".venv" / "bin" / "python"
    (folder / "pyproject.toml").write_text(TINY_PYPROJECT + "\n# a new dependency would go here\n", encoding="utf-8")
    offline = pip_env(tmp_path, PIP_INDEX_URL=f"http://127.0.0.1:{closed_port()}/simple")
    failed = run(sys.executable, folder, env=offline, script="probe.py")
    assert failed.returncode == 1
    assert "安装依赖失败：无法从 PyPI 或所设置的镜像下载所需的组件" in failed.stderr
    assert "pip config set global.index-url" in failed.stderr and "PIP_INDEX_URL" in failed.stderr
    assert "原有的运行环境没有改动" in failed.stderr and "Traceback" not in failed.stderr
    log = folder / ".venv" / "lvyue-install.log"
    assert str(log) in failed.stderr and "127.0.0.1" in log.read_text(encoding="utf-8")
    assert stamp_file.read_bytes() == before  # still the last good install
    assert subprocess.run([str(venv_python), "-c", "pass"], timeout=30).returncode == 0


def proc_blocked_in(pid: int, syscall: str, fd: int | None = None, deadline_s: float = 180.0) -> bool:
    """Whether ``pid`` sits in a blocking ``syscall`` (``/proc/PID/syscall``: its number, then its arguments in
    hex), on file descriptor ``fd`` when given (a ``read`` of a module file during imports is not the ``read`` of
    standard input); polled, no sleep."""
    import time

    numbers = {"read": ("0",), "accept": ("43", "288")}[syscall]
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            fields = Path(f"/proc/{pid}/syscall").read_text().split()
        except OSError:
            return False
        if fields and fields[0] in numbers and (fd is None or (len(fields) > 1 and int(fields[1], 16) == fd)):
            return True
        os.sched_yield()
    return False


def _console_ctrl_c() -> None:
    """In the child before it starts: Ctrl+C acts as in a console. A test run started as a background job
    (``cmd &`` in a script) has SIGINT ignored, children inherit that and Python then installs no handler, so
    the bootstrap would never see the signal (this test failed so once, in a run started with ``&``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def end_group(child: subprocess.Popen) -> None:
    """SIGKILL whatever is left of the child's process group (pip's own subprocesses included)."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    child.wait()


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
def test_ctrl_c_during_the_install_is_quiet(tmp_path):
    """An index that accepts and never answers: the bootstrap waits on pip; Ctrl+C (SIGINT to the whole
    process group, as a console does) ends it with 已取消 and 130, no traceback.

    Deterministic under load: the signal is sent only once the bootstrap itself is blocked reading pip's
    output (so it is inside the pip step, not between steps), the test waits for the bootstrap's exit, not
    for its pipes (pip's subprocesses may hold them a moment longer), and the output goes to files."""
    folder = checkout(tmp_path / "co")
    err_file = tmp_path / "stderr.txt"
    with socket.socket() as server, open(err_file, "wb") as err_stream:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        env = pip_env(tmp_path, PIP_INDEX_URL=f"http://127.0.0.1:{server.getsockname()[1]}/simple",
                      PIP_TIMEOUT="600")
        child = subprocess.Popen([sys.executable, "main.py", "--version"], cwd=folder, env=env,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err_stream,
                                 start_new_session=True, preexec_fn=_console_ctrl_c)
        try:
            server.settimeout(300)
            connection, _ = server.accept()  # pip asks the index: the bootstrap is inside the pip step
            with connection:
                assert proc_blocked_in(child.pid, "read"), "the bootstrap never waited on pip's output"
                os.killpg(child.pid, signal.SIGINT)
                child.wait(timeout=180)
        finally:
            end_group(child)
    text = err_file.read_bytes().decode("utf-8", "replace")
    assert child.returncode == 130, text
    assert "已取消" in text and "Traceback" not in text and "KeyboardInterrupt" not in text


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
def test_ctrl_c_in_a_command_is_quiet(tmp_path):
    """``complaint add --file -`` waits on standard input; Ctrl+C there: 已取消, exit 130, no traceback.

    The signal is sent only when the child is blocked in ``read(0)`` (not a module file's read during its
    imports), and standard input stays open until the child has exited: closing it first would end the
    read with an empty input instead (the earlier flake, exit 1)."""
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", "PYTHONIOENCODING": "utf-8"}
    err_file = tmp_path / "stderr.txt"
    with open(err_file, "wb") as err_stream:
        child = subprocess.Popen([sys.executable, "main.py", "complaint", "add", "--file", "-", "--home",
                                  str(tmp_path / "no-profile"), "--user", "x"], cwd=ROOT, env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err_stream,
                                 preexec_fn=_console_ctrl_c)  # SIGINT is ignored in a run started with `&`
        try:
            assert proc_blocked_in(child.pid, "read", fd=0), "the command never waited on standard input"
            child.send_signal(signal.SIGINT)
            child.wait(timeout=180)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            child.stdin.close()
    text = err_file.read_bytes().decode("utf-8", "replace")
    assert child.returncode == 130, text
    assert "已取消" in text and "Traceback" not in text


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
def test_two_first_starts_at_once_install_once(tmp_path):
    """A first start hangs in pip (an index that never answers) holding the install lock; a second start
    says it waits for the first; the first is killed (the system drops its lock); the second then installs
    (offline, from the local wheels) and runs. No pip run of the two overlaps."""
    import time

    folder = checkout(tmp_path / "co")
    (folder / "probe.py").write_text("import sys\nfrom app.bootstrap import ensure\n\nensure()\nprint(sys.prefix)\n",
                                     encoding="utf-8")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        hanging = pip_env(tmp_path, PIP_INDEX_URL=f"http://127.0.0.1:{server.getsockname()[1]}/simple",
                          PIP_TIMEOUT="600")
        first = subprocess.Popen([sys.executable, "probe.py"], cwd=folder, env=hanging, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        second = None
        err_file = tmp_path / "second.txt"
        try:
            server.settimeout(300)
            connection, _ = server.accept()  # the first is inside pip, holding the lock
            with connection, open(err_file, "wb") as err_stream:
                offline = pip_env(tmp_path, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(local_wheels(tmp_path)))
                second = subprocess.Popen([sys.executable, "probe.py"], cwd=folder, env=offline,
                                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err_stream,
                                          start_new_session=True)
                end = time.monotonic() + 180
                while "等待它完成" not in err_file.read_text("utf-8", "replace") and time.monotonic() < end:
                    assert second.poll() is None, err_file.read_text("utf-8", "replace")
                    time.sleep(0.05)
                assert "另一个履约正在安装运行环境，等待它完成" in err_file.read_text("utf-8", "replace")
                assert second.poll() is None  # waiting, not installing beside the first
                end_group(first)
                out, _ = second.communicate(timeout=240)
        finally:
            end_group(first)
            if second is not None and second.poll() is None:
                end_group(second)
    text = err_file.read_text("utf-8", "replace")
    assert second.returncode == 0, text
    assert Path(out.decode().strip()) == folder / ".venv"
    assert json.loads((folder / ".venv" / "lvyue-install.json").read_text(encoding="utf-8"))["extras"] == ["desktop"]
