"""``app/`` is the Qt-free core: nothing in it may import PySide6 (CONVENTIONS: layers)."""

from __future__ import annotations

import ast
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
