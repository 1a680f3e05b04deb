"""``python -m server admin backup --to DIR`` and ``admin restore --from DIR`` (``server.hub_backup``).

They run outside ``run_admin``: a backup reads the hub as it is, and a restore must not migrate or
seed the hub before it checked whether the hub holds data.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.domain.errors import DomainError
from server import security_log
from server.settings import HubSettings


def add_parsers(group, common) -> None:
    p = group.add_parser("backup", parents=[common],
                         help="备份中心：数据库、附件和清单（SHA-256）写入一个新目录；数据密钥另存（--key-to）")
    p.add_argument("--to", dest="backup_dir", type=Path, required=True, help="新的备份目录（不存在或为空）")
    p.add_argument("--key-to", dest="key_to", type=Path,
                   help="把数据密钥文件另存到这里（须在备份目录之外，建议另一介质、另一保管人）")
    p.set_defaults(command="backup")
    p = group.add_parser("restore", parents=[common],
                         help="从备份目录恢复中心（先停止服务；先校验清单；中心已有数据时须加 --force）")
    p.add_argument("--from", dest="backup_dir", type=Path, required=True, help="备份目录")
    p.add_argument("--key-from", dest="key_from", type=Path,
                   help="备份时另存的数据密钥文件（本机密钥文件中没有该备份的密钥时必须提供）")
    p.add_argument("--force", action="store_true", help="中心已有数据时也恢复（覆盖现有数据库和附件）")
    p.set_defaults(command="restore")


def run(args, settings: HubSettings) -> int:
    from server.hub_backup import create_backup, restore_backup

    security_log.configure(settings.security_log_path, settings.security_log_bytes, settings.security_log_backups,
                           settings.security_log_retention_days)
    try:
        if args.command == "backup":
            outcome = create_backup(settings, args.backup_dir, args.key_to)
        else:
            outcome = restore_backup(settings, args.backup_dir, force=args.force, key_from=args.key_from)
    except OperationalError as error:  # the database is not there (not created, wrong address, down)
        detail = str(error.orig).strip().splitlines()[0][:300] if error.orig else type(error).__name__
        raise DomainError("hub_database_unreachable", detail=detail) from None
    manifest = outcome.manifest
    counts = manifest["counts"] or {}
    blobs = sum(1 for name in manifest["files"] if name.startswith("blobs/"))
    security_log.record("hub_backed_up" if args.command == "backup" else "hub_restored", path=str(outcome.path),
                        database=manifest["database"], events=counts.get("events"), blobs=blobs,
                        key_copied=bool(getattr(args, "key_to", None)))
    summary = {"path": str(outcome.path), "created_at": manifest["created_at"], "hub_version": manifest["hub_version"],
               "database": manifest["database"], "counts": counts, "blob_files": blobs, "data_key": manifest["data_key"]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    what = f"事件 {counts.get('events', 0)} 条、设备 {counts.get('devices', 0)} 台、用户 {counts.get('users', 0)} 个、附件 {blobs} 个"
    if args.command == "backup":
        print(f"已备份到 {outcome.path}（{what}）")
        if args.key_to:
            print(f"数据密钥 {manifest['data_key']} 已另存到 {args.key_to.resolve()}：请与备份分开保管")
        else:
            print(f"注意：备份中不含数据密钥（{manifest['data_key']}）。没有密钥文件，备份中的个人信息无法解密；"
                  "请确认密钥文件已另行备份（--key-to）")
    else:
        print(f"已从 {outcome.path} 恢复（备份时间 {manifest['created_at']}，{what}）。现在可以启动服务。")
    return 0
