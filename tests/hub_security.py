"""The hub's security log in tests: ``security_log`` sends records to a file under ``tmp_path`` for one
test (load with ``pytest_plugins = ("tests.hub_security",)``); ``records(path)`` reads them back.
Test modules import ``records`` first, hence the marker PYTEST_DONT_REWRITE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def records(path: Path, event: str | None = None) -> list[dict]:
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if event is None or line["event"] == event]


@pytest.fixture
def security_log_file(tmp_path):
    from server import security_log

    path = security_log.configure(tmp_path / "security.log")
    yield path
    security_log.close()
