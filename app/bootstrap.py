"""First-run set-up for a source checkout: a private virtual environment with the project installed.

``python main.py`` and ``python -m tests`` call ``ensure()`` before importing anything that is not in
the standard library. In this order:

1. The interpreter: the version ``requires-python`` of ``pyproject.toml`` allows, 64-bit (the Qt wheels
   exist for nothing else). Otherwise a Chinese message names the supported versions and where to get
   them, and the start ends with exit code 1; nothing is created. This file is read by whatever Python the
   officer typed, so it keeps to Python 3.6 syntax (no ``from __future__ import annotations``, no walrus,
   no subscripted built-ins evaluated at run time) and to the standard library.
2. The environment: ``.venv`` beside ``pyproject.toml``, created on first use, with the project installed
   (the ``desktop`` extra, or the extras asked for). A stamp holds the hash of ``pyproject.toml``, the
   extras and the interpreter (version and the base executable's path): later starts are instant, a
   changed ``pyproject.toml`` reinstalls, and a ``.venv`` made by another Python (another minor version, or
   one since uninstalled) is recreated from scratch. A read-only folder, a failed pip (no PyPI, no mirror)
   and Ctrl+C each end with a Chinese message and no traceback; pip's output is kept in
   ``.venv/lvyue-install.log`` (or the temporary folder). Failing to upgrade pip itself only warns.
   Two starts at once (a double click, the window and a scheduled task) install once: the second waits on
   ``.lvyue-install.lock`` (released by the system when the first ends, even killed) and then checks again.
3. The re-run inside ``.venv``: on Windows the window runs under ``pythonw.exe`` (no console window stays
   open); a command keeps the console. Started without a console (``pythonw lvyue.pyw``: ``sys.stderr`` is
   None) the messages go to ``lvyue-start.log`` in the same folder, and on Windows to a message box.

Frozen builds (PyInstaller) and ``LVYUE_NO_BOOTSTRAP=1`` skip steps 2 and 3 (the version check still runs
from source: it costs one read of ``pyproject.toml``).
"""

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "lvyue-install.json"
INSTALL_LOCK = ROOT / ".lvyue-install.lock"  # two first starts at once: the second waits for the first
INSTALL_LOG = "lvyue-install.log"
START_LOG = "lvyue-start.log"
IMPLIED = {"dev": {"desktop", "server"}}  # pyproject: dev = lvyue[desktop,server] + the test tools
REQUIRES_PYTHON = ">=3.11,<3.14"  # only when pyproject.toml cannot be read
DOWNLOAD = "https://www.python.org/downloads/windows/"
EXIT_FAILED, EXIT_CANCELLED = 1, 130
LOG_LINES = 200  # the end of pip's output kept in the install log
NETWORK_SIGNS = ("NewConnectionError", "Failed to establish a new connection", "ConnectionError",
                 "ConnectTimeout", "ReadTimeout", "timed out", "ProxyError", "SSLError",
                 "Temporary failure in name resolution", "getaddrinfo failed", "Name or service not known",
                 "No matching distribution found", "Could not find a version that satisfies",
                 "Connection refused", "HTTP error", "403 Client Error", "404 Client Error")
DISK_SIGNS = ("No space left on device", "[Errno 28]", "WinError 112")


# ---- 1. the interpreter ------------------------------------------------------------------------------

def requires_python(root=None) -> str:
    """``requires-python`` of ``pyproject.toml`` (a regular expression: ``tomllib`` is 3.11+)."""
    try:
        text = ((root or ROOT) / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return REQUIRES_PYTHON
    found = re.search(r"""^requires-python\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    return found.group(1) if found else REQUIRES_PYTHON


def _numbers(text: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def allows(spec: str, version) -> bool:
    """Whether ``version`` (a tuple such as (3, 11, 7)) meets every clause of ``spec`` (``>=3.11,<3.14``,
    ``==3.11.*``, ``~=3.11``, ``!=3.12.*``): the PEP 440 forms a ``requires-python`` uses, compared as pip
    does (``3.13.5 <= 3.13`` is false)."""
    for clause in (c.strip() for c in spec.split(",")):
        found = re.match(r"(~=|==|!=|<=|>=|<|>)\s*([\d.]+?)(\.\*)?$", clause)
        if not found:
            continue
        op, number, star = found.group(1), _numbers(found.group(2)), found.group(3)
        width = max(len(number), len(version))
        have, want = tuple(version) + (0,) * (width - len(version)), number + (0,) * (width - len(number))
        if op == "~=":
            ok = have >= want and tuple(version[:len(number) - 1]) == number[:-1]
        elif op in ("==", "!="):
            same = tuple(version[:len(number)]) == number if star else have == want
            ok = same if op == "==" else not same
        else:
            ok = {"<": have < want, "<=": have <= want, ">": have > want, ">=": have >= want}[op]
        if not ok:
            return False
    return True


def supported(spec: str) -> list:
    """The Python 3 minor versions ``spec`` allows, as text: ["3.11", "3.12", "3.13"]."""
    return [f"3.{minor}" for minor in range(40) if allows(spec, (3, minor, 0)) or allows(spec, (3, minor, 99))]


def python_problem(version=None, bits=None, spec=None, executable=None):
    """Why this interpreter cannot run Lvyue, in Chinese, or None."""
    version = tuple(version or sys.version_info[:3])
    bits = bits or (64 if sys.maxsize > 2 ** 32 else 32)
    spec = spec or requires_python()
    if allows(spec, version) and bits == 64:
        return None
    executable = executable or sys.executable or "python"
    names = supported(spec) or ["3.11"]
    wanted = names[0] if len(names) == 1 else "、".join(names[:-1]) + " 或 " + names[-1]
    running = "Python " + ".".join(str(n) for n in version)
    if bits != 64:
        why = f"当前是 32 位的 {running}（{executable}），所需的组件没有 32 位版本"
    elif names and version[:2] > _numbers(names[-1])[:2]:
        why = f"当前是 {running}（{executable}），这个版本较新，履约所需的组件尚未支持它"
    else:
        why = f"当前是 {running}（{executable}），版本过旧"
    return (f"履约需要 64 位的 Python {wanted}。{why}。\n"
            f"请从 {DOWNLOAD} 下载 Python {names[0]}（选择“Windows installer (64-bit)”），安装时勾选“Add python.exe to PATH”，"
            "然后重新打开命令提示符，在履约文件夹中再运行 python main.py。\n"
            f"已装有多个 Python 时，可以用 py -{names[0]} main.py 指定版本。（这不是网络问题，不需要重试安装。）")


# ---- messages: the console, or without one a log file (and on Windows a message box) -----------------

def _log_folder() -> Path:
    """``.venv`` when it exists and takes a file, otherwise the temporary folder."""
    import tempfile

    if VENV.is_dir() and os.access(str(VENV), os.W_OK):
        try:
            with tempfile.TemporaryFile(dir=str(VENV)):
                return VENV
        except OSError:
            pass
    return Path(tempfile.gettempdir())


def _say(text: str) -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text + "\n")
            stream.flush()
            return
        except UnicodeEncodeError:  # a path with a character the console's code page lacks
            encoding = getattr(stream, "encoding", None) or "utf-8"
            stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")
            stream.flush()
            return
        except (OSError, ValueError, AttributeError):
            pass
    _to_start_log(text)


def _to_start_log(text: str) -> None:
    import time

    try:
        with open(str(_log_folder() / START_LOG), "a", encoding="utf-8") as log:
            log.write(time.strftime("%Y-%m-%d %H:%M:%S ") + text + "\n")
    except OSError:
        pass


def _message_box(text: str, error: bool = True) -> None:
    if os.name != "nt" or sys.stderr is not None:
        return
    try:  # pragma: no cover - Windows only
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "履约", 0x10 if error else 0x40)
    except Exception:
        pass


def _fail(text: str, code: int = EXIT_FAILED) -> None:
    _say(text)
    _message_box(text)
    raise SystemExit(code)


def cancelled() -> int:
    """Ctrl+C: one Chinese line, exit code 130, and further Ctrl+C ignored while the process winds down."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread
        pass
    _say("已取消。")
    return EXIT_CANCELLED


# ---- 2. the environment -----------------------------------------------------------------------------

def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _inside_venv() -> bool:
    try:
        return Path(sys.prefix).resolve() == VENV.resolve()
    except OSError:
        return False


def current_interpreter() -> dict:
    """The base interpreter running now (outside any venv): what made, or will make, ``.venv``."""
    executable = getattr(sys, "_base_executable", None) or sys.executable
    return {"version": ".".join(str(n) for n in sys.version_info[:3]),
            "executable": os.path.realpath(executable) if executable else ""}


def recorded_interpreter(stamp) -> dict:
    """The interpreter that made ``.venv``: the stamp's, else ``pyvenv.cfg`` (stamps before issue 16)."""
    if isinstance(stamp, dict) and isinstance(stamp.get("python"), dict):
        return stamp["python"]
    config = {}
    try:
        for line in (VENV / "pyvenv.cfg").read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            config[key.strip()] = value.strip()
    except (OSError, ValueError):
        return {}
    return {"version": config.get("version") or config.get("version_info", ""),
            "executable": config.get("executable") or config.get("home", "")}


def interpreter_change(recorded: dict, spec: str = ""):
    """Why ``.venv`` (made by ``recorded``) cannot serve any more, or None: its Python is a version
    ``requires-python`` no longer allows (a ``.venv`` from Python 3.10), or it is gone (uninstalled: the
    venv cannot start). A ``.venv`` made by another supported Python is kept whatever runs ``main.py``: the
    command re-runs under the venv's own interpreter, and two installed Pythons would otherwise rebuild it
    at every alternation."""
    if not recorded:
        return None
    before = recorded.get("version", "")
    if before and not allows(spec or requires_python(), _numbers(before)[:3]):
        return f"运行环境（.venv）是用 Python {before} 创建的，这个版本不受支持"
    executable = recorded.get("executable", "")
    if executable and not os.path.exists(executable):
        return f"创建运行环境（.venv）的 Python（{executable}）已不存在"
    return None


def _read_stamp():
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def _wanted(extras) -> dict:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return {"pyproject": digest, "extras": sorted(extras)}


def _satisfied(extras) -> bool:
    stamp = _read_stamp()
    if stamp is None:
        return False
    wanted = _wanted(extras)
    installed = set(stamp.get("extras", []))
    for extra in list(installed):
        installed |= IMPLIED.get(extra, set())
    if stamp.get("pyproject") != wanted["pyproject"] or not set(wanted["extras"]) <= installed:
        return False
    return _inside_venv() or interpreter_change(recorded_interpreter(stamp)) is None


def _writable(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (tried for real: permissions, read-only media, a share)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=str(folder)):
            return True
    except OSError:
        return False


def read_only_message(folder: Path, detail: str = "") -> str:
    reason = f"（{detail}）" if detail else ""
    return (f"无法在 {folder} 中建立运行环境（.venv）{reason}：这个文件夹不可写（例如在光盘、只读的网络共享或受保护的文件夹中）。\n"
            "请把整个履约文件夹复制到可写的位置（如 D:\\履约 或“文档”中）后在那里运行 python main.py，"
            "或请信息技术人员为这个文件夹开放写入权限。")


def _create(clear: bool) -> None:
    """``python -m venv .venv`` (``clear``: empty it first). A half-made ``.venv`` is removed."""
    import shutil
    import venv

    existed = VENV.exists()
    if clear and VENV.is_symlink():  # someone's shared environment: never emptied from here
        _fail(f"运行环境 {VENV} 是指向 {os.path.realpath(str(VENV))} 的链接，需要重新创建，但不会自动清空链接所指的文件夹。"
              "请删除这个链接（或换成一个新的文件夹）后重新运行 python main.py。")
    if not _writable(VENV if existed and VENV.is_dir() else ROOT):
        _fail(read_only_message(ROOT))
    try:
        venv.EnvBuilder(with_pip=True, clear=clear).create(str(VENV))
    except BaseException as error:
        if not existed or clear:
            shutil.rmtree(str(VENV), ignore_errors=True)
        if isinstance(error, PermissionError):
            _fail(read_only_message(ROOT, error.strerror or ""))
        if isinstance(error, subprocess.CalledProcessError):
            minor = "{}.{}".format(*sys.version_info[:2])
            _fail("无法在运行环境（.venv）中安装 pip（ensurepip 失败）。在 Debian/Ubuntu 上请先安装 python3-venv "
                  f"（如 sudo apt-get install python{minor}-venv）；在 Windows 上请重新安装 python.org 的 Python。")
        if isinstance(error, OSError):
            _fail(f"无法创建运行环境 {VENV}：{error.strerror or error}")
        raise


def _tail(output: str, lines: int) -> list:
    return [line for line in output.splitlines() if line.strip()][-lines:]


def pip_failure_message(output: str, log: Path, kept: bool = False) -> str:
    """What a failed ``pip install`` means for the officer, from pip's output."""
    where = f"pip 的输出已保存在 {log}。"
    last = "\n".join("    " + line for line in _tail(output, 3))
    if any(sign in output for sign in DISK_SIGNS):
        return f"安装依赖失败：磁盘空间不足。请清理磁盘后重新运行 python main.py。{where}"
    network = any(sign in output for sign in NETWORK_SIGNS)
    cause = ("无法从 PyPI 或所设置的镜像下载所需的组件" if network
             else "pip 未能完成安装（最常见的原因是无法访问 PyPI 或镜像）")
    return (f"安装依赖失败：{cause}。{where}\n"
            "请确认这台电脑能访问 https://pypi.org；单位内网请向信息技术人员要 PyPI 镜像地址，设置后重新运行 python main.py：\n"
            "    python -m pip config set global.index-url 镜像地址\n"
            "或只对本次有效：set PIP_INDEX_URL=镜像地址（PowerShell：$env:PIP_INDEX_URL=\"镜像地址\"）。\n"
            f"{'原有的运行环境没有改动。' if kept else ''}pip 的最后几行输出：\n{last}")


def _run_pip(step: list, log: Path) -> tuple:
    # setuptools' English "Editable installation" banner is a Python warning in the build backend: not for officers
    quiet = dict(os.environ, PYTHONWARNINGS="ignore")
    result = subprocess.run(step, cwd=str(ROOT), env=quiet, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    output = result.stdout.decode("utf-8", "replace")
    try:
        with open(str(log), "a", encoding="utf-8") as stream:
            command, tail = " ".join(step), "\n".join(output.splitlines()[-LOG_LINES:])
            stream.write(f"$ {command}\n(退出码 {result.returncode})\n{tail}\n")
    except OSError:
        pass
    return result.returncode, output


def _install(extras) -> None:
    stamp = _read_stamp()
    fresh = not _venv_python().exists()
    if fresh:
        _say("首次运行：正在创建运行环境（.venv）…")
        _create(clear=False)
        stamp = None
    elif not _inside_venv():
        change = interpreter_change(recorded_interpreter(stamp))
        if change:
            _say(change + f"：正在用 Python {current_interpreter()['version']} 重新创建运行环境…")
            _create(clear=True)
            stamp = dict(stamp or {}, python=current_interpreter())
    previous = stamp.get("extras", []) if stamp else []
    all_extras = sorted(set(extras) | set(previous))
    target = f"{ROOT}[{','.join(all_extras)}]" if all_extras else str(ROOT)
    if not _writable(VENV):
        _fail(read_only_message(VENV))
    _say("正在安装依赖（首次约需几分钟，需要能访问 PyPI 或内网镜像）…")
    if sys.stderr is None:
        _message_box("首次运行需要几分钟安装所需的组件，期间没有窗口；完成后履约会自动打开。", error=False)
    log = _log_folder() / INSTALL_LOG
    try:
        log.unlink()
    except OSError:
        pass
    python = str(_venv_python())
    upgrade = [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip"]
    if _run_pip(upgrade, log)[0] != 0:
        _say("提示：未能更新 pip（不影响使用，继续安装）。")
    code, output = _run_pip([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target], log)
    if code != 0:
        _fail(pip_failure_message(output, log, kept=not fresh))
    wanted = _wanted(tuple(all_extras))
    wanted["python"] = current_interpreter() if fresh else recorded_interpreter(stamp) or current_interpreter()
    STAMP.write_text(json.dumps(wanted, ensure_ascii=False), encoding="utf-8")


class _install_lock:
    """An exclusive lock on ``INSTALL_LOCK`` for the install step (``fcntl.flock`` / ``msvcrt.locking``; the
    system drops it when the holder ends). A folder where the lock file cannot be made gets no lock: the
    install then stops on the folder itself with the read-only message."""

    def __init__(self) -> None:
        self.stream = None

    def __enter__(self):
        try:
            self.stream = open(str(INSTALL_LOCK), "a+b")
        except OSError:
            return self
        if not self._take(wait=False):
            _say("另一个履约正在安装运行环境，等待它完成…")
            self._take(wait=True)
        return self

    def _take(self, wait: bool) -> bool:
        if os.name == "nt":  # pragma: no cover - Windows only
            import msvcrt
            import time

            while True:
                try:
                    self.stream.seek(0)
                    msvcrt.locking(self.stream.fileno(), msvcrt.LK_NBLCK, 1)
                    return True
                except OSError:
                    if not wait:
                        return False
                    time.sleep(0.5)
        import fcntl

        try:
            fcntl.flock(self.stream.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            return True
        except BlockingIOError:
            return False

    def __exit__(self, *exc) -> None:
        if self.stream is not None:
            self.stream.close()  # closing the file releases the lock


# ---- 3. the re-run inside .venv -----------------------------------------------------------------------

def relaunch(python: Path, argv: list, window: bool, windows: bool) -> tuple:
    """The command line that runs ``argv`` (``sys.orig_argv``) in ``.venv``, and whether to detach from
    the console: on Windows the window goes to ``pythonw.exe`` when the venv has one."""
    if windows and window:
        return [str(python.with_name("pythonw.exe")), *argv[1:]], True
    return [str(python), *argv[1:]], False


def _relaunch(window) -> None:
    python = _venv_python()
    argv = list(sys.orig_argv) if hasattr(sys, "orig_argv") else [sys.executable, *sys.argv]
    is_window = bool(window()) if window is not None else False
    args, detach = relaunch(python, argv, is_window, os.name == "nt")
    if os.name != "nt":
        os.execv(str(python), args)
    if detach and Path(args[0]).exists():  # pragma: no cover - Windows only
        flags = getattr(subprocess, "DETACHED_PROCESS", 0x8) | getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200)
        subprocess.Popen(args, creationflags=flags, close_fds=True)
        raise SystemExit(0)
    process = subprocess.Popen([str(python), *argv[1:]])  # pragma: no cover - Windows only
    while True:  # pragma: no cover - Ctrl+C reaches the child too: it says 已取消 and ends; relay its code
        try:
            raise SystemExit(process.wait())
        except KeyboardInterrupt:
            continue


def ensure(extras=("desktop",), window=None) -> None:
    """Check the interpreter, make sure the project runs inside ``.venv`` with its dependencies, and re-run
    the command there if needed.

    ``extras`` are the optional dependency groups of ``pyproject.toml``: the desktop by default
    (``python main.py``), ``("dev",)`` for the tests (the desktop, the hub and the test tools). The hub
    (``python -m server``) does not call this: it runs from an installed ``.[server]`` environment.
    ``window`` (a callable, asked only on Windows) says whether the command opens the window, which then
    runs under ``pythonw.exe``. Ctrl+C ends with "已取消" and exit code 130."""
    if getattr(sys, "frozen", False):
        return
    try:
        problem = python_problem()
        if problem:
            _fail(problem)
        if os.environ.get("LVYUE_NO_BOOTSTRAP") == "1":
            return
        if not _satisfied(extras):
            with _install_lock():
                if not _satisfied(extras):  # another start may have installed while this one waited
                    _install(extras)
        if _inside_venv():
            return
        _relaunch(window)
    except KeyboardInterrupt:
        raise SystemExit(cancelled()) from None
