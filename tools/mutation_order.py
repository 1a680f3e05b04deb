"""pytest plugin that ``tools/mutation.py`` loads into mutmut's test runs (``-p mutation_order``).

mutmut runs a mutant's tests (those its stats stage saw reach the mutated function) in the order of a
Python set, that is at random, and stops at the first failure (``-x``). A killed mutant costs the time
until its first failing test, so this plugin runs the tests fastest first, by the durations mutmut
measured in its stats stage (``mutants/mutmut-stats.json``; pytest runs in ``mutants/``). Only the
order changes: the same tests run, and a surviving mutant still runs every one of them. The clean run
(before any mutant) uses the same order, so a test that depends on another one running first fails
there and stops the run instead of killing mutants.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

# mutmut's stages that are not a mutant: the stats stage measures the durations (no order to use yet)
_NO_ORDER = {"stats", "list_all_tests", "mutant_generation"}


def _durations() -> dict[str, float]:
    try:
        return json.loads(Path("mutmut-stats.json").read_text("utf-8"))["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return {}


def pytest_collection_modifyitems(items) -> None:
    if os.environ.get("MUTANT_UNDER_TEST", "") in _NO_ORDER:
        return
    durations = _durations()
    if durations:
        # a stable sort: tests mutmut never timed keep their relative order, after the timed ones
        items.sort(key=lambda item: durations.get(item.nodeid, float("inf")))
