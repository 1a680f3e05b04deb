"""Command-line call times (issue 15: a call that needs no heavy module under 0.5 s).

    .venv/bin/python bench/bench_cli.py [--repeat 5] [--top 10] [--before DIR]

Each command runs as its own process, as a script calling ``python main.py …`` would run it: the
median wall time (and CPU time, which a loaded machine changes less) of ``--repeat`` calls, beside two floors measured in the same run, a bare
``python -c pass`` (the interpreter) and ``python -c "import sqlite3"`` (the interpreter with the
database driver), and the ``--top`` imports with the largest cumulative time from one
``python -X importtime`` call. The profile is a small demo made in a temporary folder
(``demo --complaints 30``); the document call issues 整改督促通知书 for one case awaiting rectification.
Modules run from cached bytecode, as in the installed program: one discarded warm-up call per command
writes the ``.pyc`` files (``PYTHONDONTWRITEBYTECODE`` is dropped for the calls).

``--before DIR``: a checkout of older code (``git worktree add`` or ``git archive | tar -x``) timed
alternately with this one, call by call, so that both see the same machine load; the table then gives
both columns and the ratios to the floors. The profile is made by this code and opened by both (the
schema must be the same).

The data keys live in the benches' file keyring (``bench/bench_keyring.py``), loaded from
``bench/file_keyring.py`` and not from the tests' fixtures, which import pytest. Figures, not pass/fail
(the import set is guarded by ``tests/unit/test_cli_imports.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import bench.bench_keyring  # noqa: E402,F401  (profiles' data keys where no OS keyring exists)

PYTHON = sys.executable
ENV = {**os.environ, "LVYUE_NO_BOOTSTRAP": os.environ.get("LVYUE_NO_BOOTSTRAP", "1"), "LVYUE_PASSWORD": "Demo#2026"}
# As installed (PyInstaller ships .pyc files): compiled modules are cached, by the warm-up call of each command.
# With PYTHONDONTWRITEBYTECODE (set in some shells and CI) every call compiled ~100 app modules anew (~110 ms).
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
if ENV.get("PYTHON_KEYRING_BACKEND") == "tests.sync_fixtures.FileKeyring":  # the same files, without pytest
    ENV["PYTHON_KEYRING_BACKEND"] = "file_keyring.FileKeyring"
    ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "bench"), ENV.get("PYTHONPATH")]))
FLOORS = ("python -c pass", "python -c 'import sqlite3'")


def _run(args: list[str], *, cwd: Path = ROOT, importtime: bool = False) -> subprocess.CompletedProcess:
    command = [PYTHON, *(["-X", "importtime"] if importtime else []), *args]
    return subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, encoding="utf-8")


def timed_s(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one call: on a loaded machine the wall time also counts
    the waits for a core, the CPU time barely moves."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = _run(args, cwd=cwd)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(args)} in {cwd} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def top_imports(args: list[str], top: int, cwd: Path = ROOT) -> list[tuple[float, str]]:
    """The ``top`` imports with the largest cumulative time (ms), outermost name kept."""
    rows = []
    for line in _run(args, cwd=cwd, importtime=True).stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        rows.append((int(parts[1]) / 1000, parts[2].strip()))
    return sorted(rows, reverse=True)[:top]


def commands_for(profile: Path, home: Path, case_no: str) -> dict[str, list[str]]:
    return {
        FLOORS[0]: ["-c", "pass"],
        FLOORS[1]: ["-c", "import sqlite3"],
        "--version": ["main.py", "--version"],
        "--help": ["main.py", "--help"],
        "user list": ["main.py", "user", "list", "--home", str(profile)],
        # without --user a command reads as the office (no login); with it, the password check (argon2id,
        # ~90 ms by design) and the login's audit event come on top
        "complaint list": ["main.py", "complaint", "list", "--home", str(profile), "--limit", "20"],
        "complaint list --user": ["main.py", "complaint", "list", "--home", str(profile), "--user", "officer",
                                  "--limit", "20"],
        "complaint show": ["main.py", "complaint", "show", case_no, "--home", str(profile)],
        "complaint show --user": ["main.py", "complaint", "show", case_no, "--home", str(profile), "--user",
                                  "officer"],
        "document issue": ["main.py", "document", "issue", case_no, "rectification_notice", "--home",
                           str(profile), "--user", "officer", "-o", str(home / "notice.pdf"), "--force"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--before", type=Path, help="a checkout of older code, timed alternately with this one")
    options = parser.parse_args()
    codes = {"before": options.before.resolve(), "after": ROOT} if options.before else {"now": ROOT}

    home = Path(tempfile.mkdtemp(prefix="lvyue-bench-cli-"))
    profile = home / "profile"
    try:
        made = _run(["main.py", "demo", "--home", str(profile), "--complaints", "30"])
        if made.returncode != 0:
            raise SystemExit(made.stderr)
        settings = _run(["main.py", "document", "settings", "--home", str(profile), "--user", "admin",
                         "--set", "contact_person=王颖", "--set", "contact_phone=0878-7721234"])
        if settings.returncode != 0:
            raise SystemExit(settings.stderr)
        listed = _run(["main.py", "complaint", "list", "--home", str(profile), "--user", "officer", "--json",
                       "--state", "rectifying", "--limit", "1"])
        rows = json.loads(listed.stdout)
        case_no = (rows.get("items") or rows.get("rows"))[0]["case_no"]
        commands = commands_for(profile, home, case_no)

        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for label, args in commands.items():  # call by call, each code in turn: the same load for both
            for cwd in codes.values():  # the warm-up: writes the .pyc files and fills the OS file cache
                timed_s(args, cwd)
            for _ in range(options.repeat):
                for code, cwd in codes.items():
                    times.setdefault((label, code), []).append(timed_s(args, cwd))
        load = os.getloadavg()
        print(f"load: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; median of {options.repeat} calls each, ms "
              f"(x pass / x sqlite3: the ratio to the two floors of the same run)")
        for kind, index in (("wall", 0), ("cpu (user + system)", 1)):
            median = {key: statistics.median(v[index] for v in values) * 1000 for key, values in times.items()}
            print(f"\n{kind:<28}" + "".join(f"{code:>26}" for code in codes))
            for label in commands:
                cells = []
                for code in codes:
                    ms = median[(label, code)]
                    ratios = f"{ms / median[(FLOORS[0], code)]:5.1f}x {ms / median[(FLOORS[1], code)]:5.1f}x"
                    cells.append(f"{ms:9.0f} {ratios}")
                print(f"{label:<28}" + "".join(f"{cell:>26}" for cell in cells))
        for label, args in commands.items():
            if label in FLOORS:
                continue
            for code, cwd in codes.items():
                print(f"\n-X importtime {label} ({code}): top {options.top} cumulative (ms)")
                for ms, name in top_imports(args, options.top, cwd):
                    print(f"  {ms:7.1f}  {name}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
