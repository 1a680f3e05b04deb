"""How long the fuzz tests run: a small, seeded sample by default, as much as you like locally.

``LVYUE_FUZZ_EXAMPLES=N`` sets the examples each fuzz test tries (hypothesis ``max_examples``); without
it every fuzz test keeps to its own small default so the whole suite stays fast on CI's two cores.
CI (``LVYUE_CI=1``) also derandomizes hypothesis (``tests/conftest.py``), so a landing never depends
on luck. A longer local run, exploring at random and keeping failures in ``.hypothesis/``::

    LVYUE_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q tests -k fuzz
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_ENV = "LVYUE_FUZZ_EXAMPLES"


def examples(default: int) -> int:
    value = os.environ.get(FUZZ_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


def fuzz_settings(default: int, **overrides) -> settings:
    """Settings for one fuzz test: ``default`` examples unless ``LVYUE_FUZZ_EXAMPLES`` says otherwise;
    no deadline (a loaded CI machine is slow at random) and no health check about slow or large data."""
    return settings(max_examples=examples(default), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
                    **overrides)
