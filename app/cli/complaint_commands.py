"""``complaint add | act | show | list``."""

from __future__ import annotations

from datetime import date

from app.cli.output import Output, json_ready
from app.cli.session import actor_from, profile_from, read_json
from app.common.lazy import lazy_module
from app.domain.disclosure import ADDRESS, ID_NUMBER, PHONE, mask_field, masked_json, value_at
from app.domain.errors import DomainError
from app.domain.masking import mask_personal_text
from app.domain.vocabulary import Action, State, label

_presentation = lazy_module("app.presentation")
acting = lazy_module("app.services.act")
disclosure = lazy_module("app.services.disclosure")
intake = lazy_module("app.services.intake")
queries = lazy_module("app.services.queries")


def add(args, out: Output) -> int:
    data = read_json(args.file)
    profile = profile_from(args)
    actor = actor_from(args, profile)
    if isinstance(data, dict):
        complainant = data.get("complainant") or {}
        respondent = data.get("respondent") or {}
        if isinstance(complainant, dict) and isinstance(respondent, dict):
            code, name = complainant.get("credit_code"), respondent.get("name")
            if isinstance(code, str) and isinstance(name, str):
                for dup in intake.open_duplicates(profile, code, name):
                    out.info(f"提示：同一投诉人对同一被投诉主体已有未办结案件 {dup.case_no}（{label(State(dup.state))}）")
    result = intake.register(profile, actor, data, assignee=args.assign)
    out.result({"complaint_id": result.complaint_id, "case_no": result.case_no, "event_id": result.event_id},
               f"已登记，案号 {result.case_no}")
    return 0


def act(args, out: Output) -> int:
    data = read_json(args.file) if args.file else {}
    profile = profile_from(args)
    actor = actor_from(args, profile)
    result = acting.act(profile, actor, args.ref, args.action, data)
    out.result(
        {"complaint_id": result.complaint_id, "case_no": result.case_no, "event_id": result.event_id,
         "state": result.state},
        f"案件 {result.case_no}：已{label(Action(args.action))}，当前状态：{label(State(result.state))}",
    )
    return 0


def show(args, out: Output) -> int:
    """Personal data (phone, ID number, address) masked; ``--reveal`` shows it in full to a clerk, handler
    or leader after recording the reveal (``app.services.disclosure``)."""
    profile = profile_from(args)
    if args.reveal and not args.user:
        raise DomainError("reveal_user_required")
    actor = actor_from(args, profile) if args.user else _office_reader(profile)
    revealed = disclosure.reveal(profile, actor, args.ref, via="cli") if args.reveal else None
    detail = queries.get_complaint(profile, actor, args.ref)
    c = detail.complaint
    data = {
        "complaint": c.to_json(),
        "deadline": detail.deadline,
        "allowed_actions": [a.value for a in detail.allowed] if args.user else None,
        "timeline": detail.timeline,
    }
    lines = _presentation.complaint_summary_lines(profile, detail)
    personal = [(label, value_at(c.intake, path), path) for label, path in
                (("联系人身份证号", ID_NUMBER), ("投诉人地址", ADDRESS))]
    shown = [f"{name}：{value if revealed else mask_field(path, value)}" for name, value, path in personal if value]
    if shown:
        lines.insert(4, "    ".join(shown))
    lines.append("")
    lines.append("办理记录：")
    lines += [f"  {line}" for line in _presentation.timeline_text(detail)]
    if args.user and detail.allowed:
        lines.append("")
        lines.append("可进行的操作：" + "、".join(f"{label(a)}({a.value})" for a in detail.allowed))
    if revealed is None:
        phone = str(value_at(c.intake, PHONE) or "")
        lines = [mask_personal_text(line.replace(phone, mask_field(PHONE, phone)) if phone else line) for line in lines]
        data = masked_json(json_ready(data))
    else:
        lines.append("")
        lines.append("（已显示完整的个人信息，本次查看已记入审计记录）")
    out.result(data, "\n".join(lines))
    return 0


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile) if args.user else _office_reader(profile)
    try:
        f = queries.ComplaintFilter(
            states=tuple(State(s).value for s in args.state or ()),
            regions=tuple(args.region or ()),
            sectors=tuple(args.sector or ()),
            channels=tuple(args.channel or ()),
            registered_from=date.fromisoformat(args.date_from) if args.date_from else None,
            registered_to=date.fromisoformat(args.date_to) if args.date_to else None,
            overdue_only=args.overdue,
            assignee=actor.user_id if args.mine else None,
            typical_only=args.typical,
            search=args.search or "",
        )
    except ValueError as error:
        raise DomainError("filter_invalid", detail=str(error)) from None
    page = queries.list_complaints(profile, actor, f, sort=args.sort, descending=not args.asc,
                                   offset=args.offset, limit=args.limit)
    statuses = queries.deadline_statuses(profile, page.rows)
    rows = []
    for r in page.rows:
        rows.append([r.case_no, label(State(r.state)), r.complainant_name, r.respondent_name,
                     queries.local_time(r.registered_at)[:10], _presentation.deadline_text(statuses.get(r.id))])
    text = out.table(["案号", "状态", "投诉人", "被投诉主体", "登记日期", "办理期限"], rows)
    text += f"\n共 {page.total} 件，显示第 {page.offset + 1 if page.rows else 0}–{page.offset + len(page.rows)} 件"
    out.result({"total": page.total, "offset": page.offset, "rows": page.rows,
                "deadlines": {k: v for k, v in statuses.items()}}, text)
    return 0


def _office_reader(profile):
    """Reading without a login sees the profile's office scope and may take no action."""
    from app.services.users import Actor

    return Actor("", "", "", (), profile.office.region_code)
