"""Crash safety harness (issue 12, item 5): the write paths killed with SIGKILL at random points.

A child process forked from this one (everything already imported, so a kill costs a fork) opens a
county profile enrolled with a live hub (its own process) and runs registrations with attachments,
actions, document issue and sync until it is killed after a random delay. After each kill the profile
is checked as the next start would find it:

- ``PRAGMA integrity_check`` is ok and ``audit verify`` is clean;
- every step the child finished is there (its events), every step it did not finish is wholly there
  or wholly absent: the projections equal a rebuild from the events (event present <=> projection
  reflects it), each attachment event has its blob with the right hash, each issued document's
  register row has its PDF, byte-identical on reprint, and no PDF lies there without its row;
- a case or document number, once seen, keeps its event (never reused);

and at the end the killed profile syncs to the hub and a second device pulls everything: the hub
holds each of the device's events exactly once, with an unbroken chain, and the second device's
projections equal the first's. Meanwhile another PC of the same office puts work on the hub, so the
killed device pulls (pages, attachments) as well as pushes.

The seed is printed; ``LVYUE_CRASH_SEED`` replays a run (kill timing varies with the machine) and
``LVYUE_CRASH_KILLS`` sets the number of kills (default 100). A long run:
``LVYUE_CRASH_KILLS=1000 python -m tests -n 0 -k crash_harness -s``.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from app.security.fieldcrypt import open_json
from app.services import auth, documents, maintenance, sync
from app.services.attachments import blob_path
from app.services.office_settings import update as update_office_settings
from app.services.profile import open_profile
from app.store.projector import Horizons, Projector
from server.db import HubDatabase
from server.services import admin, enrolment
from server.settings import HubSettings
from tests.crash_work import USERNAME, read_journal, work
from tests.factories import PASSWORD
from tests.sync_fixtures import (
    NOTE,
    Device,
    act,
    file_keyring_env,
    projection,
    register,
    start_hub_process,
)

pytestmark = pytest.mark.skipif(os.name == "nt" or "fork" not in multiprocessing.get_all_start_methods(),
                                reason="SIGKILL and fork are POSIX")
FULL_REBUILD_EVERY = 10  # after the other kills only the complaints the child touched are folded again
FORK = multiprocessing.get_context("fork") if os.name != "nt" else None


def crash_settings() -> tuple[int, int]:
    seed = int(os.environ.get("LVYUE_CRASH_SEED") or random.SystemRandom().randrange(1, 2**31))
    kills = int(os.environ.get("LVYUE_CRASH_KILLS") or 100)
    return seed, kills


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setenv("LVYUE_SYNC_NUMBER_BLOCK", "20")  # the device claims new number blocks often
    monkeypatch.setenv("LVYUE_SYNC_PUSH_BATCH", "4")  # many small batches: many points to be killed at
    monkeypatch.setenv("LVYUE_SYNC_PULL_PAGE", "4")
    # the device syncs hundreds of times a minute
    with file_keyring_env(tmp_path, monkeypatch, LVYUE_HUB_RATE_LIMITS="false") as env:
        proc, url = start_hub_process(tmp_path / "hub-data", env)
        database = HubDatabase(HubSettings(data_dir=tmp_path / "hub-data"))
        with database.writer() as session:
            admin.add_user(session, username=USERNAME, display_name="杨喆", roles=["clerk", "handler", "leader"],
                           region_code="532322", password=PASSWORD)
            codes = [enrolment.create_code(session, region, office) for region, office in (
                ("532322", "双柏县发展和改革局"), ("532322", "双柏县发展和改革局"), ("532300", "楚雄州发展和改革委员会"))]
            session.commit()
        yield tmp_path, url, database, codes
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        database.dispose()


def enrolled(home: Path, url: str, code: str, *, officer: bool = True) -> Device:
    sync.enroll(home, url, code, home.name)
    profile = open_profile(home)
    sync.sync_now(profile)
    device = Device(profile, None)
    if not officer:
        return device
    device.officer = auth.login(profile, USERNAME, PASSWORD)
    update_office_settings(profile, device.officer, {"contact_person": "王颖", "contact_phone": "0878-7721234"})
    return device


class Other:
    """Another PC of the same office: registers, notes, attaches and issues on the hub while the device is
    killed, so the device's syncs pull pages and download files too."""

    def __init__(self, home: Path, url: str, code: str, files: Path) -> None:
        self.home, self.files, self.count = home, files, 0
        enrolled(home, url, code).profile.close()

    def work(self, complaints: int) -> None:
        from app.services.attachments import attach_file

        device = Device(open_profile(self.home, daily_backup=False), None)
        try:
            device.officer = auth.login(device.profile, USERNAME, PASSWORD)
            for _ in range(complaints):
                self.count += 1
                cid = register(device, complainant=f"双柏县第{self.count}号食品有限公司")
                act(device, cid, "note", NOTE)
                scan = self.files / f"另一台电脑-{self.count}.pdf"
                scan.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
                attach_file(device.profile, device.officer, cid, scan)
                documents.issue(device.profile, device.officer, cid, "receipt")  # also warms the fonts before a fork
            device.sync()
        finally:
            device.profile.close()


class Checker:
    """What the next start must find after a kill; remembers numbers and checked files across kills."""

    def __init__(self, home: Path, journal: Path) -> None:
        self.home, self.journal = home, journal
        self.case_numbers: dict[str, str] = {}  # case number -> complaint id
        self.document_numbers: dict[str, str] = {}  # document number -> event id
        self.checked_blobs: set[str] = set()
        self.reprinted: set[str] = set()
        self.lines_seen = 0
        self.interrupted: Counter[str] = Counter()
        self.checks = 0
        self.last_seq = 0
        self.finished: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()  # steps that raised (step:code), e.g. a rate limit

    def after_kill(self) -> None:
        lines = read_journal(self.journal)
        new, self.lines_seen = lines[self.lines_seen:], len(lines)
        open_steps = {}
        for line in new:
            if line[0] == "B":
                open_steps = {"step": line[1]}
            elif line[0] in ("E", "X"):
                open_steps = {}
                if line[0] == "E":
                    self.finished[line[1]] += 1
                else:
                    self.refused[f"{line[1]}:{line[2]}"] += 1
        self.interrupted[open_steps.get("step", "between")] += 1
        database = self.home / "lvyue.sqlite"
        con = sqlite3.connect(database)  # as the next start opens it (rolls the WAL forward)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
        profile = open_profile(self.home, daily_backup=False)
        try:
            self._check(profile, [line for line in new if line[0] == "E"])
        finally:
            profile.close()

    def _check(self, profile, finished: list[list[str]]) -> None:
        audit = maintenance.verify_audit(profile)
        assert audit.ok, audit.problems
        with profile.store.read() as session:
            held = set(session.execute(text("SELECT id FROM events")).scalars())
            # payloads are stored packed (``app.common.packing``): read in Python, not with json_extract
            attachments = [(r.id, r.device_id, open_json(r.payload).get("sha256")) for r in session.execute(text(
                "SELECT id, device_id, payload FROM events WHERE action = 'attach'"))]
            register_rows = session.execute(text("SELECT event_id, number, sha256 FROM issued_documents")).all()
            issue_events = {}
            for r in session.execute(text("SELECT id, device_id, payload FROM events WHERE action = 'issue_document'")):
                payload = open_json(r.payload)
                issue_events[r.id] = SimpleNamespace(device_id=r.device_id, sha256=payload.get("sha256"),
                                                     number=payload.get("number"))
            queued = set(session.execute(text("SELECT sha256 FROM sync_blobs WHERE direction = 'down'")).scalars())
            cases = session.execute(text("SELECT case_no, id FROM complaints")).all()
        for line in finished:  # what the child was told was done is there
            if line[1] not in ("open", "sync"):
                assert line[2] in held, line
        for event_id, device_id, sha in attachments:
            if sha in self.checked_blobs:
                continue
            path = blob_path(profile, sha)
            if device_id != profile.device_id and sha in queued and not path.exists():
                continue  # another PC's file, still to be downloaded
            assert path.is_file(), f"attachment {event_id} without its file"
            assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
            self.checked_blobs.add(sha)
        own_issues = {i for i, r in issue_events.items() if r.device_id == profile.device_id}
        registered = {r.event_id for r in register_rows}
        assert own_issues <= registered <= set(issue_events)  # pulled ones are indexed when the register is read
        for event_id, issue in issue_events.items():  # every device's: numbers come from the hub's blocks
            previous = self.document_numbers.setdefault(issue.number, event_id)
            assert previous == event_id, f"document number {issue.number} reused"
        for row in register_rows:
            assert issue_events[row.event_id].sha256 == row.sha256
            if row.event_id not in own_issues:
                continue  # another PC's document: its PDF is made here only when it is printed
            pdf = documents.document_path(profile, row.sha256)
            assert pdf.is_file(), f"{row.number} registered without its PDF"
            if row.event_id not in self.reprinted:
                assert documents.reprint(profile, row.event_id) == pdf.read_bytes()
                self.reprinted.add(row.event_id)
        on_disk = {p.stem for p in profile.files.documents.rglob("*.pdf")} if profile.files.documents.exists() else set()
        assert on_disk <= {r.sha256 for r in register_rows}, "a PDF without its register row"
        for case_no, complaint_id in cases:
            previous = self.case_numbers.setdefault(case_no, complaint_id)
            assert previous == complaint_id, f"case number {case_no} reused"
        self.checks += 1
        if self.checks % FULL_REBUILD_EVERY == 0:
            live = projection(profile)
            maintenance.rebuild_projections(profile)
            assert projection(profile) == live, "the projections differ from a rebuild from the events"
        else:
            self._refold_touched(profile)

    def _refold_touched(self, profile) -> None:
        """The complaints the last child touched, folded again from their events inside a transaction
        that is rolled back: the same rows, or an action is half there (cheaper than a whole rebuild)."""
        with profile.store.unit_of_work() as uow:
            session = uow.session
            last = session.execute(text("SELECT COALESCE(MAX(seq), 0) FROM events")).scalar()
            touched = list(session.execute(text("SELECT DISTINCT stream FROM events WHERE seq > :s"),
                                           {"s": self.last_seq}).scalars())
            live = rows_of(session, touched)
            projector, horizons = Projector(profile.calendar, profile.rules), Horizons(session)
            for stream in touched:
                projector.refold(uow.complaints, stream, horizons)
            assert rows_of(session, touched) == live, "a complaint's row differs from the fold of its events"
        self.last_seq = last


def rows_of(session, ids: list[str]) -> dict[str, dict]:
    found = {}
    for chunk in range(0, len(ids), 500):
        rows = session.execute(text(
            "SELECT c.*, d.data AS aggregate FROM complaints c JOIN complaint_data d ON d.num = c.num "
            "WHERE c.id IN (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(ids[chunk:chunk + 500])})
        # the aggregate is compared opened: its personal data is sealed with a fresh nonce at every write
        found.update({r["id"]: {k: (open_json(v) if k == "aggregate" else v) for k, v in r.items() if k != "num"}
                      for r in rows.mappings()})
    return found


def run_child(home: Path, seed: int, journal: Path, sources: Path, delay: float) -> bool:
    """Fork the child, kill it after ``delay`` seconds; True if it was still working when killed."""
    child = FORK.Process(target=work, args=(home, seed, journal, sources), daemon=True)
    child.start()
    child.join(delay)
    alive = child.is_alive()
    if alive:
        os.kill(child.pid, signal.SIGKILL)
    child.join()
    return alive


def test_killed_anywhere_the_profile_stays_whole_and_syncs_once(world):
    tmp_path, url, database, codes = world
    seed, kills = crash_settings()
    print(f"\ncrash harness: LVYUE_CRASH_SEED={seed} LVYUE_CRASH_KILLS={kills}")
    rng = random.Random(seed)
    sources = tmp_path / "sources"
    sources.mkdir()
    county = enrolled(tmp_path / "sb-pc1", url, codes[0])
    home = county.home
    county.profile.close()
    other = Other(tmp_path / "sb-pc2", url, codes[1], sources)
    other.work(6)
    journal = tmp_path / "journal.txt"
    checker = Checker(home, journal)
    started = time.monotonic()
    landed = 0
    for number in range(kills):
        if number % 20 == 10:
            other.work(3)
        landed += run_child(home, rng.randrange(2**31), journal, sources, rng.uniform(0.05, 1.2))
        checker.after_kill()
    killing = time.monotonic() - started
    print(f"kills: {kills} in {killing:.1f} s ({landed} while working); interrupted: "
          f"{dict(checker.interrupted.most_common())}; finished steps: {dict(checker.finished.most_common())}; "
          f"refused: {dict(checker.refused.most_common())}")
    assert all(checker.finished[step] for step in ("register", "attach", "forward", "issue", "sync")), \
        "every write path must have run to its end at least once"

    leftovers = sorted(str(p.relative_to(home)) for p in home.rglob(".*") if p.is_file() and p.name != ".acl-private")
    assert leftovers == [], "half-written copies left after the profile was opened again"

    # the killed profile syncs; another device pulls it all: nothing lost, nothing doubled
    other.work(1)
    device = Device(open_profile(home), None)
    report = device.sync()
    assert report.rejected == 0
    assert device.status().pending_events == 0 and not device.status().rejected
    device.sync()  # the other PC's last work arrived after the hub had it; a second round changes nothing
    with device.profile.store.read() as session:
        mine = session.execute(text("SELECT id, device_seq FROM events WHERE device_id = :d ORDER BY device_seq"),
                               {"d": device.profile.device_id}).all()
    with database.reader() as session:
        on_hub = session.execute(text("SELECT id, device_seq FROM events WHERE device_id = :d ORDER BY device_seq"),
                                 {"d": device.profile.device_id}).all()
        doubled = session.execute(text("SELECT COUNT(*) - COUNT(DISTINCT id) FROM events")).scalar()
    assert [tuple(r) for r in on_hub] == [tuple(r) for r in mine]  # each event once, the chain unbroken
    assert [r[1] for r in mine] == list(range(1, len(mine) + 1))
    assert doubled == 0
    prefecture = enrolled(tmp_path / "zhou", url, codes[2], officer=False)
    prefecture.sync()
    theirs, ours = projection(prefecture.profile), projection(device.profile)
    assert set(ours) <= set(theirs)
    assert {cid: theirs[cid] for cid in ours} == ours
    assert maintenance.verify_audit(prefecture.profile).ok
    with prefecture.profile.store.read() as session:
        pulled = set(session.execute(text("SELECT id FROM events")).scalars())
    assert {r[0] for r in mine} <= pulled
    prefecture.profile.close()
    device.profile.close()
    assert landed >= kills * 0.8, "most kills must land while the child is working"


# ---- the checker catches what it is there to catch ------------------------------------------------
def test_the_checker_finds_an_action_half_there(office, tmp_path):
    from app.services.intake import register as register_complaint
    from app.services.recording import record
    from tests.factories import intake

    profile = office.profile
    cid = register_complaint(profile, office.clerk, intake()).complaint_id
    checker = Checker(profile.files.home, tmp_path / "journal.txt")
    checker.after_kill()  # whole: passes
    with profile.store.unit_of_work() as uow:  # an event committed without its projection
        complaint = uow.complaints.get(cid)
        record(uow, profile, stream=cid, action="forward", payload={"department": "双柏县人民政府"},
               actor=office.handler.user_id, base=complaint.head, complaint=complaint, roles=office.handler.roles)
        uow.commit()
    with pytest.raises(AssertionError, match="fold of its events"):
        checker.after_kill()


def test_the_checker_finds_a_pdf_without_its_record(office, tmp_path):
    profile = office.profile
    stray = profile.files.documents / "ab" / f"ab{'0' * 62}.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4 numbered but never issued")
    with pytest.raises(AssertionError, match="PDF without its register row"):
        Checker(profile.files.home, tmp_path / "journal.txt").after_kill()


def test_a_pdf_left_waiting_by_a_crash_is_kept_only_with_its_record(office, tmp_path):
    from app.services.document_files import pending_folder, settle_pending
    from app.services.intake import register as register_complaint
    from tests.factories import intake

    profile = office.profile
    cid = register_complaint(profile, office.clerk, intake()).complaint_id
    issued = documents.issue(profile, office.handler, cid, "receipt")
    pdf = issued.path.read_bytes()
    issued.path.unlink()  # killed after the commit, before the move
    folder = pending_folder(profile)
    (folder / f"{issued.sha256}.pdf").write_bytes(pdf)
    (folder / f"{'cd' * 32}.pdf").write_bytes(b"%PDF-1.4 killed before the commit")
    assert settle_pending(profile) == 2
    assert issued.path.read_bytes() == pdf and list(folder.iterdir()) == []


def test_a_half_written_copy_is_removed_at_opening_unless_still_being_written(office):
    from app.store.partial_files import hold

    profile = office.profile
    home = profile.files.home
    profile.close()
    blobs = profile.files.blobs
    blobs.mkdir(exist_ok=True)
    left = blobs / ".incoming-killed"
    left.write_bytes(b"%PDF-1.4 half of a complainant's evidence")
    writing = blobs / ".download-busy"
    fd = os.open(writing, os.O_RDWR | os.O_CREAT, 0o600)
    hold(fd)  # a living process still writes this one
    try:
        open_profile(home, clock=office.clock).close()
        assert not left.exists() and writing.exists()
    finally:
        os.close(fd)
    open_profile(home, clock=office.clock).close()
    assert not writing.exists()
