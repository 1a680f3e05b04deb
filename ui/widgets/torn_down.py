"""Python handlers that Qt may still call after Python has torn their object down.

A page that nobody refers to any more forms reference cycles (a helper keeps its view, the view's
wrapper keeps its children). Python's cycle collector empties the wrappers' ``__dict__`` first and
frees the C++ objects afterwards; in between, Qt can still deliver an event to an event filter or a
signal to a slot of the emptied wrapper, which then fails with ``AttributeError`` for its own
attributes (seen in CI under load: ``'FontColumns' object has no attribute 'view'``).

``@tolerant`` wraps such a handler: on an ``AttributeError`` raised while the object's attributes are
gone it does nothing (returns ``False`` for an event filter: the event goes on as if unfiltered);
any other error, and an ``AttributeError`` of a live object, is raised as before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6

Handler = TypeVar("Handler", bound=Callable[..., Any])

#: every class that uses ``@tolerant`` sets this in ``__init__``; its absence means "torn down"
ALIVE = "_alive"


def torn_down(obj: object) -> bool:
    """True when the wrapper's attributes were emptied or its C++ object is gone."""
    try:
        return not shiboken6.isValid(obj) or not obj.__dict__.get(ALIVE, False)
    except (AttributeError, RuntimeError):
        return True


def tolerant(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def call(self, *args, **kwargs):
        if torn_down(self):
            return False
        try:
            return handler(self, *args, **kwargs)
        except AttributeError:
            if torn_down(self):  # emptied while the handler ran
                return False
            raise

    return call  # type: ignore[return-value]


def mark_alive(obj: object) -> None:
    """Call first thing in ``__init__`` of a class whose handlers are ``@tolerant``."""
    setattr(obj, ALIVE, True)
