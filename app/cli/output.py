"""CLI output: Chinese text for people, ``--json`` for scripts; errors always on stderr."""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def _default(value: Any) -> Any:
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, Enum)):
        return str(value.value if isinstance(value, Enum) else value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def json_ready(data: Any) -> Any:
    """``data`` as plain JSON values (dicts, lists, strings…), as ``--json`` prints it."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=_default))


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


class Output:
    def __init__(self, *, json_mode: bool) -> None:
        self.json_mode = json_mode

    def result(self, data: Any, text: str | None = None) -> None:
        """One command result: JSON in ``--json`` mode, else ``text`` (or a readable rendering). A reader
        that has closed the pipe (``| head -1``) gets nothing more; the command itself carries on."""
        try:
            if self.json_mode:
                print(json.dumps(data, ensure_ascii=False, indent=2, default=_default), flush=True)
            elif text is not None:
                print(text, flush=True)
        except BrokenPipeError:
            quiet_stdout()

    def table(self, headers: list[str], rows: list[list[str]]) -> str:
        widths = [display_width(h) for h in headers]
        for row in rows:
            widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
        lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)) for row in rows]
        return "\n".join(lines)

    def error(self, text: str, code: str | None = None) -> None:
        if self.json_mode:
            print(json.dumps({"error": code or "error", "message": text}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"错误：{text}", file=sys.stderr)

    def info(self, text: str) -> None:
        """Progress and notes go to stderr so stdout stays clean for ``--json``."""
        print(text, file=sys.stderr, flush=True)


def quiet_stdout() -> None:
    """The rest of the output, and the interpreter's last flush, go nowhere instead of raising again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no stdout at all (a windowed start)
        pass
