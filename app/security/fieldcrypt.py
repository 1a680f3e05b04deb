"""Field encryption at rest 个人信息字段加密 (AES-256-GCM through ``cryptography``).

A protected value is stored as a string token ``enc1:<key_id>:<base64url(nonce | ciphertext+tag)>``
with the name of the field that holds it as associated data, so a token moved into another field
no longer opens. Keys live in a process-wide registry (``key_id -> 32 bytes``): a profile or the hub
registers every key it holds when it opens, so reading never needs to know which database a token
came from (several profiles in one process, tokens of a retired key after a rotation). Writing does:
each database (by its SQLAlchemy URL) is bound to the ``FieldCipher`` of its current key.

Nothing here knows which fields are personal data: that list is ``app.domain.personal_data``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.common.packing import unpacked
from app.domain.errors import DomainError
from app.domain.events import canonical_json
from app.domain.personal_data import TOKEN_PREFIX, may_hold_personal_data, open_document, seal_document

PREFIX = TOKEN_PREFIX
NONCE_BYTES = 12
KEY_BYTES = 32
BLIND_HEX = 16  # 64 bits of the HMAC: a search token, not a proof
_SEARCH_INFO = b"lvyue search index v1"

_KEYS: dict[str, AESGCM] = {}
_BOUND: dict[str, list[FieldCipher]] = {}  # url -> the ciphers of its open stores (the last one seals)


class TokenError(DomainError):
    """A token that does not open: unknown key, or GCM authentication failed (tampered, moved).
    A ``DomainError``, so the window and the CLI say it in Chinese instead of crashing."""

    def __init__(self, code: str, key_id: str = "") -> None:
        super().__init__(code, key_id=key_id)  # data_key_unknown | token_tampered | token_malformed | data_key_unbound
        self.key_id = key_id


def new_key() -> tuple[str, bytes]:
    """A fresh key id (16 hex digits) and 32 random bytes."""
    return secrets.token_hex(8), os.urandom(KEY_BYTES)


def register_key(key_id: str, secret: bytes) -> None:
    if len(secret) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    _KEYS[key_id] = AESGCM(secret)


def is_token(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def key_id_of(token: str) -> str:
    return token[len(PREFIX):].split(":", 1)[0]


def decrypt(token: str, aad: str) -> str:
    """The clear value of ``token``; raises ``TokenError`` when it does not open."""
    try:
        key_id, body = token[len(PREFIX):].split(":", 1)
        raw = base64.urlsafe_b64decode(body.encode("ascii") + b"=" * (-len(body) % 4))
    except (ValueError, UnicodeEncodeError):
        raise TokenError("token_malformed") from None
    aead = _KEYS.get(key_id)
    if aead is None:
        raise TokenError("data_key_unknown", key_id)
    try:
        return aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad.encode("utf-8")).decode("utf-8")
    except (InvalidTag, ValueError):
        raise TokenError("token_tampered", key_id) from None


@dataclass
class FieldCipher:
    """The current key of one database: seals values and makes the blind search tokens."""

    key_id: str
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        register_key(self.key_id, self.secret)
        self._aead = _KEYS[self.key_id]
        self._search_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                                info=_SEARCH_INFO).derive(self.secret)

    def seal(self, value: str, aad: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        body = nonce + self._aead.encrypt(nonce, value.encode("utf-8"), aad.encode("utf-8"))
        return f"{PREFIX}{self.key_id}:{base64.urlsafe_b64encode(body).decode('ascii').rstrip('=')}"

    def blind(self, kind: str, value: str) -> str:
        """A keyed search token for ``value`` (HMAC-SHA256 with the search key, truncated): the same
        value gives the same token in this database only, and the token tells nothing without the key."""
        digest = hmac.new(self._search_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
        return "zb" + digest[:BLIND_HEX]


def bind(url: object, cipher: FieldCipher) -> None:
    """Make ``cipher`` the write key of the database at ``url`` (an engine's URL)."""
    _BOUND.setdefault(str(url), []).append(cipher)


def unbind(url: object, cipher: FieldCipher) -> None:
    """Forget the binding ``bind(url, cipher)`` made (other openings of the same file keep theirs)."""
    bound = _BOUND.get(str(url), [])
    for i in range(len(bound) - 1, -1, -1):
        if bound[i] is cipher:
            del bound[i]
            break
    if not bound:
        _BOUND.pop(str(url), None)


def cipher_for(bind_or_session: Any) -> FieldCipher:
    """The write cipher of the database behind a Session, Connection or Engine.

    Raises ``TokenError("data_key_unbound")``: storing personal data in clear is never the fallback.
    """
    engine = bind_or_session
    if hasattr(engine, "get_bind"):
        engine = engine.get_bind()
    url = str(getattr(engine, "url", None) or getattr(getattr(engine, "engine", None), "url", ""))
    bound = _BOUND.get(url)
    if not bound:
        raise TokenError("data_key_unbound")
    return bound[-1]


def maybe_cipher_for(bind_or_session: Any) -> FieldCipher | None:
    try:
        return cipher_for(bind_or_session)
    except TokenError:
        return None


# ---- documents (JSON values): which fields are sealed is ``app.domain.personal_data``'s ----------
def seal_value(cipher: FieldCipher, value: Any) -> Any:
    """A copy of ``value`` with its personal data sealed under ``cipher``."""
    return seal_document(value, cipher.seal)


def seal_json(cipher: FieldCipher, value: Any, clear_json: str | None = None) -> str:
    """The canonical JSON of ``value`` with its personal data sealed (``clear_json``: its clear
    canonical JSON when the caller has it, to skip the walk when nothing in it is personal)."""
    text = clear_json if clear_json is not None else canonical_json(value)
    if not may_hold_personal_data(text):
        return text
    return canonical_json(seal_document(value, cipher.seal))


def open_value(value: Any) -> Any:
    """A copy of ``value`` with every token opened (``TokenError`` when one does not open)."""
    return open_document(value, decrypt)


def open_json(text: str | bytes) -> Any:
    """``json.loads`` of a stored document (packed or not, ``app.common.packing``), its tokens opened."""
    text = unpacked(text)
    value = json.loads(text)
    if PREFIX in (text if isinstance(text, str) else text.decode("utf-8", "replace")):
        return open_document(value, decrypt)
    return value
