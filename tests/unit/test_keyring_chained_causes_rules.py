"""A keyring failure found behind another exception (found by mutation testing, issue 17): Windows error
1312 raised while keyring handled it (an implicit chain, no ``from``) still says to run the task only while
the user is logged on; "no keyring backend" behind a password error still says the service is missing."""

from __future__ import annotations

from keyring.errors import NoKeyringError, PasswordSetError

from app.security.keyring_errors import keyring_failure
from tests.failing_keyring import NO_LOGON_SESSION, error


def test_1312_in_the_implicit_context_of_a_keyring_error_is_recognised():
    try:
        try:
            raise error(*NO_LOGON_SESSION)
        except Exception:
            raise PasswordSetError("Can't store password on keychain")  # noqa: B904 — as a backend does
    except PasswordSetError as outer:
        assert outer.__cause__ is None and outer.__context__ is not None
        mapped = keyring_failure(outer)
    assert mapped.params["fix"] == "keyring_fix_logon_session" and mapped.params["winerror"] == 1312


def test_no_keyring_backend_behind_a_password_error_says_the_service_is_missing():
    try:
        try:
            raise NoKeyringError("No recommended backend was available.")
        except NoKeyringError as inner:
            raise PasswordSetError("Can't store password") from inner
    except PasswordSetError as outer:
        mapped = keyring_failure(outer)
    assert mapped.params == {"detail": "Can't store password", "fix": "keyring_fix_service"}
