"""``python -m server trial --db postgresql+psycopg://…``: a hub to try out in one command.

Creates the PostgreSQL database when it is missing, migrates and seeds it, adds the first
users (an administrator and an officer) with one-time passwords (printed once; only when the hub has
no users yet),
prints a device enrolment code, and serves on 127.0.0.1:8000. Meant for a trial, not for production:
production runs ``python -m server`` under systemd behind nginx (docs/deploy/README.md).
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

from sqlalchemy import create_engine, make_url, select, text

from app.domain.errors import DomainError
from app.security.passwords import password_problem
from server.settings import HubSettings

TRIAL_PORT = 8000
FIRST_USERS = (  # 三员分立: the administrator's account holds no other role
    ("admin", "试运行管理员", ["admin"]),
    ("officer", "试运行承办人", ["clerk", "handler", "leader"]),
)


@dataclass(frozen=True)
class TrialSetup:
    database_created: bool
    passwords: dict[str, str]  # username -> one-time password (empty: the hub had users already)
    code: str


def one_time_password() -> str:
    alphabet = string.ascii_letters + string.digits
    while True:
        password = "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(3))
        if password_problem(password) is None:
            return password


def create_database(url: str) -> bool:
    """CREATE DATABASE for a PostgreSQL URL whose database does not exist yet (True when it did)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        return False
    engine = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as con:
            if con.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                           {"name": parsed.database}).first():
                return False
            quoted = engine.dialect.identifier_preparer.quote(parsed.database)
            con.exec_driver_sql(f"CREATE DATABASE {quoted}")
            return True
    except Exception as error:
        raise DomainError("hub_trial_database_failed", database=parsed.database,
                          detail=str(getattr(error, "orig", error)).strip().splitlines()[0][:300]) from None
    finally:
        engine.dispose()


def setup_trial(settings: HubSettings, region: str, office: str) -> TrialSetup:
    from server.app import prepare
    from server.db import HubDatabase
    from server.services import admin, enrolment
    from server.tables import users

    created = create_database(settings.database_url)
    prepare(settings)
    database = HubDatabase(settings)
    passwords: dict[str, str] = {}
    try:
        with database.writer() as session:
            if session.execute(select(users.c.id).limit(1)).first() is None:
                for username, name, roles in FIRST_USERS:
                    passwords[username] = one_time_password()
                    admin.add_user(session, username=username, display_name=name, roles=roles, region_code=region,
                                   password=passwords[username])
            code = enrolment.create_code(session, region, office)
            session.commit()
    finally:
        database.dispose()
    return TrialSetup(created, passwords, code)


def run_trial(args, settings: HubSettings) -> int:
    from server.__main__ import serve

    if args.port is None:
        settings = settings.model_copy(update={"port": TRIAL_PORT})
    setup = setup_trial(settings, args.region, args.office)
    url = f"http://{settings.host}:{settings.port}"
    where = make_url(settings.database_url).render_as_string(hide_password=True)
    lines = [f"试运行数据库：{where}" + ("（已新建）" if setup.database_created else "")]
    for username, password in setup.passwords.items():
        roles = next(",".join(r) for u, _n, r in FIRST_USERS if u == username)
        lines.append(f"首批用户：{username}（{roles}），一次性密码 {password}")
    if setup.passwords:
        lines.append("  密码只显示这一次；试用后请修改：python -m server admin user passwd 用户名")
    else:
        lines.append("中心已有用户，未新建")
    lines.append(f"设备注册码（{args.region}，{args.office}，7 天内有效）：{setup.code}")
    lines.append(f"在桌面程序“加入同步”中填写中心地址 {url} 和该注册码")
    print("\n".join(lines), flush=True)
    return serve(settings)
