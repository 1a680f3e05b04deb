"""``python -m server admin audit verify``: every device's chain in the hub database (exit 3 on problems).

A handler in the style of ``server.admin_handlers``, returning ``(data, Chinese text, exit code)``.
"""

from __future__ import annotations

import sys

from server import security_log
from server.services import hub_audit

EXIT_PROBLEMS = 3


def audit_verify(session, args):
    def progress(done: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r已校验 {done} 条……", end="", file=sys.stderr, flush=True)

    report = hub_audit.verify_hub(session, progress=progress)
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    security_log.record("audit_verified", ok=report.ok, events=report.events_checked, refused=report.refused_checked,
                        devices=report.devices, problems=len(report.problems))
    data = {"ok": report.ok, "events_checked": report.events_checked, "refused_checked": report.refused_checked,
            "devices": report.devices, "problems": [hub_audit.problem_json(p) for p in report.problems]}
    return data, hub_audit.describe(report), 0 if report.ok else EXIT_PROBLEMS
