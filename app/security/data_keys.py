"""The data keys 数据密钥 of a profile, kept in the OS keyring (Windows Credential Manager).

One keyring entry per profile: service ``lvyue-data-key``, user the profile's key reference (a random
id kept in ``meta``; the device id can change at enrolment). The entry holds every key the profile
ever used (JSON: ``current`` and ``keys``: id -> base64): the current one seals, the retired ones
still open old backups. The keys are never written to a file beside the data, and there is no
fallback: without a keyring backend the profile does not open (``data_keyring_unavailable``).
The key set itself (``KeySet``, no keyring) is in ``app.security.key_set``, shared with the hub.
"""

from __future__ import annotations

import base64
import json

import keyring

from app.domain.errors import DomainError
from app.security.key_set import KeySet
from app.security.keyring_errors import keyring_errors

SERVICE = "lvyue-data-key"
_UNUSABLE = ("keyring.backends.fail", "keyring.backends.null")


def _keyring_backend():
    backend = keyring.get_keyring()
    inner = getattr(backend, "backends", None)
    candidates = list(inner) if inner is not None else [backend]
    if not [b for b in candidates if type(b).__module__ not in _UNUSABLE]:
        raise DomainError("data_keyring_unavailable")
    return backend


_backend = _keyring_backend  # the tests give every test a keyring file of its own here


def load(ref: str) -> KeySet | None:
    with keyring_errors():  # every backend's failure: keyring_failed with the fix
        text = _backend().get_password(SERVICE, ref)
    if not text:
        return None
    try:
        return KeySet.from_text(text)
    except (ValueError, KeyError, TypeError):
        raise DomainError("data_key_damaged") from None


def save(ref: str, keys: KeySet) -> None:
    with keyring_errors():
        _backend().set_password(SERVICE, ref, keys.to_text())


# ---- moving a profile to a new PC: the keys in a file sealed with a passphrase -------------------
EXPORT_FORMAT = "lvyue-data-key-1"
MIN_PASSPHRASE = 12
_SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}


def _passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def export_text(ref: str, keys: KeySet, passphrase: str) -> str:
    """The profile's keys sealed with ``passphrase`` (scrypt + AES-256-GCM, the reference as AAD)."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(passphrase) < MIN_PASSPHRASE:
        raise DomainError("key_passphrase_short", min_length=MIN_PASSPHRASE)
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_passphrase_key(passphrase, salt, **_SCRYPT)).encrypt(
        nonce, keys.to_text().encode("utf-8"), ref.encode("utf-8"))
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return json.dumps({"format": EXPORT_FORMAT, "ref": ref, "kdf": "scrypt", **_SCRYPT, "salt": b64(salt),
                       "nonce": b64(nonce), "data": b64(sealed)}, indent=1)


def import_text(text: str, passphrase: str) -> tuple[str, KeySet]:
    """(reference, keys) from an exported file; ``key_passphrase_wrong`` when it does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        data = json.loads(text)
        if data.get("format") != EXPORT_FORMAT:
            raise ValueError
        ref = data["ref"]
        key = _passphrase_key(passphrase, base64.b64decode(data["salt"]), int(data["n"]), int(data["r"]),
                              int(data["p"]))
        sealed, nonce = base64.b64decode(data["data"]), base64.b64decode(data["nonce"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DomainError("key_file_invalid") from None
    try:
        clear = AESGCM(key).decrypt(nonce, sealed, ref.encode("utf-8"))
    except InvalidTag:
        raise DomainError("key_passphrase_wrong") from None
    return ref, KeySet.from_text(clear.decode("utf-8"))
