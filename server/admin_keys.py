"""``python -m server admin key rotate``: a new data key for the hub's personal data (stop the hub first).

A copy of a SQLite hub is made first (PostgreSQL: take a pg_dump); the key file gets the new key as
current and keeps the old one retired (so copies made before still open); every sealed value is
re-sealed under the new key in the command's one transaction.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.messages import message
from app.security.fieldcrypt import bind
from server.data_key import load_keys, save_keys
from server.sealing import backup_hub, seal_everything


def key_rotate(session: Session, args) -> tuple[dict, str]:
    settings = args.settings
    keys = load_keys(settings)
    backup = backup_hub(settings.database_url, settings.data_dir, "pre-rotate")
    new_keys = keys.rotated()
    save_keys(settings, new_keys)  # old and new both kept: whatever happens next, every token opens
    cipher = new_keys.install()
    bind(session.get_bind().url, cipher)
    count = seal_everything(session, cipher)
    data = {"old_key": keys.current, "new_key": new_keys.current, "events": count,
            "backup": str(backup) if backup else ""}
    return data, message("key_rotated", {**data, "backup": data["backup"] or "（PostgreSQL：请先用 pg_dump 备份）"})
