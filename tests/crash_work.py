"""The work a child process does until the crash harness kills it (``tests/e2e/test_crash_harness.py``).

``work(home, round_seed, journal, sources)`` opens the profile as the app does, logs the officer in,
then runs the write paths in a random order until it is killed: registration with attachments (as
the registration form submits it),
actions (forward, note, conclude, reject), document issue and sync with the live hub. Before each
step it appends ``B <step> ...`` to the journal and after it ``E <step> <what it made>``, so the
parent knows which step a kill interrupted and what each finished step committed.

The process is forked from the test process, which has already imported everything: a kill costs a
fork, not a Python start-up. No engine or connection crosses the fork (the parent closes its own).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from sqlalchemy import text

from tests.factories import PASSWORD, intake
from tests.sync_fixtures import CONCLUDE_UNFOUNDED, FORWARD, NOTE, REJECT

USERNAME = "sb_officer"
STEPS = (("register", 5), ("attach", 3), ("forward", 3), ("note", 3), ("conclude", 2), ("reject", 1),
         ("issue", 4), ("sync", 3))


class Journal:
    """Lines appended with one ``write`` each (O_APPEND): a kill leaves whole lines only."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def line(self, *parts: object) -> None:
        os.write(self.fd, (" ".join(str(p) for p in parts) + "\n").encode("utf-8"))


def read_journal(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [line.split(" ") for line in path.read_text(encoding="utf-8").splitlines() if line]


def work(home: Path, round_seed: int, journal_path: Path, sources: Path, steps: int = 10_000) -> None:
    """Run until killed (or ``steps`` steps); exits with ``os._exit`` so nothing of the parent runs."""
    from app.services import auth
    from app.services.profile import open_profile

    rng = random.Random(round_seed)
    journal = Journal(journal_path)
    journal.line("B", "open", round_seed)
    profile = open_profile(home, daily_backup=rng.random() < 0.2)
    officer = auth.login(profile, USERNAME, PASSWORD)
    journal.line("E", "open", round_seed)
    names, weights = zip(*STEPS, strict=True)
    for number in range(steps):
        step = rng.choices(names, weights)[0]
        try:
            made = STEP_FUNCTIONS[step](profile, officer, rng, journal, sources, f"{round_seed}-{number}")
        except Exception as error:  # a refused action (e.g. nothing to forward) is not a crash
            code = getattr(error, "code", type(error).__name__)
            journal.line("X", step, code)
            continue
        if made is not None:
            journal.line("E", step, *made)
    profile.close()
    os._exit(0)


def _pick(profile, rng: random.Random, states: tuple[str, ...]) -> str | None:
    marks = ",".join(f"'{s}'" for s in states)
    with profile.store.read() as session:
        ids = session.execute(text(f"SELECT id FROM complaints WHERE state IN ({marks}) ORDER BY num DESC LIMIT 40")
                              ).scalars().all()
    return rng.choice(ids) if ids else None


def _register(profile, officer, rng, journal, sources, tag):
    """What the registration form runs: register, then attach its files (``ui.forms.submission``)."""
    from ui.forms.submission import register_with_attachments

    paths = []
    for n in range(rng.choice((0, 1, 1, 2))):
        path = sources / f"登记材料-{tag}-{n}.pdf"
        path.write_bytes(b"%PDF-1.4 evidence " + tag.encode() + rng.randbytes(rng.randint(200, 60_000)))
        paths.append(str(path))
    journal.line("B", "register", tag)
    done = register_with_attachments(profile, officer, intake(rng=rng, complainant=f"双柏县{tag}号农业科技有限公司"),
                                     paths)
    assert not done.failed, done.failed
    return done.registered.event_id, done.registered.complaint_id, done.registered.case_no


def _attach(profile, officer, rng, journal, sources, tag):
    from app.services.attachments import attach_file

    target = _pick(profile, rng, ("registered", "forwarded"))
    if target is None:
        return None
    source = sources / f"扫描件-{tag}.pdf"
    source.write_bytes(b"%PDF-1.4 scan " + tag.encode() + rng.randbytes(rng.randint(200, 60_000)))
    journal.line("B", "attach", target)
    acted = attach_file(profile, officer, target, source, "合同扫描件")
    return acted.event_id, target


def _acting(action: str, states: tuple[str, ...], data: dict):
    def step(profile, officer, rng, journal, sources, tag):
        from app.services.act import act

        target = _pick(profile, rng, states)
        if target is None:
            return None
        journal.line("B", action, target)
        acted = act(profile, officer, target, action, data)
        return acted.event_id, target

    return step


def _issue(profile, officer, rng, journal, sources, tag):
    from app.services import documents

    target = _pick(profile, rng, ("registered", "forwarded", "unsubstantiated"))
    if target is None:
        return None
    kinds = [o.kind for o in documents.offers(profile, officer, target) if o.kind in ("receipt", "forward_letter",
                                                                                     "feedback_letter")]
    if not kinds:
        return None
    kind = rng.choice(kinds)
    journal.line("B", "issue", target, kind)
    issued = documents.issue(profile, officer, target, kind)
    return issued.event_id, issued.number.replace(" ", "_"), issued.sha256


def _sync(profile, officer, rng, journal, sources, tag):
    from app.services import sync

    journal.line("B", "sync")
    report = sync.sync_now(profile)
    return report.pushed, report.pulled


STEP_FUNCTIONS = {
    "register": _register,
    "attach": _attach,
    "forward": _acting("forward", ("registered",), FORWARD),
    "note": _acting("note", ("registered", "forwarded"), NOTE),
    "conclude": _acting("conclude", ("forwarded",), CONCLUDE_UNFOUNDED),
    "reject": _acting("reject", ("registered",), REJECT),
    "issue": _issue,
    "sync": _sync,
}
