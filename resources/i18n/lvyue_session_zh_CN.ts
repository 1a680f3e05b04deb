<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDrafts</name>
    <message>
        <location filename="../../ui/session/action_drafts.py" line="55"/>
        <source>The entries you left when your session ended have been restored.</source>
        <translation>已恢复上次会话结束时在此填写的内容。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="31"/>
        <source>Lvyue — locked</source>
        <translation>履约 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="33"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="34"/>
        <source>{name} ({user}) locked this session. What was typed stays as it was.</source>
        <translation>{name}（{user}）的会话已锁定，已填写的内容原样保留。</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="41"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="42"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="45"/>
        <source>Another officer logs in; the unsaved work of this session is kept as drafts for {name} only.</source>
        <translation>由其他工作人员登录；本会话未保存的内容作为草稿保留，仅{name}本人可见。</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="49"/>
        <source>Password of {user}</source>
        <translation>{user} 的密码</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="64"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="83"/>
        <source>Wrong password. {n} attempts left before the account is locked for {minutes} minutes.</source>
        <translation>密码错误。再输错 {n} 次，账户将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_dialog.py" line="86"/>
        <source>. Another officer can log in with Switch user.</source>
        <translation>。其他工作人员可点击“切换用户”登录。</translation>
    </message>
</context>
<context>
    <name>RoleNotice</name>
    <message>
        <location filename="../../ui/session/role_notice.py" line="32"/>
        <source>Case pages are not for this account</source>
        <translation>本账户不办理案件</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="34"/>
        <source>This account cannot import complaints</source>
        <translation>本账户不能导入投诉</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="36"/>
        <source>This account cannot register complaints</source>
        <translation>本账户不能登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="37"/>
        <source>To work as an officer, use Account → Switch user… (Alt+A, then S) and log in with the officer&apos;s account.</source>
        <translation>以工作人员身份办理时，请点菜单“账户 → 切换用户…”（键盘：Alt+A，再按 S），用工作人员的账户登录。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="40"/>
        <source>The system administrator manages users, settings and synchronisation, but may not register or handle complaints (separation of duties, 三员分立). Complaints are registered by an officer with the clerk role.</source>
        <translation>系统管理员负责用户、设置和同步，按“三员分立”不能登记或办理投诉。投诉由具有“登记员”角色的工作人员登记。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="43"/>
        <source>Next step: in Settings → Users, add an account for each officer of the office (clerk, handler, reviewer; one officer may hold all three).</source>
        <translation>下一步：在“设置 → 用户管理”中为本单位的每位工作人员添加账户（登记员、承办人、审核人；一人可兼任三个角色）。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="46"/>
        <source>The auditor reads the audit trail only and may not see or change complaints (separation of duties, 三员分立).</source>
        <translation>审计员只查看审计记录，按“三员分立”不能查看或修改投诉案件。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="50"/>
        <source>Only an officer with the clerk role registers and imports complaints.</source>
        <translation>只有具有“登记员”角色的工作人员可以登记和导入投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="51"/>
        <source>Ask the system administrator to add the clerk role to your account in Settings → Users, or let the office&apos;s clerk do it.</source>
        <translation>请系统管理员在“设置 → 用户管理”中为你的账户加上“登记员”角色，或请本单位的登记员登记。</translation>
    </message>
    <message>
        <location filename="../../ui/session/role_notice.py" line="62"/>
        <source>Add officer accounts…</source>
        <translation>添加工作人员账户…</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../ui/session/controller.py" line="54"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="167"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="77"/>
        <source>Separation of duties</source>
        <translation>三员分立</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="59"/>
        <source>Change my &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="62"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="67"/>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="69"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="78"/>
        <source>This account holds the administrator or auditor role together with other roles. A level-3 system keeps them apart (三员分立): ask the administrator to split it into separate accounts.</source>
        <translation>该账户同时具有系统管理员或审计员角色和其他角色。等保三级要求三员分立：请系统管理员将其拆分为单独的账户。</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="90"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="127"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/controller.py" line="168"/>
        <source>These windows are still open: {names}. What was typed there is not kept. Log out anyway? (Registration forms and action dialogs are kept as your drafts.)</source>
        <translation>以下窗口仍未关闭：{names}，其中填写的内容不会保留。仍要注销吗？（投诉登记表和办理操作对话框的内容会作为您的草稿保留。）</translation>
    </message>
</context>
<context>
    <name>SessionSettingsBox</name>
    <message>
        <location filename="../../ui/session/settings_box.py" line="25"/>
        <source>Screen lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/settings_box.py" line="29"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/session/settings_box.py" line="31"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/session/settings_box.py" line="38"/>
        <source>With no key press or mouse use for this long, the window locks; the same user&apos;s password unlocks it (Ctrl+L locks at once). Set by the system administrator.</source>
        <translation>在此时间内没有键盘或鼠标操作时，窗口自动锁定，须输入本人密码解锁（按 Ctrl+L 可立即锁定）。由系统管理员设置。</translation>
    </message>
    <message>
        <location filename="../../ui/session/settings_box.py" line="47"/>
        <source>Lock when idle for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/settings_box.py" line="59"/>
        <source>Saved: the window locks after {n} idle minutes.</source>
        <translation>已保存：无操作 {n} 分钟后自动锁定。</translation>
    </message>
</context>
</TS>
