<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="48"/>
        <source>Lvyue — the data file is damaged</source>
        <translation>履约 — 数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="49"/>
        <source>The data file of this office is damaged</source>
        <translation>本单位的数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="51"/>
        <source>The database could not be read (%1). Nothing will be deleted: the damaged file is moved aside and kept. Choose a backup below to restore; each backup is checked first, and damaged ones cannot be chosen.</source>
        <translation>无法读取数据库（%1）。不会删除任何文件：损坏的文件会被移到一旁保存。请在下面选择一份备份进行恢复；每份备份都会先检查，已损坏的备份不能选择。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="55"/>
        <source>Backup time</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="55"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="55"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="65"/>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="67"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="79"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="86"/>
        <source>There is no backup in %1. Do not delete or overwrite any file; contact the system administrator or technical support. A device joined to the prefecture hub can get the hub&apos;s records back by joining again with a new profile.</source>
        <translation>%1 中没有备份。请不要删除或覆盖任何文件，并联系系统管理员或技术支持。已加入州级中心的设备，可以用新的配置档案重新加入中心，取回中心保存的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="95"/>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="97"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="99"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="101"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="103"/>
        <source>Before a sync repair</source>
        <translation>同步修复前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="104"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="119"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="122"/>
        <source>Damaged: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="153"/>
        <source>Choose a backup marked “Good”.</source>
        <translation>请选择一份标为“完好”的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="155"/>
        <source>If you restore the backup of %1, what was entered after that time is lost and must be entered again.</source>
        <translation>恢复 %1 的备份后，该时间之后录入的内容会丢失，需要重新录入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="158"/>
        <source>The newest record in this backup is from %1.</source>
        <translation>这份备份中最新的一条记录是 %1 录入的。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="161"/>
        <source>This computer is joined to the prefecture hub: synchronise right after the restore, and what the hub holds (including what this computer had sent) comes back.</source>
        <translation>本机已加入州级中心：恢复后请立即同步，中心保存的记录（包括本机此前已上传的）会重新下载到本机。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="189"/>
        <source>Restored the backup of %1. The damaged file was kept as %2.</source>
        <translation>已恢复 %1 的备份。损坏的文件已另存为 %2（未删除）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="192"/>
        <source>Synchronise now to bring back what the hub holds.</source>
        <translation>请立即同步，取回中心保存的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="194"/>
        <source>Enter again what was recorded after the backup time.</source>
        <translation>请重新录入备份时间之后登记或办理的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="195"/>
        <source>Lvyue — restored</source>
        <translation>履约 — 已恢复</translation>
    </message>
</context>
</TS>
