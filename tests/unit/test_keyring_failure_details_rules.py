"""What a keyring failure says happened (found by mutation testing, issue 17): the Windows error's code
and text, read from the attributes or, for a pywin32 error without them, from its arguments; a backend
error's own words, or its class name when it has none; and a cyclic exception chain ends."""

from __future__ import annotations

from app.security.keyring_errors import keyring_failure


class _BareWin32Error(Exception):
    """A ``pywintypes.error`` as older pywin32 raises it: the code and text only in ``args``."""


_BareWin32Error.__module__ = "pywintypes"


class _CodeOnly(Exception):
    """A backend error that carries a Windows code but no text."""

    winerror = 1312


_CodeOnly.__module__ = "keyring.errors"


def test_a_windows_error_read_from_its_arguments_keeps_its_text():
    mapped = keyring_failure(_BareWin32Error(1312, "CredRead", "A specified logon session does not exist."))
    assert mapped.params == {"detail": "Windows 错误 1312（A specified logon session does not exist.）",
                             "fix": "keyring_fix_logon_session", "winerror": 1312}
    two = keyring_failure(_BareWin32Error(5, "CredRead"))
    assert two.params == {"detail": "Windows 错误 5", "fix": "keyring_fix_windows", "winerror": 5}


def test_a_windows_code_without_text_is_shown_alone():
    assert keyring_failure(_CodeOnly()).params["detail"] == "Windows 错误 1312"


def test_a_backend_error_is_described_by_its_words_or_else_its_class():
    assert keyring_failure(RuntimeError("No recommended backend was available"))\
        .params["detail"] == "No recommended backend was available"
    assert keyring_failure(RuntimeError()).params["detail"] == "RuntimeError"


def test_a_cyclic_exception_chain_is_walked_once():
    first, second = RuntimeError("first"), RuntimeError("second")
    first.__cause__, second.__cause__ = second, first
    assert keyring_failure(first).params == {"detail": "first", "fix": "keyring_fix_service"}
