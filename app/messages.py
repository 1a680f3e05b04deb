"""Chinese messages for the core's error codes and field names (used by the CLI and the window).

The core raises codes with parameters (``app.domain.errors``); this catalogue is the only place that
turns them into sentences, so the CLI and the window say the same thing.
"""

from __future__ import annotations

from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.vocabulary import Action, Role, State, label

MESSAGES: dict[str, str] = {
    # generic input (pydantic types and ours)
    "required": "此项为必填项",
    "missing": "此项为必填项",
    "not_an_object": "内容应为 JSON 对象",
    "extra_forbidden": "不认识的字段",
    "string_too_short": "内容过短（至少 {min_length} 个字符）",
    "string_too_long": "内容过长（最多 {max_length} 个字符）",
    "string_type": "应为文字",
    "string_pattern_mismatch": "格式不正确",
    "enum": "取值无效，应为：{expected}",
    "literal_error": "取值无效，应为：{expected}",
    "bool_type": "应为“是”或“否”",
    "bool_parsing": "应为“是”或“否”",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "greater_than_equal": "不能小于 {ge}",
    "list_too_short": "至少选择 {min_length} 项",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "too_short": "至少填写 {min_length} 项",
    "date_type": "日期格式应为 2026-11-26",
    "date_parsing": "日期格式应为 2026-11-26",
    "date_from_datetime_parsing": "日期格式应为 2026-11-26",
    "date_from_datetime_inexact": "日期格式应为 2026-11-26",
    "date_in_future": "日期不能晚于今天",
    "date_in_past": "日期不能早于今天",
    "period_reversed": "结束日期不能早于开始日期",
    "validation_failed": "有 {count} 处填写有误",
    "json_invalid": "文件不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）",
    "file_not_found": "找不到文件：{path}",
    "file_exists": "文件已存在，未覆盖：{path}",
    "file_unreadable": "无法读取文件 {path}：{detail}",
    "file_not_utf8": "文件 {path} 不是 UTF-8 编码，请另存为 UTF-8 后重试",
    "password_mismatch": "两次输入的密码不一致",
    # identifiers, phones, money
    "credit_code_length": "统一社会信用代码“{value}”应为18位",
    "credit_code_format": "统一社会信用代码“{value}”含有无效字符，或登记管理部门、机构类别代码有误",
    "credit_code_checksum": "统一社会信用代码“{value}”校验位错误（如确为早期试点代码，请勾选“确认代码无误”并说明理由）",
    "credit_code_override_reason_required": "确认校验位不符的代码时，须填写理由",
    "citizen_id_invalid": "居民身份证号“{value}”无效",
    "citizen_id_legacy": "“{value}”为15位旧身份证号，请填写18位居民身份证号",
    "phone_invalid": "电话号码“{value}”无效",
    "phone_no_area_code": "固定电话“{value}”缺少区号，请按“0878-3117257”格式填写",
    "money_invalid": "金额“{value}”格式不正确",
    "money_negative": "金额“{value}”不能为负数",
    "money_too_many_decimals": "金额“{value}”最多精确到分（两位小数）",
    "money_too_large": "金额“{value}”超出上限（1万亿元）",
    # regions and calendar
    "region_code_invalid": "行政区划代码“{region}”无效",
    "region_file_invalid": "地区文件第{line}行有误（{reason}）",
    "region_unknown": "未知的行政区划代码“{region}”",
    "region_retired": "行政区划代码“{region}”已撤销，请改用“{replaced_by}”",
    "region_out_of_scope": "行政区划“{region}”不在本单位管辖范围内",
    "calendar_data_invalid": "节假日数据格式错误：{detail}",
    "deadline_rule_invalid": "办理时限设置有误：{rule} = {value}",
    # workflow
    "action_unknown": "未知的办理操作“{action}”",
    "action_not_allowed": "当前状态“{state_label}”下不能进行“{action_label}”操作",
    "role_not_permitted": "您的角色无权进行“{action_label}”操作（需要：{roles_label}）",
    "already_registered": "该投诉已登记（案号 {case_no}）",
    "complaint_not_found": "找不到该投诉案件：{ref}",
    "complaint_changed": "案件 {case_no} 已被他人更新，请刷新后重新操作",
    "feedback_required": "办结前须先向投诉人反馈核实情况",
    "requirements_required": "情况属实时须填写整改要求",
    "rectify_due_required": "情况属实时须填写整改期限",
    "dispute_path_required": "存在分歧时须选择处理方式（协商解决或引导通过法律途径解决）",
    "reason_required": "须填写理由",
    "field_not_amendable": "字段“{field}”不能更正",
    "merge_into_self": "不能与本案合并",
    "merge_target_closed": "案件 {case_no} 已办结，不能并入",
    "assignee_not_handler": "指派对象须为在用的承办人",
    "extension_not_later": "新的期限须晚于当前期限 {due_on}",
    "case_no_invalid": "案号“{value}”格式不正确，应如 532322-2026-0007",
    "number_invalid": "编号无效：{value}",
    "number_block_exhausted": "本机可用编号已用完（{series}，{year}年），请联网同步以领取新的编号段",
    # users and login
    "username_invalid": "登录名须为2–32位小写字母、数字或 _ . -，并以字母或数字开头",
    "username_taken": "登录名“{username}”已被使用",
    "role_unknown": "未知的角色“{role}”（可选：clerk 登记员、handler 承办人、leader 审核人、admin 系统管理员、auditor 审计员）",
    "password_too_short": "密码至少 {min_length} 位",
    "password_too_simple": "密码须包含大写字母、小写字母、数字、符号中的至少三类",
    "admin_required": "只有系统管理员可以进行此操作",
    "first_user_must_be_admin": "第一个用户须为系统管理员",
    "user_not_found": "找不到该用户",
    "cannot_deactivate_self": "不能停用自己的账户",
    "login_failed": "登录名或密码错误",
    "user_inactive": "该账户已停用，请联系系统管理员",
    "account_locked": "连续输错密码次数过多，账户已锁定至 {until_local}",
    "password_required": "请提供密码（环境变量 LVYUE_PASSWORD 或交互输入）",
    "user_required": "请用 --user 指定操作用户",
    # profile, backup, audit
    "profile_missing": "尚未初始化配置档案：{home}（请先运行 init）",
    "profile_exists": "配置档案已存在：{home}",
    "backup_damaged": "备份文件已损坏：{detail}",
    "backup_not_lvyue": "不是履约系统的数据库备份：{path}",
    "attachment_too_large": "附件过大（上限 {limit_mb} MB）：{path}",
    "attachment_missing": "附件文件缺失（{sha256}），请同步后重试",
    "filter_invalid": "筛选条件有误：{detail}",
    "glyph_missing": "字体中没有字符“{char}”，无法生成文书",
}

FIELD_LABELS: dict[str, str] = {
    "complainant": "投诉人", "respondent": "被投诉主体", "agreement": "协议（合同）", "claim": "诉求",
    "name": "名称", "credit_code": "统一社会信用代码", "credit_code_override": "确认代码无误",
    "credit_code_override_reason": "确认理由", "legal_representative": "法定代表人",
    "contact_person": "联系人", "phone": "联系电话", "contact_id_number": "联系人身份证号", "address": "地址",
    "kind": "类别", "region_code": "所在地区", "competent_department": "上级部门或主管部门",
    "competent_department_code": "主管部门统一社会信用代码", "title": "名称", "number": "编号",
    "signed_on": "签订日期", "amount": "金额", "parties": "签订各方", "text": "内容", "channel": "来源渠道",
    "channel_ref": "来源编号", "sector": "领域", "breach_kind": "违约失信情形", "description": "投诉事项描述",
    "received_on": "收到日期", "reason": "理由", "legal_basis": "依据", "duplicate_of": "重复案件",
    "department": "转办部门", "due_on": "办理期限", "note": "备注", "finding": "核实结论",
    "explanation": "核实情况说明", "determined_by": "认定部门", "requirements": "整改要求",
    "rectify_due": "整改期限", "dispute_path": "处理方式", "new_due": "新的期限", "evidence": "履约证明",
    "rectified_on": "整改完成日期", "confirmed_by": "确认部门", "confirmed_on": "确认日期", "facts": "失信事实",
    "document_ref": "认定文书编号", "measures": "惩戒措施", "imposed_by": "实施部门", "start_on": "开始日期",
    "end_on": "结束日期", "fulfilled_on": "履约日期", "method": "反馈方式", "summary": "内容摘要",
    "given_on": "反馈日期", "changes": "更正内容", "assignee": "承办人", "typical": "典型案例",
    "username": "登录名", "display_name": "姓名", "roles": "角色", "password": "密码", "office_name": "单位名称",
    "sha256": "文件摘要", "filename": "文件名", "size": "文件大小", "case_no": "案号", "intake": "登记信息",
}


def _enrich(code: str, params: dict) -> dict:
    values = {key: str(value) for key, value in params.items()}
    if "action" in values:
        try:
            values["action_label"] = label(Action(values["action"]))
        except ValueError:
            values["action_label"] = values["action"]
    if "state" in values:
        try:
            values["state_label"] = label(State(values["state"]))
        except ValueError:
            values["state_label"] = values["state"]
    if "roles" in values:
        names = []
        for role in values["roles"].split(","):
            try:
                names.append(label(Role(role)))
            except ValueError:
                names.append(role)
        values["roles_label"] = "、".join(names)
    if "until" in values:
        from app.domain.clock import CHINA, parse_iso

        try:
            values["until_local"] = parse_iso(values["until"]).astimezone(CHINA).strftime("%H:%M")
        except ValueError:
            values["until_local"] = values["until"]
    return values


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def message(code: str, params: dict | None = None) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return f"操作失败（{code}）"
    return template.format_map(_Defaults(_enrich(code, params or {})))


def field_label(path: str) -> str:
    """``complainant.phone`` -> ``投诉人·联系电话``; list indexes are shown as item numbers."""
    parts = []
    for part in path.split("."):
        if part.isdigit():
            parts.append(f"第{int(part) + 1}项")
        else:
            parts.append(FIELD_LABELS.get(part, part))
    return "·".join(parts)


def describe_field_error(error: FieldError) -> str:
    return f"{field_label(error.field)}：{message(error.code, error.params)}"


def describe(error: DomainError) -> str:
    """A complete Chinese explanation of an error, one line per invalid field."""
    if isinstance(error, ValidationFailed):
        lines = [message("validation_failed", {"count": len(error.errors)})]
        lines += [f"  - {describe_field_error(e)}" for e in error.errors]
        return "\n".join(lines)
    text = message(error.code, error.params)
    if error.field:
        return f"{field_label(error.field)}：{text}"
    return text
