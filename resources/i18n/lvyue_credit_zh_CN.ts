<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SentDialog</name>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="57"/>
        <source>Record as sent</source>
        <translation>登记已报送</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="63"/>
        <source>Submission %1 was sent to the provincial platform on:</source>
        <translation>报送批次 %1 报送省平台的日期：</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="65"/>
        <source>Date sent</source>
        <translation>报送日期</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="85"/>
        <location filename="../../ui/credit/submission_dialog.py" line="282"/>
        <source>Report to the provincial platform</source>
        <translation>上报省平台</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="90"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="91"/>
        <source>Create and export…</source>
        <translation>生成并导出…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="99"/>
        <source>Number</source>
        <translation>报送编号</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="99"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="99"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="99"/>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="100"/>
        <source>Repaired</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="100"/>
        <source>Created</source>
        <translation>生成日期</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="100"/>
        <source>Sent on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="100"/>
        <source>Sent by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="107"/>
        <source>Export again…</source>
        <translation>重新导出…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="108"/>
        <source>Record as sent…</source>
        <translation>登记已报送…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="109"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="111"/>
        <source>New submission</source>
        <translation>新的报送批次</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="113"/>
        <source>Period (month):</source>
        <translation>报送期间（月）：</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="121"/>
        <source>Submissions</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="139"/>
        <source>No submissions yet. Choose the month above and press “Create and export…”.</source>
        <translation>还没有报送记录。在上方选择月份，点“生成并导出…”。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="167"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="172"/>
        <source>New %1, changed %2, repaired %3 (%4 in all) would go up for %5.</source>
        <translation>%5 将报送：新增 %1 条，变更 %2 条，修复 %3 条（共 %4 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="176"/>
        <source>Held back (missing required fields): %1</source>
        <translation>暂缓报送（缺少必填项）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="180"/>
        <source>Submission %1 was exported but is not recorded as sent.</source>
        <translation>报送批次 %1 已导出但尚未登记已报送。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="183"/>
        <source>Draft %1 is open: export it before creating another.</source>
        <translation>报送草稿 %1 尚未导出：请先导出再生成新的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="190"/>
        <location filename="../../ui/credit/submission_dialog.py" line="251"/>
        <source>Folder for the submission files</source>
        <translation>选择报送文件的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/credit/submission_dialog.py" line="200"/>
        <source>Submission %1 written: %2</source>
        <translation>已生成报送批次 %1：%2</translation>
    </message>
</context>
</TS>
