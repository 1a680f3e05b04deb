"""Keyring failures 凭据库错误 of every backend, as one ``DomainError("keyring_failed")`` with the fix.

The ``keyring`` package passes its backends' own exceptions through: Windows Credential Manager raises
``pywintypes.error`` (winerror 1312 "A specified logon session does not exist" when a scheduled task runs
"whether the user is logged on or not": no logon session, no credentials), the Secret Service raises
``secretstorage`` / ``jeepney`` / ``dbus`` errors (locked keyring, no D-Bus session), a chained or missing
backend raises ``KeyringError`` or ``RuntimeError`` (``keyring.backends.fail``), a file backend
``OSError``. Each becomes ``keyring_failed`` with what happened and what to do (``fix``: a message code,
turned into Chinese by ``app.messages``); an exception of any other kind is a bug and goes on.

No import of ``keyring`` or pywin32 here: the exceptions are recognised by their classes' modules, so a
test can raise a fake ``pywintypes.error`` (``tests/failing_keyring.py``) on any system.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.domain.errors import DomainError

ERROR_NO_SUCH_LOGON_SESSION = 1312  # Credential Manager outside the user's logon session
ERROR_NOT_LOGGED_ON = 1245
BACKEND_MODULES = ("keyring", "keyrings", "pywintypes", "win32", "win32ctypes", "secretstorage", "jeepney",
                   "dbus", "gi")
_SECRET_SERVICE = ("secretstorage", "jeepney", "dbus", "gi")


def _module(kind: type) -> str:
    return (kind.__module__ or "").split(".")[0]


def _from_backend(error: BaseException) -> bool:
    return isinstance(error, (OSError, RuntimeError)) or any(
        _module(kind) in BACKEND_MODULES for kind in type(error).__mro__)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _winerror(error: BaseException) -> tuple[int, str] | None:
    """(code, text) of a Windows error: ``pywintypes.error(1312, 'CredRead', '…')`` or ``OSError.winerror``."""
    code = getattr(error, "winerror", None)
    if isinstance(code, int):
        return code, str(getattr(error, "strerror", "") or "")
    if _module(type(error)) == "pywintypes" and error.args and isinstance(error.args[0], int):
        return error.args[0], str(error.args[2] if len(error.args) > 2 else "")
    return None


def keyring_failure(error: BaseException) -> DomainError | None:
    """``keyring_failed`` for an exception a keyring backend raised, None for anything else."""
    if isinstance(error, DomainError) or not _from_backend(error):
        return None
    for link in _chain(error):
        windows = _winerror(link)
        if windows is not None:
            code, text = windows
            fix = ("keyring_fix_logon_session" if code in (ERROR_NO_SUCH_LOGON_SESSION, ERROR_NOT_LOGGED_ON)
                   else "keyring_fix_windows")
            return DomainError("keyring_failed", detail=f"Windows 错误 {code}" + (f"（{text}）" if text else ""),
                               fix=fix, winerror=code)
    names = [type(link).__name__ for link in _chain(error)]
    modules = [_module(type(link)) for link in _chain(error)]
    if any(name in ("LockedException", "KeyringLocked", "PromptDismissedException") for name in names):
        fix = "keyring_fix_locked"
    elif any(module in _SECRET_SERVICE for module in modules) or "NoKeyringError" in names \
            or isinstance(error, RuntimeError):
        fix = "keyring_fix_service"
    else:
        fix = "keyring_fix_generic"
    return DomainError("keyring_failed", detail=str(error) or type(error).__name__, fix=fix)


@contextmanager
def keyring_errors() -> Iterator[None]:
    """Around a keyring call: a backend's failure becomes ``keyring_failed`` (without the chained traceback)."""
    try:
        yield
    except Exception as error:
        mapped = keyring_failure(error)
        if mapped is None:
            raise
        raise mapped from None
