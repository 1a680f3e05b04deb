"""Logs without personal data 日志脱敏: a ``logging.Filter`` that masks telephone and citizen ID numbers
in every record (message, arguments and traceback) before any handler writes it.

Installed where logging is configured — the desktop application (``ui.application``) and the command
line (``app.cli``) — on every handler of the root logger and on ``logging.lastResort`` (what prints a
warning when no handler is configured), so a record from any module is covered. The masking itself is
``app.domain.masking.mask_personal_text`` (138****5678, 5323**********1935).
"""

from __future__ import annotations

import logging

from app.domain.masking import mask_personal_text


class PersonalDataFilter(logging.Filter):
    """Masks phones and ID numbers in a record; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format: mask what is there
            message = f"{record.msg} {record.args}"
        masked = mask_personal_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_personal_text(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_personal_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_text(record.stack_info)
        return True


FILTER = PersonalDataFilter()


def install(logger: logging.Logger | None = None) -> PersonalDataFilter:
    """Put the filter on every handler of ``logger`` (the root logger by default) and on the last-resort
    handler; calling it again adds nothing twice."""
    target = logger or logging.getLogger()
    handlers = [*target.handlers, *([logging.lastResort] if logging.lastResort is not None else [])]
    for handler in handlers:
        if FILTER not in handler.filters:
            handler.addFilter(FILTER)
    return FILTER
