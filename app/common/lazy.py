"""A module imported on first use, for the command line: ``python main.py --help`` must not pay for
SQLAlchemy, pydantic, reportlab or openpyxl (issue 15; ``tests/unit/test_cli_imports.py``).

    documents = lazy_module("app.services.documents")   # nothing imported yet
    documents.issue(...)                                 # imported here, once (``sys.modules``)

Every attribute is looked up on the real module each time, so a test that patches the module sees it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    __slots__ = ("_lazy_name",)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_lazy_name", name)

    def _lazy_load(self) -> ModuleType:
        return importlib.import_module(object.__getattribute__(self, "_lazy_name"))

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._lazy_load(), attr)

    def __setattr__(self, attr: str, value: Any) -> None:  # monkeypatch.setattr(proxy, ...) patches the module
        setattr(self._lazy_load(), attr, value)

    def __delattr__(self, attr: str) -> None:
        delattr(self._lazy_load(), attr)

    def __repr__(self) -> str:
        return f"<lazy module {object.__getattribute__(self, '_lazy_name')}>"


def lazy_module(name: str) -> Any:
    """``name`` (a dotted module path), imported when one of its attributes is first used."""
    return LazyModule(name)
