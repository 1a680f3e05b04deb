"""Build the desktop bundle, self-test it, and compile the installer when NSIS is there.

    python installer/build.py                   # dist/Lvyue-<version>/, its --selftest, dist/Lvyue-Setup-<version>.exe
    python installer/build.py --no-installer    # the bundle and its self-test only
    python installer/build.py --skip-selftest   # e.g. a bundle for another machine
    python installer/build.py --fast-installer  # CI: stored, not the script's LZMA (3+ minutes on one core)

On Windows (the real target) and on Linux (CI: the same spec builds a Linux bundle, and Debian's
``makensis`` compiles the Windows installer script against it to prove the script is valid).
Needs PyInstaller in the running Python (``pip install -e .[bundle]``) and, for the installer,
``makensis`` (NSIS 3) on PATH. The version comes from ``app/__init__.py``; the spec reads it too.
Exit 0 when every step asked for succeeded; 1 otherwise (the failing step is named).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "installer"
SPEC = HERE / "lvyue.spec"
NSIS_SCRIPT = HERE / "lvyue-setup.nsi"
NAME = "Lvyue"


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def bundle_dir(dist: Path, ver: str) -> Path:
    return dist / f"{NAME}-{ver}"


def program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def installer_path(outdir: Path, ver: str) -> Path:
    return outdir / f"{NAME}-Setup-{ver}.exe"


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under ``folder``."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(sizes), len(sizes)


def build_bundle(dist: Path, work: Path, clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
               "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=ROOT, check=True)


def selftest(bundle: Path) -> None:
    """The bundle's console program runs ``--selftest`` on the offscreen platform (no display needed)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONIOENCODING="utf-8")
    for name in ("LVYUE_HOME", "PYTHONPATH", "PYTHONHOME", "LVYUE_NO_BOOTSTRAP"):
        env.pop(name, None)
    subprocess.run([str(program(bundle, "lvyue-cli")), "--selftest"], cwd=bundle.parent, env=env, check=True,
                   timeout=300)


def compile_installer(bundle: Path, outdir: Path, ver: str, fast: bool = False) -> Path | None:
    """``makensis`` with the defines the script takes; None (and why) when it cannot run here.

    ``fast``: the files stored uncompressed (the script's ``-DNO_COMPRESS``): LZMA takes over 3 minutes on one
    core for this bundle, this a few seconds; for checking the script in CI, never for a release. Off Windows
    the bundle's programs have no ``.exe`` (``-DEXE_SUFFIX=``).
    """
    if not NSIS_SCRIPT.is_file():
        print(f"跳过安装程序：没有 {NSIS_SCRIPT.relative_to(ROOT)}", file=sys.stderr)
        return None
    makensis = shutil.which("makensis")
    if makensis is None:
        print("跳过安装程序：找不到 makensis（Windows：安装 NSIS 3；Debian：apt-get install nsis）", file=sys.stderr)
        return None
    outdir.mkdir(parents=True, exist_ok=True)
    target = installer_path(outdir, ver)
    target.unlink(missing_ok=True)
    command = [makensis, "-INPUTCHARSET", "UTF8", f"-DVERSION={ver}", f"-DDIST={bundle.resolve()}",
               f"-DOUTDIR={outdir.resolve()}", str(NSIS_SCRIPT)]
    if fast:
        command.insert(1, "-DNO_COMPRESS")
    if sys.platform != "win32":
        command.insert(1, "-DEXE_SUFFIX=")
    subprocess.run(command, cwd=HERE, check=True)
    if not target.is_file():
        raise RuntimeError(f"makensis 成功退出，但没有生成 {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-installer", action="store_true", help="不编译 NSIS 安装程序")
    parser.add_argument("--skip-selftest", action="store_true", help="不运行程序包的 --selftest")
    parser.add_argument("--fast-installer", action="store_true",
                        help="安装程序不压缩（CI 检查脚本用，几秒即可；正式发布不要用）")
    parser.add_argument("--skip-build", action="store_true", help="使用 dist/ 中已有的程序包")
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 缓存后重新构建")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="程序包和安装程序的输出目录")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller 的工作目录")
    args = parser.parse_args(argv)
    ver = version()
    dist = args.dist.resolve()
    bundle = bundle_dir(dist, ver)
    steps: list[tuple[str, float]] = []

    def step(name: str, action):
        began = time.perf_counter()
        print(f"== {name}", flush=True)
        try:
            result = action()
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, RuntimeError) as error:
            print(f"失败：{name}：{error}", file=sys.stderr)
            raise SystemExit(1) from None
        steps.append((name, time.perf_counter() - began))
        return result

    if not args.skip_build:
        step(f"构建程序包 {bundle}", lambda: build_bundle(dist, args.work.resolve(), args.clean))
    if not program(bundle, "lvyue-cli").is_file():
        print(f"失败：没有程序包 {bundle}", file=sys.stderr)
        return 1
    if not args.skip_selftest:
        step("程序包自检（lvyue-cli --selftest）", lambda: selftest(bundle))
    setup = None
    if not args.no_installer:
        setup = step("编译安装程序（makensis）", lambda: compile_installer(bundle, dist, ver, args.fast_installer))

    size, files = folder_size(bundle)
    print(f"程序包：{bundle}，{size / 1e6:.1f} MB，{files} 个文件")
    if setup is not None:
        print(f"安装程序：{setup}，{setup.stat().st_size / 1e6:.1f} MB")
    for name, seconds in steps:
        print(f"  {seconds:6.1f} 秒  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
