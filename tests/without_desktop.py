"""Run a module with the desktop stack made unimportable: ``python -m tests.without_desktop server ...``.

An import hook (first on ``sys.meta_path``) refuses every module the hub must not need: Qt, the OS
keyring, httpx, reportlab and the other desktop libraries, ``ui``, and the client's parts of ``app``
(its CLI, services, store, documents, reports, imports, and ``app.sync`` except the protocol and the
digest). A refused import raises ``ImportError`` naming the module and is also written to stderr as
``REFUSED <name>`` (so an ``except ImportError`` in a library cannot hide it). Then the module given
first runs as ``__main__`` with the remaining arguments (as ``python -m`` would run it).
"""

from __future__ import annotations

import importlib.abc
import runpy
import sys

REFUSED = ("PySide6", "shiboken6", "qtawesome", "keyring", "reportlab", "httpx", "pypinyin", "openpyxl",
           "pypdf", "fontTools", "platformdirs", "ui", "app.cli", "app.services", "app.documents",
           "app.reports", "app.imports", "app.store", "app.presentation", "app.security.data_keys",
           "app.security.audit")
SHARED_SYNC = ("app.sync", "app.sync.protocol", "app.sync.digest")


def refused(name: str) -> bool:
    if any(name == root or name.startswith(root + ".") for root in REFUSED):
        return True
    return name.startswith("app.sync.") and name not in SHARED_SYNC


class RefuseDesktop(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if refused(fullname):
            print(f"REFUSED {fullname}", file=sys.stderr, flush=True)
            raise ImportError(f"{fullname} is not available to the hub (tests/without_desktop.py)", name=fullname)
        return None


def main(argv: list[str]) -> None:
    sys.meta_path.insert(0, RefuseDesktop())
    module, *rest = argv
    sys.argv = [module, *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
