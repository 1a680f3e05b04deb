"""The administrator's verbs: each takes (session, args) and returns (data for --json, Chinese text)."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

from sqlalchemy import select

from app.domain.document_kinds import kind_label
from app.domain.errors import DomainError
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import Role, label
from server.services import admin, enrolment, numbering, prefixes
from server.services.reference import deadline_rules
from server.tables import (
    departments,
    devices,
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
    clashes = [c for c in prefixes.clashes(session) if args.code in c["regions"]]
    text = f"已保存地区 {args.code} {args.name}"
    if clashes:
        text += ("\n注意：简称与其他地区相同，以下默认前缀暂不属于任何地区，请用 admin prefix assign 指定："
                 + "、".join(f"{c['prefix']}（{'、'.join(c['regions'])}）" for c in clashes))
    return {"code": args.code, "prefix_clashes": clashes}, text


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
    if not args.replace and not (args.region and args.office):
        raise DomainError("required", field="--region" if not args.region else "--office")
    code = enrolment.create_code(session, args.region, args.office, args.days, replaces=args.replace)
    row = session.execute(select(enrolment_codes).where(enrolment_codes.c.code_hash == enrolment.code_hash(code))).one()
    data = {"code": code, "region_code": row.region_code, "office_name": row.office_name, "days": args.days,
            "replaces_device": args.replace}
    if args.replace:
        device = session.execute(select(devices).where(devices.c.id == args.replace)).one()
        note = "（该设备已被吊销，使用此注册码后将恢复同步）" if device.revoked_at else ""
        return data, (f"替换注册码：{code}\n只能由设备 {args.replace}（{device.name}，{row.region_code}）使用，"
                      f"{args.days} 天内有效，只能使用一次{note}。\n使用后该设备原来的凭据立即失效。\n"
                      f"在接替该设备的电脑上（同一配置档案）运行：python main.py enroll --hub https://中心地址 --code {code}")
    return data, (f"注册码：{code}\n范围：{row.region_code}（{row.office_name}），{args.days} 天内有效，只能使用一次。\n"
                  f"在县里的电脑上运行：python main.py enroll --hub https://中心地址 --code {code}")


def code_list(session, args):
    rows = _rows(session, enrolment_codes, enrolment_codes.c.created_at)
    for row in rows:
        row.pop("code_hash", None)

    def line(r) -> str:
        state = f"已使用 {r['device_id'] or ''}" if r["used_at"] else f"有效至 {r['expires_at'][:10]}"
        target = f"  替换设备 {r['replaces_device']}" if r.get("replaces_device") else ""
        return f"{r['created_at'][:16]}  {r['region_code']}  {r['office_name']}  {state}{target}"

    return rows, _lines(rows, line)


def device_list(session, args):
    rows = _rows(session, devices, devices.c.region_code, devices.c.enrolled_at)
    for row in rows:
        row.pop("token_hash", None)

    def line(r) -> str:
        status = f"已吊销 {r['revoked_at'][:16]}" if r["revoked_at"] else "在用"
        replaced = (f"  已替换 {r['replacements']} 次（最近 {r['replaced_at'][:16]}）"
                    if r.get("replacements") else "")
        seen = (r["last_seen_at"] or "")[:16] or "从未上传"
        return (f"{r['id']}  {r['region_code']}  {r['name']}（{r.get('office_name') or '—'}）  "
                f"加入 {r['enrolled_at'][:16]}  已上传 {r['chain_seq']} 条  最近上传 {seen}  {status}{replaced}")

    return rows, _lines(rows, line)


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
    data = {"regions": prefixes.in_effect(session, args.region), "owners": prefixes.explicit(session),
            "clashes": prefixes.clashes(session), "migration": prefixes.migration_note(session),
            "auto_adopt": prefixes.auto_adopt(session)}
    names = dict(session.execute(select(regions.c.code, regions.c.name)).all())
    lines = ["各地区的发文字号前缀（* 为管理员设置，其余按地区简称推定）："]
    for region in data["regions"]:
        grouped: dict[str, list[str]] = {}
        for kind, item in region["prefixes"].items():
            grouped.setdefault(item["prefix"] + ("*" if item["source"] == "kind" else ""), []).append(kind_label(kind))
        lines.append(f"  {region['region_code']} {region['name']}：" + "  ".join(
            f"{prefix}（{'、'.join(kinds)}）" for prefix, kinds in grouped.items()))
    owners = [o for o in data["owners"] if not args.region or o["region_code"] == args.region]
    lines.append("单独指定归属的前缀：")
    lines += [f"  {o['prefix']}  {o['region_code']} {names.get(o['region_code'], '')}  "
              f"{prefixes.SOURCE_LABELS.get(o['source'], o['source'])}  {o['set_at'][:10]}" for o in owners] or ["  （无）"]
    if data["clashes"]:
        lines.append("简称相同、暂不属于任何地区的默认前缀（请用 admin prefix assign 指定）：")
        lines += [f"  {c['prefix']}  {'、'.join(c['regions'])}" for c in data["clashes"]]
    if data["migration"]:
        lines.append("升级（0003）时的处理记录，请核对：")
        lines += [f"  {_migration_line(n)}" for n in data["migration"]]
    lines.append(f"单机时期用过、尚无归属的前缀在加入时自动登记：{'开' if data['auto_adopt'] else '关'}")
    return data, "\n".join(lines)


def _migration_line(note: dict[str, Any]) -> str:
    if note.get("action") == "dropped":
        held = "；".join(f"{b['year']} 年 {b['start']}–{b['end']} 号在设备 {b['device_id']}" for b in note.get("blocks", []))
        owner = note.get("owner") or "、".join(note.get("candidates", [])) or "无"
        return (f"{note['prefix']}：原被 {note['squatter']} 抢先占用，已移除（归属：{owner}）"
                + (f"；该地区设备仍持有编号段：{held}，请通知其改用本单位前缀" if held else ""))
    if note.get("action") == "kept_clash":
        return f"{note['prefix']}：简称相同（{'、'.join(note['candidates'])}），保留给最先使用的 {note['region']}"
    return f"{note['prefix']}：管理员曾为多个地区设置（{'、'.join(note.get('regions', []))}），未确定归属"


def prefix_set(session, args):
    admin.set_prefix(session, args.region, args.kind, args.prefix)
    return ({"region_code": args.region, "kind": args.kind, "prefix": args.prefix},
            f"已设置 {args.region} 的{kind_label(args.kind)}前缀为 {args.prefix}（设备同步后生效）")


def prefix_unset(session, args):
    old = admin.unset_prefix(session, args.region, args.kind)
    return ({"region_code": args.region, "kind": args.kind, "prefix": old},
            f"已取消 {args.region} 的{kind_label(args.kind)}前缀 {old}，设备同步后改用本单位的设置（默认前缀）；"
            f"{old} 仍归该地区所有")


def prefix_assign(session, args):
    previous = admin.assign_prefix(session, args.prefix, args.region)
    data = {"prefix": args.prefix, "region_code": args.region, "previous": previous.region_code}
    text = f"前缀 {args.prefix} 已归 {args.region} 所有"
    if previous.region_code and previous.region_code != args.region:
        held = session.execute(select(number_blocks.c.device_id).distinct().join(
            devices, devices.c.id == number_blocks.c.device_id).where(
            number_blocks.c.series == f"doc:{args.prefix}", devices.c.region_code != args.region)).scalars().all()
        text += f"（原归 {previous.region_code}）"
        if held:
            data["devices_holding_blocks"] = held
            text += f"\n注意：其他地区的设备仍持有该前缀的编号段（{'、'.join(held)}），请通知其改用本单位前缀"
    return data, text


def prefix_release(session, args):
    now = admin.release_prefix(session, args.prefix)
    return ({"prefix": args.prefix, "region_code": now.region_code},
            f"已取消前缀 {args.prefix} 的单独归属；现在"
            + (f"按地区简称归 {now.region_code}" if now.region_code else "不属于任何地区"))


def prefix_auto_adopt(session, args):
    prefixes.set_auto_adopt(session, args.state == "on")
    on = args.state == "on"
    return ({"auto_adopt": on}, "已开启：单机时期用过、尚无归属的前缀在加入时自动登记给该单位的地区" if on
            else "已关闭：单机时期用过、尚无归属的前缀须由管理员先指定归属，单位才能加入")


def numbers_list(session, args):
    rows = _rows(session, number_blocks, number_blocks.c.series, number_blocks.c.year, number_blocks.c.start)
    return rows, _lines(rows, lambda r: f"{r['series']}  {r['year']}  {r['start']}–{r['end']}  设备 {r['device_id']}")


def numbers_set_next(session, args):
    numbering.set_next(session, args.series, args.year, args.next_number)
    return ({"series": args.series, "year": args.year, "next": args.next_number},
            f"{args.series} {args.year} 年的下一个编号为 {args.next_number}")
