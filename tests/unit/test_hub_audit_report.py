"""What ``python -m server admin audit verify`` prints (``server.services.hub_audit.describe``): the counts,
and per problem the device, its sequence number, where the row is (hub number, a refused record, or
nowhere: a missing one) and the event's id, "—" where there is none."""

from __future__ import annotations

from server.services.hub_audit import HubAuditProblem, HubAuditReport, describe, problem_json


def test_a_clean_hub_says_so_with_its_counts():
    text = describe(HubAuditReport(12, 3, 2, ()))
    assert text.splitlines() == ["已校验 12 条已接收记录、3 条拒收记录（2 台设备）。", "各设备的审计链完整，未发现篡改。"]


def test_each_problem_names_its_device_row_and_event():
    report = HubAuditReport(5, 1, 1, (
        HubAuditProblem("event_edited", "pc-1", 4, "ev-4", 17),
        HubAuditProblem("event_unreadable", "pc-1", 5, "ev-5", None),
        HubAuditProblem("event_missing", "pc-1", 6),
    ))
    lines = describe(report).splitlines()
    assert lines[1] == "发现 3 处问题："
    edited, refused, missing = lines[2:]
    assert "设备 pc-1" in edited and "设备序号 4" in edited and "中心序号 17" in edited and "事件 ev-4：" in edited
    assert "拒收记录" in refused and "事件 ev-5：" in refused
    assert "设备序号 6" in missing and missing.endswith(f"事件 —：{report.problems[2].label}")
    assert problem_json(report.problems[0]) == {"kind": "event_edited", "label": report.problems[0].label,
                                                "device_id": "pc-1", "device_seq": 4, "event_id": "ev-4",
                                                "server_seq": 17}
