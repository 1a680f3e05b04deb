"""Backup and restore of a whole hub 中心备份与恢复: the database, the attachment files (blobs) and a
manifest (``python -m server admin backup --to DIR`` / ``restore --from DIR``).

A backup folder holds ``manifest.json``, the database (``hub.sqlite`` through SQLite's online backup
API, or ``hub.pgdump`` from ``pg_dump -Fc`` of the hub's schema, taken in the same snapshot as the
manifest's counts) and ``blobs/ab/<sha256>``. The manifest names every file with its size and SHA-256,
the hub version, the schema revision, the row counts and the id of the data key the sealed personal
data needs. The data key itself is never written into the backup folder (``--key-to`` copies it to a
place of its own): a backup that carries its own key would undo the separation of ``server.data_key``.

A restore verifies the manifest and every file first, checks that the key it will run with holds the
backup's key, refuses to overwrite a hub that has data unless forced, then restores, migrates (an
older backup is brought to the current schema) and compares the counts with the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, make_url, text

from app.common.permissions import private_dir
from app.common.sqlite_copy import backup_file, readonly_uri, restore_file
from app.domain.clock import iso_utc, utc_now
from app.domain.errors import DomainError
from app.security.key_set import KeySet
from server import HUB_VERSION, pg_backup
from server.data_key import key_path, load_keys
from server.settings import HubSettings

FORMAT = "lvyue-hub-backup-1"
MANIFEST = "manifest.json"
SQLITE_FILE = "hub.sqlite"
PG_FILE = "hub.pgdump"
BLOBS = "blobs"
COUNTED = ("events", "rejections", "devices", "users", "regions", "blobs", "blob_refs", "number_blocks")
HOLDING = ("events", "rejections", "devices", "users")  # a hub with rows here (or blob files) "has data"
BLOCK = 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    path: Path
    manifest: dict


# ---- backup -----------------------------------------------------------------------------------------
def create_backup(settings: HubSettings, target: Path, key_to: Path | None = None) -> Outcome:
    """Write a complete backup into the new (or empty) folder ``target``; the key copy to ``key_to``."""
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise DomainError("hub_backup_target_not_empty", path=str(target))
    blobs_root = settings.blobs_path
    if target == blobs_root or blobs_root in target.parents:
        raise DomainError("hub_backup_target_not_empty", path=str(target))
    if key_to is not None:
        key_to = key_to.resolve()
        if key_to == target or target in key_to.parents:
            raise DomainError("hub_backup_key_inside", path=str(key_to))
    if not key_path(settings).exists():  # never made here: a hub that ran has its key
        raise DomainError("hub_backup_no_key", path=str(key_path(settings)))
    keys = load_keys(settings)
    part = target.with_name(target.name + ".part")  # a half-written backup never carries the real name
    if part.exists():
        shutil.rmtree(part)
    private_dir(part)
    try:
        if settings.is_sqlite:
            kind, database_file, schema = "sqlite", SQLITE_FILE, None
            _backup_sqlite(settings, part / SQLITE_FILE)
            revision, counts = _sqlite_facts(part / SQLITE_FILE)
        else:
            kind, database_file = "postgresql", PG_FILE
            revision, counts, schema = pg_backup.dump(settings, part / PG_FILE, COUNTED)
        files = {database_file: _file_entry(part / database_file)}
        files.update(_copy_blobs(blobs_root, part / BLOBS))
        manifest = {
            "format": FORMAT, "hub_version": HUB_VERSION, "created_at": iso_utc(utc_now()),
            "database": kind, "schema_revision": revision, "counts": counts,
            "data_key": keys.current,  # the id only: the key is kept apart (--key-to)
            "settings": _settings_record(settings), "files": files,
        }
        if schema is not None:
            manifest["pg_schema"] = schema
        _write_private(part / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        os.replace(part, target)
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    if key_to is not None:
        _write_private(key_to, keys.to_text().encode("utf-8"))
    return Outcome(target, manifest)


def _backup_sqlite(settings: HubSettings, destination: Path) -> None:
    from server.sealing import sqlite_path

    source = sqlite_path(settings.database_url)
    if source is None or not source.exists():
        raise DomainError("hub_backup_no_database", url=_redacted(settings.database_url))
    backup_file(source, destination)


def _sqlite_facts(path: Path) -> tuple[str | None, dict[str, int]]:
    con = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {table: con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED}
    finally:
        con.close()
    return (revision[0] if revision else None), counts


def _copy_blobs(source: Path, destination: Path) -> dict[str, dict]:
    """Copy every complete attachment (``ab/<sha256>``; partial uploads stay behind), checking that its
    content still has its name's hash."""
    files: dict[str, dict] = {}
    if not source.exists():
        return files
    for folder in sorted(p for p in source.iterdir() if p.is_dir() and len(p.name) == 2):
        for blob in sorted(folder.iterdir()):
            if not blob.is_file():
                continue
            copy = destination / folder.name / blob.name
            private_dir(copy.parent)
            entry = _copy_hashing(blob, copy)
            if entry["sha256"] != blob.name:
                raise DomainError("hub_backup_blob_damaged", path=str(blob))
            files[f"{BLOBS}/{folder.name}/{blob.name}"] = entry
    return files


def _copy_hashing(source: Path, destination: Path) -> dict:
    digest, size = hashlib.sha256(), 0
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        for block in iter(lambda: src.read(BLOCK), b""):
            digest.update(block)
            size += len(block)
            dst.write(block)
        dst.flush()
        os.fsync(dst.fileno())
    return {"size": size, "sha256": digest.hexdigest()}


def _file_entry(path: Path) -> dict:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
            size += len(block)
    return {"size": size, "sha256": digest.hexdigest()}


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def _redacted(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _settings_record(settings: HubSettings) -> dict:
    """The settings the backup was made under (for the record; the database password is hidden)."""
    values = settings.model_dump(mode="json")
    values["db"] = _redacted(settings.database_url)
    return values


# ---- verify ------------------------------------------------------------------------------------------
def verify_backup(source: Path) -> dict:
    """The manifest of the backup in ``source`` once every file it names is there, whole, with its
    SHA-256, and nothing else is; ``hub_backup_invalid`` otherwise."""
    source = source.resolve()

    def invalid(detail: str) -> DomainError:
        return DomainError("hub_backup_invalid", path=str(source), detail=detail)

    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise invalid("缺少 manifest.json") from None
    except (OSError, ValueError):
        raise invalid("manifest.json 无法读取") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or \
            not isinstance(manifest.get("files"), dict) or manifest.get("database") not in ("sqlite", "postgresql"):
        raise invalid("不是履约中心备份的清单")
    database_file = SQLITE_FILE if manifest["database"] == "sqlite" else PG_FILE
    if database_file not in manifest["files"]:
        raise invalid(f"清单中没有数据库文件 {database_file}")
    present = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()} - {MANIFEST}
    missing = sorted(set(manifest["files"]) - present)
    extra = sorted(present - set(manifest["files"]))
    if missing:
        raise invalid(f"缺少文件 {missing[0]}" + (f" 等 {len(missing)} 个" if len(missing) > 1 else ""))
    if extra:
        raise invalid(f"多出清单之外的文件 {extra[0]}" + (f" 等 {len(extra)} 个" if len(extra) > 1 else ""))
    for name, expected in manifest["files"].items():
        if _file_entry(source / name) != {"size": expected.get("size"), "sha256": expected.get("sha256")}:
            raise invalid(f"文件 {name} 的大小或 SHA-256 与清单不符")
        if name.startswith(f"{BLOBS}/") and Path(name).name != expected["sha256"]:
            raise invalid(f"附件 {name} 的内容与其名称不符")
    return manifest


# ---- restore -----------------------------------------------------------------------------------------
def restore_backup(settings: HubSettings, source: Path, *, force: bool = False, key_from: Path | None = None) -> Outcome:
    """Restore the backup in ``source`` into the hub ``settings`` describe (stop the hub first)."""
    source = source.resolve()
    manifest = verify_backup(source)
    kind = "sqlite" if settings.is_sqlite else "postgresql"
    if manifest["database"] != kind:
        raise DomainError("hub_backup_wrong_database", kind=manifest["database"], target=kind)
    _check_revision(manifest.get("schema_revision"))
    keys = _keys_for(settings, manifest["data_key"], key_from)
    holding = _holding(settings)
    if holding and not force:
        raise DomainError("hub_restore_not_empty", detail=holding)
    if key_from is not None:
        _install_keys(settings, keys)
    if kind == "sqlite":
        _restore_sqlite(settings, source / SQLITE_FILE)
    else:
        pg_backup.restore(settings, source / PG_FILE, manifest.get("pg_schema"))
    _restore_blobs(settings.blobs_path, source, manifest)
    from server.app import prepare

    prepare(settings)  # an older backup is migrated to the current schema; permissions repaired
    counts = _counts(settings)
    differ = [f"{t}：备份 {n}，恢复后 {counts.get(t)}" for t, n in (manifest.get("counts") or {}).items()
              if counts.get(t) != n]
    if differ:
        raise DomainError("hub_restore_count_mismatch", detail="；".join(differ))
    return Outcome(source, manifest)


def _check_revision(revision: str | None) -> None:
    from alembic.script import ScriptDirectory

    from server.migrate import alembic_config

    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise DomainError("hub_backup_newer", revision=revision)


def _keys_for(settings: HubSettings, needed: str, key_from: Path | None) -> KeySet:
    path = key_from.resolve() if key_from is not None else key_path(settings)
    if not path.exists():
        raise DomainError("hub_backup_key_missing", key_id=needed, path=str(path))
    try:
        keys = KeySet.from_text(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        raise DomainError("hub_data_key_damaged", path=str(path)) from None
    if needed not in keys.keys:
        raise DomainError("hub_backup_key_missing", key_id=needed, path=str(path))
    return keys


def _install_keys(settings: HubSettings, keys: KeySet) -> None:
    """The restored hub runs with the backup's key file; a different key file there is kept aside."""
    path = key_path(settings)
    if path.exists():
        if path.read_text(encoding="utf-8") == keys.to_text():
            return
        stamp = utc_now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, path.with_name(f"{path.name}.before-restore-{stamp}"))
    _write_private(path, keys.to_text().encode("utf-8"))


def _holding(settings: HubSettings) -> str:
    """What the hub already holds ('' when nothing that a restore would destroy)."""
    found: list[str] = []
    blobs_root = settings.blobs_path
    if blobs_root.exists() and any(p.is_file() for p in blobs_root.rglob("*")):
        found.append("附件文件")
    from server.sealing import sqlite_path

    path = sqlite_path(settings.database_url)
    if path is not None and not path.exists():
        return "、".join(found)
    engine = create_engine(settings.database_url)
    try:
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as con:
            for table in HOLDING:
                if table in tables and con.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one():
                    found.append(table)
    finally:
        engine.dispose()
    return "、".join(found)


def _counts(settings: HubSettings) -> dict[str, int]:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as con:
            return {table: con.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() for table in COUNTED}
    finally:
        engine.dispose()


def _restore_sqlite(settings: HubSettings, copy: Path) -> None:
    from server.sealing import sqlite_path

    target = sqlite_path(settings.database_url)
    private_dir(target.parent)
    if not target.exists():
        backup_file(copy, target)
        return
    restore_file(copy, target)  # through the backup API: the file's WAL and -shm stay consistent


def _restore_blobs(root: Path, source: Path, manifest: dict) -> None:
    if root.exists():
        for entry in root.iterdir():  # the blobs of the hub being replaced (emptiness was checked)
            if entry.is_dir() and (len(entry.name) == 2 or entry.name == ".partial"):
                shutil.rmtree(entry)
    private_dir(root)
    for name in manifest["files"]:
        if not name.startswith(f"{BLOBS}/"):
            continue
        relative = Path(name).relative_to(BLOBS)
        target = root / relative
        private_dir(target.parent)
        entry = _copy_hashing(source / name, target)
        if entry["sha256"] != manifest["files"][name]["sha256"]:
            target.unlink(missing_ok=True)
            raise DomainError("hub_backup_invalid", path=str(source), detail=f"文件 {name} 在恢复时读出的内容不符")
