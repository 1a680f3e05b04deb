"""Callbacks that outlive their widget: a task may finish after the form or view that started it closed.

``ui.tasks`` calls ``on_done`` / ``on_error`` whatever happened meanwhile; wrapping them with
``while_alive(widget, fn)`` drops the call once the widget's C++ object is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        if isValid(owner):
            return fn(*args)
        return None

    return call
