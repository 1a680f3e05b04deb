"""``import FILE --mapping NAME [--dry-run] [--rejects PATH] [--skip-duplicates]`` and ``import mappings``.

Exit codes: 0 imported (or, with ``--dry-run``, checked) with every row accepted; 5 done, but some rows
were not imported (listed in the rejects file); 1 refused, nothing registered; 2 usage error.
"""

from __future__ import annotations

import argparse

from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.disclosure import masked_json
from app.domain.errors import DomainError
from app.domain.masking import mask_personal_text

imports = lazy_module("app.services.imports")

EXIT_PARTIAL = 5


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common],
                       help="批量导入其他渠道的投诉（xlsx/csv）；import mappings 列出导入对应关系")
    p.add_argument("file", metavar="文件", help="要导入的 .xlsx 或 .csv 文件；写 mappings 则列出可用的对应关系")
    p.add_argument("--mapping", help="导入对应关系名称，如 12345热线工单导出")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出每行结果，不登记")
    p.add_argument("--rejects", help="未导入记录文件（.xlsx 或 .csv；默认放在源文件旁）")
    p.add_argument("--skip-duplicates", action="store_true", help="疑似重复的记录不导入（默认导入并提示）")
    p.set_defaults(handler=run)


def run(args, out: Output) -> int:
    if args.file == "mappings":
        return list_mappings(args, out)
    if not args.mapping:
        raise DomainError("import_mapping_unknown", name="（未指定 --mapping）")
    profile = profile_from(args)
    actor = actor_from(args, profile)
    mapping = imports.get_mapping(profile, args.mapping)
    result = imports.preview(profile, args.file, mapping)
    counts = {s: result.count(s) for s in (imports.OK, imports.DUPLICATE, imports.ALREADY, imports.ERROR)}
    for row in result.rows:
        if row.status != imports.OK:
            out.info(mask_personal_text(f"第 {row.number} 行（{imports.STATUS_LABELS[row.status]}）：{'；'.join(row.reasons)}"))
    summary = (f"共 {len(result.rows)} 行：可导入 {counts[imports.OK]} 行，疑似重复 {counts[imports.DUPLICATE]} 行，"
               f"已导入过 {counts[imports.ALREADY]} 行，有错误 {counts[imports.ERROR]} 行")
    rows_json = [masked_json(imports.describe_row(r)) for r in result.rows]  # a phone quoted in a reason, masked
    if args.dry_run:
        path = None
        left = [r for r in result.rows if not r.importable or (args.skip_duplicates and r.status == imports.DUPLICATE)]
        if args.rejects and left:
            path = str(imports.write_rejects(result, left, args.rejects))
        out.result({"dry_run": True, "counts": counts, "rows": rows_json, "rejects": path},
                   f"{summary}（仅检查，未登记）" + (f"\n未导入记录：{path}" if path else ""))
        return EXIT_PARTIAL if left else 0
    if not any(r.importable for r in result.rows):
        path = str(imports.write_rejects(result, result.rows, args.rejects))
        out.info(f"未导入记录：{path}")
        raise DomainError("import_nothing")
    done = imports.commit(profile, actor, result, skip_duplicates=args.skip_duplicates, rejects=args.rejects,
                          progress=_progress(out))
    text = [summary, f"已登记 {len(done.imported)} 件，未导入 {done.not_imported} 行"]
    if done.imported:
        first, last = done.imported[0].case_no, done.imported[-1].case_no
        text.append(f"案号 {first}" + (f" 至 {last}" if last != first else ""))
    if done.rejects_path:
        text.append(f"未导入记录：{done.rejects_path}")
    out.result({"counts": counts, "imported": [{"row": i.number, "case_no": i.case_no, "complaint_id": i.complaint_id}
                                               for i in done.imported],
                "not_imported": done.not_imported, "rejects": done.rejects_path, "rows": rows_json}, "\n".join(text))
    return EXIT_PARTIAL if done.not_imported else 0


def _progress(out: Output):
    def report(done: int, total: int) -> None:
        if done == total or done % 200 == 0:
            out.info(f"  已登记 {done}/{total} 行")
    return report


def list_mappings(args, out: Output) -> int:
    profile = profile_from(args)
    mappings = imports.list_mappings(profile)
    rows = [[m.name, "预置" if m.preset else "已保存", str(len(m.columns)),
             "、".join(f"{k}" for k in list(m.columns)[:6]) + ("…" if len(m.columns) > 6 else "")] for m in mappings]
    out.result([{**m.to_json(), "preset": m.preset} for m in mappings],
               out.table(["名称", "来源", "列数", "源文件列"], rows))
    return 0
