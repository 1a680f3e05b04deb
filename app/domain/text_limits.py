"""How long a free text typed now may be: one rule for the window, the CLI, imports and the hub.

The limits live in the input types (``InputLimit`` in the ``Annotated`` metadata of ``LongText``,
``Description``, ``ClaimText``), so the forms read the very number the core applies (the counter
“已输入 N / 上限 字” under every long text). Like the printable-character rule (``app.domain.glyphs``),
this is a rule for *making* an event: the services and the hub's checks on new work call it; the
acceptance of stored events (pull, rebuild, ``event_rules.accept``) never does, so a description
registered before the limit, up to the stored ceiling, still folds.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from app.domain.errors import FieldError, ValidationFailed
from app.domain.intake import Intake
from app.domain.schema import InputLimit

CODE = "text_too_long"


def limit_of(annotation: Any, metadata: list | tuple = ()) -> int | None:
    """The ``InputLimit`` of a field's type, if it has one (looks through ``Optional`` and ``Annotated``)."""
    for item in metadata:
        if isinstance(item, InputLimit):
            return item.chars
    if get_origin(annotation) is Annotated:
        return limit_of(get_args(annotation)[0], annotation.__metadata__)
    if get_origin(annotation) in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = limit_of(arg)
            if found:
                return found
    return None


def field_limit(model: type[BaseModel], path: str) -> int | None:
    """The limit of the text field at dotted ``path`` of ``model`` (``claim.text`` of ``Intake``)."""
    head, _, rest = path.partition(".")
    info = model.model_fields.get(head)
    if info is None:
        return None
    if rest:
        sub = _model(info.annotation)
        return field_limit(sub, rest) if sub is not None else None
    return limit_of(info.annotation, info.metadata)


def intake_limit(path: str) -> int | None:
    """The limit of an intake field (``description``, ``claim.text``), or None."""
    return field_limit(Intake, path)


def _model(annotation: Any) -> type[BaseModel] | None:
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        return next((m for m in map(_model, get_args(annotation)) if m is not None), None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _item_model(annotation: Any) -> type[BaseModel] | None:
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is list:
        return _model(get_args(annotation)[0])
    return None


def over(text: Any, limit: int | None, path: str) -> FieldError | None:
    """The error for ``text`` at ``path`` if it is longer than ``limit`` (counted as stored: trimmed)."""
    if limit is None or not isinstance(text, str):
        return None
    length = len(text.strip())
    if length <= limit:
        return None
    return FieldError(path, CODE, {"max_length": limit, "length": length})


def too_long(model: type[BaseModel], data: Any, prefix: str = "") -> list[FieldError]:
    """Every text of ``data`` (raw or JSON form of ``model``) longer than its field's limit."""
    if not isinstance(data, Mapping):
        return []
    errors: list[FieldError] = []
    for name, info in model.model_fields.items():
        value = data.get(name)
        path = f"{prefix}{name}"
        found = over(value, limit_of(info.annotation, info.metadata), path)
        if found is not None:
            errors.append(found)
        sub = _model(info.annotation)
        if sub is not None:
            errors += too_long(sub, value, f"{path}.")
        item = _item_model(info.annotation)
        if item is not None and isinstance(value, list):
            for index, entry in enumerate(value):
                errors += too_long(item, entry, f"{path}.{index}.")
    return errors


def intake_too_long(data: Any, prefix: str = "") -> list[FieldError]:
    return too_long(Intake, data, prefix)


def changes_too_long(changes: Any, prefix: str = "changes.") -> list[FieldError]:
    """An amendment's new values (dotted intake paths): each against its intake field's limit."""
    if not isinstance(changes, Mapping):
        return []
    found = (over(value, intake_limit(str(path)), f"{prefix}{path}") for path, value in changes.items())
    return [error for error in found if error is not None]


def payload_too_long(action: str, payload: Any) -> list[FieldError]:
    """Texts of one workflow payload over their limits (a registration's intake, an amendment's changes…)."""
    from app.domain.vocabulary import Action
    from app.domain.workflow import RULES

    try:
        model = RULES[Action(str(action))].payload
    except (KeyError, ValueError):
        return []
    errors = too_long(model, payload)
    if str(action) == Action.AMEND and isinstance(payload, Mapping):
        errors += changes_too_long(payload.get("changes"))
    return errors


def check_lengths(action: str, payload: Any) -> None:
    """Raise ``ValidationFailed`` if :func:`payload_too_long` finds anything."""
    errors = payload_too_long(action, payload)
    if errors:
        raise ValidationFailed(errors)
