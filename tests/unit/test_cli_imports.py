"""A command line loads only the modules its command needs (issue 15: a CLI call under 0.5 s).

An import-set test, not a timing test: ``main.py …`` runs in a child process that writes the names in
``sys.modules`` when it exits (``python -X importtime`` would miss a module loaded by
``importlib.import_module``, as ``app.common.lazy`` does). Building the parser (``--version``, ``--help``,
a usage error) must not import the database, the models, the PDF and spreadsheet writers, the network or
the window; a command builds only its own parser. Commands that open a profile load the database but not
the migrations (Alembic), the PDF writer or the spreadsheet; those that log nobody in and change nothing
(``user list``, ``complaint show``) not even pydantic or the fold. ``bench/bench_cli.py`` measures the times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.common.lazy import lazy_module

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "pydantic", "reportlab", "openpyxl", "httpx", "PySide6", "pypinyin", "keyring", "alembic",
         "fontTools", "pypdf", "cryptography", "phonenumbers", "app.services", "app.store", "app.documents")


# The child's last act: write what it imported (atexit runs after ``sys.exit`` in main.py's ``run``).
CHILD = """
import atexit, json, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w", encoding="utf-8").write(json.dumps(sorted(sys.modules))))
sys.argv[0] = "main.py"
runpy.run_path("main.py", run_name="__main__")
"""


def imported_by(tmp: Path, *args: str, exit_codes=(0, 2), env: dict | None = None) -> set[str]:
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", **(env or {})}
    listing = tmp / "modules.json"
    result = subprocess.run([sys.executable, "-c", CHILD, str(listing), *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode in exit_codes, result.stderr[-2000:]
    names = set(json.loads(listing.read_text(encoding="utf-8")))
    listing.unlink()
    assert "app.cli" in names  # the listing is real: the command line itself shows up
    return names


def heavy_in(names: set[str], heavy=HEAVY) -> list[str]:
    return sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in heavy))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["document", "issue", "--help"], ["reprot"],
                                  ["schedule", "install", "--help"]])
def test_the_parser_alone_imports_nothing_heavy(args, tmp_path):
    heavy = heavy_in(imported_by(tmp_path, *args))
    assert heavy == [], f"main.py {' '.join(args)} imported {heavy[:15]}"


def test_a_command_still_imports_what_it_needs(tmp_path):
    """The lazy modules are loaded when a handler runs: here the profile folder is missing, so the
    command fails, but only after importing the services that open a profile."""
    names = imported_by(tmp_path, "user", "list", "--home", str(ROOT / "no-such-profile-folder"), exit_codes=(1,))
    assert "app.services.profile" in names and "sqlalchemy" in names
    assert "app.cli.complaint_commands" not in names  # another command's module: its parser is not built


# Not needed to open a profile, list or show: the migrations (the schema is current), the documents and
# PDF, spreadsheets, the network, the window, the tests' own modules.
NOT_FOR_READING = ("alembic", "reportlab", "fontTools", "pypdf", "openpyxl", "httpx", "PySide6", "pypinyin",
                   "pytest", "tests", "app.documents", "app.services.document_register", "app.sync.client")
# A login records a validated event (pydantic and the event rules), but neither the complaint models nor the fold.
FOR_LOGIN = (*NOT_FOR_READING, "app.domain.payloads", "app.domain.intake", "phonenumbers", "app.domain.fold",
             "app.store.projector", "app.sync.protocol")
# Nor, without a login, the event rules and pydantic.
NOT_WITHOUT_LOGIN = (*NOT_FOR_READING, "pydantic", "pydantic_core", "app.domain.event_rules", "app.domain.fold",
                     "app.domain.payloads", "app.domain.intake", "app.store.projector", "app.sync.protocol")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A small demo profile whose data key is kept by ``bench/file_keyring.py`` (the tests' file keyring
    without the fixtures that import pytest), and the environment its commands run with."""
    folder = tmp_path_factory.mktemp("cli-imports")
    env = {"PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring", "PYTHONPATH": str(ROOT / "bench"),
           "LVYUE_TEST_KEYRING_FILE": str(folder / "keyring.json"),
           "LVYUE_TEST_DATA_KEY_FILE": str(folder / "data-keys.json"), "LVYUE_PASSWORD": "Demo#2026"}
    home = folder / "profile"
    made = subprocess.run([sys.executable, "main.py", "demo", "--home", str(home), "--complaints", "3"], cwd=ROOT,
                          env={**os.environ, "LVYUE_NO_BOOTSTRAP": "1", **env}, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert made.returncode == 0, made.stderr[-2000:]
    listed = subprocess.run([sys.executable, "main.py", "complaint", "list", "--home", str(home), "--user", "officer",
                             "--json", "--limit", "1"], cwd=ROOT, env={**os.environ, "LVYUE_NO_BOOTSTRAP": "1", **env},
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert listed.returncode == 0, listed.stderr[-2000:]
    return home, env, json.loads(listed.stdout)["rows"][0]["case_no"]


def test_listing_users_opens_the_profile_without_the_models(demo, tmp_path):
    home, env, _ = demo
    names = imported_by(tmp_path, "user", "list", "--home", str(home), "--json", env=env, exit_codes=(0,))
    assert {"sqlalchemy", "keyring", "app.services.profile", "app.services.users"} <= names  # it did open it
    assert heavy_in(names, NOT_WITHOUT_LOGIN) == []


def test_showing_a_complaint_opens_the_profile_without_the_models(demo, tmp_path):
    home, env, case_no = demo
    names = imported_by(tmp_path, "complaint", "show", case_no, "--home", str(home), env=env, exit_codes=(0,))
    assert {"sqlalchemy", "keyring", "app.services.profile", "app.services.queries"} <= names
    assert heavy_in(names, NOT_WITHOUT_LOGIN) == []


def test_listing_complaints_logs_in_without_migrations_or_documents(demo, tmp_path):
    home, env, _ = demo
    names = imported_by(tmp_path, "complaint", "list", "--home", str(home), "--user", "officer", "--limit", "5",
                        env=env, exit_codes=(0,))
    assert {"sqlalchemy", "argon2", "app.services.auth", "app.services.queries"} <= names
    assert heavy_in(names, FOR_LOGIN) == []
    assert "app.cli.document_commands" not in names and "app.cli.breach_commands" not in names


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
