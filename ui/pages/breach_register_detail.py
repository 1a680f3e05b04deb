"""The detail panel of one breach record: facts, each sanction with its owner, period and status, the
accountability decisions and the repair (HTML in a read-only browser)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain.masking import mask_personal_text
from app.services.credit_register import BreachRecord


class RecordDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.show_record(None)

    def show_record(self, r: BreachRecord | None) -> None:
        if r is None:
            hint = self.tr("Choose a record to see it here.")
            self.setHtml(f"<p>{escape(hint)}</p>")
            return
        self.setHtml(self.record_html(r))

    def record_html(self, r: BreachRecord) -> str:
        facts, sanctions, imposed, period, status = (
            self.tr("Facts"), self.tr("Sanctions"), self.tr("Imposed by"), self.tr("Period"), self.tr("Status"))
        none, accountability, repair = self.tr("None"), self.tr("Accountability"), self.tr("Repair")
        not_repaired, fulfilled = self.tr("Not repaired"), self.tr("Fulfilled on {day}")

        def row(label: str, value: str | None) -> str:
            return f"<tr><td><b>{escape(label)}</b></td><td>{escape(value or '—')}</td></tr>"

        parts = [f"<h3>{escape(r.respondent_name)}</h3>",
                 f"<p>{escape(r.case_no)} · {escape(r.status_label)}</p><table cellspacing='4'>",
                 row(self.tr("Credit code"), r.respondent_code), row(self.tr("County"), r.region_name),
                 row(self.tr("Competent department"), r.department), row(self.tr("Confirmed by"), r.confirmed_by),
                 row(self.tr("Confirmed on"), r.confirmed_on), row(self.tr("Document no."), r.document_ref),
                 row(self.tr("Enterprise"), r.complainant_name), row(self.tr("Agreement"), r.agreement_title),
                 row(self.tr("Claim (yuan)"), r.claim_yuan), "</table>",
                 f"<h4>{escape(facts)}</h4><p>{escape(mask_personal_text(r.facts))}</p>"]
        if r.ground_detail:
            parts.append(f"<p>{escape(mask_personal_text(r.ground_detail))}</p>")
        parts.append(f"<h4>{escape(sanctions)}</h4>")
        if r.sanctions:
            parts.append("<ol>")
            for s in r.sanctions:
                lifted = self.tr(" (lifted {day})").format(day=s.lifted_on) if s.lifted_on else ""
                parts.append(f"<li>{escape('、'.join(s.measures))}<br>{escape(imposed)}："
                             f"{escape(s.imposed_by)}<br>{escape(period)}：{escape(s.period)}<br>"
                             f"{escape(status)}：{escape(s.status_label + lifted)}</li>")
            parts.append("</ol>")
        else:
            parts.append(f"<p>{escape(none)}</p>")
        parts.append(f"<h4>{escape(accountability)}</h4>")
        if r.accountability:
            parts.append("<ul>")
            for a in r.accountability:
                people = "、".join(f"{p.get('position') or ''}（{p.get('outcome') or ''}）" for p in a.get("persons", []))
                parts.append(f"<li>{escape(a.get('decided_by') or '')} {escape(a.get('decided_on') or '')}："
                             f"{escape(people)}</li>")
            parts.append("</ul>")
        else:
            parts.append(f"<p>{escape(none)}</p>")
        parts.append(f"<h4>{escape(repair)}</h4>")
        if r.repaired_on:
            parts.append(f"<p>{escape(fulfilled.format(day=r.repaired_on))}"
                         + (f"；{escape(r.repair_document)}" if r.repair_document else "")
                         + (f"<br>{escape(mask_personal_text(r.repair_evidence))}" if r.repair_evidence else "") + "</p>")
        else:
            parts.append(f"<p>{escape(not_repaired)}</p>")
        return "".join(parts)
