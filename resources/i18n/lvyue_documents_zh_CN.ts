<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentPrinting</name>
    <message>
        <location filename="../../ui/documents/printing.py" line="202"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="212"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="212"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="215"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="223"/>
        <source>Printing page %1 of %2 as page images (this PDF cannot be sent as text; the print is larger and slower)…</source>
        <translation>正在按页面图像打印第 %1 页，共 %2 页（此 PDF 无法按文字送打印机，数据量较大，打印较慢）…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="226"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
</context>
<context>
    <name>DocumentSaving</name>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="43"/>
        <location filename="../../ui/documents/preview_dialog.py" line="66"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="44"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="67"/>
        <source>The PDF was not saved.</source>
        <translation>PDF 未能保存。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="70"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="71"/>
        <source>Save under another name…</source>
        <translation>另存为其他文件名…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/documents/document_table.py" line="34"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_table.py" line="34"/>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_table.py" line="34"/>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_table.py" line="34"/>
        <source>Recipient</source>
        <translation>主送</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_table.py" line="35"/>
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../ui/documents/document_table.py" line="35"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="56"/>
        <source>Search number, case, recipient, complainant, respondent</source>
        <translation>检索文号、案号、主送单位、投诉人、被投诉主体</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="59"/>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="80"/>
        <source>Preview / reprint</source>
        <translation>预览 / 重印</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="82"/>
        <source>Print selected…</source>
        <translation>打印所选…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="84"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="86"/>
        <source>Reminders…</source>
        <translation>催办督办…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="88"/>
        <source>Overdue steps by department; issue 催办函 or 督办通知 in a batch</source>
        <translation>按部门查看超期事项，批量开具催办函或督办通知</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="100"/>
        <source>Issued documents</source>
        <translation>文书台账</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="119"/>
        <source>No documents have been issued yet. Documents are issued while handling a complaint (open it, then choose the step).</source>
        <translation>还没有开具文书。文书在办理投诉时开具：打开投诉，选择要办理的环节。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="121"/>
        <source>No documents match the search.</source>
        <translation>没有符合搜索条件的文书。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="121"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="142"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="167"/>
        <location filename="../../ui/documents/documents_page.py" line="236"/>
        <source>%1 documents</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="174"/>
        <source>Preparing documents…</source>
        <translation>正在准备文书…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="174"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="175"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="204"/>
        <location filename="../../ui/documents/documents_page.py" line="224"/>
        <source>Save the selected documents in</source>
        <translation>将所选文书保存到</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="221"/>
        <source>Saved %1 documents in %2</source>
        <translation>已将 %1 件文书保存到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="225"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1 份</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="237"/>
        <source>No documents match</source>
        <translation>没有符合条件的文书</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="238"/>
        <source>No documents have been issued yet</source>
        <translation>尚未开具任何文书</translation>
    </message>
    <message>
        <location filename="../../ui/documents/documents_page.py" line="249"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>IssueDocumentDialog</name>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="57"/>
        <source>Issue a document — %1</source>
        <translation>开具文书 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="60"/>
        <source>Kind of document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="63"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="66"/>
        <source>Issue</source>
        <translation>开具</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="68"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="69"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="75"/>
        <source>Documents this complaint allows now:</source>
        <translation>本案当前可开具的文书：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="104"/>
        <source>No document can be issued for this complaint in its present state.</source>
        <translation>本案当前状态下没有可开具的文书。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="116"/>
        <source>Preparing the draft…</source>
        <translation>正在生成预览稿…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="125"/>
        <source>Draft of %1: the number is left blank and is given when the document is issued. Issuing records the document in the case file; it cannot be withdrawn.</source>
        <translation>%1预览稿：文号暂空，开具时编号。开具后文书记入案件办理记录，不能撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="138"/>
        <source>Issue %1</source>
        <translation>开具%1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="139"/>
        <source>Issue %1 with the next number of %2? It is recorded in the case file and cannot be withdrawn.</source>
        <translation>确定开具%1，使用“%2”的下一个文号？开具后记入案件办理记录，不能撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="145"/>
        <source>Issuing…</source>
        <translation>正在开具…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="159"/>
        <source>Office contact</source>
        <translation>本局联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="161"/>
        <source>Documents state the office&apos;s contact person and telephone. Enter them once; they can be changed later in the document settings.</source>
        <translation>文书须写明本局联系人及电话。请在此填写一次，以后可在“发文设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="164"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="165"/>
        <source>Contact telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="185"/>
        <source>Issued %1</source>
        <translation>已开具 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/issue_dialog.py" line="186"/>
        <source>Issued as %1 (%2 pages) and recorded in the case file. Print it or save it now, or later from the Documents page.</source>
        <translation>已开具为 %1（共 %2 页），并记入案件办理记录。可以现在打印或另存，也可以以后在“文书”页重印。</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="44"/>
        <source>Document settings</source>
        <translation>发文设置</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="48"/>
        <source>Issuing office</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="48"/>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="49"/>
        <source>Printed by (document format)</source>
        <translation>印发机关（文件格式）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="50"/>
        <source>Office breaches are reported to</source>
        <translation>失信信息报送机关</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="51"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="51"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="52"/>
        <source>Address</source>
        <translation>通信地址</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="65"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="65"/>
        <source>Number prefix</source>
        <translation>发文字号前缀</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="66"/>
        <source>Copy to (separate with 、)</source>
        <translation>抄送（用“、”分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="84"/>
        <source>Numbers and copies per kind</source>
        <translation>各类文书的文号与抄送</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="92"/>
        <source>Empty fields use the default shown in grey. Documents already issued keep what they said.</source>
        <translation>留空的项目使用灰色显示的默认值。已开具的文书不受修改影响。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="94"/>
        <source>Only an administrator or a leader may change these settings.</source>
        <translation>只有系统管理员或审核人可以修改发文设置。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/settings_dialog.py" line="124"/>
        <source>Set by the prefecture hub</source>
        <translation>由州级中心统一设定</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="30"/>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="33"/>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="37"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="40"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="41"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="42"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="46"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="49"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pdf_pane.py" line="121"/>
        <source>of %1</source>
        <translation>/ 共 %1 页</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="100"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview_dialog.py" line="101"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="47"/>
        <source>Reminders — overdue steps</source>
        <translation>催办督办——超期未办事项</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="52"/>
        <source>Filter by responsible body</source>
        <translation>按责任单位筛选</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="55"/>
        <source>Case / responsible body</source>
        <translation>案号 / 责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="55"/>
        <source>Overdue step</source>
        <translation>超期环节</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="55"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="56"/>
        <source>Working days over</source>
        <translation>超期工作日</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="56"/>
        <source>Urged</source>
        <translation>已催办</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="56"/>
        <source>Supervised</source>
        <translation>已督办</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="60"/>
        <source>Select all issuable</source>
        <translation>全选可开具的</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="61"/>
        <source>Issue for selected…</source>
        <translation>为选中案件开具…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="65"/>
        <source>Document:</source>
        <translation>文书：</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="88"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="97"/>
        <source>%1 · %2 (%3, at most %4 working days over)</source>
        <translation>%1 · %2（%3 件，最多超期 %4 个工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="144"/>
        <source>%1 overdue, %2 selected</source>
        <translation>超期 %1 项，已选 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="145"/>
        <source>No overdue steps</source>
        <translation>没有超期未办的事项</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="153"/>
        <source>Issue %1 numbered %2 now?</source>
        <translation>现在开具 %1 件%2（每件取正式文号并记录在案）？</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="161"/>
        <source>Issuing documents…</source>
        <translation>正在开具文书…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="161"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="176"/>
        <source>Issued %1 %2.</source>
        <translation>已开具%2 %1 件。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/reminders_dialog.py" line="179"/>
        <source>Cancelled before the rest.</source>
        <translation>已取消，其余案件未开具。</translation>
    </message>
</context>
</TS>
