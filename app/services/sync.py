"""Sync 同步 for the window and the CLI: status, sync now, enrolment, reference data lookups.

The 同步 page and the status bar call only these functions (plain dataclasses in and out; progress
and cancel as callables). Device tokens live in the OS keyring (``app.sync.credentials``).
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from app import __version__
from app.domain.clock import iso_utc
from app.domain.errors import DomainError
from app.domain.events import canonical_json
from app.domain.ids import uuid7
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import Action, label
from app.messages import describe, message
from app.security.fieldcrypt import open_json
from app.services.profile import Profile, create_profile, is_initialised, open_profile
from app.store.meta import MetaStore
from app.store.tables import complaint_data, complaints, events, number_blocks, quarantine
from app.sync import blobs, credentials, outbox, proxies, state
from app.sync.lock import sync_lock
from app.sync.protocol import CHAIN_REJECTIONS, EnrolRequest, NumberClaim
from app.sync.reference import merged_regions, read_kind
from app.sync.runner import SKEW_WARNING_SECONDS, SyncProgress, SyncReport, SyncRun
from app.sync.tables import blob_queue, rejections
from app.sync.transport import HubClient, SyncError, normalise_url

__all__ = ["SyncProgress", "SyncReport", "enroll", "status", "sync_now"]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RejectedEvent:
    event_id: str
    complaint_id: str | None
    case_no: str | None
    action: str
    action_label: str
    device_time: str
    code: str
    message: str  # the hub's reason, in Chinese
    rejected_at: str
    needs_admin: bool  # the device chain itself is wrong: later events are refused too until it is fixed


@dataclass(frozen=True)
class BlobFailure:
    """An attachment that could not be sent or fetched at the last try (it is tried again at each sync)."""

    direction: str  # up | down
    case_no: str | None
    filename: str | None
    sha256: str
    code: str
    reason: str  # in Chinese
    attempts: int

    def describe(self) -> str:
        way = "上传" if self.direction == "up" else "下载"
        return (f"{way} {self.case_no or '（未知案件）'}“{self.filename or self.sha256[:12]}”：{self.reason}"
                f"（已试 {self.attempts} 次）")


@dataclass(frozen=True)
class ConflictItem:
    complaint_id: str
    case_no: str
    kept: tuple[dict[str, Any], ...]  # Complaint.conflicts entries (event, action, actor, at, reason…)


@dataclass(frozen=True)
class QuarantinedEvent:
    """A record that does not count on this device (同步页“隔离保存的记录”), with the reason in Chinese.

    ``origin``: ``fold`` (malformed: this device could not use it), ``hub`` (the hub administrator
    quarantined it for every device) or ``repair`` (an own record an integrity repair could not chain).
    """

    event_id: str
    stream: str | None
    case_no: str | None
    action: str
    action_label: str
    device_time: str
    device_id: str
    own: bool  # made on this computer
    origin: str
    code: str
    message: str
    at: str


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    hub_url: str | None
    device_id: str
    device_name: str | None
    scope_region: str | None
    scope_name: str | None
    last_attempt_at: str | None
    last_success_at: str | None
    last_error_code: str | None
    last_error_message: str | None
    pending_events: int
    rejected: tuple[RejectedEvent, ...]
    conflicts: tuple[ConflictItem, ...]
    quarantined: tuple[QuarantinedEvent, ...]
    blobs_pending: int
    clock_skew_seconds: float | None
    clock_warning: str | None
    daily_time: str | None
    blob_failures: tuple[BlobFailure, ...] = ()
    proxy_setting: str = "system"  # "system", "direct" or a proxy URL (``app.sync.proxies``)
    route: str = ""  # how the hub is reached now: "经代理 http://10.1.1.1:8080（…）" or "直连…"


@dataclass(frozen=True)
class Enrolled:
    home: str
    device_id: str
    hub_url: str
    scope_region: str
    scope_name: str
    office_name: str


def status(profile: Profile) -> SyncStatus:
    with profile.store.read() as session:
        meta = MetaStore(session)
        values = meta.all()
        e, r, c = events.c, rejections.c, complaints.c
        refused = session.execute(
            select(e.id, e.stream, e.action, e.device_time, r.code, r.message, r.params, r.rejected_at, c.case_no)
            .join(rejections, r.event_id == e.id).outerjoin(complaints, c.id == e.stream)
            .order_by(e.device_seq)).all()
        conflicted = session.execute(
            select(c.id, c.case_no, complaint_data.c.data).join(complaint_data, complaint_data.c.num == c.num)
            .where(c.conflict == 1).order_by(c.updated_at.desc())).all()
        blobs_pending = session.execute(select(func.count()).select_from(blob_queue)).scalar_one()
        failures = tuple(_blob_failures(session))
        pending = outbox.pending_count(session, profile.device_id)
        kept = tuple(_quarantined(session, profile.device_id))
    skew = float(values[state.SKEW]) if values.get(state.SKEW) else None
    warning = None
    if skew is not None and abs(skew) > SKEW_WARNING_SECONDS:
        warning = message("clock_skew", {"minutes": round(abs(skew) / 60)})
    return SyncStatus(
        enrolled=bool(values.get(state.HUB_URL)), hub_url=values.get(state.HUB_URL), device_id=profile.device_id,
        device_name=values.get(state.DEVICE_NAME), scope_region=values.get(state.SCOPE_REGION),
        scope_name=values.get(state.SCOPE_NAME), last_attempt_at=values.get(state.LAST_ATTEMPT),
        last_success_at=values.get(state.LAST_SUCCESS), last_error_code=values.get(state.LAST_ERROR_CODE) or None,
        last_error_message=values.get(state.LAST_ERROR_MESSAGE) or None, pending_events=pending,
        rejected=tuple(RejectedEvent(x.id, x.stream if x.case_no else None, x.case_no, x.action, _action_label(x.action),
                                     x.device_time, x.code, x.message or message(x.code, json.loads(x.params or "{}")), x.rejected_at, x.code in CHAIN_REJECTIONS)
                      for x in refused),
        conflicts=tuple(ConflictItem(x.id, x.case_no, tuple(open_json(x.data).get("conflicts", [])))
                        for x in conflicted),
        quarantined=kept, blobs_pending=blobs_pending, clock_skew_seconds=skew, clock_warning=warning,
        daily_time=values.get(state.DAILY_TIME) or None, blob_failures=failures, proxy_setting=values.get(state.PROXY) or proxies.SYSTEM,
        route=route_text(values.get(state.HUB_URL), values.get(state.PROXY)))


def route_text(hub_url: str | None, setting: str | None) -> str:
    """The resolved route for the diagnostics, or why it cannot be resolved (never raises)."""
    if not hub_url:
        return ""
    try:
        return proxies.resolve(normalise_url(hub_url), setting or proxies.SYSTEM).describe()
    except DomainError as error:
        return describe(error)


def connection(profile: Profile) -> tuple[str | None, str]:
    """(hub URL, route text) without the rest of the status: for the line before each sync."""
    with profile.store.read() as session:
        meta = MetaStore(session)
        hub_url, setting = meta.get(state.HUB_URL), meta.get(state.PROXY)
    return hub_url, route_text(hub_url, setting)


def set_proxy(profile: Profile, text: str | None) -> str:
    """The hub proxy setting: ``直连``/``direct``, ``系统设置``/``system`` (the default) or a proxy URL
    such as ``http://10.1.1.1:8080``. Returns the stored form; a wrong entry raises ``hub_proxy_invalid``."""
    value = proxies.parse_setting(text)
    _record(profile, {state.PROXY: value})
    return value


def _blob_failures(session) -> list[BlobFailure]:
    """The queued attachments whose last try failed, named by case and file (``blobs.attachment_owner``)."""
    b = blob_queue.c
    rows = session.execute(select(b.sha256, b.direction, b.attempts, b.last_error)
                           .where(b.last_error.is_not(None)).order_by(b.direction.desc(), b.sha256)).all()
    failures = []
    for row in rows:
        case_no, filename = blobs.attachment_owner(session, row.sha256)
        code, params = blobs.failure_reason(row.last_error)
        failures.append(BlobFailure(row.direction, case_no, filename, row.sha256, code, message(code, params),
                                    row.attempts))
    return failures


def _quarantined(session, device_id: str) -> list[QuarantinedEvent]:
    q, c, e = quarantine.c, complaints.c, events.c
    stream = func.coalesce(q.stream, e.stream)
    rows = session.execute(select(quarantine, e.action.label("held_action"), e.device_time.label("held_time"),
                                  e.device_id.label("held_device"), stream.label("held_stream"), c.case_no)
                           .outerjoin(events, e.id == q.event_id).outerjoin(complaints, c.id == stream)
                           .order_by(q.quarantined_at, q.event_id)).all()
    items = []
    for row in rows:
        event = open_json(row.event)  # the event as set aside; the log's copy where this device holds it
        action = str(row.held_action or event.get("action") or "")
        device = str(row.held_device or event.get("device_id") or "")
        text = message(row.reason, json.loads(row.params or "{}"))
        if row.origin == "fold":
            text = f"本机未采用：{text}"
        items.append(QuarantinedEvent(
            event_id=row.event_id, stream=row.held_stream or event.get("stream"), case_no=row.case_no,
            action=action, action_label=_action_label(action) if action else "",
            device_time=str(row.held_time or event.get("device_time") or ""), device_id=device,
            own=device == device_id, origin=row.origin, code=row.reason, message=text, at=row.quarantined_at))
    return items


def _action_label(action: str) -> str:
    try:
        return label(Action(action))
    except ValueError:
        return {"login": "登录", "logout": "退出", "login_failed": "登录失败", "user_add": "添加用户",
                "personal_data_revealed": "查看个人信息"}.get(action, action)


def client_for(profile: Profile, transport=None) -> HubClient:
    with profile.store.read() as session:
        enrolment = state.enrolment(MetaStore(session))
        setting = MetaStore(session).get(state.PROXY, proxies.SYSTEM)
    if enrolment is None:
        raise DomainError("not_enrolled")
    return HubClient(enrolment.hub_url, credentials.load_token(profile.device_id), transport=transport,
                     proxy_setting=setting or proxies.SYSTEM)


def sync_now(profile: Profile, progress: Callable[[SyncProgress], None] | None = None,
             cancel: Callable[[], bool] | None = None, *, verify: bool | None = None, repair: bool = False,
             transport=None) -> SyncReport:
    """Run one complete sync. Raises ``DomainError`` (``SyncError`` when the hub or network failed);
    whatever was done before the failure stays done, nothing unsent is lost."""
    with sync_lock(profile.files.home):
        _record(profile, {state.LAST_ATTEMPT: iso_utc(profile.now())})
        try:
            with client_for(profile, transport) as client:
                log.info("sync with %s: %s", client.base_url, client.route.describe())
                run = SyncRun(profile, client, progress, cancel, lambda: _document_prefixes(profile))
                report = run.run(verify=verify, repair=repair)
        except DomainError as error:
            _record(profile, {state.LAST_ERROR_CODE: error.code, state.LAST_ERROR_MESSAGE: describe(error)})
            log.info("sync not done: %s %s", error.code, describe(error))  # INFO: the log file, not the console
            raise
        except Exception as error:  # never leave the status silent about an unexpected failure
            _record(profile, {state.LAST_ERROR_CODE: "internal", state.LAST_ERROR_MESSAGE: repr(error)[:300]})
            log.exception("sync failed unexpectedly")
            raise
        log.info("sync done: pushed %s, pulled %s, rejected %s, quarantined %s, integrity %s", report.pushed,
                 report.pulled, report.rejected, report.quarantined, report.integrity)
        _record(profile, {state.LAST_SUCCESS: report.finished_at, state.LAST_ERROR_CODE: "",
                          state.LAST_ERROR_MESSAGE: "", state.LAST_REPORT: canonical_json(asdict(report))})
        return report


def _document_prefixes(profile: Profile) -> list[str] | None:
    """Every 发文字号 prefix the office issues in (its office settings: the hub's or the local ones), and
    the series of its credit check results (``app.services.credit_check``)."""
    try:
        from app.services import credit_check, office_settings
    except ImportError:  # documents not installed in this build: the hub's prefixes are used
        return None
    return sorted({*office_settings.get(profile).prefixes.values(), credit_check.check_prefix(profile)})


def _record(profile: Profile, values: dict[str, str]) -> None:
    with profile.store.unit_of_work() as uow:
        for key, value in values.items():
            uow.meta.set(key, value)
        uow.commit()


def set_daily_time(profile: Profile, hhmm: str | None) -> None:
    """The window's optional daily sync time ("18:00"), or None to switch it off."""
    if hhmm and (len(hhmm) != 5 or hhmm[2] != ":" or not (hhmm[:2] + hhmm[3:]).isdigit()
                 or int(hhmm[:2]) > 23 or int(hhmm[3:]) > 59):
        raise DomainError("required", field="daily_time")
    _record(profile, {state.DAILY_TIME: hhmm or ""})


def reference_data(profile: Profile, kind: str) -> list[dict[str, Any]]:
    """Hub reference data kept on this device: ``departments``, ``document_prefixes``, ``regions``."""
    with profile.store.read() as session:
        return list(read_kind(session, kind))


def _claims(profile: Profile) -> list[NumberClaim]:
    """Numbers a standalone profile already handed out (they become this device's block at the hub)."""
    with profile.store.read() as session:
        rows = session.execute(select(number_blocks).where(number_blocks.c.end.is_(None))).all()
    return [NumberClaim(series=r.series, year=r.year, max=r.next - 1) for r in rows if r.next > 1]


def enroll(home: Path, hub_url: str, code: str, device_name: str | None = None, *, transport=None,
           proxy: str | None = None) -> Enrolled:
    """Join the hub with a one-time code: a new profile in an empty ``home``, or an existing standalone one.

    A profile already enrolled with this hub may enrol again only with a replacement code the hub
    administrator issued for this device (``admin code create --replace``): it gets a new token for
    the same device id (its keyring entry was lost, or the profile moved to another computer) and
    keeps its sync position. Afterwards numbers come from hub blocks and users from the hub; run
    ``sync_now`` to fetch them.
    """
    url = normalise_url(hub_url)
    proxy_value = proxies.parse_setting(proxy) if proxy is not None else None  # None: keep the profile's
    credentials.check_available()  # before the one-time code is spent
    name = (device_name or os.environ.get("COMPUTERNAME") or socket.gethostname() or "lvyue").strip()[:100]
    profile = open_profile(home, daily_backup=False) if is_initialised(home) else None
    current = None
    try:
        if profile is not None:
            with profile.store.read() as session:
                current = state.enrolment(MetaStore(session))
            if current is not None and normalise_url(current.hub_url) != url:
                raise DomainError("already_enrolled", hub=current.hub_url)
            if proxy_value is None:
                with profile.store.read() as session:
                    proxy_value = MetaStore(session).get(state.PROXY) or None
        request = EnrolRequest(code=code, device_name=name, client_version=__version__,
                               device_id=profile.device_id if profile else uuid7(),
                               region_code=profile.office.region_code if profile else None,
                               numbers_used=_claims(profile) if profile else [])
        setting = proxy_value or proxies.SYSTEM
        with HubClient(url, transport=transport, proxy_setting=setting) as client:
            client.meta()
            answer = client.enrol(request)
        with HubClient(url, answer.token, transport=transport, proxy_setting=setting) as client:
            hub_regions = canonical_json(client.reference().regions)  # the hub may know regions we do not
        if profile is None:
            profile = create_profile(home, region_code=answer.scope.region_code, office_name=answer.office_name,
                                     regions=merged_regions(RegionRegistry.load_default(), hub_regions))
        credentials.save_token(answer.device_id, answer.token)
        same_hub = current is not None and current.hub_id == answer.hub_id  # a replacement keeps its position
        with profile.store.unit_of_work() as uow:
            uow.meta.set("device_id", answer.device_id)
            uow.meta.set("numbering", "hub")
            uow.meta.set("hub_regions", hub_regions)
            if proxy_value is not None:
                uow.meta.set(state.PROXY, proxy_value)
            for key, value in ((state.HUB_URL, url), (state.HUB_ID, answer.hub_id), (state.DEVICE_NAME, name),
                               (state.SCOPE_REGION, answer.scope.region_code), (state.SCOPE_NAME, answer.scope.name),
                               *(() if same_hub else ((state.CURSOR, "0"), (state.REFERENCE_VERSION, "0")))):
                uow.meta.set(key, value)
            blocks = number_blocks.c
            uow.session.execute(update(number_blocks).where(blocks.end.is_(None)).values(end=blocks.next - 1))
            uow.commit()
        return Enrolled(str(home), answer.device_id, url, answer.scope.region_code, answer.scope.name,
                        answer.office_name)
    finally:
        if profile is not None:
            profile.close()


def is_transient(error: DomainError) -> bool:
    return isinstance(error, SyncError) and error.transient
