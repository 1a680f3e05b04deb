"""``document issue | preview | reprint | list | kinds | settings`` — official documents from the command line.

``register(sub, common)`` adds the ``document`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.document_kinds import KIND_LABELS
from app.domain.errors import DomainError

documents = lazy_module("app.services.documents")
office_settings = lazy_module("app.services.office_settings")
_faults = lazy_module("app.store.faults")

if TYPE_CHECKING:
    from app.services.users import Actor


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add ``document`` and its subcommands to ``sub`` (the top-level subparsers)."""
    from app.cli.arguments import ChineseParser

    kinds = "、".join(f"{code}（{name}）" for code, name in KIND_LABELS.items())
    group = sub.add_parser("document", parents=[common], help="文书：开具、预览、重印、台账、发文设置").add_subparsers(
        title="文书命令", metavar="命令", parser_class=ChineseParser)

    p = group.add_parser("issue", parents=[common], help="开具文书（取正式文号，记录在案，需 --user）")
    p.add_argument("ref", help="案号或案件 id")
    p.add_argument("kind", choices=list(KIND_LABELS), metavar="种类", help=kinds)
    p.add_argument("-o", "--output", required=True, help="保存 PDF 的文件名")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=issue)

    p = group.add_parser("preview", parents=[common], help="预览文书（标“草稿”，文号处为“（预览）”，不取号、不记录，需 --user）")
    p.add_argument("ref", help="案号或案件 id")
    p.add_argument("kind", choices=list(KIND_LABELS), metavar="种类", help=kinds)
    p.add_argument("-o", "--output", required=True, help="保存 PDF 的文件名")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=preview)

    p = group.add_parser("reprint", parents=[common], help="重印已开具的文书（与开具时逐字节相同）")
    p.add_argument("ref", help="文书记录 id（event id）或文号，如 双发改函〔2026〕7号")
    p.add_argument("-o", "--output", required=True, help="保存 PDF 的文件名")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=reprint)

    p = group.add_parser("list", parents=[common], help="文书台账（检索、分页）")
    p.add_argument("--search", default="", help="检索：文号、案号、标题、主送单位、投诉人、被投诉主体")
    p.add_argument("--kind", choices=list(KIND_LABELS), metavar="种类", help=kinds)
    p.add_argument("--case", help="只看某一案件（案号或案件 id）")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(handler=list_)

    p = group.add_parser("kinds", parents=[common], help="某一案件当前可开具的文书（需 --user）")
    p.add_argument("ref", help="案号或案件 id")
    p.set_defaults(handler=kinds_)

    p = group.add_parser("settings", parents=[common],
                         help="查看或修改发文设置（修改需系统管理员或审核人 --user）")
    p.add_argument("--set", action="append", default=[], metavar="项=值",
                   help="如 contact_person=王颖、contact_phone=0878-7721234、prefixes.receipt=双发改受、"
                        "copy_to.forward_letter=楚雄州发展和改革委员会（多个用“、”分隔）；值留空恢复默认")
    p.set_defaults(handler=settings)


def issue(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    _check_target(args)
    result = documents.issue(profile, actor, args.ref, args.kind)
    path = _write(args, result.path.read_bytes())
    out.result({"event_id": result.event_id, "number": result.number, "kind": result.kind,
                "variant": result.variant, "sha256": result.sha256, "pages": result.pages,
                "case_no": result.case_no, "file": str(path)},
               f"已开具 {result.number}（案件 {result.case_no}，{result.pages} 页），已保存到 {path}")
    return 0


def preview(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    _check_target(args)
    path = _write(args, documents.preview(profile, actor, args.ref, args.kind))
    out.result({"file": str(path)}, f"预览稿已保存到 {path}（标“草稿”，文号处为“（预览）”，未取号，未记录）")
    return 0


def reprint(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile) if args.user else None
    _check_target(args)
    path = _write(args, documents.reprint(profile, args.ref, actor=actor))
    out.result({"file": str(path)}, f"已重印，保存到 {path}")
    return 0


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile) if args.user else None
    page = documents.list_documents(profile, actor, args.search, args.kind, args.offset, args.limit,
                                    complaint=args.case)
    rows = [[r.number, r.kind_label, r.case_no, r.recipient, r.issued_on, str(r.pages)] for r in page.rows]
    text = out.table(["文号", "种类", "案号", "主送", "成文日期", "页数"], rows) if rows else "没有符合条件的文书"
    shown = f"第 {page.offset + 1}–{page.offset + len(page.rows)} 条，" if page.rows else ""
    out.result({"total": page.total, "offset": page.offset, "rows": page.rows},
               f"{text}\n\n{shown}共 {page.total} 件")
    return 0


def kinds_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    offers = documents.offers(profile, actor, args.ref)
    lines = [f"{o.kind}  {o.label}  （文号前缀 {o.prefix}）" for o in offers] or ["当前没有可开具的文书"]
    out.result({"kinds": offers}, "\n".join(lines))
    return 0


def settings(args, out: Output) -> int:
    profile = profile_from(args)
    if args.set:
        actor: Actor = actor_from(args, profile)
        current = office_settings.update(profile, actor, _changes(args.set))
    else:
        current = office_settings.get(profile)
    data = current.to_json()
    lines = [f"{key}: {data[key]}" for key in (*office_settings.NAMES, *office_settings.TEXTS)]
    for kind, name in KIND_LABELS.items():
        hub = "（中心设定）" if kind in current.hub_prefixes else ""
        copy = "、".join(data["copy_to"].get(kind, [])) or "—"
        lines.append(f"{name}（{kind}）：文号前缀 {data['prefixes'][kind]}{hub}，抄送 {copy}")
    out.result(data, "\n".join(lines))
    return 0


def _changes(pairs: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise DomainError("setting_unknown", field=pair)
        group, dot, kind = key.strip().partition(".")
        if dot:
            item: Any = [v for v in value.split("、") if v.strip()] if group == "copy_to" else value
            changes.setdefault(group, {})[kind] = item
        else:
            changes[group] = value
    return changes


def _check_target(args) -> None:
    target = Path(args.output)
    if target.exists() and not args.force:
        raise DomainError("file_exists", path=str(target))


def _write(args, pdf: bytes) -> Path:
    """Write atomically, so an interrupted run never leaves half a PDF under the name asked for; a PDF
    open in WPS/Acrobat (Windows refuses to replace it) or a folder of that name: exit 1 with the reason."""
    from app.services.file_output import write_pdf

    return write_pdf(Path(args.output).expanduser().resolve(), pdf)
