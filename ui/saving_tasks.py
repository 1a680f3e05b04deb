"""The application's task runner, which also says when a write has been saved (status bar “last save”).

A thin subclass of ``ui.tasks.Tasks``: every job submitted with ``write=True`` that succeeds emits
``saved``, whoever submitted it (the shell, the registration form, the action dialogs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal

from ui.tasks import Job, Tasks


class SavingTasks(Tasks):
    saved = Signal()

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            write: bool = False, **kwargs: Any) -> Job:
        if write:
            then = on_done

            def on_done(result: Any) -> None:
                self.saved.emit()
                if then is not None:
                    then(result)

        return super().run(fn, *args, on_done=on_done, write=write, **kwargs)
