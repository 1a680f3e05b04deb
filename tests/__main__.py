"""``python -m tests``: set up the environment on first use, then run the whole test suite.

Extra arguments go to pytest (e.g. ``python -m tests -k workflow``). The suite runs in two worker
processes (pytest-xdist) unless the arguments say otherwise (``-n 0`` runs it in one) or
``LVYUE_TEST_WORKERS`` gives another number: the tests start hubs, sync processes and windows, and
each test has its own folders and ports, so they run side by side.
"""

import os
import sys

from app.bootstrap import ensure

ensure(("dev",))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import pytest  # noqa: E402

arguments = sys.argv[1:]
if not any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in arguments):
    arguments = ["-n", os.environ.get("LVYUE_TEST_WORKERS", "2"), *arguments]
sys.exit(pytest.main(arguments))
