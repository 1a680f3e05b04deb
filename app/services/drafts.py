"""Drafts 草稿: what an officer typed but has not submitted, kept on disk so nothing is lost.

A draft is a JSON file in the profile's ``drafts/`` folder, written atomically (temp file + fsync +
rename), so a crash or power cut leaves either the old or the new draft, never half of one. Its
personal data is sealed with the profile's key like the database's (``app.domain.personal_data``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from app.common.permissions import private_dir
from app.security.fieldcrypt import TokenError, open_value, seal_value
from app.services.profile import Profile

_SAFE = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")


def _path(profile: Profile, key: str) -> Path:
    if not _SAFE.match(key):
        raise ValueError(f"bad draft key {key!r}")
    return profile.files.drafts / f"{key}.json"


def save_draft(profile: Profile, key: str, data: dict[str, Any]) -> None:
    path = _path(profile, key)
    private_dir(path.parent)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".draft-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(seal_value(profile.store.cipher, data), out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_draft(profile: Profile, key: str) -> dict[str, Any] | None:
    """The saved draft, or None (also when the file is damaged: a draft must never block work)."""
    path = _path(profile, key)
    try:
        data = open_value(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TokenError):
        return None
    return data if isinstance(data, dict) else None


def discard_draft(profile: Profile, key: str) -> None:
    _path(profile, key).unlink(missing_ok=True)


def list_drafts(profile: Profile) -> list[str]:
    folder = profile.files.drafts
    return sorted(p.stem for p in folder.glob("*.json")) if folder.exists() else []
