"""Find tests that cannot fail: an AST pass over ``tests/`` (CONVENTIONS: "A test that cannot fail is a defect").

    python tools/test_lint.py            # list the findings; exit 1 when there is one
    python tools/test_lint.py --json     # the same as JSON

A test function (``test_*`` at module level or in a ``Test*`` class) passes when it checks something:

- an ``assert`` whose condition is not a constant (``assert True`` checks nothing), or ``raise AssertionError``;
- ``pytest.raises`` / ``pytest.warns`` / ``pytest.fail``, or ``pytest.skip`` / ``pytest.xfail`` (it says why
  it does not run);
- a qtbot helper that fails on a timeout or a mismatch (``qtbot.wait*``, ``qtbot.assert*``);
- a call of a helper whose name starts with ``assert``, ``check_``, ``expect_`` or ``verify_``, or of a
  helper of ``tests/`` that itself checks something: defined in the module or imported from a ``tests``
  module (``from tests.x import helper``), followed through the helpers it calls.

Checks inside nested functions count (a hypothesis ``run()`` defined in the test). A finding is justified
only in ``tools/test_lint_allow.txt`` (``tests/path.py::test_name  # why``); an entry that no longer
matches a finding is reported too, so the list never goes stale.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOW = ROOT / "tools" / "test_lint_allow.txt"
CHECKING_PREFIXES = ("assert", "check_", "expect_", "verify_")
PYTEST_CHECKS = frozenset({"raises", "warns", "fail", "skip", "xfail", "deprecated_call"})
QTBOT_PREFIXES = ("wait", "assert")


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the root, with forward slashes
    test: str  # Class.test_name or test_name
    line: int
    reason: str

    @property
    def key(self) -> str:
        return f"{self.path}::{self.test}"


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _owner(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return None


def _direct_check(node: ast.AST) -> bool:
    """A check that stands on its own, whatever else the function calls."""
    if isinstance(node, ast.Assert):
        return not isinstance(node.test, ast.Constant) or not node.test.value
    if isinstance(node, ast.Raise) and node.exc is not None:
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        return isinstance(exc, ast.Name) and exc.id == "AssertionError"
    if isinstance(node, ast.Call):
        name, owner = _called_name(node), _owner(node)
        if name is None:
            return False
        if owner == "pytest" and name in PYTEST_CHECKS:
            return True
        if owner == "qtbot" and name.startswith(QTBOT_PREFIXES):
            return True
        return name.startswith(CHECKING_PREFIXES)
    return False


def _local_calls(node: ast.AST) -> Iterator[str]:
    """Names called as plain functions, as methods of ``self`` (helpers of a test class), or as
    ``alias.name`` (a function of a module imported under ``alias``)."""
    for inner in ast.walk(node):
        if not isinstance(inner, ast.Call):
            continue
        if isinstance(inner.func, ast.Name):
            yield inner.func.id
        elif (owner := _owner(inner)) == "self":
            yield inner.func.attr
        elif owner is not None:
            yield f"{owner}.{inner.func.attr}"


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


class Helpers:
    """Which functions of ``tests/`` check something, directly or through the helpers they call: calls
    are resolved by name within the module and through ``from tests.x import name`` (a fixed point)."""

    def __init__(self, modules: dict[str, ast.Module]) -> None:
        self.scope: dict[str, dict[str, tuple[str, str]]] = {}  # module -> local name -> (module, function)
        self.aliases: dict[str, dict[str, str]] = {}  # module -> alias -> module imported under it
        direct: set[tuple[str, str]] = set()
        calls: dict[tuple[str, str], set[str]] = {}
        for module, tree in modules.items():
            names = self.scope.setdefault(module, {})
            for function in _functions(tree):
                key = (module, function.name)
                names[function.name] = key
                if any(_direct_check(n) for n in ast.walk(function)):
                    direct.add(key)
                calls.setdefault(key, set()).update(_local_calls(function))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module in modules:
                    for alias in node.names:
                        names[alias.asname or alias.name] = (node.module, alias.name)
                elif isinstance(node, ast.ImportFrom) and node.module:  # from tests.integration import x as y
                    for alias in node.names:
                        if f"{node.module}.{alias.name}" in modules:
                            self.aliases.setdefault(module, {})[alias.asname or alias.name] = \
                                f"{node.module}.{alias.name}"
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name in modules and alias.asname:
                            self.aliases.setdefault(module, {})[alias.asname] = alias.name
        self.checking = set(direct)
        changed = True
        while changed:
            changed = False
            for key, called in calls.items():
                if key not in self.checking and any(self.resolve(key[0], name) in self.checking for name in called):
                    self.checking.add(key)
                    changed = True

    def resolve(self, module: str, name: str) -> tuple[str, str] | None:
        if "." in name:
            alias, _, function = name.partition(".")
            target = self.aliases.get(module, {}).get(alias)
            return (target, function) if target is not None else None
        return self.scope.get(module, {}).get(name)

    def calls_a_check(self, module: str, function: ast.AST) -> bool:
        return any(self.resolve(module, name) in self.checking for name in _local_calls(function))


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _tests(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name.startswith("test"):
                    yield f"{node.name}.{item.name}", item


def findings_in(tree: ast.Module, module: str, path: str, helpers: Helpers) -> list[Finding]:
    found = []
    for name, function in _tests(tree):
        nodes = list(ast.walk(function))
        if any(_direct_check(n) for n in nodes) or helpers.calls_a_check(module, function):
            continue
        trivial = any(isinstance(n, ast.Assert) for n in nodes)
        found.append(Finding(path, name, function.lineno,
                             "only constant asserts" if trivial else "no assertion, no check"))
    return found


def test_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "tests").rglob("*.py") if ".venv" not in p.parts)


def lint(root: Path = ROOT, allow_file: Path | None = None) -> tuple[list[Finding], list[str]]:
    """(findings not allowed, allow-list entries that match no finding)."""
    paths = {_module_name(p, root): p for p in test_files(root)}
    modules = {name: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for name, p in paths.items()}
    helpers = Helpers(modules)
    found = []
    for name, tree in modules.items():
        if paths[name].name.startswith("test_"):
            found += findings_in(tree, name, paths[name].relative_to(root).as_posix(), helpers)
    allowed = read_allow(allow_file if allow_file is not None else root / "tools" / "test_lint_allow.txt")
    return [f for f in found if f.key not in allowed], sorted(set(allowed) - {f.key for f in found})


def read_allow(path: Path) -> dict[str, str]:
    """``tests/x.py::test_y  # reason`` per line; a reason is required."""
    entries = {}
    if not path.exists():
        return entries
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, reason = line.partition("#")
        if not reason.strip():
            raise ValueError(f"{path.name}:{number}: an allowed test needs its reason after '#'")
        entries[key.strip()] = reason.strip()
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    found, stale = lint()
    if args.json:
        print(json.dumps({"findings": [asdict(f) for f in found], "stale_allowed": stale}, ensure_ascii=False))
    else:
        for f in found:
            print(f"{f.path}:{f.line}: {f.test}: {f.reason}")
        for key in stale:
            print(f"{ALLOW.relative_to(ROOT).as_posix()}: {key}: allowed but no longer found (remove the line)")
        print(f"{len(found)} tests that cannot fail, {len(stale)} stale allow-list entries")
    return 1 if found or stale else 0


if __name__ == "__main__":
    sys.exit(main())
