<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SentDialog</name>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="55"/>
        <source>Record as sent</source>
        <translation>登记已报送</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="61"/>
        <source>Submission %1 was sent to the provincial platform on:</source>
        <translation>报送批次 %1 报送省平台的日期：</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="63"/>
        <source>Date sent</source>
        <translation>报送日期</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="83"/>
        <location filename="../../ui/credit/submission_dialog.py" line="271"/>
        <source>Report to the provincial platform</source>
        <translation>上报省平台</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="88"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="89"/>
        <source>Create and export…</source>
        <translation>生成并导出…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="97"/>
        <source>Number</source>
        <translation>报送编号</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="97"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="97"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="97"/>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="98"/>
        <source>Repaired</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="98"/>
        <source>Created</source>
        <translation>生成日期</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="98"/>
        <source>Sent on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="98"/>
        <source>Sent by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="105"/>
        <source>Export again…</source>
        <translation>重新导出…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="106"/>
        <source>Record as sent…</source>
        <translation>登记已报送…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="107"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="109"/>
        <source>New submission</source>
        <translation>新的报送批次</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="111"/>
        <source>Period (month):</source>
        <translation>报送期间（月）：</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="119"/>
        <source>Submissions</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="163"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="168"/>
        <source>New %1, changed %2, repaired %3 (%4 in all) would go up for %5.</source>
        <translation>%5 将报送：新增 %1 条，变更 %2 条，修复 %3 条（共 %4 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="172"/>
        <source>Held back (missing required fields): %1</source>
        <translation>暂缓报送（缺少必填项）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="176"/>
        <source>Submission %1 was exported but is not recorded as sent.</source>
        <translation>报送批次 %1 已导出但尚未登记已报送。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="179"/>
        <source>Draft %1 is open: export it before creating another.</source>
        <translation>报送草稿 %1 尚未导出：请先导出再生成新的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="186"/>
        <location filename="../../ui/credit/submission_dialog.py" line="240"/>
        <source>Folder for the submission files</source>
        <translation>选择报送文件的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="196"/>
        <source>Submission %1 written: %2</source>
        <translation>已生成报送批次 %1：%2</translation>
    </message>
</context>
</TS>
