"""The administrator's verbs: each takes (session, args) and returns (data for --json, Chinese text)."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import Role, label
from server.services import admin, enrolment, numbering
from server.services.reference import deadline_rules
from server.tables import (
    departments,
    devices,
    document_prefixes,
    enrolment_codes,
    number_blocks,
    regions,
    users,
)

PASSWORD_ENV = "LVYUE_HUB_PASSWORD"



def _rows(session, table, *order) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(select(table).order_by(*order))]


def _password(prompt: str) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise DomainError("password_required")
    first = getpass.getpass(prompt)
    if getpass.getpass("请再次输入：") != first:
        raise DomainError("password_mismatch")
    return first


def _lines(rows: list[dict[str, Any]], fmt) -> str:
    return "\n".join(fmt(r) for r in rows) if rows else "（无）"


def region_list(session, args):
    rows = _rows(session, regions, regions.c.code)
    return rows, _lines(rows, lambda r: f"{r['code']}  {r['name']}（{r['short_name']}，{r['level']}）")


def region_add(session, args):
    admin.add_region(session, args.code, args.name, args.short)
    return {"code": args.code}, f"已保存地区 {args.code} {args.name}"


def region_import(session, args):
    registry = RegionRegistry([]).merged_with_file(args.file)
    count = admin.upsert_regions(session, registry)
    return {"imported": count}, f"已导入 {count} 个地区"


def department_list(session, args):
    rows = [r for r in _rows(session, departments, departments.c.region_code, departments.c.name)
            if not args.region or r["region_code"] == args.region]
    return rows, _lines(rows, lambda r: f"{r['id']:>4}  {r['region_code']}  {r['name']}"
                                        f"{'' if r['active'] else '（已停用）'}")


def department_add(session, args):
    new_id = admin.add_department(session, args.region, args.name, args.code)
    return {"id": new_id}, f"已添加部门 {args.name}（编号 {new_id}）"


def department_remove(session, args):
    admin.remove_department(session, args.id)
    return {"id": args.id}, f"已停用部门 {args.id}"


def user_list(session, args):
    rows = _rows(session, users, users.c.username)
    for row in rows:
        row.pop("password_hash", None)
    return rows, _lines(rows, lambda r: f"{r['username']}  {r['display_name']}  "
                                        f"{'、'.join(label(Role(x)) for x in r['roles'].split(',') if x)}  "
                                        f"{r['region_code']}  {'在用' if r['active'] else '停用'}")


def user_add(session, args):
    password = _password(f"用户 {args.username} 的密码：")
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    user_id = admin.add_user(session, username=args.username, display_name=args.name, roles=roles,
                             region_code=args.region, password=password)
    return {"id": user_id, "username": args.username}, f"已添加用户 {args.username}（{args.name}），下次同步后可在设备上离线登录"


def user_passwd(session, args):
    admin.set_password(session, args.username, _password(f"用户 {args.username} 的新密码："))
    return {"username": args.username}, f"已重设 {args.username} 的密码（设备同步后生效）"


def user_move(session, args):
    admin.set_user_region(session, args.username, args.region)
    return ({"username": args.username, "region_code": args.region},
            f"已将用户 {args.username} 调整到地区 {args.region}（原地区的设备同步后不能再以其登录）")


def user_active(session, args):
    admin.set_user_active(session, args.username, args.active)
    return {"username": args.username, "active": args.active}, f"已{'启用' if args.active else '停用'}用户 {args.username}"


def code_create(session, args):
    code = enrolment.create_code(session, args.region, args.office, args.days)
    return ({"code": code, "region_code": args.region, "days": args.days},
            f"注册码：{code}\n范围：{args.region}（{args.office}），{args.days} 天内有效，只能使用一次。\n"
            f"在县里的电脑上运行：python main.py enroll --hub https://中心地址 --code {code}")


def code_list(session, args):
    rows = _rows(session, enrolment_codes, enrolment_codes.c.created_at)
    for row in rows:
        row.pop("code_hash", None)
    return rows, _lines(rows, lambda r: f"{r['created_at'][:16]}  {r['region_code']}  {r['office_name']}  "
                                        f"{'已使用 ' + (r['device_id'] or '') if r['used_at'] else '有效至 ' + r['expires_at'][:10]}")


def device_list(session, args):
    rows = _rows(session, devices, devices.c.region_code, devices.c.enrolled_at)
    for row in rows:
        row.pop("token_hash", None)
    return rows, _lines(rows, lambda r: f"{r['id']}  {r['region_code']}  {r['name']}  已上传 {r['chain_seq']} 条  "
                                        f"{'已吊销 ' + r['revoked_at'][:16] if r['revoked_at'] else '在用'}")


def device_revoke(session, args):
    if not enrolment.revoke(session, args.device_id):
        raise DomainError("device_not_found", device=args.device_id)
    return {"device_id": args.device_id}, f"已吊销设备 {args.device_id}，该设备的同步请求将被立即拒绝"


def rules_show(session, args):
    rules = deadline_rules(session).to_dict()
    return rules, (f"转办：登记后 {rules['forward_days']} 个工作日内；核实认定：转办后 {rules['conclude_days']} 个工作日内；"
                   f"反馈：认定后 {rules['feedback_days']} 个工作日内")


def rules_set(session, args):
    rules = admin.set_rules(session, forward_days=args.forward_days, conclude_days=args.conclude_days,
                            feedback_days=args.feedback_days)
    return rules.to_dict(), "已修改办理时限（设备同步后生效）"


def holidays_list(session, args):
    rows = admin.holiday_summary(session)
    return rows, _lines(rows, lambda r: f"{r['year']}  放假 {r['holidays']} 段，调休上班 {r['workdays']} 天  {r['notice'] or ''}")


def holidays_import(session, args):
    try:
        data = json.loads(args.file.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise DomainError("file_not_found", path=str(args.file)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError("calendar_data_invalid", detail=str(error)) from None
    years = admin.import_holidays(session, data, args.year)
    return {"years": years}, f"已导入 {'、'.join(str(y) for y in years)} 年节假日安排（设备同步后生效）"


def prefix_list(session, args):
    rows = _rows(session, document_prefixes, document_prefixes.c.region_code, document_prefixes.c.kind)
    return rows, _lines(rows, lambda r: f"{r['region_code']}  {r['kind']}  {r['prefix']}")


def prefix_set(session, args):
    admin.set_prefix(session, args.region, args.kind, args.prefix)
    return {"region_code": args.region, "kind": args.kind, "prefix": args.prefix}, f"已设置 {args.prefix}"


def numbers_list(session, args):
    rows = _rows(session, number_blocks, number_blocks.c.series, number_blocks.c.year, number_blocks.c.start)
    return rows, _lines(rows, lambda r: f"{r['series']}  {r['year']}  {r['start']}–{r['end']}  设备 {r['device_id']}")


def numbers_set_next(session, args):
    numbering.set_next(session, args.series, args.year, args.next_number)
    return ({"series": args.series, "year": args.year, "next": args.next_number},
            f"{args.series} {args.year} 年的下一个编号为 {args.next_number}")
