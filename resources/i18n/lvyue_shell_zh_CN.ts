<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="69"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="71"/>
        <source>lower-case letters and digits, e.g. wangying</source>
        <translation>小写字母和数字，如 wangying</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="85"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="86"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="87"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="88"/>
        <source>Area</source>
        <translation>管辖地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="89"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="100"/>
        <source>User name: 2–32 lower-case letters, digits or _ . -, starting with a letter or digit.</source>
        <translation>登录名：2–32位小写字母、数字或 _ . -，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="103"/>
        <source>Full name: at least 2 characters.</source>
        <translation>姓名：至少2个字。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="105"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="107"/>
        <source>The password does not follow the rules shown.</source>
        <translation>密码不符合下方所列规则。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="96"/>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="97"/>
        <source>The administrator adds the officers who use this computer and manages settings. Keep the password safe: it cannot be recovered.</source>
        <translation>系统管理员负责添加使用本机的工作人员并管理设置。请妥善保管密码，遗失后无法找回。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="101"/>
        <source>e.g. 张三</source>
        <translation>如：张三</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="105"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="106"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="118"/>
        <source>User name: 2–32 lower-case letters, digits or _ . -, starting with a letter or digit.</source>
        <translation>登录名：2–32位小写字母、数字或 _ . -，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="121"/>
        <source>Full name: at least 2 characters.</source>
        <translation>姓名：至少2个字。</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="32"/>
        <source>Complaint list</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="49"/>
        <source>The complaint view is under construction.</source>
        <translation>案件详情页面正在建设中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="55"/>
        <source>Complaint</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="82"/>
        <source>The registration form is under construction.</source>
        <translation>投诉登记表正在建设中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_tabs.py" line="88"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="203"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="203"/>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="203"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="203"/>
        <source>Respondent</source>
        <translation>被投诉主体</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="204"/>
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="204"/>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="204"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="204"/>
        <source>Claim (yuan)</source>
        <translation>诉求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="205"/>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="205"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_table.py" line="205"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="46"/>
        <source>{due} · {days} working days overdue</source>
        <translation>{due} 超期{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="48"/>
        <source>{due} overdue</source>
        <translation>{due} 已超期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="50"/>
        <source>{due} due today</source>
        <translation>{due} 今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="51"/>
        <source>{due} · {days} working days left</source>
        <translation>{due} 剩{days}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/models/complaint_cells.py" line="59"/>
        <source> · to be checked</source>
        <translation> · 待核对</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/pages/complaints.py" line="93"/>
        <source>Enter or double-click opens a complaint · right-click the header to choose columns</source>
        <translation>回车或双击打开案件 · 右键单击表头可选择显示的列</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="112"/>
        <location filename="../../ui/pages/complaints.py" line="184"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="151"/>
        <source>This column cannot be sorted</source>
        <translation>该列不能排序</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="196"/>
        <source>{total} complaints in all</source>
        <translation>共 {total} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="203"/>
        <source>The list could not be read</source>
        <translation>无法读取案件列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="204"/>
        <source>Complaints</source>
        <translation>投诉案件</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="54"/>
        <source>Search case no., enterprise, government body, agreement… (Ctrl+F)</source>
        <translation>搜索案号、企业、被投诉主体、协议…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="57"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="58"/>
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="60"/>
        <source>All sectors</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="61"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="63"/>
        <source>Registered from</source>
        <translation>登记日期从</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="71"/>
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="72"/>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="77"/>
        <source>Remove this condition</source>
        <translation>去掉此条件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="79"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="100"/>
        <source>{name} (own level)</source>
        <translation>{name}（州本级）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="113"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/filter_bar.py" line="182"/>
        <source>Condition from the workbench</source>
        <translation>工作台筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="139"/>
        <source>Lvyue — first start</source>
        <translation>履约 — 首次使用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="146"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="173"/>
        <source>The profile could not be created</source>
        <translation>无法创建配置档案</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="37"/>
        <source>Lvyue — log in</source>
        <translation>履约 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="38"/>
        <source>Lvyue · complaints about government breach of contract</source>
        <translation>履约 · 政府违约失信投诉办理系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="39"/>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="47"/>
        <source>Demo data. User name: {user}   password: {password}</source>
        <translation>演示数据。登录名：{user}&#x3000;&#x3000;密码：{password}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="51"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="52"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="56"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="89"/>
        <source>Enter your user name and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="114"/>
        <source>. {n} attempts left before the account is locked for {minutes} minutes.</source>
        <translation>，还可尝试 {n} 次，再输错账户将锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="117"/>
        <source>. Try again after that time, or ask the administrator to reset the password.</source>
        <translation>。请届时再试，或请系统管理员重设密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Lvyue — {office}</source>
        <translation>履约 — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>Complaints</source>
        <translation>投诉案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>User: {name} ({roles})</source>
        <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Last saved: —</source>
        <translation>最近保存：—</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Standalone</source>
        <translation>单机模式</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Only a clerk can register complaints.</source>
        <translation>只有登记员可以登记投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Registered as {case_no}</source>
        <translation>已登记，案号 {case_no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Last saved: {time}</source>
        <translation>最近保存：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Lvyue</source>
        <translation>履约</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="53"/>
        <source>Your office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="54"/>
        <source>Choose the area this computer works for and the office that issues documents.</source>
        <translation>请选择本机所服务的地区和开具文书的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="64"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="67"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="68"/>
        <source>Issuing office</source>
        <translation>发文单位</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="123"/>
        <source>New password for {name}</source>
        <translation>为{name}设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="125"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="126"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/user_dialogs.py" line="134"/>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="49"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="59"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="62"/>
        <source>{size} pt</source>
        <translation>{size} 磅</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="65"/>
        <source>Applies at once to every window and is remembered for this profile.</source>
        <translation>立即应用于所有窗口，并为本配置档案保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="68"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="75"/>
        <source>Office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="77"/>
        <source>Issuing office</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="78"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="79"/>
        <source>Mode</source>
        <translation>运行模式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="79"/>
        <source>Standalone (not enrolled with the prefecture hub)</source>
        <translation>单机模式（未接入州级汇聚端）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="82"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="83"/>
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="84"/>
        <source>Document settings…</source>
        <translation>发文设置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="85"/>
        <source>Issuing office, document number prefixes, contact and copy-to lines of the notices and letters</source>
        <translation>文书的发文单位、发文字号、联系人和抄送等设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="93"/>
        <source>Working-day calendar and deadlines</source>
        <translation>工作日历与办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="96"/>
        <source>{first}–{last}</source>
        <translation>{first}—{last}年</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="96"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="103"/>
        <source>No holiday schedule for {years}: working days there are counted as Monday to Friday only until the schedule is entered.</source>
        <translation>{years}年节假日安排尚未录入：录入前，该年度按周一至周五计算工作日。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="109"/>
        <source>Holiday schedules known</source>
        <translation>已录入节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="112"/>
        <source>Forward within</source>
        <translation>转办时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="112"/>
        <source>{n} working days</source>
        <translation>{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="113"/>
        <source>Conclude within</source>
        <translation>核实认定时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="114"/>
        <source>{n} working days of forwarding</source>
        <translation>转办后{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="115"/>
        <source>Feedback within</source>
        <translation>反馈时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="116"/>
        <source>{n} working days of the conclusion</source>
        <translation>核实认定后{n}个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="121"/>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="122"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="125"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="126"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="57"/>
        <source>Creating demo data ({n} complaints)…</source>
        <translation>正在生成演示数据（{n}件投诉）…</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="59"/>
        <location filename="../../ui/startup.py" line="85"/>
        <source>Lvyue demo</source>
        <translation>履约演示</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="123"/>
        <source>The data could not be opened</source>
        <translation>无法打开数据</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ui/pages/statistics.py" line="58"/>
        <source>{name} (own level)</source>
        <translation>{name}（州本级）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="71"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="72"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="74"/>
        <source>Counts of all complaints in your area, as stored on this computer. Double-click a row to open the list.</source>
        <translation>本机所存辖区内全部投诉的统计。双击某行可打开相应案件列表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="78"/>
        <source>By state</source>
        <translation>按办理状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="78"/>
        <source>By sector</source>
        <translation>按领域</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="79"/>
        <source>By channel</source>
        <translation>按来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="79"/>
        <source>By county</source>
        <translation>按县市</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="96"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="96"/>
        <source>Complaints</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="96"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../ui/pages/statistics.py" line="118"/>
        <source>{total} complaints in all</source>
        <translation>共 {total} 件</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="45"/>
        <source>Standalone mode: not connected to the prefecture hub</source>
        <translation>单机模式，未接入州级汇聚端</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="46"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="50"/>
        <source>Everything is saved on this computer and works without a network. When this office is enrolled with the prefecture hub, the records waiting here are sent at the end-of-day sync and nothing is lost.</source>
        <translation>所有数据保存在本机，无需联网即可使用。本单位接入州级汇聚端后，待发送的记录将在每日下班前同步时上传，不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="54"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="55"/>
        <source>Available once this office is enrolled with the prefecture hub</source>
        <translation>接入州级汇聚端后可用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="57"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="79"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="90"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="97"/>
        <source>{pending} records wait to be sent.</source>
        <translation>待发送记录 {pending} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="99"/>
        <source>Enrolled with the prefecture hub: {hub}</source>
        <translation>已接入州级汇聚端：{hub}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="100"/>
        <source>Sync at the end of each working day. Nothing unsent is ever lost.</source>
        <translation>请在每个工作日下班前同步。未发送的记录不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="102"/>
        <source>Hub · {pending} unsent</source>
        <translation>已联网 · 待发送 {pending} 条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="111"/>
        <source>Scope: {scope}</source>
        <translation>数据范围：{scope}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="112"/>
        <source>Last successful sync: {time}</source>
        <translation>上次成功同步：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="113"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="115"/>
        <source>Last problem: {message}</source>
        <translation>上次出现的问题：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="117"/>
        <source>{n} records were refused by the hub; they stay on this computer with the reason.</source>
        <translation>有 {n} 条记录被汇聚端拒收，已连同原因保留在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="120"/>
        <source>{n} complaints are marked to be checked.</source>
        <translation>有 {n} 件案件标记为“待核对”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="104"/>
        <source>Standalone · {pending} unsent</source>
        <translation>单机模式 · 待发送 {pending} 条</translation>
    </message>
</context>
<context>
    <name>UserAdmin</name>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="45"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="45"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="45"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="45"/>
        <source>Area</source>
        <translation>管辖地区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="50"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="51"/>
        <source>Set new password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="52"/>
        <location filename="../../ui/pages/user_admin.py" line="103"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="78"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="80"/>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="82"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="102"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="121"/>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="122"/>
        <source>Deactivate {name}? The user can no longer log in; the records stay.</source>
        <translation>确定停用{name}吗？停用后该用户不能再登录，其办理记录保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/user_admin.py" line="133"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../ui/pages/workbench.py" line="100"/>
        <source>Register a complaint (Ctrl+N)</source>
        <translation>登记投诉（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="119"/>
        <source>Deadlines</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="121"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="121"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="122"/>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="126"/>
        <source>Assigned to me</source>
        <translation>我承办的</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="126"/>
        <source>Whole area</source>
        <translation>本辖区全部</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="132"/>
        <location filename="../../ui/pages/workbench.py" line="140"/>
        <source>Open the list of these complaints</source>
        <translation>打开这些案件的列表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="136"/>
        <source>Open complaints</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="149"/>
        <source>Complaints by state</source>
        <translation>各办理状态案件数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="163"/>
        <source>Recent activity</source>
        <translation>最近动态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="167"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="167"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="167"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="167"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="168"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="187"/>
        <source>The workbench could not be read</source>
        <translation>无法读取工作台数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="196"/>
        <source>{name}, today is {date}</source>
        <translation>{name}，您好！今天是{date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/workbench.py" line="199"/>
        <source>The holiday schedule for {year} has not been entered: working days are counted as Monday to Friday only.</source>
        <translation>{year}年节假日安排尚未录入，办理期限暂按周一至周五计算工作日。</translation>
    </message>
</context>
</TS>
