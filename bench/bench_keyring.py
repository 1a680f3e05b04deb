"""Benches open profiles, whose data key lives in the OS keyring (``app.security.data_keys``). A bench
machine often has none (a Linux server, CI), so unless ``LVYUE_BENCH_REAL_KEYRING=1`` the benches keep
the keys in the tests' file keyring, in a file under the temp folder that outlives the run (a bench
profile is reused by later runs). Child processes inherit it through the environment. Never in production.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

if not os.environ.get("LVYUE_BENCH_REAL_KEYRING") and not os.environ.get("PYTHON_KEYRING_BACKEND"):
    folder = Path(tempfile.gettempdir()) / "lvyue-bench-keyring"
    folder.mkdir(mode=0o700, exist_ok=True)
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.sync_fixtures.FileKeyring"
    os.environ.setdefault("LVYUE_TEST_KEYRING_FILE", str(folder / "keyring.json"))
    os.environ.setdefault("LVYUE_TEST_DATA_KEY_FILE", str(folder / "data-keys.json"))
