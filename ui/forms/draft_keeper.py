"""Keeps what was typed in a draft file: saved shortly after every change and when the form closes.

Saving runs on the task runner's write worker, so the GUI never waits on the disk while typing. A
generation number checked under a lock makes sure an older queued save never overwrites a newer one,
nor brings back a draft that was discarded meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.services.drafts import discard_draft, load_draft, save_draft
from ui.context import UiContext

DEBOUNCE_MS = 600
DRAFT_VERSION = 1


class DraftKeeper(QObject):
    def __init__(self, ctx: UiContext, key: str, snapshot: Callable[[], dict[str, Any]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.key = key
        self._snapshot = snapshot
        self._generation = 0
        self._finished = False  # the form's content was registered: no draft any more
        self._lock = threading.Lock()
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.save_soon_now)

    def load(self) -> dict[str, Any] | None:
        draft = load_draft(self._ctx.profile, self.key)
        if not draft or draft.get("version") != DRAFT_VERSION:
            return None
        return draft

    def touched(self) -> None:
        """Something changed: save after a short pause in typing."""
        if not self._paused:
            self._timer.start()

    def pause(self, paused: bool) -> None:
        self._paused = paused

    def _content(self) -> dict[str, Any]:
        return {"version": DRAFT_VERSION, "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                **self._snapshot()}

    def save_soon_now(self) -> None:
        """Save in the background (the debounce timer calls this)."""
        self._generation += 1
        generation, profile, key, content = self._generation, self._ctx.profile, self.key, self._content()

        def save() -> None:
            with self._lock:
                if generation == self._generation and not self._finished:
                    save_draft(profile, key, content)

        self._ctx.tasks.run(save, write=True, on_error=lambda _failure: None)

    def save_now(self) -> None:
        """Save at once, on this thread (the form is closing; the app may be about to exit)."""
        self._timer.stop()
        with self._lock:
            self._generation += 1
            if not self._finished:
                save_draft(self._ctx.profile, self.key, self._content())

    def discard(self) -> None:
        self._timer.stop()
        with self._lock:
            self._generation += 1
            discard_draft(self._ctx.profile, self.key)

    def finish(self) -> None:
        """The content was registered: drop the draft for good (thread-safe; called by the worker)."""
        with self._lock:
            self._finished = True
            self._generation += 1
            discard_draft(self._ctx.profile, self.key)

    def restart(self) -> None:
        """A new, empty form: keep drafts again."""
        with self._lock:
            self._finished = False

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
