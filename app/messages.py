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
    "date_out_of_range": "日期超出有效范围（1950年至2099年）",
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
    "credit_code_checksum": "统一社会信用代码“{value}”校验位错误{override_hint}",
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
    "report_period_invalid": "统计期间有误：截止日期 {end} 早于起始日期 {start}",
    "register_period_invalid": "认定日期范围有误：截止日期 {end} 早于起始日期 {start}",
    "register_status_unknown": "失信记录状态“{status}”无效（可选：in_force 有效、repaired 已修复）",
    "register_sort_unknown": "无法按“{sort}”排序",
    "breach_record_not_found": "没有案号为 {case_no} 的政务失信记录（或不在本单位管辖范围内）",
    "file_locked": "文件 {path} 正被其他程序占用（可能已在 Excel 或 PDF 阅读器中打开），请关闭后重试",
    "file_unwritable": "无法写入 {path}：{detail}",
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
    "date_before_record": "日期不能早于 {earliest}（{what}）",
    "date_after_record": "日期不能晚于 {latest}（{what}）",
    "refusal_before_deadline": "整改期限（{due_on}）尚未届满，不能以“逾期未整改”认定；如被投诉主体已明确拒绝整改，请选择“明确拒绝整改”并写明拒绝的情况",
    "ground_detail_required": "请写明被投诉主体拒绝整改的情况（何时、以何种方式、如何表示）",
    "redirect_same_department": "投诉已在“{department}”办理，改派须选择另一个部门",
    "measure_is_accountability": "追究责任不是信用惩戒措施，请用“追究责任”操作记录被追责人员和处理结果",
    "measure_cities_only": "“取消社会信用体系建设示范区称号或参评资格”只适用于城市（州、县级市）人民政府",
    "measures_required": "请至少选择或填写一项惩戒措施",
    "reopen_target_invalid": "重新办理的去向应为“{expected}”",
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
    "cancelled": "已取消",
    "action_not_by_hand": "“{action_label}”只能通过相应功能完成（如开具文书请使用“开具文书”）",
    "glyph_missing": "文书字体中没有字符“{char}”（{codepoint}），无法生成文书。"
                     "请查找含有该字符的登记信息，更正为规范汉字或拼音后再开具",
    # ---- characters the documents can print (issue 9: app/domain/glyphs.py) -------------------------
    "char_unprintable": "含有文书无法打印的字符 {chars_detail}（本系统的公文字体中没有）。"
                        "请改用规范汉字或拼音，或在备注中说明",
    "emoji_in_name": "名称中不能使用表情或图形符号 {chars_detail}，请删除",
    "glyph_missing_intake": "其中的字符“{char}”（{codepoint}）文书字体中没有，无法生成文书。"
                            "请先更正登记信息（办理 → 更正），改用规范汉字或拼音，再开具文书",
    "glyph_missing_record": "（“{action_label}”记录）其中的字符“{char}”（{codepoint}）文书字体中没有，无法生成文书。"
                            "办理记录不能更改，请联系系统管理员",
    "glyph_missing_settings": "其中的字符“{char}”（{codepoint}）文书字体中没有，无法生成文书。"
                              "请系统管理员或审核人在发文设置中修改",
    # ---- sync and hub (issue 5: app/sync, server/) ------------------------------------------------
    "no_conflict": "案件 {case_no} 没有待核对的事项",
    "conflict_not_found": "找不到该待核对事项（可能已由他人处理）",
    "resolution_not_applicable": "案件当前状态为“{state_label}”，不能再采纳“{action_label}”操作，请选择不采纳后重新办理",
    "event_conflict": "中心已有同一编号但内容不同的记录，本条未被接收",
    "chain_gap": "本机记录不连续（第 {device_seq} 条，中心等待第 {expected} 条），请联系管理员检查本机数据",
    "chain_fork": "本机第 {device_seq} 条记录与中心已收到的记录不一致（可能从旧备份恢复过），请联系管理员",
    "hash_mismatch": "记录的校验值不符（可能被修改过），中心拒收",
    "wrong_device": "记录不属于本设备，中心拒收",
    "malformed": "记录格式不正确，中心拒收",
    "payload_invalid": "“{action_label}”记录的内容不符合要求（{path_label}：{problem_text}）",
    "text_unprintable": "“{action_label}”记录中有文书无法打印的字符（{path_label}：{problem_text}）",
    "facts_contradicted": "“{action_label}”记录的内容与案件记录不符（{path_label}：{problem_text}）",
    "out_of_scope": "行政区划“{region}”不在本设备的管辖范围内",
    "stream_unknown": "中心没有这件案件的登记记录（登记可能未被接收），本条未被接收",
    "stream_exists": "中心已有同一编号的案件",
    # acceptance of an event (app.domain.event_rules) and the hub's content checks (server.services.event_checks)
    "event_id_invalid": "记录编号格式不正确",
    "stream_invalid": "记录所属案件的编号格式不正确",
    "actor_invalid": "记录的办理人编号格式不正确",
    "actor_unknown": "办理人（{actor}）不是可在本设备登录的用户",
    "device_time_invalid": "记录时间格式不正确或超出 2000—2099 年",
    "payload_too_large": "“{action_label}”记录过大（超过 {limit_kb} KB）",
    "case_no_taken": "案号 {case_no} 已被另一件案件使用",
    "case_no_not_issued": "案号 {case_no} 不在中心发给本设备的编号段内",
    "value_invalid": "取值无效",
    "filename_unsafe": "文件名含有路径或不可见字符",
    "not_amendable": "此项不能以更正的方式修改",
    "foreign_unsynced": "另一台设备的记录未经中心到达本机，无法接续",
    "fold_failed": "本版本程序无法处理这条记录（{error}）",
    "event_not_found": "中心没有编号为 {event} 的记录",
    "event_already_quarantined": "记录 {event} 已经隔离",
    "event_not_quarantined": "记录 {event} 未被隔离",
    "events_set_aside": "{count} 条记录不能采用，已隔离保存，其余记录照常同步（原因见“隔离保存的记录”）",
    "projection_failed": "整理上次下载的案件时出错（{error}），本次同步继续进行",
    "admin_quarantine": "中心管理员已将这条记录隔离：{note}",
    "auth_required": "缺少设备凭据，请先加入同步（enroll）",
    "token_invalid": "设备凭据无效，请重新加入同步（向中心管理员申请注册码）",
    "device_revoked": "本设备（{device}）已被中心吊销，不能再同步，请联系中心管理员",
    "device_not_found": "找不到设备 {device}",
    "client_too_old": "本机程序版本 {version} 过旧，中心要求至少 {minimum}，请先升级",
    "enrol_code_invalid": "注册码无效，请核对后重新输入",
    "enrol_code_used": "该注册码已被使用，请向中心管理员申请新的注册码",
    "enrol_code_expired": "该注册码已过期，请向中心管理员申请新的注册码",
    "enrol_region_mismatch": "本配置档案的地区（{region}）与注册码的范围（{scope}）不一致",
    "enrol_device_taken": "该设备编号已在中心登记到其他范围或已被吊销",
    "series_unknown": "中心不认识编号序列“{series}”",
    "numbers_overlap": "编号冲突：{series} {year} 年的编号 1–{highest} 已有部分分配给其他设备",
    "blob_too_large": "附件过大（上限 {limit_mb} MB）",
    "blob_offset_mismatch": "附件续传位置不一致，将从第 {received} 字节继续",
    "blob_hash_mismatch": "上传的附件内容与摘要不符，已丢弃",
    "blob_download_mismatch": "下载的附件内容与摘要不符（传输中被改动，或中心的文件已损坏），已丢弃，下次同步再试",
    "blob_not_found": "中心没有该附件，或该附件不在本设备的管辖范围内",
    "missing_locally": "本机找不到该附件的文件（可能已被删除或移走），请在案件中重新添加",
    "request_invalid": "请求格式不正确（{where}：{detail}）",
    "hub_internal_error": "中心内部错误，请稍后重试或联系中心管理员",
    "keyring_unavailable": "本机没有可用的系统凭据库（Windows 凭据管理器），无法安全保存同步凭据，已停止",
    "keyring_failed": "无法访问系统凭据库：{detail}{fix_text}",
    "not_enrolled": "本配置档案尚未加入同步，请先运行 enroll（需要中心管理员提供的注册码）",
    "already_enrolled": "本配置档案已加入同步（中心 {hub}）",
    "hub_url_invalid": "中心地址无效：{url}（应如 https://lvyue.cxz.gov.cn）",
    "hub_unreachable": "无法连接中心（{detail}），数据仍完整保存在本机，请稍后再同步",
    "hub_bad_response": "中心的应答不完整或格式不对（{detail}），数据仍完整保存在本机，请稍后再同步",
    "hub_error": "中心返回错误 {status}：{detail}",
    "protocol_unsupported": "中心的协议版本 {version} 与本机程序不兼容，请升级程序",
    "sync_busy": "本配置档案正在同步中（可能是另一个窗口或计划任务），请稍后再试",
    "sync_cancelled": "同步已取消，已完成的部分已保存",
    "integrity_mismatch": "本机数据与中心核对不一致，已备份本机数据库（{backup}）并重新下载",
    "clock_skew": "本机时钟与中心相差 {minutes} 分钟，请校准系统时间",
    "numbers_refused": "中心未分配编号段 {series}（{reason}），请联系中心管理员设置本单位的发文字号前缀",
    # ---- hub limits, rate limits, error shape (issue 8: server/gate.py, server/limits.py, server/ratelimit.py)
    "route_not_found": "中心没有这个接口（{method} {path}），请确认中心地址和程序版本",
    "method_not_allowed": "中心的这个接口不接受 {method} 请求（{path}）",
    "http_error": "中心返回错误 {status}：{detail}",
    "body_too_large": "请求内容过大（上限 {limit_mb} MB），中心未接收",
    "rate_limited": "向中心发送的请求过于频繁，请{wait}后再同步；数据仍完整保存在本机",
    "auth_locked_out": "本机所在网络的设备凭据或注册码错误次数过多，中心已暂停受理，请{wait}后再试；数据仍完整保存在本机",
    # ---- issue 8: prefixes by rule, device replacement (server/services/prefixes.py, enrolment.py) ----
    "prefix_owned_elsewhere": "发文字号前缀“{prefix}”属于{owner_name}（{owner}），本单位不能使用",
    "prefix_unowned": "发文字号前缀“{prefix}”尚未分配给任何地区，须由中心管理员指定归属（admin prefix assign）",
    "enrol_prefix_taken": "本单位用过的发文字号前缀“{prefix}”属于{owner_name}（{owner}），中心不能接收这些编号，"
                          "未加入同步。请与中心管理员核对：如确属本单位，由管理员调整归属（admin prefix assign）后再加入",
    "enrol_prefix_unowned": "本单位用过的发文字号前缀“{prefix}”尚未分配给任何地区，中心未开启自动登记，未加入同步。"
                            "请中心管理员指定归属（admin prefix assign）后再加入",
    "enrol_device_exists": "本设备（{device}）已在中心登记，普通注册码不能替换已有设备。如需由本机接替该设备，"
                           "请中心管理员生成替换注册码（admin code create --replace {device}）",
    "enrol_code_for_other_device": "该注册码是为替换设备 {device} 生成的，只能由该设备使用",
    "replace_region_mismatch": "设备 {device} 的范围是 {scope}，替换注册码不能改为 {region}",
    "prefix_assigned_elsewhere": "前缀“{prefix}”归{owner_name}（{owner}）所有；确需调整时，先用 admin prefix assign 指定归属",
    "prefix_not_set": "地区 {region} 的{kind_label}没有设置前缀",
    "prefix_not_assigned": "前缀“{prefix}”没有单独指定归属（按地区简称推定的归属不能取消）",
    "prefix_in_use": "前缀“{prefix}”已设置为地区 {region} 的{kind_label}前缀，请先用 admin prefix unset 取消",
    # ---- documents (issue 4: app/documents, app/services/documents.py, office_settings.py) -----------
    "fonts_missing": "找不到公文排版所需的字体（{role}，{directory}），请重新安装程序。",
    "document_kind_unknown": "未知的文书种类“{kind}”（可选：{choices}）",
    "document_not_available": "案件当前状态为“{state_label}”，不能开具{kind_label}",
    "document_not_found": "找不到该文书记录：{ref}",
    "template_missing": "找不到文书模板 {template}（第 {version} 版），请重新安装程序",
    "template_invalid": "文书模板 {template} 有误：{detail}",
    "template_not_frozen": "文书模板 {template} 第 {version} 版已被修改，但未存档为新版本；请提高版本号并存档后再开具",
    "reprint_mismatch": "重新生成的文书与开具时的文件不一致（可能本机字体与开具时不同）：{number}。请在开具该文书的电脑上打印",
    "prefix_invalid": "发文字号前缀只能是汉字，不含括号、数字和空格，最多 12 个字",
    "settings_not_permitted": "只有系统管理员或审核人可以修改发文设置",
    "office_contact_missing": "发文设置中尚未填写本局联系电话，{kind_label}须写明联系人及电话，暂不能开具。"
                              "请系统管理员或审核人在“发文设置”中填写联系人和联系电话后再开具",
    "setting_unknown": "不认识的发文设置项",
    "copy_to_too_many": "抄送单位最多 {max_length} 个",
    # ---- reminders 催办/督办 (issue 10: app/domain/reminders.py, app/services/reminders.py) ----------------
    "reminder_not_overdue": "案件 {case_no} 目前没有超期未办的核实认定、整改或反馈环节，不能开具催办函或督办通知",
    "reminder_not_handling_office": "案件 {case_no} 不是本单位受理转办的案件，催办函应由受理转办的单位开具",
    "supervision_prefecture_only": "督办通知只能由州（市）级发展改革部门开具，本单位不能开具（案件 {case_no}）",
    "supervision_not_below": "案件 {case_no} 不是下级县（市）受理的案件，不能开具督办通知",
    "reminder_due_mismatch": "催办/督办记录的办理期限与案件记录不符（案件 {case_no}，应为 {due_on}）",
    "reminder_record_invalid": "催办/督办记录缺少或写错了“{field}”，该记录无效",
    "reminder_kind_unknown": "不是催办或督办文书",
    "reminder_office_mismatch": "催办/督办文书记载的发文单位（{office_region}）不是推送设备所属单位（{device_region}）",
    "reminder_kind_required": "请用 --kind 选择文书：urge_letter（催办函）或 supervision_notice（督办通知）",
    "reminder_nothing_selected": "没有选择要开具的案件：请给出案号，或使用 --all-overdue",
    "reminder_cases_conflict": "给出案号时不能同时使用 --all-overdue",
    # ---- attachments from other devices (issue 8: app/domain/filenames.py, app/services/attachments.py) --
    "attachment_hash_invalid": "附件的文件摘要无效（应为64位十六进制字符），该附件记录可能来自有问题的设备，无法使用",
    "attachment_not_opened": "“{filename}”是程序或脚本类文件，为保护本机安全，系统不直接打开此类文件；如需查看，请另存为后经安全检查再使用",
    "attachment_path_unsafe": "附件“{filename}”的临时保存位置指向本程序临时文件夹之外，已拒绝写入",
    # bulk import 批量导入 (app.services.imports)
    "import_xls_unsupported": "不支持旧版 Excel 文件（.xls）：{path}，请在 Excel 中另存为 .xlsx 后导入",
    "import_format_unsupported": "不支持导入 {suffix} 文件：{path}（可导入 .xlsx 或 .csv）",
    "import_encoding_unknown": "无法识别文件 {path} 的编码（支持 UTF-8、GBK/GB18030），请另存为 UTF-8 后重试",
    "import_file_damaged": "文件 {path} 已损坏或不是有效的 Excel 文件（{detail}）",
    "import_file_empty": "文件 {path} 中没有数据",
    "import_mapping_unknown": "没有名为“{name}”的导入对应关系（可用 import mappings 查看）",
    "import_mapping_invalid": "导入对应关系“{name}”无效：不认识的字段 {field}",
    "import_mapping_preset": "“{name}”是系统预置的对应关系，请另起名称保存",
    "import_date_invalid": "日期“{value}”无法识别（如 2026-03-05、2026/3/5、2026年3月5日）",
    "import_region_unknown": "地区“{value}”无法识别，请填写县市名称（如 双柏县）或6位行政区划代码",
    "import_choice_unknown": "“{value}”不是可选的取值",
    "import_already_imported": "工单编号 {ref} 已导入过（案号 {case_no}），本次跳过",
    "import_ref_repeated": "工单编号 {ref} 与第 {row} 行重复，本行未导入",
    "import_possible_duplicate": "疑似重复：{case_no}（{reasons}）",
    "import_cancelled": "导入已取消，未登记任何案件",
    "import_nothing": "没有可导入的记录",
    "duplicate_reason_required": "请填写理由（为什么不是重复）",
    "duplicate_same_complaint": "案件 {case_no} 不能与自身比对",
    # ---- typical cases 典型案例 (issue 11: app/domain/typical.py, app/services/typical_cases.py) -----------
    "typical_needs_substantiated": "只有经核实情况属实或已确认违约失信的案件才能列为典型案例",
    "typical_criteria_invalid": "典型案例标准设置有误：{detail}",
    "typical_decision_unknown": "决定只能是 accept（列为典型案例）或 decline（不列入）",
    "typical_reason_required": "请写明决定的理由",
    "typical_summary_required": "列为典型案例须有案例摘要（可先用 typical show 生成草稿）",
    "typical_case_not_found": "找不到案件 {case_no}，或不在本单位范围内",
    "typical_export_empty": "所选期间没有可以公示的典型案例",
    "typical_masking_leak": "导出文件中仍含有未遮蔽的个人信息（{what}），已停止导出",
    "submission_fields_invalid": "报送字段对照表 {path} 有误：{detail}",
    "submission_value_invalid": "{title}“{value}”不符合格式（{format}）",
    "submission_period_invalid": "报送期间“{value}”无效，应为年月，如 2026-11",
    "submission_period_future": "报送期间 {period} 尚未开始，不能报送",
    "submission_draft_open": "已有未导出的报送草稿 {number}，请先导出或删除该草稿",
    "submission_nothing_due": "{period} 及以前没有需要报送的新增、变更或修复记录（另有 {held} 条因缺少必填项暂缓报送）",
    "submission_not_found": "没有编号为 {number} 的报送批次",
    "submission_not_exported": "报送批次 {number} 尚未导出文件，请先导出再登记已报送",
    "submission_already_sent": "报送批次 {number} 已于 {on} 登记为已报送，不能重复登记",
    "submission_sent_date_invalid": "报送日期 {on} 无效：应在生成日期 {created} 与今天 {today} 之间",
    "submission_not_draft": "报送批次 {number} 已导出，不能删除（只能删除草稿）",
    # ---- credit checks 信用核查 (issue 11: app/services/credit_check.py) --
    "credit_check_query_required": "请输入要核查的单位名称或统一社会信用代码",
    "credit_check_ambiguous": "“{query}”对应 {count} 个单位（{names}），请输入完整的单位名称或统一社会信用代码",
    "credit_check_body_unknown": "没有找到与“{query}”对应的单位，请输入完整的单位名称或统一社会信用代码",
    "credit_check_not_found": "没有编号为 {number} 的信用核查记录（或不在本单位管辖范围内）",
    # ---- the breach register's list and export (issue 11: app/services/credit_register.py, register_export.py)
    "register_sanction_unknown": "惩戒筛选“{sanction}”无效（可选：in_force 实施中、ended 已结束、none 未惩戒）",
    # ---- faults of the PC 环境故障 (issue 12: app/store/faults.py, app/services/maintenance.py) --------
    "disk_full": "磁盘空间已满，未能写入{path}。本次操作没有执行，已保存的数据没有丢失。"
                 "请清理磁盘（删除不用的文件、清空回收站，或把旧备份移到其他磁盘）后重试",
    "storage_read_only": "无法写入{path}：该文件夹或数据库文件是只读的，或当前 Windows 用户没有写入权限"
                         "（{detail}）。本次操作没有执行，已保存的数据没有丢失。请取消文件的“只读”属性、"
                         "换用有写入权限的文件夹，或请系统管理员检查权限后重试",
    "database_busy": "数据库正被另一个程序使用（例如计划任务中正在运行的同步 main.py sync，"
                     "或本机另一个已打开的履约窗口），等待后仍未轮到本次操作。本次操作没有执行，"
                     "没有写入任何内容。请稍候几分钟后重试",
    "disk_io_error": "读写磁盘出错，未能写入{path}（{detail}）。本次操作没有执行。请检查磁盘或 U 盘是否已拔出、"
                     "是否损坏，然后重试",
    "database_corrupt_found": "数据库文件已损坏（{detail}）。已保存的内容不会被删除。请关闭本程序后重新启动，"
                              "程序会列出备份并引导您恢复（命令行可使用 restore 命令）",
    "database_damaged": "数据库文件已损坏，无法打开（{detail}）：{home}",
    "database_corrupt": "数据库文件已损坏，无法打开（{detail}）。\n"
                        "最近一份完好的备份是 {backup}（备份时间 {taken_at}）。请关闭所有履约窗口后运行：\n"
                        "  python main.py --home \"{home}\" restore \"{backup}\"\n"
                        "恢复前，损坏的文件会被移到一旁保存（不会删除）。备份时间之后录入的内容会丢失，"
                        "需要重新录入。{sync_note}",
    "database_corrupt_no_backup": "数据库文件已损坏，无法打开（{detail}），备份文件夹 {folder} 中也没有完好的备份。"
                                  "请不要删除或覆盖任何文件，联系系统管理员或技术支持；本机已加入州级中心的，"
                                  "可在新的配置档案中重新加入中心以取回中心保存的记录",
    "attachment_file_missing": "案件 {case_no} 的附件“{filename}”的文件已不在本机（可能被误删）。"
                               "案件的其他内容不受影响。请在案件的“附件”中重新添加该文件，"
                               "或从备份恢复配置档案文件夹中的 blobs 文件夹；本机已加入中心的，可先同步再试",
    "attachment_files_missing": "{count} 个附件的文件已不在本机，未能上传（其他记录已照常同步）：{names}。"
                                "请在相应案件中重新添加这些附件",
    # ---- the audit trail, the hub's audit check and retention (issue 12: app/services/audit_trail.py) ----
    "auditor_required": "只有审计员可以查看和导出审计记录",
    "audit_export_format": "审计记录只能导出为 .xlsx 或 .csv 文件（收到“{suffix}”）",
    "audit_filter_invalid": "审计筛选条件有误：{detail}",
    "audit_record_missing": "找不到第 {seq} 行审计记录",
    "chain_broken": "本机第 {device_seq} 条记录与中心保存的上一条记录衔接不上（前序摘要不符），记录可能被篡改，请联系管理员",
    "retention_too_short": "保存期限不能少于 {minimum} 天（等保要求审计记录至少保存六个月），收到 {days} 天",
    # sessions, passwords and separation of duties (issue 12)
    "roles_combined": "按等保三级“三员分立”要求，系统管理员、审计员须各用单独的账户，不能与其他角色（含彼此）合用一个账户",
    "password_old_wrong": "原密码不正确",
    "password_unchanged": "新密码不能与原密码相同",
    "password_change_required": "该账户使用的是管理员重设的临时密码，须先修改密码（python main.py user passwd --user 登录名）",
    "password_managed_by_hub": "本机已接入州级平台，该账户及其密码由州级平台统一管理：请联系州级平台管理员修改或重设（python -m server admin user passwd 登录名），下次同步后生效",
    "idle_minutes_invalid": "自动锁定时间应为 {min}–{max} 分钟",
    # ---- personal data masking and reveal (issue 12: app/domain/disclosure.py) --
    "reveal_not_permitted": "您的角色无权查看完整的个人信息（联系电话、身份证号、地址）；登记员、承办人、审核人可查看，"
                            "每次查看均记入审计记录",
    "reveal_user_required": "查看完整的个人信息须以用户身份登录（--user），每次查看均记入审计记录",
    # ---- personal data encrypted at rest (issue 12: app/security/fieldcrypt.py, app/services/data_protection.py)
    "data_keyring_unavailable": "本机没有可用的系统凭据库（Windows 凭据管理器），无法保管个人信息加密密钥，为保护投诉人个人信息，拒绝打开配置档案",
    "data_key_missing": "系统凭据库中找不到本配置档案的数据密钥（lvyue-data-key / {ref}），加密的个人信息无法解密；请在原电脑上导出密钥后导入，或换回原来的 Windows 账户",
    "data_key_damaged": "系统凭据库中的数据密钥已损坏，无法读取",
    "data_key_unbound": "数据库未加载加密密钥，拒绝以明文保存个人信息",
    "data_key_unknown": "找不到加密该数据的密钥（{key_id}），无法解密",
    "token_tampered": "加密字段校验失败：数据已被篡改或移动",
    "token_malformed": "加密字段格式错误",
    "hub_data_key_inside_data": "中心数据密钥文件 {path} 位于数据目录内；请将其放在数据目录之外（LVYUE_HUB_DATA_KEY_FILE）",
    "hub_data_key_damaged": "中心数据密钥文件 {path} 已损坏，无法读取",
    "key_rotated": "已更换数据密钥：{old_key} → {new_key}，重新加密 {events} 条记录；更换前的备份：{backup}",
    "key_passphrase_short": "口令太短：至少 {min_length} 个字符",
    "key_passphrase_wrong": "口令不正确，或密钥文件已被改动",
    "key_file_invalid": "不是履约导出的数据密钥文件",
    "key_file_other_profile": "该密钥文件属于另一个配置档案，不能导入到此配置档案",
    "key_passphrase_required": "请用环境变量 LVYUE_KEY_PASSPHRASE 提供口令，或在终端中运行以便输入口令",
    "text_too_long": "内容过长：已输入 {length} 字，最多 {max_length} 字（更详细的材料请作为附件添加）",
    "text_over_limit": "“{action_label}”记录中“{path_label}”过长（{length} 字，最多 {max_length} 字）",
    # ---- hub backup and restore (issue 14: server/hub_backup.py) --
    "hub_backup_target_not_empty": "备份目录 {path} 已存在且不是空的（或位于附件目录内）；请指定一个新目录",
    "hub_backup_key_inside": "密钥副本 {path} 不能放在备份目录内：数据库备份与数据密钥须分开保存",
    "hub_backup_no_database": "找不到中心数据库（{url}）",
    "hub_backup_blob_damaged": "附件文件 {path} 的内容与其 SHA-256 名称不符，已停止备份；请检查磁盘",
    "hub_backup_tool_missing": "找不到 {tool}：请安装主版本不低于数据库服务器的 PostgreSQL 客户端（pg_dump、pg_restore、psql，如 apt-get install postgresql-client-15）",
    "hub_backup_tool_failed": "{tool} 执行失败：{detail}",
    "hub_backup_invalid": "备份 {path} 未通过校验（{detail}），拒绝恢复",
    "hub_backup_wrong_database": "该备份来自 {kind} 数据库，不能恢复到 {target} 数据库",
    "hub_backup_newer": "该备份来自较新版本的中心（数据库结构 {revision}），请先升级程序再恢复",
    "hub_backup_key_missing": "密钥文件 {path} 不存在或其中没有解密该备份所需的数据密钥 {key_id}；请用 --key-from 指定备份时另行保存的密钥文件",
    "hub_backup_schema": "该备份来自 PostgreSQL 模式 {schema}，而当前连接使用模式 {target}；请连接到同名模式再恢复",
    "hub_restore_not_empty": "中心已有数据（{detail}）；恢复会覆盖它们，确认无误后加 --force",
    "hub_restore_count_mismatch": "恢复后的数据与备份清单不符（{detail}）",
    "hub_trial_database_failed": "无法创建试运行数据库 {database}：{detail}",
    "hub_backup_no_key": "找不到中心的数据密钥文件 {path}（LVYUE_HUB_DATA_KEY_FILE）；请确认配置与运行中的中心相同",
    "hub_database_unreachable": "无法连接中心数据库：{detail}",
    "restore_incomplete_backup": "备份文件 {path} 恢复后的数据表不完整，已保留当前数据库，未恢复。请检查备份文件或换一份备份。",
    "encoding_unknown": "不认识的编码“{name}”：可用 utf-8、gbk、gb18030、utf-16 或 ansi（本机的 ANSI 代码页）",
    "file_encoding_unknown": "无法识别文件 {path} 的编码（支持 UTF-8、带 BOM 的 UTF-16、GBK/GB18030），请在记事本中另存为 UTF-8 后重试",
    "hub_proxy_invalid": "同步代理设置无效：{value}（应为“直连”“系统设置”或代理地址，如 http://10.1.1.1:8080）",
    "hub_proxy_unsupported": "Windows 代理设置使用 SOCKS 代理（{proxy}），本程序不支持：请在同步设置中填写 HTTP 代理地址或选择“直连”",
    "hub_proxy_failed": "无法经代理 {proxy} 连接中心（{detail}）：请检查代理设置，或在同步设置中选择“直连”；数据仍完整保存在本机",
    "hub_certificate_untrusted": "本机不信任中心的证书（{detail}）：请由信息化管理员把签发中心证书的机构（CA）证书安装到 Windows 证书存储，或设置 LVYUE_SYNC_CA_FILE 指向该证书；数据仍完整保存在本机",
    "pdf_in_use": "文件被其他程序占用，请关闭 WPS/Acrobat 中打开的该文件后重试，或另存为其他文件名（{path}）",
    "file_is_folder": "{path} 是一个文件夹，无法保存为文件：请另存为其他文件名",
    "keyring_fix_logon_session": "（通常是计划任务设成了“不管用户是否登录都要运行”，这时无法使用 Windows 凭据管理器）。请把任务改为“只在用户登录时运行”：以本人 Windows 账户重新执行 lvyue-cli schedule install（源码目录中为 python main.py schedule install），或在任务计划程序中修改该任务的“安全选项”",
    "keyring_fix_windows": "。请以本人 Windows 账户登录后重试；仍然失败时请信息化管理员检查“凭据管理器”服务",
    "keyring_fix_locked": "（凭据库已锁定）。请在桌面上登录并解锁密钥环（如 GNOME 密钥环）后重试",
    "keyring_fix_service": "（凭据库服务不可用）。请在已登录的桌面会话中运行；Linux 需要 GNOME Keyring 等 Secret Service 服务",
    "keyring_fix_generic": "。请以本人账户登录桌面后重试；仍然失败时请联系信息化管理员",
    "profile_in_use": "配置档案 {home} 已在另一个履约窗口中打开（{holder}）：请切换到那个窗口继续工作，或先关闭它",
    "schedule_windows_only": "计划任务只能在 Windows 上创建和删除（本机是 {system}）；可用 schedule show --xml 查看将要创建的任务",
    "schedule_path_expands": "路径 {path} 中含有“%名称%”形式的文字，任务计划程序会把它当作环境变量替换，任务将无法运行：请把程序或配置档案放到名称中不含这种文字的文件夹后重试",
    "schedule_time_invalid": "同步时间“{value}”无效，请写成 时:分，如 17:30",
    "schedule_failed": "未能{action}计划任务“{name}”（schtasks 返回 {status}）：{detail}",
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
    "via": "方式", "fields": "项目", "complaint_id": "投诉编号",
    "given_on": "反馈日期", "changes": "更正内容", "assignee": "承办人", "typical": "典型案例",
    "username": "登录名", "display_name": "姓名", "roles": "角色", "password": "密码", "office_name": "单位名称",
    "ground": "认定依据", "ground_detail": "拒绝整改的情况", "other_measures": "其他惩戒措施",
    "persons": "被追责人员", "position": "职务", "responsibility": "责任类型", "outcome": "处理结果",
    "decided_by": "决定机关", "decided_on": "决定日期", "returned_by": "退回部门", "back_to": "重新办理去向",
    "settings": "发文设置", "issuer": "发文机关", "signer": "署名", "printed_by": "印发机关",
    "upstream_office": "上级机关", "contact_phone": "联系电话", "extra_copy_to": "抄送单位",
    "sha256": "文件摘要", "filename": "文件名", "size": "文件大小", "case_no": "案号", "intake": "登记信息",
    "criteria": "符合的标准",
    "idle_lock_minutes": "自动锁定时间",
    "user_id": "用户编号", "department_code": "转办部门统一社会信用代码", "office_code": "登记单位区划代码",
    "pages": "页数", "variant": "文书类型",
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
    if "path" in values:
        values["path_label"] = field_label(values["path"].removeprefix("(root)")) or "整条记录"
    if "problem" in values:
        values["problem_text"] = MESSAGES.get(values["problem"], values["problem"]).format_map(_Defaults(values))
    if code == "keyring_failed":  # what to do about it (app.security.keyring_errors)
        values["fix_text"] = MESSAGES.get(values.get("fix", ""), "")
    if code == "credit_code_checksum" and "override_hint" not in values:
        # names the checkbox by its own text (the form shows ``override_checkbox()``); a code that may not
        # be confirmed (the respondent's) gets no such advice (``overridable="no"``)
        values["override_hint"] = "" if values.get("overridable") == "no" else (
            f"（如确为早期试点代码，请勾选“{override_checkbox()}”并说明理由）")
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


def override_checkbox() -> str:
    """The text of the checkbox that confirms a credit code whose check character fails (the message
    ``credit_code_checksum`` tells the officer to tick it by this very text)."""
    return FIELD_LABELS["credit_code_override"]


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
