<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help/about.py" line="42"/>
        <source>About Lvyue</source>
        <translation>关于履约</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="44"/>
        <source>&lt;h2&gt;Lvyue 履约&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;履约 Lvyue&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="45"/>
        <source>Handling complaints about government breaches of contract and broken promises (政府违约失信投诉办理).</source>
        <translation>政府违约失信投诉办理系统（桌面程序）。</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="53"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="54"/>
        <source>Show the data folder in the file manager</source>
        <translation>在文件管理器中打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="60"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="61"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/help/about.py" line="62"/>
        <source>This folder holds every complaint of this office; the program keeps a daily copy in its backups folder. Copy it elsewhere from time to time.</source>
        <translation>本单位的全部投诉案件都保存在这个文件夹中；程序每天在其中的 backups 文件夹里自动保存一份副本。请定期另行复制保存。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help/guide.py" line="72"/>
        <source>User guide</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../ui/help/guide.py" line="97"/>
        <source># User guide not found

The file user-guide.md was not found beside the program ({folders}). It is part of the program&apos;s documentation (docs/user-guide.md): ask whoever installed the program for a complete copy.</source>
        <translation># 未找到用户手册

程序旁没有找到用户手册文件 user-guide.md（查找位置：{folders}）。它是程序文档的一部分（docs/user-guide.md），请向安装本程序的人员索取完整的安装包。</translation>
    </message>
    <message>
        <location filename="../../ui/help/guide.py" line="103"/>
        <source>(Screenshot not included: {alt})</source>
        <translation>（此处的截图未随程序提供：{alt}）</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/help/menu.py" line="24"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="26"/>
        <source>&amp;User guide</source>
        <translation>用户手册(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="33"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="35"/>
        <source>&amp;Getting started tour</source>
        <translation>新手导览(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="38"/>
        <source>&amp;About Lvyue</source>
        <translation>关于履约(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="55"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="59"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="59"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="70"/>
        <source>Also: Tab / Shift+Tab move between fields; in lists, Enter opens the selected complaint. Menus open with Alt and the underlined letter.</source>
        <translation>另外：Tab / Shift+Tab 在输入框之间移动；在列表中按回车打开选中的案件；按 Alt 加菜单括号中的字母打开菜单。</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <location filename="../../ui/help/tour.py" line="40"/>
        <source>Getting started</source>
        <translation>新手导览</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="55"/>
        <source>Do not show again</source>
        <translation>不再显示</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="57"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="58"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="59"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="76"/>
        <source>Welcome to Lvyue</source>
        <translation>欢迎使用履约</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="77"/>
        <source>Lvyue handles complaints that a government body broke its word to a business: registration, forwarding, findings, rectification, the breach register, sanctions, credit repair, feedback and closing. Everything is kept on this computer and works offline; each step is recorded.</source>
        <translation>履约用于办理政府违约失信投诉：登记、转办、核实认定、督促整改、认定违约失信、失信惩戒、信用修复、反馈投诉人、办结。数据保存在本机，不联网也能使用；每一步都有记录。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="80"/>
        <source>The pages</source>
        <translation>各个页面</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="81"/>
        <source>The list on the left opens the pages: &lt;b&gt;Workbench&lt;/b&gt; (what is due), &lt;b&gt;Complaints&lt;/b&gt;, &lt;b&gt;Documents&lt;/b&gt;, &lt;b&gt;Statistics&lt;/b&gt;, &lt;b&gt;Sync&lt;/b&gt;, &lt;b&gt;Settings&lt;/b&gt;. Ctrl+1 … Ctrl+9 switch between them; F5 refreshes the page.</source>
        <translation>左侧列表打开各个页面：&lt;b&gt;工作台&lt;/b&gt;（待办和到期事项）、&lt;b&gt;投诉案件&lt;/b&gt;、&lt;b&gt;文书&lt;/b&gt;、&lt;b&gt;统计&lt;/b&gt;、&lt;b&gt;同步&lt;/b&gt;、&lt;b&gt;设置&lt;/b&gt;等。Ctrl+1 … Ctrl+9 在页面之间切换；F5 刷新当前页面。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="85"/>
        <source>First: the officers&apos; accounts</source>
        <translation>第一步：添加工作人员账户</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="86"/>
        <source>As the system administrator you manage users, settings and synchronisation, but do not register or handle complaints (三员分立). Start in &lt;b&gt;Settings → Users&lt;/b&gt;: add an account for each officer (clerk, handler, reviewer; one officer may hold all three).</source>
        <translation>系统管理员负责用户、设置和同步，按“三员分立”不登记、不办理投诉。请先在&lt;b&gt;“设置 → 用户管理”&lt;/b&gt;中为每位工作人员添加账户（登记员、承办人、审核人；一人可兼任三个角色）。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="90"/>
        <source>The audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="91"/>
        <source>As the auditor you read the audit trail (&lt;b&gt;Audit&lt;/b&gt; page): logins, changes and exports, with filters and export. Case pages are not shown to this account (三员分立).</source>
        <translation>审计员在&lt;b&gt;“审计”&lt;/b&gt;页查看审计记录：登录、修改、导出等操作都有记录，可以筛选和导出。按“三员分立”，本账户不显示案件页面。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="94"/>
        <source>Registering and handling</source>
        <translation>登记与办理</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="95"/>
        <source>&lt;b&gt;Ctrl+N&lt;/b&gt; registers a complaint (clerk). Open a complaint from the list (Enter or double click): its next actions are buttons at the top, and each action can issue its document (开具文书). Ctrl+F searches the list.</source>
        <translation>&lt;b&gt;Ctrl+N&lt;/b&gt; 登记投诉（登记员）。在列表中打开案件（回车或双击），下一步可做的办理操作以按钮列出，办理后可开具相应文书。Ctrl+F 搜索案件。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="98"/>
        <source>Your account and sync</source>
        <translation>账户与同步</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="99"/>
        <source>The &lt;b&gt;Account&lt;/b&gt; menu (Alt+A) changes your password, locks the window (Ctrl+L) and switches the user or logs out. The status bar shows who is logged in, the last save and the sync state; click the sync state to open the Sync page.</source>
        <translation>&lt;b&gt;“账户”&lt;/b&gt;菜单（Alt+A）可以修改密码、锁定（Ctrl+L）、切换用户和注销。窗口底部的状态栏显示当前用户、最近保存时间和同步状态；点同步状态可打开“同步”页。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="102"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="103"/>
        <source>&lt;b&gt;F1&lt;/b&gt; opens the user guide. The &lt;b&gt;Help&lt;/b&gt; menu also lists the keyboard shortcuts, shows this tour again and tells the version and the data folder (关于).</source>
        <translation>按 &lt;b&gt;F1&lt;/b&gt; 打开用户手册。&lt;b&gt;“帮助”&lt;/b&gt;菜单里还有快捷键一览、新手导览（再次显示本导览）和“关于”（版本号、数据文件夹）。</translation>
    </message>
    <message>
        <location filename="../../ui/help/tour.py" line="115"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 步，共 {total} 步</translation>
    </message>
</context>
</TS>
