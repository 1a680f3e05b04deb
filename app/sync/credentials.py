"""The device token 设备凭据 in the OS keyring (Windows Credential Manager), never in a plain file.

When no keyring backend exists the sync stops with ``keyring_unavailable``; it never falls back to
storing the token in a file. Any backend's failure is ``keyring_failed`` with the fix
(``app.security.keyring_errors``). Tests install an in-memory backend with ``keyring.set_keyring``.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend

from app.domain.errors import DomainError
from app.security.keyring_errors import keyring_errors, keyring_failure

SERVICE = "Lvyue sync"
_UNUSABLE = ("keyring.backends.fail", "keyring.backends.null")


def _backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    names = [backend]
    inner = getattr(backend, "backends", None)
    if inner is not None:  # the chainer: usable when at least one real backend is behind it
        names = list(inner)
    usable = [b for b in names if type(b).__module__ not in _UNUSABLE]
    if not usable:
        raise DomainError("keyring_unavailable")
    return backend


def check_available() -> None:
    _backend()


def save_token(device_id: str, token: str) -> None:
    with keyring_errors():
        _backend().set_password(SERVICE, device_id, token)


def load_token(device_id: str) -> str:
    with keyring_errors():
        token = _backend().get_password(SERVICE, device_id)
    if not token:
        raise DomainError("token_invalid")
    return token


def delete_token(device_id: str) -> None:
    try:
        _backend().delete_password(SERVICE, device_id)
    except Exception as error:  # nothing to delete, or the keyring refuses: the token is useless anyway
        if keyring_failure(error) is None:
            raise
