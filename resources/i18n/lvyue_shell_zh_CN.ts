<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="80"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="82"/>
        <source>lower-case letters and digits, e.g. wangying</source>
        <translation>小写字母和数字，如 wangying</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="96"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="97"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="98"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="99"/>
        <source>Area</source>
        <translation>管辖地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="100"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="111"/>
        <source>User name: 2–32 lower-case letters, digits or _ . -, starting with a letter or digit.</source>
        <translation>登录名：2–32位小写字母、数字或 _ . -，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="114"/>
        <source>Full name: at least 2 characters.</source>
        <translation>姓名：至少2个字。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="116"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="118"/>
        <source>The administrator and the auditor each need an account of their own, without any other role (separation of duties, 三员分立).</source>
        <translation>按“三员分立”要求，系统管理员、审计员须各用单独的账户，不能兼任其他角色。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="121"/>
        <source>The password does not follow the rules shown.</source>
        <translation>密码不符合下方所列规则。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="135"/>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="136"/>
        <source>The administrator adds the officers who use this computer and manages settings. Keep the password safe: it cannot be recovered.</source>
        <translation>系统管理员负责添加使用本机的工作人员并管理设置。请妥善保管密码，遗失后无法找回。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="140"/>
        <source>e.g. 张三</source>
        <translation>如：张三</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="144"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="145"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="158"/>
        <source>User name: 2–32 lower-case letters, digits or _ . -, starting with a letter or digit.</source>
        <translation>登录名：2–32位小写字母、数字或 _ . -，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="161"/>
        <source>Full name: at least 2 characters.</source>
        <translation>姓名：至少2个字。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="221"/>
        <source>Lvyue is already open</source>
        <translation>履约已经打开</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="38"/>
        <source>User (login name or name)</source>
        <translation>操作人（登录名或姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="39"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="40"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="41"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="42"/>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="43"/>
        <location filename="../../ui/pages/audit_filters.py" line="86"/>
        <source>All devices</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="45"/>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="47"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="45"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="87"/>
        <source> (this computer)</source>
        <translation>（本机）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="60"/>
        <location filename="../../ui/pages/audit.py" line="193"/>
        <location filename="../../ui/pages/audit.py" line="224"/>
        <location filename="../../ui/pages/audit.py" line="226"/>
        <location filename="../../ui/pages/audit.py" line="231"/>
        <source>Verify the audit chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="62"/>
        <source>Recompute every record&apos;s hash and check each device&apos;s chain</source>
        <translation>重新计算每条记录的摘要，检查各设备的记录链是否完整</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="63"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="65"/>
        <source>Save the records shown as an Excel workbook or a CSV file</source>
        <translation>把当前筛选出的记录保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="104"/>
        <source>No audit records yet. Logins, administration and case handling are recorded here.</source>
        <translation>还没有审计记录。登录、系统管理和案件办理都会记录在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="105"/>
        <source>No audit records match the filters.</source>
        <translation>没有符合筛选条件的审计记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="105"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="115"/>
        <location filename="../../ui/pages/audit.py" line="125"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="132"/>
        <source>No audit records match the filters</source>
        <translation>没有符合条件的审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="134"/>
        <source>{n} records shown, newest first (scroll down for older ones)</source>
        <translation>已显示 {n} 条，新的在前（向下滚动查看更早的记录）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="137"/>
        <source>{n} records, newest first</source>
        <translation>共 {n} 条，新的在前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="146"/>
        <source>The audit records could not be read</source>
        <translation>无法读取审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="147"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="155"/>
        <source>Choose a record to see it here.</source>
        <translation>选择一条记录，在此查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="173"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="173"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="174"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="174"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="175"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="175"/>
        <source>Device sequence</source>
        <translation>设备序号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="176"/>
        <source>Hub sequence</source>
        <translation>中心序号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="176"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="177"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="179"/>
        <source>Content (personal data masked)</source>
        <translation>内容（个人信息已遮蔽）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="194"/>
        <source>Checking every record of the audit chain…</source>
        <translation>正在校验审计链中的每一条记录…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="190"/>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="198"/>
        <source>{events} records of {devices} devices checked.</source>
        <translation>已校验 {devices} 台设备的 {events} 条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="201"/>
        <source>The audit chain is complete: nothing was altered.</source>
        <translation>审计链完整，未发现篡改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="202"/>
        <source>{n} problems found:</source>
        <translation>发现 {n} 处问题：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="205"/>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="207"/>
        <source>end of the chain</source>
        <translation>链尾</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="209"/>
        <source>records downloaded from the hub</source>
        <translation>下载的记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="210"/>
        <source>{where}: {kind} (device {device}, number {seq}, record {event})</source>
        <translation>{where}：{kind}（设备 {device}，设备序号 {seq}，记录 {event}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="214"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="230"/>
        <source>The check could not run: {reason}</source>
        <translation>校验未能完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="236"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="237"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="237"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="261"/>
        <source>Writing the audit records…</source>
        <translation>正在写出审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="262"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="261"/>
        <location filename="../../ui/pages/audit.py" line="263"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="259"/>
        <source>{n} records written…</source>
        <translation>已写出 {n} 条…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="267"/>
        <source>{n} records were saved to {path}</source>
        <translation>已将 {n} 条记录保存到 {path}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/models/audit_table.py" line="118"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="118"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="118"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="118"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="118"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="119"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="119"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_table.py" line="119"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="34"/>
        <source>Complaint list</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="53"/>
        <source>The complaint view is under construction.</source>
        <translation>案件详情页面正在建设中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="59"/>
        <source>Complaint</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="86"/>
        <source>The registration form is under construction.</source>
        <translation>投诉登记表正在建设中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="93"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="108"/>
        <source>Suspected duplicates</source>
        <translation>疑似重复</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="279"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="279"/>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="279"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="279"/>
        <source>Respondent</source>
        <translation>被投诉主体</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="280"/>
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="280"/>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="280"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="280"/>
        <source>Claim (yuan)</source>
        <translation>诉求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="281"/>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="281"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="281"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="69"/>
        <source>{due} · {days} working days overdue</source>
        <translation>{due} 超期{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="71"/>
        <source>{due} overdue</source>
        <translation>{due} 已超期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="73"/>
        <source>{due} due today</source>
        <translation>{due} 今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="74"/>
        <source>{due} · {days} working days left</source>
        <translation>{due} 剩{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="92"/>
        <source> · to be checked</source>
        <translation> · 待核对</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/pages/complaints.py" line="101"/>
        <source>← Back to statistics</source>
        <translation>← 返回统计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="107"/>
        <source>Suspected duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="110"/>
        <source>Enter or double-click opens a complaint · right-click the header to choose columns</source>
        <translation>回车或双击打开案件 · 右键单击表头可选择显示的列</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="116"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="118"/>
        <source>Import complaints from a 12345 or other channel export (Ctrl+I)</source>
        <translation>从12345热线等渠道的导出文件批量导入投诉（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="138"/>
        <location filename="../../ui/pages/complaints.py" line="225"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="142"/>
        <source>No complaints yet. Press Ctrl+N to register the first one.</source>
        <translation>还没有投诉。按 Ctrl+N 登记第一件投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="143"/>
        <source>No complaints yet.</source>
        <translation>还没有投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="144"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="145"/>
        <source>No complaints match the filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="145"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="187"/>
        <source>This column cannot be sorted</source>
        <translation>该列不能排序</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="238"/>
        <source>At least {total} complaints (refine the search to see them all)</source>
        <translation>至少 {total} 件（匹配的案件很多，只列出前一部分；请细化搜索条件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="241"/>
        <source>{total} complaints in all</source>
        <translation>共 {total} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="248"/>
        <source>The list could not be read</source>
        <translation>无法读取案件列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="249"/>
        <source>Complaints</source>
        <translation>投诉案件</translation>
    </message>
</context>
<context>
    <name>ConflictTable</name>
    <message>
        <location filename="../../ui/sync/tables.py" line="146"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="146"/>
        <source>Changes kept aside</source>
        <translation>暂未采纳的变更</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="161"/>
        <source>Open</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="162"/>
        <source>Open complaint {case_no}: a leader settles it with “Resolve”</source>
        <translation>打开案件 {case_no}：由审核人通过“核对处理”决定采纳或不采纳</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="169"/>
        <source>made at the same time as another change</source>
        <translation>与另一台电脑的变更同时发生</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="170"/>
        <source>no longer fits the complaint&apos;s state</source>
        <translation>已不符合案件当前状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="171"/>
        <source>a second registration</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="172"/>
        <source>would leave the registration details invalid</source>
        <translation>会使登记信息不符合要求</translation>
    </message>
</context>
<context>
    <name>CountiesTable</name>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="196"/>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="196"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="196"/>
        <source>Verified</source>
        <translation>核实认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="196"/>
        <source>Substan-
tiated</source>
        <translation>属实率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="197"/>
        <source>Forwarded
on time</source>
        <translation>按时
转办率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="197"/>
        <source>Verified
on time</source>
        <translation>按时核实
认定率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="197"/>
        <source>Breaches</source>
        <translation>违约失信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="198"/>
        <source>Sanctions
in force</source>
        <translation>惩戒
实施中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="198"/>
        <source>Repaired</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="198"/>
        <source>Overdue</source>
        <translation>期末超期</translation>
    </message>
</context>
<context>
    <name>CreditCheckPage</name>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="61"/>
        <source>Body name, its pinyin or pinyin initials, or credit code</source>
        <translation>单位名称（可用全拼或拼音首字母）或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="68"/>
        <source>Look up a government body</source>
        <translation>查找单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="81"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="81"/>
        <source>Confirmed on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="81"/>
        <source>Confirmed by</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="82"/>
        <source>Repaired on</source>
        <translation>修复日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="88"/>
        <source>Department that asked for the check (optional)</source>
        <translation>申请核查的单位（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="89"/>
        <source>Issue the check result…</source>
        <translation>出具核查结果…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="101"/>
        <source>Requested by</source>
        <translation>申请单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="105"/>
        <source>This account cannot issue check results (separation of duties, 三员分立): a clerk, handler or reviewer issues them.</source>
        <translation>按“三员分立”，本账户不能出具核查结果：由登记、承办或审核人员出具。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="130"/>
        <source>Only a clerk, handler or leader can issue a check result</source>
        <translation>只有登记、承办或审核人员可以出具核查结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="132"/>
        <source>Type a body&apos;s name, its pinyin initials or its credit code above to check its record.</source>
        <translation>在上方输入机关名称、拼音首字母或统一社会信用代码，查看其失信记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="134"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="135"/>
        <source>No government body matches the search. Try the full name, the pinyin initials or the credit code.</source>
        <translation>没有找到符合条件的机关。请试试全称、拼音首字母或统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="137"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="139"/>
        <source>The breach register holds no record of this body.</source>
        <translation>失信记录台账中没有该机关的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="168"/>
        <source>{n} records, {open} not repaired</source>
        <translation>失信记录 {n} 条，未修复 {open} 条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="170"/>
        <source>no record</source>
        <translation>无失信记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="176"/>
        <source>{n} bodies found</source>
        <translation>找到 {n} 个单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="201"/>
        <source>Choose a body on the left to see what the breach register holds of it.</source>
        <translation>在左侧选择一个单位，查看政务失信记录台账中的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="220"/>
        <source>Facts: {facts}</source>
        <translation>失信事实：{facts}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="224"/>
        <source>Sanction</source>
        <translation>惩戒措施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="239"/>
        <source>Issue the check result</source>
        <translation>出具核查结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="240"/>
        <source>The result for {body} gets the next number of the {prefix} series and is kept on record. Issue it now?</source>
        <translation>将为“{body}”的核查结果取 {prefix} 的下一个编号并留存记录。现在出具吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="258"/>
        <source>Issued as {number}; the check is recorded and can be reprinted.</source>
        <translation>已出具，编号 {number}；本次核查已记录，可重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/credit_check.py" line="265"/>
        <source>Credit check</source>
        <translation>信用核查</translation>
    </message>
</context>
<context>
    <name>DailySyncBox</name>
    <message>
        <location filename="../../ui/sync/daily.py" line="46"/>
        <source>Sync every day at</source>
        <translation>每天定时同步，时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/daily.py" line="89"/>
        <source>Saved: every day at {time} while Lvyue is open.</source>
        <translation>已保存：程序开着时，每天 {time} 自动同步。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/daily.py" line="90"/>
        <source>Saved: no daily sync.</source>
        <translation>已保存：不定时同步。</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="183"/>
        <source>The administrator account is ready</source>
        <translation>系统管理员账户已创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="184"/>
        <source>One more step before complaints can be registered.</source>
        <translation>登记投诉之前还有一步。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="193"/>
        <source>&lt;p&gt;The administrator &lt;b&gt;{user}&lt;/b&gt; has been created.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Next step:&lt;/b&gt; log in as the administrator and, in &lt;b&gt;Settings → Users&lt;/b&gt;, add an account for each officer of the office (clerk, handler, reviewer — one officer may hold all three).&lt;/p&gt;&lt;p&gt;Under the separation of duties (三员分立) the administrator manages users and settings but does not register or handle complaints: the officers log in with their own accounts (&lt;b&gt;Account → Switch user&lt;/b&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;系统管理员 &lt;b&gt;{user}&lt;/b&gt; 已创建。&lt;/p&gt;&lt;p&gt;&lt;b&gt;下一步：&lt;/b&gt;以管理员身份登录，在&lt;b&gt;“设置 → 用户管理”&lt;/b&gt;中为本单位的每位工作人员添加账户（登记员、承办人、审核人——一人可兼任三个角色）。&lt;/p&gt;&lt;p&gt;按“三员分立”，系统管理员只管理用户和设置，不登记、不办理投诉：工作人员用各自的账户登录办理（菜单&lt;b&gt;“账户 → 切换用户”&lt;/b&gt;）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="71"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="72"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="77"/>
        <source>Received in the last</source>
        <translation>收到日期在最近</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="84"/>
        <location filename="../../ui/pages/duplicates.py" line="195"/>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="84"/>
        <source>Possible duplicate of</source>
        <translation>疑似重复于</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="84"/>
        <location filename="../../ui/pages/duplicates.py" line="198"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="85"/>
        <location filename="../../ui/pages/duplicates.py" line="200"/>
        <source>Respondent</source>
        <translation>被投诉主体</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="85"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="85"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="85"/>
        <location filename="../../ui/pages/duplicates.py" line="96"/>
        <location filename="../../ui/pages/duplicates.py" line="218"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="97"/>
        <location filename="../../ui/pages/duplicates.py" line="236"/>
        <source>Not a duplicate</source>
        <translation>不是重复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="98"/>
        <source>Open case</source>
        <translation>打开本案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="100"/>
        <source>Open the other case</source>
        <translation>打开另一案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="128"/>
        <source>No suspected duplicates: no two complaints look like the same matter.</source>
        <translation>没有疑似重复的投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="129"/>
        <source>No suspected duplicates among the complaints received in that period.</source>
        <translation>该期间收到的投诉中没有疑似重复。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="130"/>
        <source>Look back one year</source>
        <translation>查看最近一年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="142"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找疑似重复…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="154"/>
        <source>possible</source>
        <translation>可合并</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="154"/>
        <source>already forwarded</source>
        <translation>已转办，不能合并</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/duplicates.py" line="156"/>
        <source>%n suspected pair(s)</source>
        <translation>
            <numerusform>共 %n 对疑似重复</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="174"/>
        <source>Only a complaint still registered (not yet forwarded) can be merged.</source>
        <translation>只有仍处于已登记状态（尚未转办）的案件才能合并。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="180"/>
        <source>Why: %1 · text similarity %2</source>
        <translation>疑似理由：%1 · 文本相似度 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="196"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="197"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="199"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="201"/>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="202"/>
        <source>What happened</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="203"/>
        <source>Claim</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="218"/>
        <source>Merge %1 into %2. Reason (optional):</source>
        <translation>将 %1 合并到 %2。合并理由（可不填）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="227"/>
        <source>%1 merged into %2; both histories are kept.</source>
        <translation>已将 %1 合并到 %2，两件案件的办理记录均保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="236"/>
        <source>Why are these not the same matter?</source>
        <translation>请说明两件投诉为什么不是同一事项：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duplicates.py" line="244"/>
        <source>%1 and %2 will no longer be proposed as duplicates.</source>
        <translation>已标记 %1 与 %2 不是重复，不再提示。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="100"/>
        <source>Connect to the prefecture hub</source>
        <translation>接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="101"/>
        <source>Connect this office to the prefecture hub</source>
        <translation>将本单位接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="103"/>
        <source>What happens to the data already on this computer:
• Every complaint and every record made here is uploaded at the first sync; nothing is lost or doubled.
• Case and document numbers already used stay this computer&apos;s; if another computer already holds one of them, the hub refuses to enrol (check with the hub administrator first).
• The code must be for this office&apos;s region: {region}.
• Afterwards new numbers come from the hub: until the first sync completes, no new complaint can be registered.
• Officer accounts made here stay on this computer only. The hub&apos;s accounts arrive with the sync; a local account with the same user name is renamed “name.local” and switched off.
• An enrolled profile cannot go back to standalone mode.</source>
        <translation>本机已有的数据如何处理：
• 本机登记的全部案件和办理记录在首次同步时上传到中心，不会丢失，也不会重复。
• 已经使用的案号和文书编号仍归本机所有；如果其中有编号已被其他电脑领取，中心会拒绝加入（请先与中心管理员核对）。
• 注册码必须是本单位所在地区的：{region}。
• 加入后，新编号由中心分配：首次同步完成之前，不能登记新的投诉。
• 本机添加的用户账户只保留在本机，不会上传到中心；中心的用户账户随同步下载到本机，与本机账户同名时，本机账户改名为“登录名.local”并停用。
• 加入后不能再改回单机模式。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="125"/>
        <source>Enrol</source>
        <translation>加入</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="55"/>
        <source>e.g. https://lvyue.cxz.gov.cn</source>
        <translation>如 https://lvyue.cxz.gov.cn</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="57"/>
        <source>e.g. K7QM-2WXP-9RTA</source>
        <translation>如 K7QM-2WXP-9RTA</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="60"/>
        <source>e.g. Shuangbai DRC, registry room</source>
        <translation>如 双柏发改局-登记室</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="62"/>
        <source>System settings, Direct, or e.g. http://10.1.1.1:8080</source>
        <translation>系统设置、直连，或代理地址如 http://10.1.1.1:8080</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="65"/>
        <source>Hub address</source>
        <translation>中心地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="66"/>
        <source>One-time code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="67"/>
        <source>Name of this computer</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="68"/>
        <source>Proxy (usually empty)</source>
        <translation>代理（一般不填）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrolment.py" line="69"/>
        <source>The hub administrator gives you the address and the code (valid 7 days, usable once). The name tells the hub&apos;s administrator which computer this is.</source>
        <translation>中心地址和注册码由州级中心管理员提供（注册码 7 天内有效，只能使用一次）。本机名称便于中心管理员识别这台电脑。</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="30"/>
        <source>Connect to the prefecture hub</source>
        <translation>接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="31"/>
        <source>Enter the address and the one-time code from the hub administrator. The hub sets this office&apos;s region, issuing office and officer accounts.</source>
        <translation>填写州级中心管理员提供的中心地址和注册码。本单位的地区、发文单位和用户账户都由中心下发。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="40"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="68"/>
        <source>Log in</source>
        <translation>进入登录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="68"/>
        <source>Retry sync</source>
        <translation>重新同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="68"/>
        <source>Enrol</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="93"/>
        <source>Connecting to the hub…</source>
        <translation>正在连接中心…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="97"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="110"/>
        <source>Enrolled: {scope} ({region}), issuing office {office}.</source>
        <translation>已加入州级中心：{scope}（{region}），发文单位：{office}。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="113"/>
        <source>The first sync did not complete: {error} Check the network and click “Retry sync”: officers can log in once it has brought their accounts.</source>
        <translation>首次同步未完成：{error}。请检查网络后点“重新同步”：用户账户下载到本机后才能登录。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="117"/>
        <source>The hub has no officer accounts for this office yet. Ask the hub administrator to add them, then click “Retry sync”.</source>
        <translation>中心还没有为本单位设置用户账户。请联系中心管理员添加后，点“重新同步”。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wizard_page.py" line="120"/>
        <source>{n} officer accounts arrived from the hub. Log in with the user name and password the hub administrator gave you.</source>
        <translation>已从中心下载 {n} 个用户账户。请用中心管理员为您设置的登录名和密码登录。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="133"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="134"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="137"/>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="138"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="49"/>
        <source>Search case no., enterprise, government body, agreement… (Ctrl+F)</source>
        <translation>搜索案号、企业、被投诉主体、协议…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="52"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="53"/>
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="55"/>
        <source>All sectors</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="56"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="59"/>
        <source>Registered from</source>
        <translation>登记日期从</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="62"/>
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="63"/>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="68"/>
        <source>Remove this condition</source>
        <translation>去掉此条件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="70"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="91"/>
        <source>{name} (own level)</source>
        <translation>{name}（州本级）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="59"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="164"/>
        <source>Condition from the workbench</source>
        <translation>工作台筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="214"/>
        <source>Lvyue — first start</source>
        <translation>履约 — 首次使用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="225"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="230"/>
        <source>Go to login</source>
        <translation>去登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="272"/>
        <source>Leave without officer accounts?</source>
        <translation>还没有用户账户，确定关闭？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="273"/>
        <source>This computer is enrolled, but the officers&apos; accounts have not arrived yet: without them nobody can log in. Retry the sync now?</source>
        <translation>本机已加入州级中心，但用户账户还没有下载到本机，关闭后无法登录。现在重新同步吗？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="284"/>
        <source>The profile could not be created</source>
        <translation>无法创建配置档案</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="68"/>
        <source>Import complaints from other channels</source>
        <translation>批量导入其他渠道的投诉</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="72"/>
        <source>An .xlsx or .csv export (12345 hotline, supervision platform…)</source>
        <translation>选择 .xlsx 或 .csv 导出文件（12345热线、督查平台等）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="73"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="75"/>
        <source>Save mapping as…</source>
        <translation>另存对应关系…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="76"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="79"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="79"/>
        <source>Field</source>
        <translation>登记项</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="84"/>
        <source>When the file has no such column</source>
        <translation>文件中没有对应列时的默认值</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="86"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="86"/>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="86"/>
        <source>Breach kind</source>
        <translation>违约失信情形</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="89"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="95"/>
        <source>Agreement title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="103"/>
        <location filename="../../ui/imports/import_dialog.py" line="263"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="103"/>
        <location filename="../../ui/imports/import_dialog.py" line="263"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="103"/>
        <location filename="../../ui/imports/import_dialog.py" line="263"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="119"/>
        <source>Do not import possible duplicates</source>
        <translation>疑似重复的记录不导入</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="122"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="124"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="126"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="129"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="132"/>
        <source>Mapping:</source>
        <translation>对应关系：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="192"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="201"/>
        <source>The mapping changed: check again before importing.</source>
        <translation>对应关系已修改，请先重新检查再导入。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="223"/>
        <source>Save this mapping as:</source>
        <translation>对应关系名称：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="234"/>
        <source>Choose the export to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="235"/>
        <source>Exports (*.xlsx *.csv *.txt)</source>
        <translation>导出文件 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="250"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="265"/>
        <source>Ready</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="265"/>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="266"/>
        <source>Already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="266"/>
        <source>Error</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="283"/>
        <source>%1 rows: %2 ready, %3 possible duplicates, %4 already imported, %5 with errors.</source>
        <translation>共 %1 行：可导入 %2 行，疑似重复 %3 行，已导入过 %4 行，有错误 %5 行。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="295"/>
        <source>Register the accepted rows now? Either all of them are registered or none.</source>
        <translation>现在登记可导入的记录吗？这些记录将全部登记，或在出错时全部不登记。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="324"/>
        <source>Registered %1 complaints; %2 rows not imported.</source>
        <translation>已登记 %1 件，未导入 %2 行。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="327"/>
        <source>Case numbers %1 to %2.</source>
        <translation>案号 %1 至 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_dialog.py" line="331"/>
        <source>Open the rejects file</source>
        <translation>打开未导入记录文件</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="45"/>
        <source>Lvyue — log in</source>
        <translation>履约 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="46"/>
        <source>Lvyue · complaints about government breach of contract</source>
        <translation>履约 · 政府违约失信投诉办理系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="47"/>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="55"/>
        <source>Demo data. User name: {user}   password: {password}</source>
        <translation>演示数据。登录名：{user}&#x3000;&#x3000;密码：{password}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="59"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="60"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="64"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="65"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="86"/>
        <source>Updating the case data for this version (only once after an upgrade): {percent}%</source>
        <translation>正在按新版本整理案件数据（升级后仅此一次）：{percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="103"/>
        <source>Enter your user name and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="143"/>
        <source>A temporary password must be replaced by your own before you can continue.</source>
        <translation>须先把临时密码改为您自己的密码才能继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="157"/>
        <source>. {n} attempts left before the account is locked for {minutes} minutes.</source>
        <translation>，还可尝试 {n} 次，再输错账户将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="160"/>
        <source>. Try again after that time, or ask the administrator to reset the password.</source>
        <translation>。请届时再试，或请系统管理员重设密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Lvyue — {office}</source>
        <translation>履约 — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Complaints</source>
        <translation>投诉案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Breach register</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Credit check</source>
        <translation>信用核查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Typical cases</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>User: {name} ({roles})</source>
        <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>Last saved: —</source>
        <translation>最近保存：—</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Go to {page}</source>
        <translation>切换到“{page}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Import complaints</source>
        <translation>批量导入投诉</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Credit</source>
        <translation>信用(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Report to the provincial platform…</source>
        <translation>上报省平台…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Registered as {case_no}</source>
        <translation>已登记，案号 {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Last saved: {time}</source>
        <translation>最近保存：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <source>Lvyue</source>
        <translation>履约</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="64"/>
        <source>Your office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="65"/>
        <source>Choose how this computer is used, the area it works for and the office that issues documents.</source>
        <translation>选择本机的使用方式、所属地区和发文单位。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="67"/>
        <source>Use on this computer only (standalone)</source>
        <translation>单机使用（数据只保存在本机）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="69"/>
        <source>Connect to the prefecture hub (with a one-time code)</source>
        <translation>接入州级中心（需要中心管理员提供的注册码）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="74"/>
        <source>The region, the issuing office and the officer accounts then come from the hub: you enter them on the next page.</source>
        <translation>地区、发文单位和用户账户由中心下发；下一步填写中心地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="87"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="90"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="91"/>
        <source>Issuing office</source>
        <translation>发文单位</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="178"/>
        <source>Change my password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="180"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="183"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="186"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="189"/>
        <source>You logged in with a temporary password set by the administrator. Choose your own password to continue.</source>
        <translation>您使用的是系统管理员重设的临时密码，请设置您自己的密码后继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="206"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="209"/>
        <source>The password does not follow the rules shown.</source>
        <translation>密码不符合下方所列规则。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="137"/>
        <source>New password for {name}</source>
        <translation>为{name}设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="139"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="140"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="144"/>
        <source>Generate a temporary password</source>
        <translation>生成临时密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="147"/>
        <source>This is a temporary password: tell it to the user in person; they must choose their own at the next login.</source>
        <translation>这是临时密码：请当面告知本人；其下次登录时须改为自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="162"/>
        <source>The password does not follow the rules shown.</source>
        <translation>密码不符合下方所列规则。</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../ui/widgets/password_fields.py" line="33"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_fields.py" line="34"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_fields.py" line="51"/>
        <source>at least {n} characters</source>
        <translation>至少 {n} 位</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_fields.py" line="53"/>
        <source>at least 3 of: lower-case letters, capitals, digits, symbols</source>
        <translation>包含小写字母、大写字母、数字、符号中的至少三类</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/password_fields.py" line="54"/>
        <source>both entries match</source>
        <translation>两次输入一致</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="39"/>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="41"/>
        <source>{year}, first quarter</source>
        <translation>{year}年第一季度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="41"/>
        <source>{year}, second quarter</source>
        <translation>{year}年第二季度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="42"/>
        <source>{year}, third quarter</source>
        <translation>{year}年第三季度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="42"/>
        <source>{year}, fourth quarter</source>
        <translation>{year}年第四季度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="45"/>
        <source>Year {year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="46"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="70"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="70"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="71"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="71"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="78"/>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="81"/>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_period.py" line="94"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>ProxyBox</name>
    <message>
        <location filename="../../ui/sync/proxy_box.py" line="33"/>
        <source>System settings, Direct, or e.g. http://10.1.1.1:8080</source>
        <translation>系统设置、直连，或代理地址如 http://10.1.1.1:8080</translation>
    </message>
    <message>
        <location filename="../../ui/sync/proxy_box.py" line="34"/>
        <source>System settings: the Windows proxy settings with their exceptions (e.g. *.gov.cn goes direct). Direct: never a proxy. Or a proxy address.</source>
        <translation>系统设置：按 Windows 代理设置及其例外列表（如 *.gov.cn 直连）。直连：不使用代理。也可填写代理地址。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/proxy_box.py" line="36"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/sync/proxy_box.py" line="58"/>
        <source>Saved; used from the next sync.</source>
        <translation>已保存，下次同步起使用。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="28"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="29"/>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="30"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="31"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="32"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="26"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="27"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../ui/widgets/file_dialogs.py" line="33"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>QuarantineTable</name>
    <message>
        <location filename="../../ui/sync/tables.py" line="189"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="189"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="189"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="189"/>
        <source>Made on</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="190"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="206"/>
        <source>quarantined by the hub</source>
        <translation>中心隔离</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="207"/>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="207"/>
        <source>another computer</source>
        <translation>其他设备</translation>
    </message>
</context>
<context>
    <name>RefusedTable</name>
    <message>
        <location filename="../../ui/sync/tables.py" line="91"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="91"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="91"/>
        <source>Recorded</source>
        <translation>本机记录时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="91"/>
        <source>Hub&apos;s reason</source>
        <translation>中心给出的原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="92"/>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="109"/>
        <source>Ask the system administrator: this computer&apos;s record chain does not match the hub&apos;s, so later records are refused too until it is repaired.</source>
        <translation>请联系系统管理员：本机的记录链与中心不一致，修复之前，之后的记录也会被拒收。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="112"/>
        <source>The complaint is outside this computer&apos;s area. The record stays here; ask the hub administrator whether the complaint should move to that county.</source>
        <translation>该案件不在本机管辖范围内。记录保留在本机；请联系中心管理员，确认是否应将案件移交该县（市）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="114"/>
        <source>The hub never received this complaint&apos;s registration: deal with that refusal first, then ask the hub administrator.</source>
        <translation>中心没有收到该案件的登记记录：请先处理登记被拒收的问题，再联系中心管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="116"/>
        <source>The hub already has a complaint with this number: ask the hub administrator to compare the two.</source>
        <translation>中心已有同一编号的案件：请联系中心管理员核对两件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="118"/>
        <source>The hub holds a different record under the same id: ask the hub administrator.</source>
        <translation>中心已有同一编号但内容不同的记录：请联系中心管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="120"/>
        <source>The record is incomplete: ask the system administrator.</source>
        <translation>记录内容不完整：请联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="121"/>
        <source>The officer who made it may not work on this computer according to the hub: ask the hub administrator to check the officer&apos;s account.</source>
        <translation>中心认为办理人不能在本机登录办理：请中心管理员核对该办理人的账号。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="123"/>
        <source>The officer&apos;s role at the hub does not allow this step: ask the hub administrator to check the officer&apos;s roles.</source>
        <translation>办理人在中心的角色不允许办理这一环节：请中心管理员核对其角色。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="125"/>
        <source>Another complaint already has this case number: ask the hub administrator.</source>
        <translation>另一件案件已使用这个案号：请联系中心管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="127"/>
        <source>The case number was not handed to this computer by the hub: ask the hub administrator.</source>
        <translation>这个案号不是中心发给本机的编号：请联系中心管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="129"/>
        <source>This computer&apos;s clock was wrong when the record was made: set the clock right and ask the system administrator.</source>
        <translation>记录时本机时钟有误：请校准时钟并联系系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tables.py" line="131"/>
        <source>Ask the hub administrator, quoting the reason.</source>
        <translation>请联系中心管理员，并告知上述原因。</translation>
    </message>
</context>
<context>
    <name>SanctionsPanel</name>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="255"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="255"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="264"/>
        <source>Breaches confirmed</source>
        <translation>认定违约失信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="265"/>
        <source>Sanctions decided</source>
        <translation>本期惩戒决定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="266"/>
        <source>Sanctions in force at the end</source>
        <translation>期末实施中的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="268"/>
        <source>Sanctions expired</source>
        <translation>本期期满的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="269"/>
        <source>Sanctions lifted by repair</source>
        <translation>本期因信用修复解除的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="270"/>
        <source>Credit repaired</source>
        <translation>信用修复</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="57"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="67"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="70"/>
        <source>{size} pt</source>
        <translation>{size} 磅</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="73"/>
        <source>Applies at once to every window and is remembered for this profile.</source>
        <translation>立即应用于所有窗口，并为本配置档案保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="76"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="83"/>
        <source>Office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="85"/>
        <source>Issuing office</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="86"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="89"/>
        <source>Mode</source>
        <translation>运行模式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="87"/>
        <location filename="../../ui/pages/settings.py" line="185"/>
        <source>Standalone (not enrolled with the prefecture hub)</source>
        <translation>单机模式（未接入州级中心）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="90"/>
        <source>Connect to the prefecture hub…</source>
        <translation>接入州级中心…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="92"/>
        <source>Enrol this office with a one-time code from the hub administrator</source>
        <translation>用中心管理员提供的注册码将本单位接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="98"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="99"/>
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="100"/>
        <source>Document settings…</source>
        <translation>发文设置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="102"/>
        <source>Issuing office, document number prefixes, contact and copy-to lines of the notices and letters</source>
        <translation>文书的发文单位、发文字号、联系人和抄送等设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="110"/>
        <source>Working-day calendar and deadlines</source>
        <translation>工作日历与办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="113"/>
        <source>{first}–{last}</source>
        <translation>{first}—{last}年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="113"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="120"/>
        <source>Fetch the schedule from the hub now</source>
        <translation>立即从州级中心获取</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="126"/>
        <source>No holiday schedule for {years}: working days there are counted as Monday to Friday only until the schedule is entered.</source>
        <translation>{years}年节假日安排尚未录入：录入前，该年度按周一至周五计算工作日。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="132"/>
        <source>Holiday schedules known</source>
        <translation>已录入节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="135"/>
        <source>Meanwhile Lvyue counts only Saturdays and Sundays as rest days there: public holidays count as working days and make-up working weekends as rest days, so check deadlines that fall near a holiday by hand. The State Council publishes each year&apos;s schedule around December; a profile enrolled with the prefecture hub receives it with the next sync, a standalone one with the next version of Lvyue (ask the system administrator to update it).</source>
        <translation>在此之前，本程序只把周六、周日算作休息日：法定节假日暂按工作日计算，调休上班的周末暂按休息日计算，临近节假日的办理期限请人工核对。国务院办公厅一般在每年年底公布次年放假安排；接入州级中心的，下次同步时自动获取；单机使用的，随新版本程序提供（请系统管理员升级程序）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="143"/>
        <source>Forward within</source>
        <translation>转办时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="143"/>
        <source>{n} working days</source>
        <translation>{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="144"/>
        <source>Conclude within</source>
        <translation>核实认定时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="145"/>
        <source>{n} working days of forwarding</source>
        <translation>转办后{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="146"/>
        <source>Feedback within</source>
        <translation>反馈时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="147"/>
        <source>{n} working days of the conclusion</source>
        <translation>核实认定后{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="152"/>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="153"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="157"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="158"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="181"/>
        <source>Enrolled with the prefecture hub {hub} (scope: {scope}; this computer: {device})</source>
        <translation>已接入州级中心 {hub}（范围：{scope}；本机：{device}）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="101"/>
        <source>Creating demo data ({n} complaints)…</source>
        <translation>正在生成演示数据（{n}件投诉）…</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="102"/>
        <location filename="../../ui/startup.py" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="103"/>
        <location filename="../../ui/startup.py" line="129"/>
        <source>Lvyue demo</source>
        <translation>履约演示</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="179"/>
        <source>Fetching the accounts of this office from the prefecture hub…</source>
        <translation>正在从州级中心获取本单位的账户…</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="181"/>
        <location filename="../../ui/startup.py" line="200"/>
        <source>First synchronisation</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="201"/>
        <source>This computer has joined the prefecture hub, but the accounts could not be fetched yet, so nobody can log in.

%1

Try again now?</source>
        <translation>本机已接入州级中心，但尚未取得账户，暂时无法登录。

%1

现在重试吗？</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="218"/>
        <source>The data could not be opened</source>
        <translation>无法打开数据</translation>
    </message>
</context>
<context>
    <name>StatisticsExport</name>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="37"/>
        <source>Briefing (draft) …</source>
        <translation>调度通报（草稿）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="38"/>
        <source>Issue the briefing …</source>
        <translation>签发调度通报…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="40"/>
        <source>Excel workbook …</source>
        <translation>Excel 统计表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="41"/>
        <source>CSV files …</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="59"/>
        <source>Choose the whole prefecture or a county to export</source>
        <translation>请选择全州或某个县市后再导出（州本级不单独成文）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="65"/>
        <source>Only a leader can issue a briefing</source>
        <translation>只有领导可以签发调度通报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="74"/>
        <source>Issue the briefing</source>
        <translation>签发调度通报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="75"/>
        <source>Issuing gives the briefing of {name} the next number of the {prefix} series and keeps it on record; it cannot be withdrawn. Issue it now?</source>
        <translation>签发后，{name}的调度通报将编入“{prefix}”发文字号并存档，不能撤回。现在签发吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="82"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="92"/>
        <source>The Excel workbook was saved:
{path}</source>
        <translation>已保存 Excel 工作簿：
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="96"/>
        <source>Folder for the CSV files</source>
        <translation>选择保存 CSV 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="107"/>
        <source>{n} CSV files were saved in {folder}</source>
        <translation>已在 {folder} 保存 {n} 个 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="122"/>
        <source>Issued as {number}; the PDF is kept with the profile.</source>
        <translation>已签发，发文字号 {number}；PDF 已在本机存档。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="123"/>
        <source>Draft: no number is taken. Use 导出 → 签发 to issue it.</source>
        <translation>草稿，未占用发文字号。正式印发请用“导出 → 签发调度通报”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="129"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="136"/>
        <source>Preparing the export…</source>
        <translation>正在准备导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="137"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_export.py" line="136"/>
        <location filename="../../ui/pages/statistics_export.py" line="138"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>StatisticsLabels</name>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="16"/>
        <source>Forwarding</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="16"/>
        <source>Verification</source>
        <translation>核实认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="17"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="17"/>
        <source>Feedback</source>
        <translation>反馈投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="23"/>
        <source>{name} (own level)</source>
        <translation>{name}（本级）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="28"/>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="36"/>
        <source>M{month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="50"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="51"/>
        <source>Channel {name}</source>
        <translation>渠道 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="52"/>
        <source>Sector {name}</source>
        <translation>领域 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="53"/>
        <source>Received in {name}</source>
        <translation>{name}受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="54"/>
        <source>Received in {month}</source>
        <translation>{month}受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="55"/>
        <source>Verified in {month}</source>
        <translation>{month}核实认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="56"/>
        <source>{state} at the period&apos;s end</source>
        <translation>期末{state}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="57"/>
        <source>{stage} done</source>
        <translation>{stage}完成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="58"/>
        <source>{stage} on time</source>
        <translation>{stage}按时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="59"/>
        <source>{stage} late</source>
        <translation>{stage}超时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="60"/>
        <source>Finding: {finding}</source>
        <translation>核实认定结论 {finding}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="61"/>
        <source>Verified</source>
        <translation>核实认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="62"/>
        <source>Breaches confirmed</source>
        <translation>认定违约失信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="63"/>
        <source>Sanctions decided</source>
        <translation>本期惩戒决定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="64"/>
        <source>Sanctions in force at the end</source>
        <translation>期末实施中的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="65"/>
        <source>Sanctions expired</source>
        <translation>本期期满的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="66"/>
        <source>Sanctions lifted by repair</source>
        <translation>本期因信用修复解除的惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="67"/>
        <source>Credit repaired</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="68"/>
        <source>Overdue at the end</source>
        <translation>期末超期未办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="69"/>
        <source>Overdue at the end in {name}</source>
        <translation>期末超期未办 · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="70"/>
        <source>Overdue at the end at {name}</source>
        <translation>期末超期未办 · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="78"/>
        <source>{n} complaints</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="80"/>
        <source>{items} times ({n} complaints)</source>
        <translation>{items} 件次（{n} 件投诉）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_labels.py" line="84"/>
        <source>{what}: {count}</source>
        <translation>{what}：{count}</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/pages/statistics.py" line="73"/>
        <location filename="../../ui/pages/statistics.py" line="181"/>
        <source>All departments</source>
        <translation>全部主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="82"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="89"/>
        <source>Counties side by side</source>
        <translation>各县市对比</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="139"/>
        <source>Received by channel</source>
        <translation>受理投诉 · 按来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="140"/>
        <source>Received by sector</source>
        <translation>受理投诉 · 按领域</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="125"/>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="126"/>
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="134"/>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="136"/>
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="141"/>
        <source>States at the period&apos;s end (all complaints)</source>
        <translation>期末各状态件数（全部投诉）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="142"/>
        <source>Findings, sanctions and repairs</source>
        <translation>核实认定结论、惩戒与修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="145"/>
        <source>Timeliness of each stage</source>
        <translation>各环节办理时效</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="161"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="196"/>
        <source>The end date is before the start date</source>
        <translation>截止日期早于起始日期，请重新选择</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="200"/>
        <source>{period} · {area}: counting…</source>
        <translation>{period} · {area}：正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="229"/>
        <source>{period} · {area}</source>
        <translation>{period} · {area}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="231"/>
        <source>The period has not ended: figures as of {day}, and they may still grow. Click any number to list its complaints.</source>
        <translation>统计期间尚未结束：数字截至 {day}，此后还会增加。点击任一数字可查看对应的投诉案件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="235"/>
        <source>Figures from {start} to {end}. Click any number to list its complaints.</source>
        <translation>统计期间 {start} 至 {end}。点击任一数字可查看对应的投诉案件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="241"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="243"/>
        <source>Received and verified per month, {first} to {last}</source>
        <translation>每月受理与核实认定件数（{first}至{last}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="76"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="58"/>
        <location filename="../../ui/pages/statistics_tables.py" line="117"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="59"/>
        <location filename="../../ui/pages/statistics_tables.py" line="118"/>
        <source>Verified</source>
        <translation>核实认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="60"/>
        <source>Substantiated rate</source>
        <translation>属实率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="61"/>
        <source>Forwarded on time</source>
        <translation>按时转办率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="62"/>
        <source>Verified on time</source>
        <translation>按时核实认定率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="63"/>
        <location filename="../../ui/pages/statistics_tables.py" line="129"/>
        <source>Breaches confirmed</source>
        <translation>认定违约失信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="64"/>
        <location filename="../../ui/pages/statistics_tables.py" line="131"/>
        <source>Sanctions in force</source>
        <translation>惩戒实施中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="65"/>
        <location filename="../../ui/pages/statistics_tables.py" line="133"/>
        <source>Credit repaired</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="66"/>
        <source>Rectified on time</source>
        <translation>按期整改率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="67"/>
        <location filename="../../ui/pages/statistics_tables.py" line="134"/>
        <source>Overdue at the end</source>
        <translation>期末超期未办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="117"/>
        <source>Complaints registered in the period</source>
        <translation>统计期间内登记受理的投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="119"/>
        <source>Findings recorded in the period</source>
        <translation>统计期间内作出的核实认定结论（属实、不属实、存在分歧）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="121"/>
        <source>Substantiated ({n}/{d})</source>
        <translation>属实率（{n}/{d}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="122"/>
        <source>Click to list the substantiated findings</source>
        <translation>点击查看认定属实的投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="123"/>
        <source>On time: forwarding ({n}/{d})</source>
        <translation>按时转办率（{n}/{d}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="124"/>
        <source>On time: verification ({n}/{d})</source>
        <translation>按时核实认定率（{n}/{d}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="125"/>
        <source>On time: rectification ({n}/{d})</source>
        <translation>按期整改率（{n}/{d}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="128"/>
        <source>Click to list the {n} late ones</source>
        <translation>点击查看超时的 {n} 件次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="130"/>
        <source>Refusals confirmed as breach of trust in the period</source>
        <translation>统计期间内拒不整改被认定为违约失信的件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="132"/>
        <source>Sanction decisions in force at the period&apos;s end</source>
        <translation>期末仍在实施的惩戒决定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="133"/>
        <source>Credit repairs in the period</source>
        <translation>统计期间内完成信用修复的件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="135"/>
        <source>Open stages past their due date at the period&apos;s end</source>
        <translation>期末仍在办理且已超过期限的环节</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync/indicator.py" line="47"/>
        <location filename="../../ui/sync/indicator.py" line="59"/>
        <source>Standalone</source>
        <translation>单机模式</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="55"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="55"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="60"/>
        <source>Not connected to the prefecture hub: everything stays on this computer.</source>
        <translation>未接入州级中心：所有数据保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="62"/>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="65"/>
        <source>{n} to upload</source>
        <translation>待上传 {n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="67"/>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="69"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="72"/>
        <source>{n} records refused by the hub</source>
        <translation>中心拒收 {n} 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="74"/>
        <source>{n} complaints to check</source>
        <translation>{n} 件案件待核对</translation>
    </message>
    <message>
        <location filename="../../ui/sync/indicator.py" line="85"/>
        <source>Click to open the Sync page.</source>
        <translation>点击打开“同步”页。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="65"/>
        <location filename="../../ui/pages/sync.py" line="267"/>
        <source>Standalone mode: not connected to the prefecture hub</source>
        <translation>单机模式，未接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="67"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="70"/>
        <source>Connect to the prefecture hub…</source>
        <translation>接入州级中心…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="82"/>
        <source>Hub</source>
        <translation>中心地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="82"/>
        <source>Connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="83"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="83"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="84"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="84"/>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="85"/>
        <source>Waiting to be sent</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="90"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="92"/>
        <source>Available once this office is enrolled with the prefecture hub</source>
        <translation>接入州级中心后可用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="94"/>
        <location filename="../../ui/pages/sync.py" line="251"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="97"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="128"/>
        <source>These records stay on this computer and are never deleted. The hub&apos;s reason and what to do are beside each; double-click a row to open its complaint.</source>
        <translation>这些记录仍保存在本机，不会删除。每条记录后面是中心给出的原因和处理办法；双击一行可打开该案件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="135"/>
        <source>Changes made on two computers at the same time are all kept; the ones that could not be applied wait here. A leader opens the complaint and chooses “Resolve” to apply or dismiss each.</source>
        <translation>两台电脑同时对同一案件所做的变更都会保留，未能采纳的在这里等待核对。请审核人打开案件，通过“核对处理”逐项决定采纳或不采纳。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="138"/>
        <source>Show them in the complaint list</source>
        <translation>在案件列表中查看</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="140"/>
        <source>Complaints to check</source>
        <translation>待核对的案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="151"/>
        <source>These records do not count in any complaint: they are malformed (made by a faulty or outdated program on some computer) or the hub administrator quarantined them for every computer. They are kept, and everything else syncs as usual. Nothing needs doing here; if a record of this computer is listed, tell the system administrator.</source>
        <translation>以下记录不计入任何案件：它们格式有误（由某台电脑上有故障或过旧的程序产生），或已由中心管理员在所有设备上隔离。记录均予保存，其余数据照常同步。此处无需操作；如列有本机的记录，请告知系统管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="223"/>
        <source>{n} attachments did not go through (why: under Waiting to be sent); each sync tries them again.</source>
        <translation>{n} 个附件未能传输（原因见“待上传”一栏），每次同步都会再试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="269"/>
        <source>Everything is saved on this computer and works without a network. When this office is enrolled with the prefecture hub (Settings → Connect to the prefecture hub, by the system administrator), the records waiting here are sent at the first sync and nothing is lost.</source>
        <translation>所有数据保存在本机，无需联网即可使用。本单位接入州级中心后（由系统管理员在“设置 → 接入州级中心”中办理），待上传的记录在首次同步时全部上传，不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="291"/>
        <source>Complaints to check ({n})</source>
        <translation>待核对的案件（{n} 件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="195"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="212"/>
        <source>Sync complete: {sent} records sent, {received} received.</source>
        <translation>同步完成：上传 {sent} 条记录，下载 {received} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="215"/>
        <source>{n} records the hub already had were confirmed.</source>
        <translation>另有 {n} 条记录中心此前已收到，已确认。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="217"/>
        <source>The hub refused {n} records: they stay on this computer, see below.</source>
        <translation>中心拒收 {n} 条记录：仍保存在本机，原因见下方。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="220"/>
        <source>Attachments: {up} sent, {down} received.</source>
        <translation>附件：上传 {up} 个，下载 {down} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="226"/>
        <source>This computer&apos;s data was repaired from the hub (copy kept: {backup}).</source>
        <translation>已按中心数据修复本机数据（原数据库已备份：{backup}）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="251"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="254"/>
        <source>{pending} records</source>
        <translation>{pending} 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="256"/>
        <source>, {n} attachments</source>
        <translation>，附件 {n} 个</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="276"/>
        <source>Enrolled with the prefecture hub</source>
        <translation>已接入州级中心</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="288"/>
        <source>Refused by the hub ({n})</source>
        <translation>中心拒收的记录（{n} 条）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="294"/>
        <source>Set aside ({n})</source>
        <translation>隔离保存的记录（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="299"/>
        <source>Sent before the cancel: {sent} records; {left} still wait and go with the next sync.</source>
        <translation>取消前已上传 {sent} 条记录；还有 {left} 条待上传，下次同步时继续。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="306"/>
        <source>The last attempt ({time}) failed: {message}</source>
        <translation>上次同步（{time}）失败：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="304"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
</context>
<context>
    <name>TimelinessTable</name>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="229"/>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="229"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="229"/>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="229"/>
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="230"/>
        <source>On-time rate</source>
        <translation>按时率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="230"/>
        <source>Median
(working days)</source>
        <translation>用时中位数
（工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_tables.py" line="231"/>
        <source>90th percentile
(working days)</source>
        <translation>第90百分位
（工作日）</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/pages/statistics_charts.py" line="92"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics_charts.py" line="93"/>
        <source>Verified</source>
        <translation>核实认定</translation>
    </message>
</context>
<context>
    <name>TypicalDecisionDialog</name>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="27"/>
        <source>Typical case: {case_no}</source>
        <translation>典型案例审定：{case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="29"/>
        <source>No criterion is met</source>
        <translation>未达到推荐标准</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="31"/>
        <source>List as a typical case</source>
        <translation>列为典型案例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="32"/>
        <source>Do not list (not proposed again without new facts)</source>
        <translation>不列入（无新情况不再推荐）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="38"/>
        <source>Body</source>
        <translation>失信主体</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="39"/>
        <source>Criteria met</source>
        <translation>符合的标准</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="40"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="42"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="43"/>
        <source>Summary</source>
        <translation>案例摘要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="61"/>
        <source>Please give the reason for the decision.</source>
        <translation>请写明决定的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/typical_decision.py" line="64"/>
        <source>A typical case needs a summary.</source>
        <translation>列为典型案例须有案例摘要。</translation>
    </message>
</context>
<context>
    <name>TypicalPage</name>
    <message>
        <location filename="../../ui/pages/typical.py" line="38"/>
        <location filename="../../ui/pages/typical.py" line="42"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="38"/>
        <location filename="../../ui/pages/typical.py" line="42"/>
        <source>Body</source>
        <translation>失信主体</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="38"/>
        <location filename="../../ui/pages/typical.py" line="42"/>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="39"/>
        <source>Confirmed on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="39"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="39"/>
        <source>Criteria and figures</source>
        <translation>符合的标准及数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="43"/>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="43"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="49"/>
        <source>Proposals</source>
        <translation>推荐案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="50"/>
        <location filename="../../ui/pages/typical.py" line="153"/>
        <source>Typical cases</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="52"/>
        <source>Decide…</source>
        <translation>审定…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="54"/>
        <source>Export for publication…</source>
        <translation>导出公示材料…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="56"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="75"/>
        <source>No cases to propose. A complaint whose breach was confirmed appears here when it meets the typical-case criteria.</source>
        <translation>暂无推荐案件。认定违约失信的投诉符合典型案例标准时会列在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="79"/>
        <source>No typical cases yet. A leader chooses them from the proposals.</source>
        <translation>还没有典型案例。由领导从推荐案件中审定。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="80"/>
        <source>Show the proposals</source>
        <translation>查看推荐案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="95"/>
        <source> (declined before; new facts)</source>
        <translation>（曾决定不列入，现有新情况）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="98"/>
        <source>{count} proposals; {hidden} declined without new facts</source>
        <translation>推荐 {count} 件；另有 {hidden} 件已决定不列入且无新情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="138"/>
        <source>Export typical cases to</source>
        <translation>典型案例导出到</translation>
    </message>
    <message>
        <location filename="../../ui/pages/typical.py" line="147"/>
        <source>Exported {count} typical cases (personal data masked) to {folder}</source>
        <translation>已导出 {count} 件典型案例（个人信息已遮蔽）到 {folder}</translation>
    </message>
</context>
<context>
    <name>UserAdmin</name>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="47"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="47"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="47"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="47"/>
        <source>Area</source>
        <translation>管辖地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="52"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="54"/>
        <source>Set new password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="56"/>
        <location filename="../../ui/pages/user_admin.py" line="114"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="82"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="84"/>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="86"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="88"/>
        <source>, temporary password</source>
        <translation>，待改临时密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="90"/>
        <source>, roles combined: split this account (三员分立)</source>
        <translation>，角色合用：请拆分账户（三员分立）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="109"/>
        <source>This account comes from the prefecture hub: its administrator sets its password there.</source>
        <translation>该账户来自州级平台，请由州级平台管理员在平台上设置其密码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="113"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="132"/>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="133"/>
        <source>Deactivate {name}? The user can no longer log in; the records stay.</source>
        <translation>确定停用{name}吗？停用后该用户不能再登录，其办理记录保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="144"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../ui/pages/workbench.py" line="104"/>
        <source>What to do…</source>
        <translation>怎么办…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="106"/>
        <source>Where the holiday schedule comes from and how deadlines are counted meanwhile (Settings)</source>
        <translation>节假日安排从哪里来、在此之前期限怎样计算（设置）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="111"/>
        <source>Register a complaint (Ctrl+N)</source>
        <translation>登记投诉（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="134"/>
        <source>Deadlines</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="136"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="136"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="137"/>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="141"/>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="141"/>
        <source>Whole area</source>
        <translation>本辖区全部</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="147"/>
        <location filename="../../ui/pages/workbench.py" line="155"/>
        <source>Open the list of these complaints</source>
        <translation>打开这些案件的列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="151"/>
        <source>Open complaints</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="164"/>
        <source>Complaints by state</source>
        <translation>各办理状态案件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="178"/>
        <source>Recent activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="182"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="182"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="182"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="182"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="183"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="191"/>
        <source>Nothing has been done yet. Press Ctrl+N to register the first complaint.</source>
        <translation>还没有办理记录。按 Ctrl+N 登记第一件投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="192"/>
        <source>Nothing has been done yet.</source>
        <translation>还没有办理记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="193"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="208"/>
        <source>The workbench could not be read</source>
        <translation>无法读取工作台数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="218"/>
        <source>{name}, today is {date}</source>
        <translation>{name}，您好！今天是{date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="221"/>
        <source>The holiday schedule for {year} has not been entered: working days are counted as Monday to Friday only.</source>
        <translation>{year}年节假日安排尚未录入，办理期限暂按周一至周五计算工作日。</translation>
    </message>
</context>
</TS>
