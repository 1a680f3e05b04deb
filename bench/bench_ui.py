"""Window benchmarks with 100,000 complaints (figures beside DESIGN §8, not pass/fail).

    python bench/bench_ui.py [--home /tmp/lvyue-bench-100k] [--runs 3]

Uses (or creates with ``fill_demo``) a demo profile, works on a copy of it (logins write events), and
measures on the ``offscreen`` platform:

- start to a usable main window: a fresh process from ``python`` to the window shown with the first
  page of the list read (login included; the daily backup copy is left out, it runs once a day on the
  task pool while the login dialog waits for the password);
- scrolling: the view jumped to positions across the whole range, time until the rows on screen are read,
  and the GUI-thread cost of painting one screen of rows;
- sorting by each sortable column (count + first block), search with 1 and 2 characters, a filter;
- opening a complaint (the detail view until loaded), and peak RSS;
each beside a raw ``sqlite3`` query of the same shape run in the same process. Figures before and
after the list and detail work of issue 15: docs/figures.md, section 十五.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import bench.bench_keyring  # noqa: E402,F401  (profiles' data keys where no OS keyring exists)

PASSWORD = "Demo#2026"
COLUMNS = ("id, case_no, state, region_code, complainant_name, respondent_name, department, channel, sector, "
           "agreement_title, claim_cents, registered_at, received_on, assignee, due_on, due_kind, typical, conflict")
RAW_ORDER = {"registered_at": "registered_at", "case_no": "case_no", "state": "state",
             "complainant": "complainant_name", "respondent": "respondent_name", "region": "region_code",
             "claim": "claim_cents", "due_on": "due_sort"}  # due_sort: due_on, no deadline last


def child_start(home: str, started: float) -> None:
    """A fresh process: import, QApplication, open, log in, main window, first list page. Prints timings."""
    t0 = time.perf_counter()

    from app.services.auth import login
    from app.services.profile import open_profile
    from ui.appearance import apply_font_size, profile_settings
    from ui.application import create_application
    from ui.context import UiContext
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.models.complaint_table import LOADED_ROLE
    from ui.saving_tasks import SavingTasks

    imported = time.perf_counter()
    app = create_application([])
    keep = install_translators(app)
    settings = profile_settings(Path(home))
    apply_font_size(settings)
    profile = open_profile(Path(home), daily_backup=False)
    opened = time.perf_counter()
    actor = login(profile, "officer", PASSWORD)
    logged_in = time.perf_counter()
    window = MainWindow(UiContext(profile, actor, SavingTasks(app), settings))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    model = window.cases.list_page.model
    while not (model.rowCount() and model.index(0, 0).data(LOADED_ROLE)):
        app.processEvents()
        time.sleep(0.001)
    listed = time.perf_counter()
    while window.workbench.numbers["all.open"].value is None:
        app.processEvents()
        time.sleep(0.001)
    workbench = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"READY {(listed - started) * 1000:.0f} imports={(imported - t0) * 1000:.0f} "
          f"open={(opened - imported) * 1000:.0f} login={(logged_in - opened) * 1000:.0f} "
          f"window={(shown - logged_in) * 1000:.0f} first_page={(listed - shown) * 1000:.0f} "
          f"workbench={(workbench - shown) * 1000:.0f} rss={rss:.0f}MB", flush=True)
    del keep
    window.ctx.tasks.wait_idle()
    profile.close()


def child_login(home: str, started: float) -> None:
    """A fresh process until the login dialog is on screen (what the officer sees first)."""
    from app.services.profile import open_profile
    from ui.application import create_application
    from ui.dialogs.login import LoginDialog
    from ui.i18n import install_translators
    from ui.saving_tasks import SavingTasks

    app = create_application([])
    keep = install_translators(app)
    dialog = LoginDialog(SavingTasks(app), username="officer")
    dialog.show()
    app.processEvents()
    shown = time.perf_counter()
    profile = open_profile(Path(home), daily_backup=False)  # on the task pool in the app, meanwhile
    dialog.set_profile(profile)
    print(f"READY {(shown - started) * 1000:.0f} login dialog shown; profile opened "
          f"{(time.perf_counter() - shown) * 1000:.0f} ms later", flush=True)
    del keep
    profile.close()


def start_times(home: Path, runs: int, mode: str = "--child-start") -> list[tuple[float, str]]:
    results = []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run([sys.executable, __file__, mode, str(home), repr(started)],
                             capture_output=True, text=True, check=True).stdout
        _, wall, detail = next(line for line in out.splitlines() if line.startswith("READY")).split(" ", 2)
        results.append((float(wall), detail))
    return results


def median_ms(fn, runs: int = 15) -> float:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def row(name: str, ours: float, budget: float | None, raw: float | None = None, pool: float | None = None) -> None:
    """``raw``: the raw query alone in the main thread; ``pool``: the same on the task pool right after
    each of our blocks, with the ratio to it (what the list's 3x goal is measured against)."""
    budget_text = f"{budget:8.0f}" if budget is not None else "       —"
    raw_text = f"{raw:9.2f}" if raw is not None else "        —"
    pool_text = f"{pool:9.2f}{ours / pool:6.1f}x" if pool else ""
    flag = "" if budget is None else ("ok" if ours <= budget else "OVER")
    print(f"{name:<52}{ours:9.2f}{budget_text}{raw_text}{pool_text}  {flag}")


class Window:
    """The list page and the detail view inside one QApplication, timed from the outside."""

    def __init__(self, home: Path) -> None:
        from PySide6.QtCore import QSettings

        from app.services.auth import login
        from app.services.profile import open_profile
        from ui.application import create_application
        from ui.context import UiContext
        from ui.i18n import install_translators
        from ui.pages.complaints import ComplaintsPage
        from ui.saving_tasks import SavingTasks

        self.app = create_application([])
        self.translators = install_translators(self.app)
        self.profile = open_profile(home, daily_backup=False)
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
        self.ctx = UiContext(self.profile, login(self.profile, "officer", PASSWORD), SavingTasks(self.app), settings)
        self.page = ComplaintsPage(self.ctx)
        self.page.resize(1366, 700)
        self.page.show()
        self.model, self.view = self.page.model, self.page.view
        self.fetches: list[float] = []  # worker time per block: query + deadlines + cell texts
        # the raw query of the same shape, run on the same pool thread right after each block (the GUI
        # thread paints meanwhile, as it does for ours): ``beside(offset)`` gives its SQL statements
        self.beside = None
        self.raw_fetches: list[float] = []
        self._raw = threading.local()
        self._raw_connections: list[sqlite3.Connection] = []
        import ui.models.complaint_table as table

        original = table.fetch_block

        def fetch_block(*args):
            begin = time.perf_counter()
            try:
                return original(*args)
            finally:
                self.fetches.append((time.perf_counter() - begin) * 1000)
                if self.beside is not None:
                    self.raw_fetches.append(self._raw_block(self.beside(args[2] * table.BLOCK)))

        table.fetch_block = fetch_block
        self.wait_rows()

    def _raw_block(self, statements: list[str]) -> float:
        connection = getattr(self._raw, "connection", None)
        if connection is None:
            connection = self._raw.connection = sqlite3.connect(self.profile.files.database, check_same_thread=False)
            connection.execute("PRAGMA cache_size=-32000")  # as the profile's own connections (app.store.engine)
            connection.execute("PRAGMA temp_store=MEMORY")
            self._raw_connections.append(connection)
        begin = time.perf_counter()
        for sql in statements:
            connection.execute(sql).fetchall()
        return (time.perf_counter() - begin) * 1000

    def raw_on_pool(self, beside, actions, reread: bool = False) -> float:
        """The raw statements ``beside(offset)`` timed on the pool right after each block that ``actions``
        read (played again after ours were timed: the raw query delays the block it follows);
        ``reread``: read the query again first, so that the actions land on unread rows again."""
        if reread:
            self.model.set_query(self.model.query)
            self.wait_rows()
        self.raw_fetches.clear()
        self.beside = beside
        try:
            for action in actions:
                self.timed(action)
        finally:
            self.beside = None
        return statistics.median(self.raw_fetches)

    def close(self) -> None:
        self.ctx.tasks.wait_idle()
        for connection in self._raw_connections:
            connection.close()
        self.profile.close()

    def wait(self, done, timeout: float = 30.0) -> None:
        """Idle in the event loop (as the app does) until ``done()``, checked when a block arrives.

        No polling timer: a Python callback every millisecond would fight the task pool for the GIL.
        """
        from PySide6.QtCore import QEventLoop, QTimer

        if done():
            return
        loop = QEventLoop()

        def check(*_args) -> None:
            if done():
                loop.quit()

        self.model.block_loaded.connect(check)
        self.model.total_changed.connect(check)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()
        self.model.block_loaded.disconnect(check)
        self.model.total_changed.disconnect(check)
        if not done():
            raise TimeoutError

    def wait_rows(self) -> None:
        from ui.models.complaint_table import LOADED_ROLE

        def visible_loaded() -> bool:
            if self.model.total is None:
                return False
            if self.model.total == 0:
                return True
            top = max(0, self.view.rowAt(0))
            bottom = self.view.rowAt(self.view.viewport().height() - 1)
            bottom = self.model.rowCount() - 1 if bottom < 0 else bottom
            return bool(self.model.index(top, 0).data(LOADED_ROLE) and self.model.index(bottom, 0).data(LOADED_ROLE))

        self.wait(visible_loaded)

    def timed(self, action) -> float:
        """From the user's action until the rows on screen are read and painted."""
        start = time.perf_counter()
        action()
        self.wait_rows()
        self.app.processEvents()  # the paint the new rows asked for (if the loop has not done it yet)
        return (time.perf_counter() - start) * 1000


def run(home: Path, runs: int) -> None:
    from app.domain.clock import china_date
    from app.services.queries import ComplaintFilter, get_complaint
    from app.store.search import match_query
    from ui.models.complaint_table import BLOCK, ListQuery
    from ui.models.complaint_table import COLUMNS as MODEL_COLUMNS

    raw = sqlite3.connect(home / "lvyue.sqlite")
    total = raw.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    print(f"profile: {total:,} complaints, {home.joinpath('lvyue.sqlite').stat().st_size / 1e6:,.0f} MB, "
          f"{os.cpu_count()} CPUs\n")
    print(f"{'what (ms)':<52}{'ours':>9}{'budget':>8}{'raw SQL':>9}{'on pool':>9}{'ratio':>7}")
    for wall, detail in start_times(home, runs, "--child-login"):
        row("start to the login dialog (fresh process)", wall, None)
        print(f"    {detail}")
    for wall, detail in start_times(home, runs):
        row("start to a usable main window (fresh process)", wall, 1200)
        print(f"    {detail}")
    w = Window(home)
    raw_page = median_ms(lambda: raw.execute(
        f"SELECT {COLUMNS} FROM complaints ORDER BY registered_at DESC, num DESC LIMIT {BLOCK}").fetchall())
    raw_count = median_ms(lambda: raw.execute("SELECT COUNT(*) FROM complaints").fetchone())
    bar = w.view.verticalScrollBar()
    jumps = []
    w.fetches.clear()
    steps = [lambda s=step: bar.setValue(bar.maximum() * s // 20) for step in range(1, 21)]
    for step in steps:  # 5 %, 10 %, … 100 % of the range: every jump lands on unread rows
        jumps.append(w.timed(step))
    block_fetch = statistics.median(w.fetches)
    pool = w.raw_on_pool(lambda o: [f"SELECT {COLUMNS} FROM complaints ORDER BY registered_at DESC, num DESC "
                                    f"LIMIT {BLOCK} OFFSET {o}"], steps, reread=True)
    offset = total // 2
    raw_deep = median_ms(lambda: raw.execute(f"SELECT {COLUMNS} FROM complaints ORDER BY registered_at DESC, "
                                             f"num DESC LIMIT {BLOCK} OFFSET {offset}").fetchall())
    row("scroll: jump to unread rows, until painted (median)", statistics.median(jumps), None, raw_deep)
    row("    of which reading one block on the task pool", block_fetch, 10, raw_deep, pool)
    row("scroll: the slowest of 20 jumps", max(jumps), 100)
    paint = median_ms(lambda: w.view.viewport().repaint())
    row("scroll: paint one screen of rows (GUI thread)", paint, 16)
    for column in MODEL_COLUMNS:
        if column.sort is None:
            continue
        for descending in (False, True):
            order = RAW_ORDER[column.sort]
            way = "DESC" if descending else "ASC"
            w.fetches.clear()
            click = lambda c=column.sort, d=descending: w.page.sort_by(c, d)  # noqa: E731
            times = [w.timed(click) for _ in range(5)]
            worker = statistics.median(w.fetches)
            pool = w.raw_on_pool(lambda o, c=order, d=way: [
                f"SELECT {COLUMNS} FROM complaints ORDER BY {c} {d}, num {d} LIMIT {BLOCK} OFFSET {o}"], [click] * 3)
            raw_sort = median_ms(lambda o=order, d=way: (raw.execute(
                f"SELECT {COLUMNS} FROM complaints ORDER BY {o} {d}, num {d} LIMIT {BLOCK}").fetchall(),
                raw.execute("SELECT COUNT(*) FROM complaints").fetchone()), runs=5)
            row(f"sort by {column.key} {way.lower()}: click to rows painted", statistics.median(times), None, raw_sort)
            row("    of which the query + formatting on the task pool", worker, 10, raw_sort, pool)
    w.page.sort_by("registered_at", True)
    w.wait_rows()
    for term in ("雄", "楚雄", "建筑工程"):
        match = match_query(term)
        w.fetches.clear()
        ours = statistics.median(w.timed(lambda t=term: w.model.set_query(ListQuery(ComplaintFilter(search=t))))
                                 for _ in range(3))
        worker = statistics.median(w.fetches)
        raw_search = median_ms(lambda m=match: (raw.execute(
            f"SELECT {COLUMNS} FROM complaints WHERE num IN (SELECT rowid FROM complaint_search WHERE "
            f"complaint_search MATCH ?) ORDER BY registered_at DESC LIMIT {BLOCK}", (m,)).fetchall(),
            raw.execute("SELECT COUNT(*) FROM complaint_search WHERE complaint_search MATCH ?", (m,)).fetchone()),
            runs=5)
        row(f"search '{term}' ({len(term)} char): typed to rows painted", ours, None, raw_search)
        row("    of which the search + count + first block on the pool", worker, 50, raw_search)
    f = ComplaintFilter(states=("forwarded",), overdue_only=True)
    today = china_date(w.profile.now()).isoformat()
    where = f"state IN ('forwarded') AND due_on IS NOT NULL AND due_on < '{today}'"
    raw_filter = median_ms(lambda: (raw.execute(
        f"SELECT {COLUMNS} FROM complaints WHERE {where} ORDER BY due_on ASC, num ASC LIMIT {BLOCK}").fetchall(),
        raw.execute(f"SELECT COUNT(*) FROM complaints WHERE {where}").fetchone()), runs=5)
    times, workers = [], []
    for _ in range(3):  # the filter chosen (its count and first block), from the whole list each time
        w.model.set_query(ListQuery())
        w.wait_rows()
        w.fetches.clear()
        times.append(w.timed(lambda: w.model.set_query(ListQuery(f, "due_on", False))))
        workers.append(w.fetches[0])
    w.model.set_query(ListQuery())
    w.wait_rows()
    pool = w.raw_on_pool(lambda o: [f"SELECT {COLUMNS} FROM complaints WHERE {where} ORDER BY due_on ASC, num ASC "
                                    f"LIMIT {BLOCK} OFFSET {o}", f"SELECT COUNT(*) FROM complaints WHERE {where}"],
                         [lambda: w.model.set_query(ListQuery(f, "due_on", False))])
    row("filter: forwarded + overdue, by deadline: to rows painted", statistics.median(times), None, raw_filter)
    row("    of which the count + query + formatting on the pool", statistics.median(workers), 10, raw_filter, pool)
    for states, sort in ((("closed",), "complainant"), (("closed",), "claim"), (("forwarded",), "respondent")):
        f = ComplaintFilter(states=states)
        w.model.set_query(ListQuery(f, sort, False))
        w.wait_rows()
        names = ", ".join(f"'{state}'" for state in states)
        w.fetches.clear()
        steps = [lambda s=step: bar.setValue(bar.maximum() * s // 20) for step in (5, 10, 15, 19)]
        deep = [w.timed(step) for step in steps]  # a quarter, half, three quarters down, and near the end
        worker = statistics.median(w.fetches)
        pool = w.raw_on_pool(lambda o, c=RAW_ORDER[sort], n=names: [
            f"SELECT {COLUMNS} FROM complaints WHERE state IN ({n}) ORDER BY {c} ASC, num ASC LIMIT {BLOCK} "
            f"OFFSET {o}"], steps, reread=True)
        offset = w.model.total // 2
        raw_deep_filter = median_ms(lambda o=RAW_ORDER[sort], n=names, k=offset: raw.execute(
            f"SELECT {COLUMNS} FROM complaints WHERE state IN ({n}) ORDER BY {o} ASC, num ASC "
            f"LIMIT {BLOCK} OFFSET {k}").fetchall(), runs=5)
        row(f"{states[0]} ({w.model.total:,}) by {sort}: jump deep, rows painted", statistics.median(deep), None,
            raw_deep_filter)
        row("    of which one block on the task pool (median)", worker, 10, raw_deep_filter, pool)
    row(f"first block, raw SQL (page of {BLOCK} + COUNT)", raw_page + raw_count, None, raw_page + raw_count)
    ref = raw.execute("SELECT id FROM complaints WHERE state = 'rectifying' LIMIT 1 OFFSET 100").fetchone()[0]
    service = median_ms(lambda: get_complaint(w.profile, w.ctx.actor, ref))
    row("open a complaint: service (aggregate + timeline)", service, 50, None)
    try:
        from ui.detail.complaint_view import ComplaintView
    except ModuleNotFoundError:
        print("open a complaint in the window: ui.detail not built yet")
    else:
        def open_view():
            from PySide6.QtCore import QEventLoop, QTimer

            view = ComplaintView(w.ctx, ref)
            loop = QEventLoop()
            view.loaded.connect(loop.quit)
            QTimer.singleShot(30000, loop.quit)
            view.resize(1200, 700)
            view.show()
            loop.exec()
            view.repaint()
            view.close()
            view.deleteLater()

        row("open a complaint: detail view until shown", median_ms(open_view, runs=5), 50, None)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak RSS after all of the above (MB)", rss, 300)
    w.close()
    raw.close()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--child-start", "--child-login"):
        child = child_start if sys.argv[1] == "--child-start" else child_login
        child(sys.argv[2], float(sys.argv[3]) - time.time() + time.perf_counter())
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=Path(os.environ.get("LVYUE_BENCH_HOME", "/tmp/lvyue-bench-100k")))
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="fresh-process starts to time")
    args = parser.parse_args()
    from app.services.profile import is_initialised, open_profile

    if not is_initialised(args.home):
        from app.services.demo import fill_demo

        print(f"creating {args.complaints:,} demo complaints in {args.home} …", flush=True)
        fill_demo(args.home, args.complaints)
    work = Path(tempfile.mkdtemp(prefix="lvyue-bench-ui-"))
    try:
        shutil.copytree(args.home, work / "p", ignore=shutil.ignore_patterns("backups", "ui.ini"))
        open_profile(work / "p", daily_backup=False).close()  # a pending migration is not start-up time
        run(work / "p", args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
