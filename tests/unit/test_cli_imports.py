"""A command line that needs no profile loads no heavy module (issue 15: a CLI call under 0.5 s).

An import-set test, not a timing test: ``python -X importtime main.py …`` in a child process lists every
module it imported; building the parser (``--version``, ``--help``, a usage error) must not import the
database, the models, the PDF and spreadsheet writers, the network or the window. Each service is
imported by the command that uses it (``app.common.lazy``); ``bench/bench_cli.py`` measures the times.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.common.lazy import lazy_module

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "pydantic", "reportlab", "openpyxl", "httpx", "PySide6", "pypinyin", "keyring", "alembic",
         "fontTools", "pypdf", "cryptography", "phonenumbers", "app.services", "app.store", "app.documents")


def imported_by(*args: str, exit_codes=(0, 2)) -> set[str]:
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1"}
    result = subprocess.run([sys.executable, "-X", "importtime", "main.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode in exit_codes, result.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
             if line.startswith("import time:") and line.count("|") == 2}
    assert "app.cli" in names  # the listing is real: the command line itself shows up
    return names


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["document", "issue", "--help"], ["reprot"]])
def test_the_parser_alone_imports_nothing_heavy(args):
    names = imported_by(*args)
    heavy = sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY))
    assert heavy == [], f"main.py {' '.join(args)} imported {heavy[:15]}"


def test_a_command_still_imports_what_it_needs():
    """The lazy modules are loaded when a handler runs: here the profile folder is missing, so the
    command fails, but only after importing the services."""
    names = imported_by("user", "list", "--home", str(ROOT / "no-such-profile-folder"), exit_codes=(1,))
    assert "app.services.users" in names and "sqlalchemy" in names


def test_the_parser_choices_agree_with_the_rules():
    from app.cli import audit_commands, breach_commands
    from app.domain.audit_records import CATEGORY_LABELS
    from app.services import credit_register

    assert audit_commands.CATEGORIES == tuple(CATEGORY_LABELS)
    assert breach_commands.SANCTION_FILTERS == tuple(credit_register.SANCTION_FILTERS)
    assert breach_commands.SORTS == tuple(credit_register.SORTS)


def test_a_lazy_module_reads_the_module_each_time(monkeypatch):
    """A test that patches the real module is seen through the proxy, and patching the proxy patches it."""
    import app.domain.money as real

    proxy = lazy_module("app.domain.money")
    name = next(n for n in vars(real) if callable(getattr(real, n)) and not n.startswith("_"))
    monkeypatch.setattr(real, name, "patched")
    assert getattr(proxy, name) == "patched"
    monkeypatch.setattr(proxy, name, "again")
    assert getattr(real, name) == "again"
