<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountabilityDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="105"/>
        <source>Persons held accountable</source>
        <translation>被追责人员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="117"/>
        <source>Give the name, position and outcome of every person held accountable.</source>
        <translation>请填写每名被追责人员的姓名、职务和处理结果。</translation>
    </message>
</context>
<context>
    <name>ActionConfirmation</name>
    <message>
        <location filename="../../ui/dialogs/actions/confirm.py" line="22"/>
        <source>Confirm that %1 refused to rectify and broke its contract? The breach is recorded in the government credit record and reported to the province; it cannot be withdrawn.</source>
        <translation>确认认定%1拒不整改、构成违约失信？认定后将记入政务失信记录并报送省发展改革委，不能撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/confirm.py" line="30"/>
        <source>Impose on %1 these measures: %2? They apply from %3 until %4 or until the credit is repaired.</source>
        <translation>确认对%1实施以下惩戒措施：%2？措施自%3起执行，至%4止（信用修复的，提前终止）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/confirm.py" line="34"/>
        <source>Impose on %1 these measures: %2? They apply from %3 until the credit is repaired.</source>
        <translation>确认对%1实施以下惩戒措施：%2？措施自%3起执行，直至信用修复。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/confirm.py" line="41"/>
        <source>Confirm that %1 has fulfilled the agreement and repair its credit? The %2 measure(s) still in force end, and the repair is reported to the credit information platform.</source>
        <translation>确认%1已纠正失信行为并完成履约，予以信用修复？仍在实施的%2项惩戒措施将终止，修复信息将推送至信用信息共享平台。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/confirm.py" line="48"/>
        <source>Record that %1 were held accountable for the breach of %2?</source>
        <translation>确认记录对%1追究%2违约失信的责任？</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/base.py" line="79"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/base.py" line="83"/>
        <source>Case %1 · %2 · now: %3</source>
        <translation>案号 %1 · %2 · 当前状态：%3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/base.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ActionFields</name>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="40"/>
        <source>Reason for not accepting</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="41"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="44"/>
        <source>Duplicate of (case number)</source>
        <translation>重复的案件（案号）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="45"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="48"/>
        <source>Forward to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="49"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="55"/>
        <source>Conclusion due</source>
        <translation>核实认定期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="50"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="56"/>
        <source>Note to the department</source>
        <translation>转办说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="53"/>
        <source>Redirect to</source>
        <translation>改派部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="54"/>
        <source>Reason for redirecting</source>
        <translation>改派理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="59"/>
        <source>Returned by</source>
        <translation>退回部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="60"/>
        <source>Reason given for the return</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="63"/>
        <source>Decided by</source>
        <translation>决定机关</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="64"/>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="65"/>
        <source>Number of the decision</source>
        <translation>决定文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="69"/>
        <source>Finding</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="70"/>
        <source>Result of the verification</source>
        <translation>核实情况说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="71"/>
        <source>Determined by</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="72"/>
        <source>Rectification requirements</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="73"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="74"/>
        <source>How the dispute is settled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="77"/>
        <source>New due date</source>
        <translation>新的期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="78"/>
        <source>Reason for the extension</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="81"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="101"/>
        <source>Evidence of fulfilment</source>
        <translation>履约证明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="82"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="85"/>
        <source>Confirmed by</source>
        <translation>确认部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="86"/>
        <source>Confirmed on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="87"/>
        <source>Facts of the breach</source>
        <translation>失信事实</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="88"/>
        <source>Number of the determination</source>
        <translation>认定文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="89"/>
        <source>Ground</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="90"/>
        <source>How the body refused</source>
        <translation>拒绝整改的情况</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="93"/>
        <source>Sanction measures</source>
        <translation>惩戒措施</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="142"/>
        <source>One per line: measures within your remit not listed above, e.g. 暂停新增合作项目</source>
        <translation>每行一项：职能范围内的其他措施，如：暂停新增合作项目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="151"/>
        <source>Document number of the decision</source>
        <translation>追责决定文书的编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="95"/>
        <source>Imposed by</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="96"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="97"/>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="144"/>
        <source>When and how the body refused, e.g. 2026年12月1日复函明确表示不予支付</source>
        <translation>何时、以何种方式拒绝，如：2026年12月1日复函明确表示不予支付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="66"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="98"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="116"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="120"/>
        <location filename="../../ui/dialogs/actions/specs.py" line="132"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="94"/>
        <source>Other measures</source>
        <translation>其他惩戒措施</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="102"/>
        <source>Fulfilled on</source>
        <translation>履约日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="105"/>
        <source>Method</source>
        <translation>反馈方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="106"/>
        <source>What the complainant was told</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="107"/>
        <source>Given on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="110"/>
        <source>Summary of the handling</source>
        <translation>办理情况摘要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="113"/>
        <source>Reason for reopening</source>
        <translation>重新办理理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="119"/>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="123"/>
        <source>Typical case</source>
        <translation>列为典型案例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="124"/>
        <source>Why it is typical</source>
        <translation>典型意义</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="127"/>
        <source>Reason for the correction</source>
        <translation>更正理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="130"/>
        <source>Change to settle</source>
        <translation>待核对事项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="131"/>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="136"/>
        <source>e.g. 532322-2026-0003</source>
        <translation>如 532322-2026-0003</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="138"/>
        <source>Document number of the competent department&apos;s determination</source>
        <translation>上级部门或主管部门认定文书的编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/specs.py" line="140"/>
        <source>Leave empty: until the credit is repaired</source>
        <translation>不填：执行至信用修复</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/amend.py" line="46"/>
        <source>Field to correct</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/amend.py" line="54"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/amend.py" line="62"/>
        <source>Choose a field above and add it; then type the corrected value.</source>
        <translation>请在上方选择要更正的项目并添加，然后填写更正后的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/amend.py" line="82"/>
        <source>Now: %1</source>
        <translation>原为：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/amend.py" line="118"/>
        <source>Nothing was changed: correct at least one field.</source>
        <translation>内容没有变化：请至少更正一项。</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="45"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="48"/>
        <source>Drag scans of the contract, invoices and other evidence here, or add them with the button. They are stored with the complaint when it is registered.</source>
        <translation>可将合同、票据等证明材料的扫描件拖到此处，或点击按钮添加；登记成功后随案保存。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="64"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="65"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="87"/>
        <source>%1 (file not found)</source>
        <translation>%1（找不到文件）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="91"/>
        <source>%1 (larger than %2 MB)</source>
        <translation>%1（超过 %2 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="99"/>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments_box.py" line="105"/>
        <source>Choose files to attach</source>
        <translation>选择要添加的附件</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="51"/>
        <source>Drop files here to attach them to the complaint.</source>
        <translation>可将文件拖到此处，作为本案附件保存。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="58"/>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="58"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="58"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="58"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="68"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="70"/>
        <location filename="../../ui/detail/attachments_tab.py" line="131"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="72"/>
        <source>Add files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="125"/>
        <source>File not opened</source>
        <translation>附件未打开</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="126"/>
        <source>“%1” is a program or script file. Opening it could run commands on this computer, so it is not opened here.</source>
        <translation>“%1”是程序或脚本类文件，打开后可能在本机运行其中的命令。为保护本机安全，本系统不直接打开此类文件。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="129"/>
        <source>If you need it, save it to a folder and have it checked (for example by antivirus software) before you use it.</source>
        <translation>如确需使用，请点击“另存为”保存到其他文件夹，经安全检查（如杀毒软件扫描）后再处理。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="147"/>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/detail/attachments_tab.py" line="156"/>
        <source>Choose files to attach</source>
        <translation>选择要添加的附件</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <location filename="../../ui/forms/inputs.py" line="119"/>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
</context>
<context>
    <name>ComplaintHeader</name>
    <message>
        <location filename="../../ui/detail/header.py" line="46"/>
        <source>Typical case</source>
        <translation>典型案例</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="47"/>
        <source>To be checked</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="73"/>
        <source>%1 change(s) made elsewhere conflict with this complaint; a leader must resolve them.</source>
        <translation>有 %1 项在其他设备上的办理与本案冲突，须由审核人核对处理。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="76"/>
        <source>%1 complains about %2 (competent department: %3)</source>
        <translation>%1 投诉 %2（上级部门或主管部门：%3）</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="80"/>
        <source>Registered %1</source>
        <translation>登记于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="82"/>
        <source>received %1, registered %2 working day(s) later</source>
        <translation>%1收到，收到后第%2个工作日登记</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="85"/>
        <source>Handler: %1</source>
        <translation>承办人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="85"/>
        <source>No handler assigned</source>
        <translation>未指派承办人</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="87"/>
        <source>Forwarded to %1</source>
        <translation>已转办 %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="91"/>
        <source>Merged into %1</source>
        <translation>已并入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="97"/>
        <source>No running deadline</source>
        <translation>当前无办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="97"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/detail/header.py" line="101"/>
        <source>Deadline: %1</source>
        <translation>办理时限：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintView</name>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="72"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="82"/>
        <source>Registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="83"/>
        <source>Record</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="84"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="85"/>
        <source>Sanctions and repair</source>
        <translation>惩戒与修复</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="147"/>
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="224"/>
        <source>Issue document…</source>
        <translation>开具文书…</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="230"/>
        <source>No action is open to you in this state.</source>
        <translation>当前状态下您没有可办理的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="269"/>
        <source>Issue document</source>
        <translation>开具文书</translation>
    </message>
    <message>
        <location filename="../../ui/detail/complaint_view.py" line="270"/>
        <source>Issue the %1 for this step now?</source>
        <translation>是否现在开具本环节的《%1》？</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../../ui/forms/duplicates.py" line="40"/>
        <source>Open that case</source>
        <translation>打开该案件</translation>
    </message>
    <message>
        <location filename="../../ui/forms/duplicates.py" line="77"/>
        <source>Possibly a duplicate of %1 (%2; %3). Check that it is not the same matter; you may still register.</source>
        <translation>可能与 %1 重复（%2；%3）。请核实是否为同一事项；仍可继续登记。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/duplicates.py" line="82"/>
        <source>Also similar: %1.</source>
        <translation>相似的还有：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/duplicates.py" line="84"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>FieldGrid</name>
    <message>
        <location filename="../../ui/forms/field_grid.py" line="94"/>
        <source>%1 / %2 characters</source>
        <translation>已输入 %1 / %2 字</translation>
    </message>
</context>
<context>
    <name>IntakeFields</name>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="46"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="47"/>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="48"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="49"/>
        <source>18 characters, e.g. 91532322MA6K12345R</source>
        <translation>18位，如 91532322MA6K12345R</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="50"/>
        <source>Code confirmed as correct</source>
        <translation>确认代码无误</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="52"/>
        <source>Reason for confirming</source>
        <translation>确认理由</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="54"/>
        <source>e.g. early pilot code, checked against the business licence</source>
        <translation>如：早期试点代码，已与营业执照核对</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="55"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="56"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="57"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="58"/>
        <source>Mobile, or landline with area code: 0878-3117257</source>
        <translation>手机号，或带区号的固定电话，如 0878-3117257</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="59"/>
        <source>Contact&apos;s ID card number</source>
        <translation>联系人身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="61"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="63"/>
        <source>Respondent (government body)</source>
        <translation>被投诉主体</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="64"/>
        <source>Body name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="65"/>
        <source>Type a name or pinyin initials, e.g. czj</source>
        <translation>输入名称或拼音首字母，如 czj</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="66"/>
        <source>Body type</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="67"/>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="68"/>
        <source>Competent department</source>
        <translation>上级部门或主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="69"/>
        <source>The superior or competent department</source>
        <translation>负责核实认定的上级部门或主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="70"/>
        <source>Body&apos;s credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="72"/>
        <source>Department&apos;s credit code</source>
        <translation>主管部门统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="74"/>
        <source>Agreement (contract)</source>
        <translation>协议（合同）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="75"/>
        <source>Agreement title</source>
        <translation>协议（合同）名称</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="76"/>
        <source>Agreement number</source>
        <translation>协议（合同）编号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="77"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="78"/>
        <source>Agreement amount (yuan)</source>
        <translation>协议金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="79"/>
        <location filename="../../ui/forms/intake_fields.py" line="90"/>
        <source>e.g. 125000 or 12.5万</source>
        <translation>如 125000 或 12.5万</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="80"/>
        <source>Parties</source>
        <translation>签订各方</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="82"/>
        <source>Complaint and claim</source>
        <translation>投诉事项与诉求</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="83"/>
        <source>Kind of breach</source>
        <translation>违约失信情形</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="84"/>
        <source>Sector</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="85"/>
        <source>What happened</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="86"/>
        <source>What was agreed, what the body failed to do, since when</source>
        <translation>协议约定了什么、被投诉主体哪些未履行、自何时起</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="87"/>
        <source>Claim</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="88"/>
        <source>What the enterprise asks for</source>
        <translation>企业的具体请求</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="89"/>
        <source>Amount claimed (yuan)</source>
        <translation>诉求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="92"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="93"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="94"/>
        <source>Reference in the channel</source>
        <translation>来源编号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="95"/>
        <source>e.g. hotline ticket number</source>
        <translation>如热线工单号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/intake_fields.py" line="96"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../ui/forms/sections.py" line="38"/>
        <source>%1 (prefecture level)</source>
        <translation>%1（州级）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/sections.py" line="92"/>
        <source>The check character does not match, but the code is confirmed correct (early pilot code)</source>
        <translation>校验位不符，但已核实代码无误（早期试点代码）</translation>
    </message>
    <message>
        <location filename="../../ui/detail/values.py" line="19"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/detail/values.py" line="19"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="88"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="90"/>
        <source>Show the contact&apos;s phone, ID number and address in full for a short time; each look is recorded in the audit trail</source>
        <translation>短时显示联系人完整的电话、身份证号和地址；每次查看均记入审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="94"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="96"/>
        <source>Correct registered information, with the reason (kept in the record)</source>
        <translation>更正登记信息并说明理由（记入办理记录）</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="113"/>
        <source>Corrected %1 time(s); see the record.</source>
        <translation>已更正 %1 次，详见办理记录。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="116"/>
        <source>Personal data shown in full; it is masked again shortly.</source>
        <translation>正在显示完整的个人信息，稍后将自动遮蔽。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="128"/>
        <source>Handling so far</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="152"/>
        <source>Forwarded to</source>
        <translation>转办部门</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="155"/>
        <source>Finding</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="156"/>
        <source>Verification</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="158"/>
        <source>Requirements</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="160"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="162"/>
        <source>Dispute settled by</source>
        <translation>分歧处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="164"/>
        <source>Rectified</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="166"/>
        <source>Feedback</source>
        <translation>反馈投诉人</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="169"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="169"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/detail/intake_tab.py" line="169"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>OptionalDateInput</name>
    <message>
        <location filename="../../ui/forms/inputs.py" line="174"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../ui/forms/inputs.py" line="180"/>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>PersonsInput</name>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="37"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="37"/>
        <source>Responsibility</source>
        <translation>责任类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="38"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="48"/>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/accountability.py" line="50"/>
        <source>Remove the selected person</source>
        <translation>删除选中人员</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/refuse.py" line="31"/>
        <source>The rectification deadline (%1) has not passed yet: a refusal now needs the body&apos;s recorded refusal.</source>
        <translation>整改期限（%1）尚未届满：现在认定拒不整改，须有被投诉主体明确拒绝整改的记录。</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../ui/forms/registration.py" line="85"/>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="91"/>
        <source>Fields marked * are required. Press Ctrl+Enter to register. What you type is kept as a draft until the complaint is registered.</source>
        <translation>带 * 的为必填项，按 Ctrl+Enter 登记。登记前填写的内容会自动保存为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="101"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="134"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="135"/>
        <source>Register (Ctrl+Enter)</source>
        <translation>登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="299"/>
        <source>A draft saved at %1 was restored. Check it and register, or discard it to start afresh.</source>
        <translation>已恢复 %1 保存的草稿。请核对后登记，或放弃草稿重新填写。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="231"/>
        <source>, see the red notes.</source>
        <translation>，请按红色提示修改。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/registration.py" line="349"/>
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/reopen.py" line="27"/>
        <source>It goes back to %1 for verification again, due %2 (%3 working days from today).</source>
        <translation>重新办理后退回%1重新核实，核实认定期限为%2（自今天起%3个工作日）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/reopen.py" line="32"/>
        <source>It goes back to registration and waits to be forwarded; the forwarding deadline runs from today.</source>
        <translation>重新办理后回到“已登记”，等待转办；转办期限自今天起计算。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/reopen.py" line="35"/>
        <source>It goes back to “%1”, where it stood before closing.</source>
        <translation>重新办理后回到办结前的状态“%1”。</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/dialogs/actions/resolve.py" line="51"/>
        <source>made at the same time as another change</source>
        <translation>与他人的办理同时发生</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/resolve.py" line="52"/>
        <source>no longer fits the complaint&apos;s state</source>
        <translation>与案件当前状态不符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/resolve.py" line="53"/>
        <source>a second registration of the same complaint</source>
        <translation>是同一投诉的重复登记</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/actions/resolve.py" line="54"/>
        <source>Kept aside because it %1: %2</source>
        <translation>因%1而暂未生效：%2</translation>
    </message>
</context>
<context>
    <name>SanctionsTab</name>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="27"/>
        <source>No breach has been determined for this complaint.</source>
        <translation>本案尚未认定违约失信。</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="32"/>
        <source>Sanctions</source>
        <translation>惩戒措施</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="39"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="39"/>
        <source>Imposed by</source>
        <translation>实施部门</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="39"/>
        <source>Period</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="48"/>
        <source>Accountability</source>
        <translation>追究责任</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="53"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="53"/>
        <source>Responsibility</source>
        <translation>责任类型</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="54"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="54"/>
        <source>Decided by</source>
        <translation>决定机关</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="74"/>
        <source>Breach determination</source>
        <translation>违约失信认定</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="75"/>
        <source>Confirmed by</source>
        <translation>确认部门</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="76"/>
        <source>Confirmed on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="77"/>
        <source>Ground</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="79"/>
        <source>Facts</source>
        <translation>失信事实</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="80"/>
        <source>Document</source>
        <translation>认定文书</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="87"/>
        <source>until repaired</source>
        <translation>至信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="91"/>
        <source>Expired on %1</source>
        <translation>已于 %1 到期</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="93"/>
        <source>Lifted on %1</source>
        <translation>已于 %1 解除</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="95"/>
        <source>Starts on %1</source>
        <translation>自 %1 起实施</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="97"/>
        <source>In force</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="111"/>
        <source>Credit repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="112"/>
        <source>Agreement fulfilled on</source>
        <translation>履约日期</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="113"/>
        <source>Evidence</source>
        <translation>履约证明</translation>
    </message>
    <message>
        <location filename="../../ui/detail/sanctions_tab.py" line="114"/>
        <source>Repaired on</source>
        <translation>修复日期</translation>
    </message>
</context>
<context>
    <name>SuccessPanel</name>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="21"/>
        <source>Complaint registered</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="27"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="46"/>
        <source>Copy case number</source>
        <translation>复制案号</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="47"/>
        <source>Open the complaint</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="48"/>
        <source>Register another</source>
        <translation>登记下一件</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="49"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="64"/>
        <source>%1 attachment(s) stored.</source>
        <translation>已保存 %1 个附件。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/success_panel.py" line="66"/>
        <source>Not stored: %1 (%2). Add it again from the complaint.</source>
        <translation>未能保存：%1（%2）。可在案件详情中重新添加。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="27"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="27"/>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="27"/>
        <source>What was recorded</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="28"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="37"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="37"/>
        <source>Device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail/timeline_tab.py" line="39"/>
        <source> (not synced)</source>
        <translation>（未同步）</translation>
    </message>
</context>
</TS>
