"""The layers (CONVENTIONS: layers; issue 14): ``app/`` is the Qt-free core, the hub stands alone.

The AST checks below are quick and say which file; the contracts in ``pyproject.toml``
(``[tool.importlinter]``) cover every boundary, indirect imports included, and each is shown to
catch a planted import."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_app_never_imports_qt_or_ui():
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        for name in imported_modules(path):
            root = name.split(".")[0]
            if root in ("PySide6", "shiboken6", "ui"):
                offenders.append(f"{path.relative_to(APP.parent)} imports {name}")
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_reports_read_projections_not_services():
    """``app/reports`` computes figures from the milestone tables: it may use the domain, never the
    services, the store's writers or the CLI (the services call it, not the other way round)."""
    offenders = []
    for path in sorted((APP / "reports").rglob("*.py")):
        for name in imported_modules(path):
            if name.startswith(("app.services", "app.cli", "app.sync", "app.store")):
                offenders.append(f"{path.relative_to(APP.parent)} imports {name}")
    assert offenders == []


# ---- the layer contracts of pyproject.toml ([tool.importlinter]), checked by import-linter -------------
ROOT = APP.parent
CONTRACTS = ("core-qt-free", "desktop-without-hub", "store-below-sync", "reports-read-projections", "shared-set",
             "hub-alone")
# one import per contract that breaks it, planted in a copy of the tree
PLANTED = {
    "app/domain/planted_qt.py": "def later():\n    from PySide6.QtCore import QObject\n",
    "ui/planted_hub.py": "import server.app\n",
    "app/store/planted_sync.py": "import app.sync.runner\n",
    "app/reports/planted_services.py": "from app.services import queries\n",
    "app/common/planted_keyring.py": "import keyring\n",
    "server/planted_store.py": "from app.store.backup import list_backups\n",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the tree at ``root`` (its pyproject.toml, its packages first on the path)."""
    code = "import sys; sys.path.insert(0, '.'); from importlinter.cli import lint_imports_command as c; c()"
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "utf-8", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-c", code, "--no-cache"], cwd=root, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_the_layer_contracts_hold():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in done.stdout


def test_every_contract_catches_a_planted_import(tmp_path):
    copy = tmp_path / "tree"
    for package in ("app", "ui", "server"):
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for relative, code in PLANTED.items():
        (copy / relative).write_text(code, encoding="utf-8")
    done = lint_imports(copy)
    assert done.returncode != 0
    assert f"Contracts: 0 kept, {len(CONTRACTS)} broken." in done.stdout, done.stdout + done.stderr
    for relative in PLANTED:
        assert relative.removesuffix(".py").replace("/", ".") in done.stdout
