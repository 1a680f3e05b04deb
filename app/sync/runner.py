"""One sync 同步 from start to end. Officers never choose a direction: everything happens in order.

meta (versions, clock) -> files up -> push -> pull (page by page) -> files down -> reference data ->
number blocks -> integrity check (daily, or on request) -> repair if needed. Every step commits its
own progress, so a sync cut off anywhere (network, power, SIGKILL) leaves a consistent profile and
the next sync carries on. ``progress`` and ``cancel`` are plain callables (the window adapts them).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select

from app.domain.clock import china_date, iso_utc, parse_iso
from app.domain.errors import DomainError
from app.messages import describe, message
from app.services.document_register import rebuild_document_index
from app.services.profile import Profile
from app.store.meta import MetaStore
from app.store.projector import Horizons, Projector
from app.store.tables import quarantine as quarantine_table
from app.sync import blobs, inbox, integrity, numbering, outbox, state
from app.sync import quarantine as fleet
from app.sync.protocol import PROTOCOL_VERSION, Meta
from app.sync.reference import apply_reference, merged_calendar
from app.sync.transport import HubClient

SKEW_WARNING_SECONDS = 300
INTEGRITY_EVERY = timedelta(hours=20)


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # meta | upload | push | pull | quarantine | download | reference | numbers | integrity | repair
    text: str  # Chinese, for the status line
    done: int = 0
    total: int | None = None


@dataclass
class SyncReport:
    started_at: str
    finished_at: str = ""
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    blobs_up: int = 0
    blobs_down: int = 0
    blobs_failed: int = 0
    reference_updated: bool = False
    numbers: list[str] = field(default_factory=list)
    integrity: str = "skipped"  # skipped | ok | repaired
    backup: str | None = None
    quarantined: int = 0
    clock_skew_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


class SyncCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("sync_cancelled")


def _size(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


class SyncRun:
    def __init__(self, profile: Profile, client: HubClient, progress: Callable[[SyncProgress], None] | None,
                 cancel: Callable[[], bool] | None, document_prefixes: Callable[[], list[str]] | None = None) -> None:
        self.profile = profile
        self.document_prefixes = document_prefixes  # the 发文字号 prefixes to keep numbers for
        self.store = profile.store
        self.client = client
        self._progress = progress or (lambda _p: None)
        self._cancel = cancel or (lambda: False)
        self.projector = Projector(profile.calendar, profile.rules)
        self.report = SyncReport(started_at=iso_utc(profile.now()))
        self.push_batch = _size("LVYUE_SYNC_PUSH_BATCH", 1000)
        self.pull_page = _size("LVYUE_SYNC_PULL_PAGE", 1000)
        self.damaged = False  # the pull met a local copy that differs from the hub's
        self._meta: Meta | None = None
        self._quarantine_version = 0

    def step(self, stage: str, text: str, done: int = 0, total: int | None = None) -> None:
        if self._cancel():
            raise SyncCancelled()
        self._progress(SyncProgress(stage, text, done, total))

    def run(self, *, verify: bool | None, repair: bool) -> SyncReport:
        set_aside_before = self._set_aside_count()
        self.finish_projection()  # a sync that died after a page, before projecting
        reference_version = self.meta()
        self.upload()
        self.push()
        self.pull()
        self.fleet_quarantine()
        self.download()
        if reference_version is not None:
            self.reference()
        self.numbers()
        self.check(verify, repair)
        self.report.quarantined += max(0, self._set_aside_count() - set_aside_before)
        if self.report.quarantined:
            self.report.warnings.append(message("events_set_aside", {"count": self.report.quarantined}))
        self.report.finished_at = iso_utc(self.profile.now())
        return self.report

    def _set_aside_count(self) -> int:
        with self.store.read() as session:
            return session.execute(select(func.count()).select_from(quarantine_table)).scalar_one()

    def finish_projection(self) -> None:
        """Project what an interrupted sync pulled. A failure here must never keep this device from
        sending its own work: it is reported, and the pull step projects again."""
        try:
            inbox.project_dirty(self.store, self.projector)
        except Exception as error:
            self.report.warnings.append(message("projection_failed", {"error": type(error).__name__}))

    def fleet_quarantine(self) -> None:
        """Events the hub administrator quarantined (or released) since the last sync: skip them in folds."""
        if self._meta is None or self._meta.quarantine_version == self._quarantine_version:
            return
        self.step("quarantine", "正在更新中心隔离的记录…")
        listing = self.client.quarantine()
        with self.store.unit_of_work() as uow:
            touched = fleet.apply_list(uow, listing)
            horizons = Horizons(uow.session)
            for stream in sorted(touched):
                self.projector.refold(uow.complaints, stream, horizons)
            if touched:  # a quarantined document leaves the register; a released one comes back
                rebuild_document_index(uow.session)
            uow.commit()

    def meta(self) -> int | None:
        """Version gate and clock; returns the hub's reference version when ours is older."""
        self.step("meta", "正在连接中心…")
        before = time.monotonic()
        meta = self._meta = self.client.meta()
        elapsed = time.monotonic() - before
        if meta.protocol_version != PROTOCOL_VERSION:
            raise DomainError("protocol_unsupported", version=meta.protocol_version)
        local = self.profile.now() - timedelta(seconds=elapsed / 2)
        skew = (parse_iso(meta.hub_time) - local).total_seconds()
        self.report.clock_skew_seconds = round(skew, 1)
        if abs(skew) > SKEW_WARNING_SECONDS:
            self.report.warnings.append(message("clock_skew", {"minutes": round(abs(skew) / 60)}))
        with self.store.unit_of_work() as uow:
            uow.meta.set(state.SKEW, str(round(skew, 1)))
            ours = int(uow.meta.get(state.REFERENCE_VERSION, "0") or 0)
            self._quarantine_version = fleet.known_version(uow)
            uow.commit()
        return meta.reference_version if meta.reference_version != ours else None

    def upload(self) -> None:
        device = self.profile.device_id
        with self.store.unit_of_work() as uow:
            blobs.queue_uploads(uow.session, outbox.unsent_attachments(uow.session, device))
            uow.commit()
        self.step("upload", "正在上传附件…")
        result = blobs.upload_all(self.store, self.profile.files.blobs, self.client, self._cancel)
        self.report.blobs_up += result.done
        self.report.blobs_failed += result.failed
        if result.missing:  # the events still go; say which files to re-attach
            names = blobs.missing_names(self.store, result.missing)
            self.report.warnings.append(message("attachment_files_missing", {"count": len(names),
                                                                             "names": "、".join(names)}))

    def push(self) -> None:
        device = self.profile.device_id
        with self.store.read() as session:
            total = outbox.pending_count(session, device)
        sent = 0
        while True:
            self.step("push", f"正在上传记录 {sent}/{total}", sent, total)
            with self.store.read() as session:
                rows = outbox.next_batch(session, device, self.push_batch)
                horizons = Horizons(session)
                marks = {row.id: horizons.of(row) for row in rows}
            if not rows:
                return
            response = self.client.push([outbox.wire(row, marks[row.id]) for row in rows])
            with self.store.unit_of_work() as uow:
                result = outbox.record_results(uow.session, rows, marks, response)
                if result.refold:
                    fold_horizons = Horizons(uow.session)
                    for stream in sorted(result.refold):
                        self.projector.refold(uow.complaints, stream, fold_horizons)
                uow.commit()
            self.report.pushed += result.accepted
            self.report.duplicates += result.duplicates
            self.report.rejected += result.rejected
            sent += len(rows)

    def pull(self) -> None:
        while True:
            with self.store.read() as session:
                cursor = state.cursor(MetaStore(session))
            self.step("pull", f"正在下载记录（已收到 {self.report.pulled} 条）", self.report.pulled)
            page = self.client.pull(cursor, self.pull_page)
            with self.store.unit_of_work() as uow:
                result = inbox.apply_page(uow, page, cursor,
                                          lambda sha: blobs.blob_present(self.profile.files.blobs, sha))
                uow.commit()
            self.report.pulled += result.inserted
            self.damaged = self.damaged or bool(result.damaged)
            if not page.more:
                break
        self.step("pull", f"正在整理下载的案件（{self.report.pulled} 条记录）", self.report.pulled)
        inbox.project_dirty(self.store, self.projector)

    def download(self) -> None:
        self.step("download", "正在下载附件…")
        result = blobs.download_all(self.store, self.profile.files.blobs, self.client, self._cancel)
        self.report.blobs_down += result.done
        self.report.blobs_failed += result.failed

    def reference(self) -> None:
        self.step("reference", "正在更新基础数据（用户、部门、办理时限、节假日）…")
        ref = self.client.reference()
        with self.store.unit_of_work() as uow:
            rules, calendar_json = apply_reference(uow, ref, self.profile.now())
            uow.commit()
        self.profile.rules = rules
        self.profile.calendar = merged_calendar(self.profile.calendar, calendar_json)
        self.projector = Projector(self.profile.calendar, self.profile.rules)
        self.report.reference_updated = True

    def numbers(self) -> None:
        self.step("numbers", "正在领取编号段…")
        prefixes = self.document_prefixes() if self.document_prefixes else None
        blocks, refused = numbering.top_up(self.store, self.client, self.profile.office.region_code,
                                           china_date(self.profile.now()), prefixes)
        for block in blocks:
            self.report.numbers.append(f"{block.series} {block.year}: {block.start}-{block.end}")
        for error in refused:
            self.report.warnings.append(message("numbers_refused", {"series": error.params.get("series"),
                                                                    "reason": describe(error)}))

    def check(self, verify: bool | None, repair: bool) -> None:
        with self.store.read() as session:
            last = MetaStore(session).get(state.INTEGRITY_AT)
        due = last is None or self.profile.now() - parse_iso(last) > INTEGRITY_EVERY
        if not (repair or self.damaged or (verify if verify is not None else due)):
            return
        self.step("integrity", "正在与中心核对数据…")
        ok = not repair and not self.damaged and integrity.matches(self.store, self.client)
        if not ok:
            self.step("repair", "本机数据与中心不一致，正在备份并重新下载…")
            result = integrity.repair(self.store, self.profile.files.backups, self.client, self.projector,
                                      self.profile.device_id, self.pull_page,
                                      lambda n: self._progress(SyncProgress("repair", f"已重新下载 {n} 条记录", n)))
            self.report.integrity = "repaired"
            self.report.backup = str(result.backup)
            self.report.warnings.append(message("integrity_mismatch", {"backup": result.backup.name}))
        else:
            self.report.integrity = "ok"
        with self.store.unit_of_work() as uow:
            uow.meta.set(state.INTEGRITY_AT, iso_utc(self.profile.now()))
            uow.commit()

