"""Update the Qt translation catalogues from the source and compile them.

    python tools/i18n.py            # lupdate every catalogue, report unfinished strings, lrelease
    python tools/i18n.py --check    # exit 1 when a catalogue has unfinished strings or a stale .qm

Each catalogue covers one part of the window (``CATALOGUES``); translators edit the ``.ts`` files
(Qt Linguist: ``.venv/bin/pyside6-linguist``), then run this again to compile the ``.qm`` files.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
CATALOGUES = {
    "lvyue_case": ["ui/forms", "ui/detail", "ui/dialogs/actions", "ui/widgets/completer.py"],
    "lvyue_documents": ["ui/documents"],
    "lvyue_credit": ["ui/credit"],
    "lvyue_session": ["ui/session"],
    "lvyue_shell": ["ui/application.py", "ui/main_window.py", "ui/startup.py", "ui/i18n.py", "ui/appearance.py",
                    "ui/saving_tasks.py", "ui/dialogs/first_run.py", "ui/dialogs/login.py",
                    "ui/dialogs/user_dialogs.py", "ui/pages", "ui/models", "ui/widgets", "ui/sync", "ui/imports",
                    "ui/dialogs/typical_decision.py"],
    "lvyue_register": ["ui/pages/breach_register.py", "ui/pages/breach_register_filters.py",
                       "ui/pages/breach_register_detail.py", "ui/models/breach_register_table.py"],
    "lvyue_faults": ["ui/dialogs/restore_dialog.py"],
    "lvyue_help": ["ui/help"],
}


def sources(parts: list[str], exclude: set[Path]) -> list[str]:
    files: list[Path] = []
    for part in parts:
        path = ROOT / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [str(f) for f in files if f not in exclude]


def unfinished(ts: Path) -> int:
    return ts.read_text(encoding="utf-8").count('type="unfinished"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    claimed = {ROOT / p for parts in CATALOGUES.values() for p in parts if (ROOT / p).is_file()}
    problems = 0
    for name, parts in CATALOGUES.items():
        ts, qm = I18N / f"{name}_zh_CN.ts", I18N / f"{name}_zh_CN.qm"
        exclude = claimed - {ROOT / p for p in parts}  # a file claimed by name belongs to that catalogue only
        if not args.check:
            subprocess.run([str(BIN / "pyside6-lupdate"), *sources(parts, exclude), "-no-obsolete", "-ts", str(ts)],
                           check=True, cwd=I18N, capture_output=True)
        left = unfinished(ts)
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / qm.name
            subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True,
                           capture_output=True)
            stale = not qm.exists() or qm.read_bytes() != fresh.read_bytes()
            if stale and not args.check:
                qm.write_bytes(fresh.read_bytes())
                stale = False
        print(f"{name}: {left} unfinished{', .qm out of date' if stale else ''}")
        problems += left + int(stale)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
