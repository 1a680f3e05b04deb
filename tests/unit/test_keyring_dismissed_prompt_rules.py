"""A Secret Service unlock prompt the user dismissed (found by mutation testing, issue 17): the keyring
stays locked, so the message says to unlock it, like a locked collection, not that the service is missing."""

from __future__ import annotations

from secretstorage.exceptions import PromptDismissedException

from app.messages import describe
from app.security.keyring_errors import keyring_failure


def test_a_dismissed_unlock_prompt_says_to_unlock_the_keyring():
    mapped = keyring_failure(PromptDismissedException("Prompt dismissed."))
    assert mapped.params == {"detail": "Prompt dismissed.", "fix": "keyring_fix_locked"}
    assert "解锁" in describe(mapped) and describe(mapped).startswith("无法访问系统凭据库")
