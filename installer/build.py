"""Build the Windows installer: PyInstaller bundle, then NSIS (run on Windows with both installed).

    python installer/build.py            # -> dist/Lvyue-<version>/ and installer/Lvyue-<version>-setup.exe

Needs: the project installed (``python main.py --version`` once), ``pip install pyinstaller``, and
NSIS's ``makensis`` on PATH. The spec and the NSIS template read the version from ``app/__init__.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "installer"


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def main() -> int:
    ver = version()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(HERE / "lvyue.spec")],
                   cwd=ROOT, check=True)
    dist = ROOT / "dist" / f"Lvyue-{ver}"
    script = HERE / f"lvyue-setup-{ver}.nsi"
    template = (HERE / "lvyue-setup.nsi.in").read_text(encoding="utf-8")
    script.write_text(template.replace("@VERSION@", ver).replace("@DIST@", str(dist)), encoding="utf-8-sig")
    makensis = shutil.which("makensis")
    if makensis is None:
        print(f"PyInstaller bundle ready in {dist}; makensis not found, installer not built.", file=sys.stderr)
        return 1
    subprocess.run([makensis, str(script)], cwd=HERE, check=True)
    print(f"installer/Lvyue-{ver}-setup.exe")
    return 0


if __name__ == "__main__":
    sys.exit(main())
