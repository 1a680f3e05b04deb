"""Which indexes the app's queries use: every SQL statement a run executes, then EXPLAIN QUERY PLAN.

    # 1. record the statements of a bench or of tests (appends distinct statement shapes to FILE)
    python bench/bench_index_use.py record FILE -- bench/bench_ui.py --home /tmp/p20k
    LVYUE_SQL_TRACE=FILE python -m pytest -p bench.bench_index_use tests/integration/test_reports.py
    # 2. explain each recorded statement on a profile; list the indexes no plan chose, and prefixes
    python bench/bench_index_use.py analyse --home /tmp/p20k FILE [FILE …]

Recording wraps ``sqlite3.connect`` so every connection (SQLAlchemy's and the raw ones) traces its
statements (``set_trace_callback``: the SQL as run, parameters expanded). Statements are kept once per
shape (literals replaced by ``?``), the first one seen as the example to explain. Trigger bodies are not
statements of their own: ``analyse`` prints the triggers' SQL so that indexes they need can be checked
by hand. An index no plan chose may still be needed for a statement no run executed: the figures are
only as good as the runs recorded (the benches on a demo profile plus the tests of the pages).
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import runpy
import sqlite3
import sys
import threading
from collections import defaultdict
from pathlib import Path

_KEEP = re.compile(r"^\s*(SELECT|WITH|UPDATE|DELETE|INSERT|REPLACE)\b", re.IGNORECASE)
_STRING = re.compile(r"'(?:[^']|'')*'|X'[0-9A-Fa-f]*'")
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_LIST = re.compile(r"\?(?:\s*,\s*\?)+")
_USES = re.compile(r"USING (?:COVERING )?INDEX (\w+)|USING PRIMARY KEY|AUTOMATIC")


def shape(sql: str) -> str:
    """The statement with its literals replaced (the same query with other values is one shape)."""
    s = _STRING.sub("?", sql)
    s = _NUMBER.sub("?", s)
    s = _LIST.sub("?", s)
    return " ".join(s.split())


class _Recorder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.seen: dict[str, str] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    self.seen.setdefault(shape(line), line)
        self.start = len(self.seen)

    def __call__(self, sql: str) -> None:
        if not _KEEP.match(sql) or "sqlite_master" in sql or "sqlite_schema" in sql:
            return
        key = shape(sql)
        if key in self.seen:
            return
        with self.lock:
            self.seen.setdefault(key, " ".join(sql.split()))

    def flush(self) -> None:
        with self.lock:
            self.path.write_text("".join(s + "\n" for s in self.seen.values()), encoding="utf-8")


_recorder: _Recorder | None = None


def install(path: Path) -> None:
    """Trace every sqlite3 connection opened from now on into ``path`` (flushed at exit)."""
    global _recorder
    if _recorder is not None:
        return
    _recorder = _Recorder(path)
    original = sqlite3.connect

    def connect(*args, **kwargs):
        connection = original(*args, **kwargs)
        connection.set_trace_callback(_recorder)
        return connection

    sqlite3.connect = connect
    sqlite3.dbapi2.connect = connect
    atexit.register(_recorder.flush)


# as a pytest plugin (``-p bench.bench_index_use`` with LVYUE_SQL_TRACE=FILE)
def pytest_configure(config) -> None:
    if os.environ.get("LVYUE_SQL_TRACE"):
        install(Path(os.environ["LVYUE_SQL_TRACE"]))


def pytest_unconfigure(config) -> None:
    if _recorder is not None:
        _recorder.flush()


def index_columns(con: sqlite3.Connection) -> dict[str, tuple[str, tuple[str, ...], bool, bool]]:
    """name -> (table, columns, unique, partial) of every named index (autoindexes left out)."""
    out = {}
    for name, table, sql in con.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"):
        columns = tuple(row[2] for row in con.execute(f"PRAGMA index_info('{name}')"))
        out[name] = (table, columns, sql.upper().startswith("CREATE UNIQUE"), " WHERE " in sql.upper())
    return out


def analyse(db: Path, files: list[Path], verbose: bool = False) -> dict[str, list[str]]:
    """Index name -> the statements whose plan uses it (every named index of the profile is a key)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    indexes = index_columns(con)
    used: dict[str, list[str]] = {name: [] for name in indexes}
    statements: dict[str, str] = {}
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                statements.setdefault(shape(line), line)
    failed = scans = 0
    for sql in statements.values():
        try:
            plan = con.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            failed += 1  # temporary tables, or a statement of another database (the hub's, attached ones)
            continue
        for row in plan:
            detail = row[-1]
            for match in _USES.finditer(detail):
                if match.group(1) in used:
                    used[match.group(1)].append(sql)
            if verbose and detail.startswith("SCAN ") and "USING" not in detail and "VIRTUAL" not in detail:
                scans += 1
                print(f"full scan: {detail}  <- {sql[:200]}")
    print(f"{len(statements)} statement shapes from {len(files)} file(s), {failed} not explainable here")
    never = [n for n, uses in used.items() if not uses]
    print(f"\n{len(indexes)} named indexes; never chosen by a plan ({len(never)}):")
    for name in sorted(never, key=lambda n: (indexes[n][0], n)):
        table, columns, unique, partial = indexes[name]
        note = " UNIQUE (a constraint: keep)" if unique else (" partial" if partial else "")
        print(f"  {table:18} {name:40} ({', '.join(columns)}){note}")
    print("\nleft prefixes of another index on the same table (the longer one serves the same lookups):")
    for name, (table, columns, unique, partial) in sorted(indexes.items()):
        if unique or partial:
            continue
        longer = [other for other, (t, cols, _, p) in indexes.items()
                  if other != name and t == table and not p and len(cols) > len(columns)
                  and cols[:len(columns)] == columns]
        if longer:
            print(f"  {name} ({', '.join(columns)}) ⊂ {', '.join(sorted(longer))}   "
                  f"[chosen by {len(used[name])} statement(s)]")
    print("\nchosen (statements):")
    by_table = defaultdict(list)
    for name, uses in used.items():
        if uses:
            by_table[indexes[name][0]].append((name, len(uses)))
    for table, names in sorted(by_table.items()):
        print(f"  {table}: " + ", ".join(f"{n} {k}" for n, k in sorted(names)))
    print("\ntriggers (check their statements by hand):")
    for name, table in con.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY 2, 1"):
        print(f"  {table}: {name}")
    con.close()
    return used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record", help="run a script with every statement recorded")
    record.add_argument("file", type=Path)
    record.add_argument("script", nargs=argparse.REMAINDER)
    explain = sub.add_parser("analyse", help="EXPLAIN QUERY PLAN of the recorded statements")
    explain.add_argument("--home", type=Path, required=True)
    explain.add_argument("--verbose", action="store_true", help="also print the statements that scan a table")
    explain.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "record":
        script = [a for a in args.script if a != "--"]
        install(args.file)
        sys.argv = script
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        try:
            runpy.run_path(script[0], run_name="__main__")
        finally:
            _recorder.flush()
    else:
        analyse(args.home / "lvyue.sqlite", args.files, args.verbose)


if __name__ == "__main__":
    main()
