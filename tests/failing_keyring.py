"""TESTS ONLY: keyring backends that fail as real ones do, for ``PYTHON_KEYRING_BACKEND`` in a child
``main.py`` (and in process): Windows Credential Manager in a task set to "run whether the user is logged
on or not" raises ``pywintypes.error(1312, 'CredRead', …)`` — not a ``KeyringError`` — on every call.

``error`` here is a stand-in for ``pywintypes.error`` (pywin32 exists only on Windows): same module
name, same arguments and attributes, so ``app.security.keyring_errors`` meets what Windows gives it.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend


class error(Exception):  # pywintypes spells it so
    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror, self.funcname, self.strerror = winerror, funcname, strerror


error.__module__ = "pywintypes"

NO_LOGON_SESSION = (1312, "CredRead", "A specified logon session does not exist. It may already have been terminated.")


class NoLogonSessionKeyring(KeyringBackend):
    """Credential Manager outside the user's logon session."""

    priority = 1

    def get_password(self, service, username):
        raise error(*NO_LOGON_SESSION)

    def set_password(self, service, username, password):
        raise error(NO_LOGON_SESSION[0], "CredWrite", NO_LOGON_SESSION[2])

    def delete_password(self, service, username):
        raise error(NO_LOGON_SESSION[0], "CredDelete", NO_LOGON_SESSION[2])
