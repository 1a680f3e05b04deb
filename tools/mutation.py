"""Mutation testing of the core, the sync and the hub (issue 17), outside CI: it is slow.

    python tools/mutation.py app/domain                 # mutmut over one package, print its score
    python tools/mutation.py app/domain --before        # ... and record it as the BEFORE score
    python tools/mutation.py app/domain --after         # ... and record it as the AFTER score
    python tools/mutation.py app/domain --survivors     # list the surviving mutants (no run), with diffs
    python tools/mutation.py app/domain --files deadlines.py money.py   # only these files of the package
    python tools/mutation.py app/store --sample 150 --before    # a seeded random sample of the mutants
    python tools/mutation.py app/domain --files 'fold*.py' --label 其余文件 --sample 300 --before
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

``--sample N`` (with ``--seed``, default 17) generates every mutant of the selection, draws N of them
at random once (kept in ``.mutation/<package>/sample-<label>.json``, so ``--after`` reruns the same ones)
and runs only those: a package of thousands of mutants whose tests start a hub takes hours in full. The
score is then an estimate, recorded with the sample size, the population and a Wilson 95 % interval.
``--label`` keeps a second selection of a package (other files, a sample) beside the first in the scores.

What a mutant costs: mutmut first runs the whole selection once to learn which tests reach which
function and how long each takes (its "stats" stage), then once more without a mutant (the clean run,
only the tests that reach the chosen mutants), then per mutant only the tests that reach the mutated
function, with ``-x`` (mutmut adds it itself): a killed mutant stops at its first failing test, a
surviving one runs every test that reaches it. mutmut hands those tests to pytest in a set's order, at
random; ``tools/mutation_order.py`` (loaded with ``-p mutation_order``) runs them fastest first by the
stats stage's durations, so a killed mutant usually stops within seconds. Only the order changes: the
same tests run and the same failures count as killed. mutmut's own CPU-time limit per mutant (20 times
the tests' time) stays the only timeout. The stats stage cannot be limited to the tests that reach a
sample (they are what it finds out), so ``PACKAGES`` lists for each package only test files that reach it.

Mutants listed in ``EQUIVALENT_FILE`` (one name a line, ``#`` starts a reason) count as equivalent:
the score leaves them out and ``--survivors`` marks them. The score is killed / (all - equivalent);
a mutant no test reaches ("no tests") counts as surviving. Always niced: the machine is shared.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import random
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
    "tests/unit/test_tests_assert.py",  # lints the test files (imports tools/): no product code to kill with
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
                  _I + "test_backup_rotation_locked.py", _I + "test_search_frequent_terms.py",
                  _I + "test_breach_register.py", *_NOT_FUZZ],
    "app/sync": ["tests/unit/test_proxies.py", _I + "test_sync_ordering.py", _I + "test_sync_scope.py",
                 _I + "test_sync_integrity.py", _I + "test_sync_numbers.py", _I + "test_sync_devices.py",
                 _I + "test_sync_enrolment.py", _I + "test_sync_credentials.py", _I + "test_sync_blobs.py",
                 _I + "test_sync_prefixes.py", _I + "test_sync_faults.py",
                 _I + "test_sync_interrupted_projection.py",
                 # beside them: tests that reach app/sync but were left out (the fleet quarantine, a missing
                 # attachment named, an untrusted certificate, a stale page, the wire rules) and the rules
                 # written from its mutation run (issue 17)
                 "tests/unit/test_sync_wire_rules.py", _I + "test_sync_stale_page.py", _I + "test_hub_trust.py",
                 _I + "test_faults_sync.py", _I + "test_sync_proxy_tls.py",
                 "tests/unit/test_sync_blob_resume_rules.py", "tests/unit/test_sync_push_halves_rules.py",
                 "tests/unit/test_sync_reference_users_rules.py", _I + "test_sync_status_reasons.py",
                 _I + "test_sync_lost_push_answer.py", _I + "test_attachment_files.py",
                 "tests/unit/test_sync_credentials_rules.py", "tests/unit/test_sync_transport_rules.py",
                 "tests/unit/test_sync_repair_and_quarantine_rules.py",
                 "tests/unit/test_sync_queue_and_enrolment_rules.py", _I + "test_sync_progress_counts.py",
                 "tests/unit/test_sync_blob_download_check.py", "tests/unit/test_sync_numbers_and_names_rules.py",
                 *_NOT_FUZZ],
    # (tests/unit/test_typical_rules.py left out: mutmut's stats found none of its 50 tests reaching the package)
    "server/services": ["tests/unit/test_prefix_rule.py", "tests/unit/test_hub_audit_report.py",
                        "tests/unit/test_hub_blob_files.py",
                        _I + "test_sync_ordering.py", _I + "test_sync_scope.py", _I + "test_sync_prefixes.py",
                        _I + "test_sync_enrolment.py", _I + "test_sync_credentials.py", _I + "test_hub_trust.py",
                        _I + "test_hub_limits.py", _I + "test_hub_audit.py", _I + "test_sessions_hub.py",
                        _I + "test_sync_blobs.py", _I + "test_sync_integrity.py",
                        _I + "test_hub_admin_reference.py", _I + "test_hub_enrolment_records.py",
                        _I + "test_hub_prefix_owners.py",
                        _I + "test_hub_push_answers.py",
                        _I + "test_hub_quarantine_scope.py", _I + "test_reminders_sync.py", *_NOT_FUZZ],
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
    common = re.search(r"^pytest_add_cli_args = (.*)$", text, flags=re.M)
    arguments = [*(json.loads(common.group(1)) if common else []), *ORDER_PLUGIN]
    table = (f"only_mutate = {json.dumps(globs)}\n"
             f"pytest_add_cli_args = {json.dumps(arguments)}\n"
             f"pytest_add_cli_args_test_selection = {json.dumps(PACKAGES[package], ensure_ascii=False)}\n")
    text = re.sub(r"^only_mutate = .*\n", "", text, flags=re.M)
    text = re.sub(r"^pytest_add_cli_args = .*\n", "", text, flags=re.M)
    text = re.sub(r"^pytest_add_cli_args_test_selection = .*\n", "", text, flags=re.M)
    text = text.replace("[tool.mutmut]\n", "[tool.mutmut]\n" + table, 1)
    target = folder / "pyproject.toml"
    if not target.exists() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return folder


# tools/mutation_order.py: each mutant's tests run fastest first (mutmut's own order is a set's)
ORDER_PLUGIN = ["-p", "mutation_order"]
_ENV = dict(LVYUE_NO_BOOTSTRAP="1", QT_QPA_PLATFORM="offscreen", LVYUE_CI="1", PYTHONDONTWRITEBYTECODE="1",
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "tools"), os.environ.get("PYTHONPATH", "")])))

# mutmut's own first step (``mutmut run`` does it before collecting the tests' coverage): copy the
# sources into mutants/ and write every mutant with its .meta file, all "not checked"
_GENERATE = """
import os
import mutmut.__main__ as m
m.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths(); m.store_lines_covered_by_tests()
m.create_mutants(1)
"""


def sample_names(package: str, files: list[str], size: int, seed: int, label: str, fresh: bool) -> list[str]:
    """The names of a seeded random sample of the selection's mutants, drawn once and kept."""
    folder = workspace(package, fresh, files)
    kept = folder / f"sample-{label or 'all'}.json"
    if kept.exists() and not fresh:
        drawn = json.loads(kept.read_text("utf-8"))
        if drawn["size"] == size and drawn["seed"] == seed and drawn["files"] == files:
            return drawn["names"]
    subprocess.run(["nice", "-n", "15", sys.executable, "-c", _GENERATE], cwd=folder, check=True,
                   env=dict(os.environ, **_ENV), stdout=subprocess.DEVNULL)
    population = sorted(results(package, files))
    names = sorted(random.Random(seed).sample(population, min(size, len(population))))
    kept.write_text(json.dumps({"size": size, "seed": seed, "files": files, "population": len(population),
                                "names": names}, indent=0, ensure_ascii=False), "utf-8")
    return names


def run(package: str, max_children: int, fresh: bool, files: list[str], again: bool = False,
        only: list[str] | None = None) -> int:
    """Run mutmut; ``again``: only the mutants the last run left alive (mutmut keeps a verdict until the
    function changes, so new tests would not be tried on them otherwise); ``only``: these mutants (a sample)."""
    folder = workspace(package, fresh and only is None, files)
    command = ["nice", "-n", "15", sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    if again and not fresh:
        statuses = results(package, files)
        same = equivalent()  # listed as equivalent: left out of the score, so not worth minutes again
        alive = [name for name in (only or statuses)  # a stopped run: only what it checked
                 if statuses.get(name, "not checked") not in KILLED
                 and statuses.get(name) not in ("skipped", "not checked") and name not in same]
        if not alive:
            return 0
        command += alive
    elif only is not None:
        command += only
    shown = " ".join(command[3:9]) + (f" … ({len(command) - 9} more)" if len(command) > 9 else "")
    print(f"== {package}: {shown} (in {folder.relative_to(ROOT)})", flush=True)
    return subprocess.run(command, cwd=folder, env=dict(os.environ, **_ENV)).returncode


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


def wilson(killed: int, total: int, z: float = 1.96) -> list[float]:
    """The 95 % Wilson score interval of a sampled score, in percent."""
    if not total:
        return [0.0, 100.0]
    p = killed / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return [round(100 * (centre - half), 1), round(100 * (centre + half), 1)]


def score(package: str, files: list[str], statuses: dict[str, str] | None = None,
          sample: list[str] | None = None) -> dict:
    statuses = results(package, files) if statuses is None else statuses
    population = len(statuses)
    if sample is not None:
        statuses = {name: statuses.get(name, "not checked") for name in sample}
    same = equivalent() & statuses.keys()
    counted = {name: status for name, status in statuses.items() if name not in same}
    counts = Counter(counted.values())
    killed = sum(counts[status] for status in KILLED)
    total = len(counted) - counts["skipped"] - counts["not checked"]
    result = {"mutants": population, "killed": killed, "survived": total - killed,
              "equivalent": len(same), "not_checked": counts["not checked"],
              "score": round(100 * killed / total, 1) if total else None, "files": files or ["*"]}
    if sample is not None:
        result.update(sample=len(sample), interval=wilson(killed, total))
    return result


def key(package: str, label: str) -> str:
    """The scores' entry of a selection: the package, or ``package（label）`` for a second one."""
    return f"{package}（{label}）" if label else package


def snapshot(package: str, when: str, files: list[str], label: str = "") -> dict[str, str]:
    """Keep the statuses of this run (``.mutation/<package>/<when>[-label].json``) so ``--rescore`` can
    count them again once the list of equivalent mutants has grown."""
    statuses = results(package, files)
    before = WORK / slug(package) / (f"before-{label}.json" if label else "before.json")
    if when == "after" and before.exists():
        # a test file added to PACKAGES changes mutmut's test selection, and mutmut then forgets every
        # verdict; --after reran only the survivors, so the others keep the verdict the BEFORE run gave
        kept = json.loads(before.read_text("utf-8"))
        statuses = {**kept, **{n: s for n, s in statuses.items() if s != "not checked" or n not in kept}}
    name = f"{when}-{label}.json" if label else f"{when}.json"
    (WORK / slug(package) / name).write_text(json.dumps(statuses, indent=0, ensure_ascii=False), "utf-8")
    return statuses


def rescore() -> None:
    """Recount every recorded score from its snapshot with today's ``EQUIVALENT_FILE``."""
    scores = json.loads(SCORES_FILE.read_text("utf-8")) if SCORES_FILE.exists() else {}
    for entry, row in scores.items():
        package, _, label = entry.removesuffix("）").partition("（")
        for when, result in row.items():
            kept = WORK / slug(package) / (f"{when}-{label}.json" if label else f"{when}.json")
            if kept.exists():
                files = [] if result.get("files") == ["*"] else result.get("files", [])
                drawn = WORK / slug(package) / f"sample-{label or 'all'}.json"
                sample = json.loads(drawn.read_text("utf-8"))["names"] if "sample" in result and drawn.exists() \
                    else None
                row[when] = score(package, files, json.loads(kept.read_text("utf-8")), sample)
    SCORES_FILE.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", "utf-8")


def record(entry: str, when: str, result: dict) -> None:
    scores = json.loads(SCORES_FILE.read_text("utf-8")) if SCORES_FILE.exists() else {}
    scores.setdefault(entry, {})[when] = result
    SCORES_FILE.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", "utf-8")


def survivors(package: str, files: list[str], sample: list[str] | None = None) -> None:
    folder = WORK / slug(package)
    same = equivalent()
    unchecked = 0
    statuses = results(package, files)
    if sample is not None:
        statuses = {name: statuses.get(name, "not checked") for name in sample}
    for name, status in statuses.items():
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
    print("| 包 | 变异体 | 之前 | 之后 | 复核（另一批抽样） | 等价 |")
    print("|---|---:|---:|---:|---:|---:|")
    order = {package: number for number, package in enumerate(PACKAGES)}
    entries = sorted({*PACKAGES, *scores}, key=lambda entry: (order.get(entry.partition("（")[0], 99), entry))
    for entry in entries:
        row = scores.get(entry, {})
        before, after, check = row.get("before", {}), row.get("after", {}), row.get("check", {})
        last = after or check
        print(f"| {entry} | {(after or before or check).get('mutants', '')} | {_cell(before, check)} "
              f"| {_cell(after, check)} | {_cell(check, not check)} | {last.get('equivalent', '')} |")


def _cell(result: dict, blank: object = False) -> str:
    if not result:
        return "—" if blank else "未运行"
    text = f"{result['score']} % ({result['killed']}/{result['killed'] + result['survived']})"
    if "sample" in result:
        low, high = result["interval"]
        text += f"，抽样 {result['sample']} 个，95 % 区间 {low}–{high} %"
    if result.get("not_checked"):  # a stopped run: the score is that of the checked part only
        text += f"，{result['not_checked']} 个未检查"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("packages", nargs="*", metavar="PACKAGE",
                        help=f"one or more of {', '.join(PACKAGES)} (default: all)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--before", action="store_true", help="record the score as BEFORE in " + SCORES_FILE.name)
    group.add_argument("--after", action="store_true",
                       help="run the last run's survivors again (new tests) and record the score as AFTER")
    group.add_argument("--check", action="store_true",
                       help="record the score as CHECK: a second sample (another --seed and --label) drawn after "
                            "the tests were written, so none of them was written for its mutants")
    group.add_argument("--survivors", action="store_true", help="list the survivors of the last run (no run)")
    group.add_argument("--scores", action="store_true", help="print the recorded scores as a Markdown table")
    group.add_argument("--rescore", action="store_true",
                       help="count the recorded runs again with today's list of equivalent mutants")
    parser.add_argument("--max-children", type=int, default=1, help="parallel mutants (default 1; 2 at most)")
    parser.add_argument("--fresh", action="store_true", help="forget the previous run's results")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="run a seeded random sample of N mutants (drawn once, kept for --after)")
    parser.add_argument("--seed", type=int, default=17, help="the sample's seed (default 17)")
    parser.add_argument("--label", default="",
                        help="record this selection beside the package's main one (e.g. 其余文件)")
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
        sample = sample_names(package, args.files, args.sample, args.seed, args.label,
                              args.fresh and not args.after) if args.sample else None
        if args.survivors:
            survivors(package, args.files, sample)
            continue
        if run(package, min(args.max_children, 2), args.fresh, args.files, again=args.after, only=sample) != 0:
            print(f"mutmut failed for {package}", file=sys.stderr)
            failed = 1
            continue
        when = "before" if args.before else "after" if args.after else "check" if args.check else None
        statuses = snapshot(package, when, args.files, args.label) if when else None
        result = score(package, args.files, statuses, sample)
        print(f"== {key(package, args.label)}: {json.dumps(result, ensure_ascii=False)}", flush=True)
        if when:
            record(key(package, args.label), when, result)
    return failed


if __name__ == "__main__":
    sys.exit(main())
