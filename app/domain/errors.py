"""Errors raised by the core: a stable code plus parameters, never a sentence.

``app.messages`` turns codes into Chinese for the CLI and the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field (``field`` is a dotted path such as ``complainant.phone``)."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


class DomainError(Exception):
    """A rule of the domain refused something. ``code`` is stable; ``params`` fill the message."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(code if field is None else f"{field}: {code}")


class ValidationFailed(DomainError):
    """Input had one or more invalid fields; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("validation_failed", count=len(errors))
