"""Every keyring backend's failure is ``keyring_failed`` with the fix in Chinese (app.security.keyring_errors):
Credential Manager's ``pywintypes.error`` 1312 (a task run "whether the user is logged on or not"), the
Secret Service's locked or missing keyring, keyring's own errors, a file backend's OSError; a bug in our
code (any other exception) is not disguised as one."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from keyring.errors import KeyringLocked, PasswordSetError
from secretstorage.exceptions import LockedException, SecretServiceNotAvailableException

from app.domain.errors import DomainError
from app.messages import describe
from app.security import data_keys
from app.security.key_set import KeySet
from app.security.keyring_errors import keyring_errors, keyring_failure
from app.sync import credentials
from tests.failing_keyring import NO_LOGON_SESSION, NoLogonSessionKeyring, error


def test_the_fake_is_shaped_like_pywintypes_error():
    raised = error(*NO_LOGON_SESSION)
    assert type(raised).__module__ == "pywintypes" and raised.winerror == 1312 and raised.args == NO_LOGON_SESSION


def test_1312_says_to_run_the_task_only_while_logged_on():
    mapped = keyring_failure(error(*NO_LOGON_SESSION))
    text = describe(mapped)
    assert mapped.code == "keyring_failed" and mapped.params["winerror"] == 1312
    assert "1312" in text and "只在用户登录时运行" in text and "schedule install" in text


def test_1312_wrapped_by_keyring_is_still_recognised():
    try:
        try:
            raise error(*NO_LOGON_SESSION)
        except Exception as inner:
            raise PasswordSetError("Can't store password on keychain") from inner
    except PasswordSetError as outer:
        mapped = keyring_failure(outer)
    assert mapped.params["fix"] == "keyring_fix_logon_session"


@pytest.mark.parametrize(("raised", "fix", "words"), [
    (error(5, "CredRead", "Access is denied."), "keyring_fix_windows", "Windows 错误 5"),
    (LockedException("Collection is locked!"), "keyring_fix_locked", "解锁"),
    (KeyringLocked("locked"), "keyring_fix_locked", "解锁"),
    (SecretServiceNotAvailableException("no D-Bus"), "keyring_fix_service", "Secret Service"),
    (RuntimeError("Requires Windows and pywin32"), "keyring_fix_service", "服务不可用"),
    (PermissionError(13, "Permission denied"), "keyring_fix_generic", "联系信息化管理员"),
])
def test_each_backend_error_gets_its_fix(raised, fix, words):
    mapped = keyring_failure(raised)
    assert mapped is not None and mapped.code == "keyring_failed" and mapped.params["fix"] == fix
    assert words in describe(mapped) and describe(mapped).startswith("无法访问系统凭据库")


def test_the_fail_backend_of_keyring_itself():
    with pytest.raises(DomainError) as refused, keyring_errors():
        FailKeyring().get_password("s", "u")
    assert refused.value.params["fix"] == "keyring_fix_service"
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


def test_a_bug_is_not_disguised_as_a_keyring_failure():
    assert keyring_failure(ValueError("bug")) is None and keyring_failure(KeyError("x")) is None
    with pytest.raises(ZeroDivisionError), keyring_errors():
        1 / 0  # noqa: B018


def test_data_keys_and_the_sync_token_map_1312(monkeypatch):
    monkeypatch.setattr(data_keys, "_backend", lambda: NoLogonSessionKeyring())
    for call in (lambda: data_keys.load("ref"), lambda: data_keys.save("ref", KeySet.fresh())):
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.code == "keyring_failed" and "只在用户登录时运行" in describe(refused.value)
    before = keyring.get_keyring()
    keyring.set_keyring(NoLogonSessionKeyring())
    try:
        for call in (lambda: credentials.load_token("dev"), lambda: credentials.save_token("dev", "t")):
            with pytest.raises(DomainError) as refused:
                call()
            assert refused.value.params["winerror"] == 1312
        credentials.delete_token("dev")  # nothing to tidy up when the keyring refuses: no error
    finally:
        keyring.set_keyring(before)
