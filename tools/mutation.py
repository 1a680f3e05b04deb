"""Mutation testing of the core, the sync and the hub (issue 17), outside CI: it is slow.

    python tools/mutation.py app/domain                 # mutmut over one package, print its score
    python tools/mutation.py app/domain --before        # ... and record it as the BEFORE score
    python tools/mutation.py app/domain --after         # ... and record it as the AFTER score
    python tools/mutation.py app/domain --survivors     # list the surviving mutants (no run), with diffs
    python tools/mutation.py app/domain --files deadlines.py money.py   # only these files of the package
    python tools/mutation.py --scores                   # the recorded scores as a Markdown table
    python tools/mutation.py --rescore                  # ... counted again with today's equivalent list
    python tools/mutation.py                            # every package in PACKAGES, one after the other

Each package runs in its own folder ``.mutation/<package>/`` (git-ignored): symbolic links to the
sources and the tests beside a copy of ``pyproject.toml`` whose ``[tool.mutmut]`` table keeps that
package's files (``only_mutate``) and its tests (``PACKAGES``). mutmut copies them into
``mutants/`` there and reuses what it found on the next run (only changed functions are run again;
``--fresh`` starts over). The tests are the fast unit and integration ones: mutmut swaps each function
for a trampoline in the process that runs pytest, so tests that start ``main.py`` or the hub in a
child process would test the unmutated code, and the fuzz tests cost seconds per mutant.

Mutants listed in ``EQUIVALENT_FILE`` (one name a line, ``#`` starts a reason) count as equivalent:
the score leaves them out and ``--survivors`` marks them. The score is killed / (all - equivalent);
a mutant no test reaches ("no tests") counts as surviving. Always niced: the machine is shared.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
SCORES_FILE = ROOT / "docs" / "mutation-scores.json"
EQUIVALENT_FILE = ROOT / "tools" / "mutation_equivalent.txt"
LINKED = ("app", "server", "ui", "resources", "tests", "bench", "main.py")  # bench: the tests' file keyring

# tests that start a child process (main.py, the hub, a proxy) or need a display or a tool
_CHILD_PROCESS_TESTS = [
    "tests/unit/test_bootstrap.py", "tests/unit/test_cli_imports.py", "tests/unit/test_cli_invocation.py",
    "tests/unit/test_deploy_files.py", "tests/unit/test_layers.py", "tests/unit/test_window_start.py",
    "tests/unit/test_file_output_locked.py",
]
_UNIT = ["tests/unit", *(f"--ignore={path}" for path in _CHILD_PROCESS_TESTS)]
_NOT_FUZZ = ["-k", "not fuzz and not postgres"]
_I = "tests/integration/"

# package -> the tests that run against its mutants (pytest arguments)
PACKAGES: dict[str, list[str]] = {
    "app/domain": [*_UNIT, *_NOT_FUZZ],
    "app/security": [*_UNIT, _I + "test_audit_and_login.py", _I + "test_audit_trail.py",
                     _I + "test_audit_texts.py", _I + "test_personal_data_at_rest.py", _I + "test_sessions.py",
                     *_NOT_FUZZ],
    "app/store": [*_UNIT, _I + "test_migrations.py", _I + "test_projection_upgrade.py",
                  _I + "test_rebuild_chunks.py", _I + "test_rebuild_search_backup.py",
                  _I + "test_services_lifecycle.py", _I + "test_compact_storage.py",
                  _I + "test_personal_data_at_rest.py", _I + "test_audit_trail.py",
                  _I + "test_backup_rotation_locked.py", _I + "test_search_frequent_terms.py", *_NOT_FUZZ],
    "app/sync": ["tests/unit/test_proxies.py", _I + "test_sync_ordering.py", _I + "test_sync_scope.py",
                 _I + "test_sync_integrity.py", _I + "test_sync_numbers.py", _I + "test_sync_devices.py",
                 _I + "test_sync_enrolment.py", _I + "test_sync_credentials.py", _I + "test_sync_blobs.py",
                 _I + "test_sync_prefixes.py", _I + "test_sync_faults.py",
                 _I + "test_sync_interrupted_projection.py", *_NOT_FUZZ],
    "server/services": ["tests/unit/test_prefix_rule.py", "tests/unit/test_typical_rules.py",
                        _I + "test_sync_ordering.py", _I + "test_sync_scope.py", _I + "test_sync_prefixes.py",
                        _I + "test_sync_enrolment.py", _I + "test_sync_credentials.py", _I + "test_hub_trust.py",
                        _I + "test_hub_limits.py", _I + "test_hub_audit.py", _I + "test_sessions_hub.py",
                        _I + "test_sync_blobs.py", _I + "test_sync_integrity.py", *_NOT_FUZZ],
}

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
# mutmut's exit codes (mutmut.stats.status_by_exit_code), kept here so reading a result needs no import
_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
           35: "suspicious", 36: "timeout", 37: "caught by type check", -24: "timeout", 24: "timeout",
           152: "timeout", 255: "timeout", -11: "segfault", -9: "segfault", None: "not checked"}


def slug(package: str) -> str:
    return package.replace("/", ".")


def workspace(package: str, fresh: bool, files: list[str]) -> Path:
    """The package's folder: links to the sources and tests, and a pyproject.toml for mutmut."""
    folder = WORK / slug(package)
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        link = folder / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    globs = [f"{package}/{name}" for name in files] or [package + "/*"]
    table = (f"only_mutate = {json.dumps(globs)}\n"
             f"pytest_add_cli_args_test_selection = {json.dumps(PACKAGES[package], ensure_ascii=False)}\n")
    text = re.sub(r"^only_mutate = .*\n", "", text, flags=re.M)
    text = re.sub(r"^pytest_add_cli_args_test_selection = .*\n", "", text, flags=re.M)
    text = text.replace("[tool.mutmut]\n", "[tool.mutmut]\n" + table, 1)
    target = folder / "pyproject.toml"
    if not target.exists() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return folder


def run(package: str, max_children: int, fresh: bool, files: list[str], again: bool = False) -> int:
    """Run mutmut; ``again``: only the mutants the last run left alive (mutmut keeps a verdict until the
    function changes, so new tests would not be tried on them otherwise)."""
    folder = workspace(package, fresh, files)
    env = dict(os.environ, LVYUE_NO_BOOTSTRAP="1", QT_QPA_PLATFORM="offscreen", LVYUE_CI="1",
               PYTHONDONTWRITEBYTECODE="1")
    command = ["nice", "-n", "15", sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    if again and not fresh:
        alive = [name for name, status in results(package, files).items()  # a stopped run: only what it checked
                 if status not in KILLED and status not in ("skipped", "not checked")]
        if not alive:
            return 0
        command += alive
    print(f"== {package}: {' '.join(command[3:])} (in {folder.relative_to(ROOT)})", flush=True)
    return subprocess.run(command, cwd=folder, env=env).returncode


def results(package: str, files: list[str] = ()) -> dict[str, str]:
    """mutant name -> status, read from mutmut's .meta files of the package's last run (``files`` only)."""
    found: dict[str, str] = {}
    mutants = WORK / slug(package) / "mutants"
    for meta in sorted((mutants / package).rglob("*.py.meta")):
        if files and not any(fnmatch.fnmatch(meta.name.removesuffix(".meta"), name) for name in files):
            continue
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        for name, code in codes.items():
            found[name] = _STATUS.get(code, "suspicious")
    return found


def equivalent() -> set[str]:
    if not EQUIVALENT_FILE.exists():
        return set()
    return {line.split("#", 1)[0].strip() for line in EQUIVALENT_FILE.read_text("utf-8").splitlines()} - {""}


def score(package: str, files: list[str], statuses: dict[str, str] | None = None) -> dict:
    statuses = results(package, files) if statuses is None else statuses
    same = equivalent() & statuses.keys()
    counted = {name: status for name, status in statuses.items() if name not in same}
    counts = Counter(counted.values())
    killed = sum(counts[status] for status in KILLED)
    total = len(counted) - counts["skipped"] - counts["not checked"]
    return {"mutants": len(statuses), "killed": killed, "survived": total - killed,
            "equivalent": len(same), "not_checked": counts["not checked"],
            "score": round(100 * killed / total, 1) if total else None, "files": files or ["*"]}


def snapshot(package: str, when: str, files: list[str]) -> dict[str, str]:
    """Keep the statuses of this run (``.mutation/<package>/<when>.json``) so ``--rescore`` can count
    them again once the list of equivalent mutants has grown."""
    statuses = results(package, files)
    (WORK / slug(package) / f"{when}.json").write_text(json.dumps(statuses, indent=0, ensure_ascii=False), "utf-8")
    return statuses


def rescore() -> None:
    """Recount every recorded score from its snapshot with today's ``EQUIVALENT_FILE``."""
    scores = json.loads(SCORES_FILE.read_text("utf-8")) if SCORES_FILE.exists() else {}
    for package, row in scores.items():
        for when, result in row.items():
            kept = WORK / slug(package) / f"{when}.json"
            if kept.exists():
                files = [] if result.get("files") == ["*"] else result.get("files", [])
                row[when] = score(package, files, json.loads(kept.read_text("utf-8")))
    SCORES_FILE.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", "utf-8")


def record(package: str, when: str, result: dict) -> None:
    scores = json.loads(SCORES_FILE.read_text("utf-8")) if SCORES_FILE.exists() else {}
    scores.setdefault(package, {})[when] = result
    SCORES_FILE.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", "utf-8")


def survivors(package: str, files: list[str]) -> None:
    folder = WORK / slug(package)
    same = equivalent()
    unchecked = 0
    for name, status in results(package, files).items():
        if status in KILLED or status == "skipped":
            continue
        if status == "not checked":
            unchecked += 1
            continue
        mark = "  (equivalent)" if name in same else ""
        print(f"--- {name}: {status}{mark}")
        if not mark:
            shown = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=folder,
                                   capture_output=True, text=True)
            print("\n".join(shown.stdout.splitlines()[1:]))
    if unchecked:
        print(f"({unchecked} mutants not checked yet)")


def table() -> None:
    scores = json.loads(SCORES_FILE.read_text("utf-8")) if SCORES_FILE.exists() else {}
    print("| 包 | 变异体 | 之前 | 之后 | 等价 |")
    print("|---|---:|---:|---:|---:|")
    for package in PACKAGES:
        row = scores.get(package, {})
        before, after = row.get("before", {}), row.get("after", {})
        cell = lambda r: f"{r['score']} % ({r['killed']}/{r['killed'] + r['survived']})" if r else "未运行"  # noqa: E731
        print(f"| {package} | {(after or before).get('mutants', '')} | {cell(before)} | {cell(after)} "
              f"| {after.get('equivalent', '')} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("packages", nargs="*", metavar="PACKAGE",
                        help=f"one or more of {', '.join(PACKAGES)} (default: all)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--before", action="store_true", help="record the score as BEFORE in " + SCORES_FILE.name)
    group.add_argument("--after", action="store_true",
                       help="run the last run's survivors again (new tests) and record the score as AFTER")
    group.add_argument("--survivors", action="store_true", help="list the survivors of the last run (no run)")
    group.add_argument("--scores", action="store_true", help="print the recorded scores as a Markdown table")
    group.add_argument("--rescore", action="store_true",
                       help="count the recorded runs again with today's list of equivalent mutants")
    parser.add_argument("--max-children", type=int, default=1, help="parallel mutants (default 1; 2 at most)")
    parser.add_argument("--fresh", action="store_true", help="forget the previous run's results")
    parser.add_argument("--files", nargs="+", default=[], metavar="GLOB",
                        help="only these files of the package (names or globs, e.g. deadlines.py 'work*.py')")
    args = parser.parse_args(argv)
    unknown = [package for package in args.packages if package not in PACKAGES]
    if unknown:
        parser.error(f"unknown package {', '.join(unknown)}: choose from {', '.join(PACKAGES)}")
    if args.scores:
        table()
        return 0
    if args.rescore:
        rescore()
        table()
        return 0
    failed = 0
    for package in args.packages or list(PACKAGES):
        if args.survivors:
            survivors(package, args.files)
            continue
        if run(package, min(args.max_children, 2), args.fresh, args.files, again=args.after) != 0:
            print(f"mutmut failed for {package}", file=sys.stderr)
            failed = 1
            continue
        when = "before" if args.before else "after" if args.after else None
        statuses = snapshot(package, when, args.files) if when else None
        result = score(package, args.files, statuses)
        print(f"== {package}: {json.dumps(result)}", flush=True)
        if when:
            record(package, when, result)
    return failed


if __name__ == "__main__":
    sys.exit(main())
