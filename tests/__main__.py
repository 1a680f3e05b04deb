"""``python -m tests``: set up the environment on first use, then run the whole test suite.

Extra arguments go to pytest (e.g. ``python -m tests -k workflow``).
"""

import os
import sys

from app.bootstrap import ensure

ensure(("dev",))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import pytest  # noqa: E402

sys.exit(pytest.main(sys.argv[1:]))
