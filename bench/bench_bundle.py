"""The desktop bundle 程序包: size, largest parts, installer size and start times (figures, not pass/fail).

    python installer/build.py --no-installer      # first: dist/Lvyue-<version>/
    python bench/bench_bundle.py [--runs 5] [--no-source] [--bundle DIR] [--installer FILE]

Sizes: the onedir bundle (MB = 10^6 bytes, files) and its 15 largest parts (a top folder of
``_internal``, split further for PySide6 and resources/), and the installer when it was built.
Start times, wall clock from launch to exit, each run in a new process: ``lvyue-cli --version``
(bootloader, Python, the CLI's parser and the services it imports; the first run is "cold": the
first after the build, files possibly still in the page cache) and the median of the next ``--runs``
warm; the window (``Lvyue`` on the offscreen platform, a new profile, so the first window is the
first-run wizard): ``LVYUE_QUIT_WHEN_SHOWN`` makes it quit once the window is shown and print when
(the figure shown), the wall until exit beside it. The same from source (``python main.py``) as the
baseline. Aims (issue 14): installer < 120 MB, start < 2 s. Say the machine's load with the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
from build import NAME, bundle_dir, folder_size, installer_path, program, version  # noqa: E402

AIM_INSTALLER_MB, AIM_START_S = 120, 2.0


def part_of(relative: Path) -> str:
    """The part a file belongs to: a top folder of _internal, PySide6 and resources/ one level finer."""
    parts = relative.parts
    if parts[0] != "_internal" or len(parts) < 3:
        return str(relative)
    top = parts[1]
    if top == "PySide6" and len(parts) > 3 and parts[2] == "Qt":
        if parts[3] in ("lib", "bin") and len(parts) > 4:
            return "/".join(parts[1:5])
        return "/".join(parts[1:4]) + "/"
    if top == "PySide6" and len(parts) > 3 and parts[2] == "plugins":  # Windows layout
        return "/".join(parts[1:4]) + "/"
    if top == "resources" and len(parts) > 3:
        return "/".join(parts[1:4]) if len(parts) == 4 else "/".join(parts[1:3]) + "/"
    return top + "/"


def largest_parts(bundle: Path, count: int = 15) -> list[tuple[str, int]]:
    sizes: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sizes[part_of(path.relative_to(bundle))] += path.stat().st_size
    return sizes.most_common(count)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LVYUE_HOME", "PYTHONPATH", "LVYUE_QUIT_WHEN_SHOWN")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", **extra)
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return wall, done.stderr


def cli_times(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(first run, median of the next ``runs``) of ``command --version``."""
    first, _ = timed([*command, "--version"], env)
    warm = [timed([*command, "--version"], env)[0] for _ in range(runs)]
    return first, statistics.median(warm)


def window_times(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float, float, float]:
    """(first shown, first wall, median shown, median wall) until the first-run wizard is shown."""
    results: list[tuple[float, float]] = []
    for _ in range(runs + 1):
        home = Path(tempfile.mkdtemp(prefix="lvyue-bench-start-"))
        try:
            wall, stderr = timed([*command, "--home", str(home / "profile")],
                                 {**env, "LVYUE_QUIT_WHEN_SHOWN": repr(time.time())})
        finally:
            shutil.rmtree(home, ignore_errors=True)
        found = re.search(r"shown (\w+) ([\d.]+) s", stderr)
        if found is None:
            raise RuntimeError(f"no window was shown:\n{stderr[-2000:]}")
        results.append((float(found.group(2)), wall))
    rest = results[1:]
    return (results[0][0], results[0][1], statistics.median(r[0] for r in rest),
            statistics.median(r[1] for r in rest))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ver = version()
    parser.add_argument("--bundle", type=Path, default=bundle_dir(ROOT / "dist", ver))
    parser.add_argument("--installer", type=Path, default=installer_path(ROOT / "dist", ver))
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the first (median)")
    parser.add_argument("--no-source", action="store_true", help="skip the baseline from source")
    parser.add_argument("--fast-installer", action="store_true",
                        help="the installer was compiled uncompressed (build.py --fast-installer): not the release size")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    if not program(bundle, "lvyue-cli").is_file():
        print(f"no bundle at {bundle}: python installer/build.py --no-installer", file=sys.stderr)
        return 1

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"{NAME} {ver}, {sys.platform}, {os.cpu_count()} CPUs"
          + (f", load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}" if load else ""))
    size, files = folder_size(bundle)
    print(f"bundle {bundle.name}: {size / 1e6:.1f} MB, {files} files")
    for part, part_size in largest_parts(bundle):
        print(f"  {part_size / 1e6:7.1f} MB  {part}")
    if args.installer.is_file():
        mb = args.installer.stat().st_size / 1e6
        note = "stored uncompressed for speed, not the release's size" if args.fast_installer else f"aim < {AIM_INSTALLER_MB} MB"
        print(f"installer {args.installer.name}: {mb:.1f} MB ({note})")
    else:
        print(f"installer: not built ({args.installer.name})")

    runs = [("bundle", [str(program(bundle, "lvyue-cli"))], [str(program(bundle, NAME))], _clean_env())]
    if not args.no_source:
        source = [sys.executable, str(ROOT / "main.py")]
        runs.append(("source", source, source, _clean_env(LVYUE_NO_BOOTSTRAP="1")))
    print(f"start, wall seconds (first run; median of {args.runs} more):")
    for label, cli, window, env in runs:
        first, warm = cli_times(cli, args.runs, env)
        print(f"  {label:6} lvyue-cli --version         {first:5.2f}  {warm:5.2f}")
        shown_first, wall_first, shown, wall = window_times(window, args.runs, env)
        verdict = "" if label != "bundle" else ("  (aim < 2 s: met)" if shown < AIM_START_S else "  (aim < 2 s: MISSED)")
        print(f"  {label:6} window shown (first-run)    {shown_first:5.2f}  {shown:5.2f}   "
              f"to exit {wall_first:.2f} / {wall:.2f}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
