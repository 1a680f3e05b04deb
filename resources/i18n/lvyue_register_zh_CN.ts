<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BreachRegisterModel</name>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="164"/>
        <source>Case no.</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="164"/>
        <source>Government body</source>
        <translation>失信主体</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="166"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="164"/>
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="166"/>
        <source>Competent department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="166"/>
        <source>Confirmed by</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="164"/>
        <source>Confirmed on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="165"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="165"/>
        <source>Sanctions in force</source>
        <translation>实施中惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/models/breach_register_table.py" line="165"/>
        <source>Claim (yuan)</source>
        <translation>诉求金额（元）</translation>
    </message>
</context>
<context>
    <name>BreachRegisterPage</name>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="59"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="61"/>
        <source>Save the records shown as an Excel workbook</source>
        <translation>把当前筛选出的全部记录导出为台账表格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="62"/>
        <source>Open the complaint</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="107"/>
        <source>No breach records yet. A record is made when a complaint&apos;s breach is confirmed (核实认定).</source>
        <translation>还没有失信记录。投诉经核实认定违约失信后，记录会列在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="109"/>
        <source>No records match the filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="109"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="129"/>
        <location filename="../../ui/pages/breach_register.py" line="143"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="164"/>
        <source>{total} records ({in_force} in force, {sanctioned} under sanction today)</source>
        <translation>共 {total} 条（有效 {in_force} 条；今日仍在惩戒 {sanctioned} 条）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="175"/>
        <source>The register could not be read</source>
        <translation>无法读取失信记录台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="176"/>
        <source>Breach register</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="196"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="197"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="203"/>
        <location filename="../../ui/pages/breach_register.py" line="222"/>
        <location filename="../../ui/pages/breach_register.py" line="224"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="204"/>
        <source>Export the {count} records shown (with the current filters) to {path}?</source>
        <translation>按当前筛选条件导出 {count} 条政务失信记录到
{path}
确定导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="222"/>
        <source>Writing the workbook…</source>
        <translation>正在写入 Excel 台账…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="223"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register.py" line="228"/>
        <source>{n} records were saved to {path}</source>
        <translation>已导出 {n} 条政务失信记录：
{path}</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="22"/>
        <source>Choose a record to see it here.</source>
        <translation>请选择一条记录查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="29"/>
        <source>Facts</source>
        <translation>失信事实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="29"/>
        <source>Sanctions</source>
        <translation>惩戒措施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="29"/>
        <source>Imposed by</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="29"/>
        <source>Period</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="29"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="30"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="30"/>
        <source>Accountability</source>
        <translation>追究责任</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="30"/>
        <source>Repair</source>
        <translation>信用修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="31"/>
        <source>Not repaired</source>
        <translation>尚未修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="31"/>
        <source>Fulfilled on {day}</source>
        <translation>{day} 履约完毕</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="38"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="38"/>
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="39"/>
        <source>Competent department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="39"/>
        <source>Confirmed by</source>
        <translation>认定部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="40"/>
        <source>Confirmed on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="40"/>
        <source>Document no.</source>
        <translation>认定文号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="41"/>
        <source>Enterprise</source>
        <translation>投诉企业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="41"/>
        <source>Agreement</source>
        <translation>涉及协议</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="42"/>
        <source>Claim (yuan)</source>
        <translation>诉求金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_detail.py" line="50"/>
        <source> (lifted {day})</source>
        <translation>（{day} 解除）</translation>
    </message>
</context>
<context>
    <name>RegisterFilterBar</name>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="48"/>
        <source>Search body (name, pinyin or initials), credit code, case no.</source>
        <translation>检索失信主体（名称、拼音或首字母）、统一社会信用代码、案号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="51"/>
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="54"/>
        <location filename="../../ui/pages/breach_register_filters.py" line="98"/>
        <source>All departments</source>
        <translation>全部主管部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="56"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="56"/>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="57"/>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="58"/>
        <source>Any sanctions</source>
        <translation>全部惩戒情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="58"/>
        <source>Sanction in force</source>
        <translation>惩戒实施中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="59"/>
        <source>Sanctions ended</source>
        <translation>惩戒已结束</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="60"/>
        <source>No sanction</source>
        <translation>未惩戒</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="62"/>
        <source>Confirmed from</source>
        <translation>认定日期从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="65"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breach_register_filters.py" line="62"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
</TS>
