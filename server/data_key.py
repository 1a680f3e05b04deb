"""The hub's data key 中心数据密钥: personal data in the hub's database is sealed with it.

A hub has no OS keyring, so its keys (the same ``KeySet`` as a profile's: the current key and the
retired ones) live in a key file **outside** the data folder (``LVYUE_HUB_DATA_KEY_FILE``; default:
``<data folder>.datakey`` beside the folder), readable by the hub's account only (0600). It is made
on the first start when missing; a key file inside the data folder is refused, so a copy of the data
folder (or a database dump) never carries its own key.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.domain.errors import DomainError
from app.security.fieldcrypt import FieldCipher
from app.security.key_set import KeySet
from server.settings import HubSettings


def key_path(settings: HubSettings) -> Path:
    path = (settings.data_key_file or Path(f"{settings.data_dir.resolve()}.datakey")).resolve()
    data = settings.data_dir.resolve()
    if path == data or data in path.parents:
        raise DomainError("hub_data_key_inside_data", path=str(path))
    return path


def load_keys(settings: HubSettings) -> KeySet:
    """The hub's keys, made (0600) on first use."""
    path = key_path(settings)
    if not path.exists():
        _write_new(path, KeySet.fresh())
    try:
        return KeySet.from_text(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        raise DomainError("hub_data_key_damaged", path=str(path)) from None


def save_keys(settings: HubSettings, keys: KeySet) -> None:
    """Replace the key file atomically (rotation), keeping 0600."""
    path = key_path(settings)
    tmp = _private_temp(path, keys)
    os.replace(tmp, path)


def hub_cipher(settings: HubSettings) -> FieldCipher:
    return load_keys(settings).install()


def _private_temp(path: Path, keys: KeySet) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".datakey-")
    os.chmod(tmp, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(keys.to_text())
        out.flush()
        os.fsync(out.fileno())
    return tmp


def _write_new(path: Path, keys: KeySet) -> None:
    """Create the key file unless another worker just did (link: atomic, never overwrites)."""
    tmp = _private_temp(path, keys)
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
