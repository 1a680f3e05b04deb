"""A set of data keys 数据密钥集: the current key (it seals) and the retired ones (they still open).

Shared by the client, which keeps its set in the OS keyring (``app.security.data_keys``), and the hub,
which keeps its set in a key file outside its data folder (``server.data_key``). Nothing here touches
a keyring: the hub installs without one.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

from app.security.fieldcrypt import FieldCipher, new_key, register_key

KEPT_KEYS = 8  # the current key and the seven before it (a backup older than seven rotations no longer opens)


@dataclass
class KeySet:
    current: str
    keys: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def fresh(cls) -> KeySet:
        key_id, secret = new_key()
        return cls(key_id, {key_id: secret})

    def rotated(self) -> KeySet:
        """A copy with a new current key; the last ``KEPT_KEYS - 1`` old ones are kept (retired: they
        only open backups made before). Windows Credential Manager holds 2,560 bytes per entry."""
        key_id, secret = new_key()
        kept = list(self.keys.items())[-(KEPT_KEYS - 1):]
        return KeySet(key_id, {**dict(kept), key_id: secret})

    def to_text(self) -> str:
        return json.dumps({"current": self.current,
                           "keys": {k: base64.b64encode(v).decode("ascii") for k, v in self.keys.items()}})

    @classmethod
    def from_text(cls, text: str) -> KeySet:
        data = json.loads(text)
        return cls(data["current"], {k: base64.b64decode(v) for k, v in data["keys"].items()})

    def install(self) -> FieldCipher:
        """Register every key in the process and return the cipher of the current one."""
        for key_id, secret in self.keys.items():
            register_key(key_id, secret)
        return FieldCipher(self.current, self.keys[self.current])
