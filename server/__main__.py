"""``python -m server``: serve the hub; ``python -m server migrate``; ``python -m server admin ...``."""

from __future__ import annotations

import os
import sys

from pydantic import ValidationError

from app.domain.errors import DomainError
from app.messages import describe
from server.admin_cli import build_parser, run_admin
from server.settings import HubSettings


def _settings(args) -> HubSettings:
    values = {}
    for name in ("db", "data_dir", "host", "port", "workers", "blob_dir"):
        value = getattr(args, name, None)
        if value is not None:
            values[name] = value
    return HubSettings(**values)


def serve(settings: HubSettings) -> int:
    import uvicorn

    from server.app import create_app, prepare

    prepare(settings)
    print(f"履约汇聚中心已启动：http://{settings.host}:{settings.port}/v1/meta （接口文档 /docs）", file=sys.stderr)
    print(f"安全日志：{settings.security_log_path}", file=sys.stderr)
    if settings.workers > 1:  # each worker builds its own app from the environment
        for name, value in settings.model_dump(exclude_none=True).items():
            os.environ[f"LVYUE_HUB_{name.upper()}"] = str(value)
        uvicorn.run("server.app:factory", factory=True, host=settings.host, port=settings.port,
                    workers=settings.workers, proxy_headers=True, log_level="warning")
    else:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port, proxy_headers=True,
                    log_level="warning")
    return 0


def main(argv: list[str] | None = None) -> int:
    if os.name != "nt":
        os.umask(0o077)  # whatever the hub writes (database, -wal, blobs, logs, keys) is its account's alone
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        settings = _settings(args)
    except ValidationError as error:  # a setting from the environment out of bounds (e.g. retention < 180 days)
        for problem in error.errors():
            name = "LVYUE_HUB_" + "_".join(str(part) for part in problem["loc"]).upper()
            print(f"错误：设置 {name} 无效：{problem['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        return 2
    try:
        return _run(args, settings)
    except DomainError as error:  # e.g. the data key file inside the data folder: refused in Chinese
        print(f"错误：{describe(error)}", file=sys.stderr)
        return 1


def _run(args, settings: HubSettings) -> int:
    if args.command == "migrate":
        from server.app import prepare

        prepare(settings)
        print("数据库结构已是最新。")
        return 0
    if args.command == "trial":
        from server.trial import run_trial

        return run_trial(args, settings)
    if args.command in ("backup", "restore"):
        from server.backup_cli import run

        return run(args, settings)
    if args.command == "admin":
        return run_admin(args, settings)
    return serve(settings)


if __name__ == "__main__":
    sys.exit(main())
