"""Command-line call times (issue 15: a call that needs no heavy module under 0.5 s).

    .venv/bin/python bench/bench_cli.py [--repeat 5] [--top 10]

Each command runs as its own process, as a script calling ``python main.py …`` would run it: the
median wall time of ``--repeat`` calls, beside a bare ``python -c pass`` (the interpreter's floor) in the
same run, and the ``--top`` imports with the largest cumulative time from one ``python -X importtime``
call. The profile is a small demo made in a temporary folder (``demo --complaints 30``); the document
call issues 整改督促通知书 for one case awaiting rectification. Figures, not pass/fail (the import set is
guarded by ``tests/unit/test_cli_imports.py``).
"""

from __future__ import annotations

import argparse
import json
import os
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


def _run(args: list[str], *, importtime: bool = False) -> subprocess.CompletedProcess:
    command = [PYTHON, *(["-X", "importtime"] if importtime else []), *args]
    return subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, encoding="utf-8")


def median_s(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = _run(args)
        times.append(time.perf_counter() - started)
        if result.returncode not in (0, 2):
            raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return statistics.median(times)


def top_imports(args: list[str], top: int) -> list[tuple[float, str]]:
    """The ``top`` imports with the largest cumulative time (ms), outermost name kept."""
    rows = []
    for line in _run(args, importtime=True).stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        rows.append((int(parts[1]) / 1000, parts[2].strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=10)
    options = parser.parse_args()

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
        commands = {
            "python -c pass (floor)": ["-c", "pass"],
            "--version": ["main.py", "--version"],
            "--help": ["main.py", "--help"],
            "user list": ["main.py", "user", "list", "--home", str(profile)],
            "complaint list": ["main.py", "complaint", "list", "--home", str(profile), "--user", "officer",
                               "--limit", "20"],
            "complaint show": ["main.py", "complaint", "show", case_no, "--home", str(profile)],
            "document issue": ["main.py", "document", "issue", case_no, "rectification_notice", "--home",
                               str(profile), "--user", "officer", "-o", str(home / "notice.pdf"), "--force"],
        }
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
              f"median of {options.repeat} calls each")
        for label, args in commands.items():
            print(f"{label:<24} {median_s(args, options.repeat) * 1000:7.0f} ms")
        for label, args in commands.items():
            if label.startswith("python -c"):
                continue
            print(f"\n-X importtime {label}: top {options.top} cumulative (ms)")
            for ms, name in top_imports(args, options.top):
                print(f"  {ms:7.1f}  {name}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
