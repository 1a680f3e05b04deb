"""The 调度通报 (briefing) PDF of a period: a draft to read, or issued with a number of its own series.

Numbering: the office's briefing series ``{region short name}发改通`` (州: ``楚发改通〔2026〕3号``, 双柏县:
``双发改通〔2026〕1号``), kept apart from the case documents' 函/告/督 series; numbers come from the same
numbering interface as the notices (``app.store.numbers``), so a number is never used twice, and an
enrolled device takes them from its hub block like any other series.

A draft (the default) takes no number: "（预览）" stands where the number goes and every page is marked
草稿, as a notice's preview. Issuing (a leader: 签发) takes the number, renders, stores the PDF
content-addressed beside the database (``documents/ab/abcd….pdf``, as issued notices) and records it in
the profile's register of briefings (meta key ``briefings``: number, period, region, date, who, SHA-256,
pages) — one transaction; a failure uses no number. Briefings are not complaint events: they are not
synced, and the PDF (not a snapshot) is the record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.documents import render_pdf
from app.domain.clock import china_date, iso_utc
from app.domain.errors import DomainError
from app.domain.numbering import document_series, format_document_number
from app.domain.vocabulary import Role
from app.reports.briefing import Office, briefing_document
from app.services import office_settings
from app.services.document_files import store_pdf
from app.services.documents import page_count
from app.services.profile import Profile
from app.services.reports import period_figures
from app.services.users import Actor

SERIES_SUFFIX = "发改通"
META_KEY = "briefings"


@dataclass(frozen=True)
class Briefing:
    pdf: bytes
    title: str
    number: str | None  # None: a draft
    pages: int
    path: Path | None  # where the issued PDF is stored; None for a draft


def briefing_prefix(profile: Profile) -> str:
    region = profile.regions.find(profile.office.region_code)
    return (region.short_name if region else profile.office.name[:1]) + SERIES_SUFFIX


def briefing_pdf(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                 region_code: str | None = None, department: str | None = None, issue: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> Briefing:
    """The briefing of ``[period_from, period_to]``; ``issue`` numbers and records it (a leader only).

    ``progress(done, total)`` is called after the figures and after the render; ``cancel()`` is polled
    between them (a cancelled issue takes no number).
    """
    if issue and not actor.has(Role.LEADER):
        raise DomainError("role_not_permitted", action_label="签发调度通报", roles="leader")
    figures = period_figures(profile, actor, period_from, period_to, region_code=region_code, department=department)
    _step(progress, cancel, 1)
    settings = office_settings.get(profile)
    office = Office(settings.issuer, settings.signer, settings.printed_by, settings.upstream_office)
    today = china_date(profile.now())
    if not issue:
        pdf = render_pdf(briefing_document(figures, office, "", today), draft=True)
        _step(progress, None, 2)
        return Briefing(pdf, _title(figures), None, page_count(pdf), None)
    prefix = briefing_prefix(profile)
    with profile.store.unit_of_work() as uow:
        number = format_document_number(prefix, today.year, uow.numbers.next(document_series(prefix), today.year))
        pdf = render_pdf(briefing_document(figures, office, number, today))
        _step(progress, cancel, 2)
        sha = hashlib.sha256(pdf).hexdigest()
        register = json.loads(uow.meta.get(META_KEY) or "[]")
        register.append({"number": number, "title": _title(figures), "from": period_from.isoformat(),
                         "to": period_to.isoformat(), "region_code": figures.report.region_code,
                         "department": figures.report.department, "issued_on": today.isoformat(),
                         "issued_at": iso_utc(profile.now()), "actor": actor.user_id, "sha256": sha,
                         "pages": page_count(pdf)})
        uow.meta.set(META_KEY, json.dumps(register, ensure_ascii=False))
        path = store_pdf(profile, sha, pdf)
        uow.commit()
    return Briefing(pdf, _title(figures), number, page_count(pdf), path)


def issued_briefings(profile: Profile) -> list[dict]:
    """The register of issued briefings, oldest first."""
    with profile.store.read() as session:
        from app.store.meta import MetaStore

        return json.loads(MetaStore(session).get(META_KEY) or "[]")


def _title(figures) -> str:
    from app.reports.briefing import title_of

    return title_of(figures)


def _step(progress, cancel, done: int) -> None:
    if progress:
        progress(done, 2)
    if cancel and cancel():
        raise DomainError("cancelled")
