"""A block of the complaint list read straight off the driver: the window's list and ``list_complaints``.

A 100-row block's SQL takes 0.25 ms at 100,000 complaints; building the SQLAlchemy statement, a
``Session``, ``Row`` objects and the counts around it took four times that (docs/figures.md §十五). Here
each list shape (filter, order, scope, the day, which index path) is compiled once to SQL text and kept;
a block runs it on the pool's own ``sqlite3`` connection in one read transaction (with the count and
the handlers' names when asked) and returns the driver's tuples as they are, in ``LIST_COLUMNS`` order.
What the rows mean for display (``ComplaintRow``, deadline statuses, cell texts) is made by the reader,
only for the rows it shows (``ui.models.complaint_table``).

Search terms keep the SQLAlchemy path of ``app.services.queries`` (the character index decides there).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, bindparam, func, literal_column, select, union_all

from app.domain.clock import china_date
from app.domain.deadlines import Deadline, DeadlineStatus, DueKind, deadline_status
from app.domain.regions import scope_prefix
from app.services import list_orders, queries
from app.services.profile import Profile
from app.services.queries import LIST_COLUMNS, ComplaintFilter, ComplaintRow
from app.services.users import Actor
from app.store.tables import complaints

c = complaints.c
DUE_ON, DUE_KIND, TYPICAL, CONFLICT = 14, 15, 16, 17  # positions in a row tuple (``LIST_COLUMNS``)
_OFFSET, _LIMIT = "lv_offset", "lv_limit"


@dataclass(frozen=True)
class RawPage:
    rows: list[tuple]  # the driver's tuples, ``LIST_COLUMNS`` order
    total: int  # -1 unless asked for
    offset: int
    today: str  # the China business day the rows were read on (overdue, deadline statuses)
    more: bool = False  # ``total`` is a lower bound (a search term in most complaints)
    everything: int | None = None  # about all complaints, when it was read (pass it back to the next block)
    names: dict[str, str] | None = None  # user id -> display name, when asked for


def complaint_row(t: tuple, today: str) -> ComplaintRow:
    """The ``ComplaintRow`` of one tuple read on ``today``."""
    due = t[DUE_ON]
    return ComplaintRow(*t[:16], bool(due and due < today), bool(t[TYPICAL]), bool(t[CONFLICT]))


def row_tuple(row: ComplaintRow) -> tuple:
    """The tuple of a ``ComplaintRow`` (``complaint_row`` undone)."""
    return (*(getattr(row, name) for name in _FIELDS), int(row.typical), int(row.conflict))


_FIELDS = tuple(ComplaintRow.__dataclass_fields__)[:16]


class DeadlineMemo:
    """Deadline statuses, one per (day, deadline, kind): a list holds a few hundred distinct deadlines."""

    def __init__(self, profile: Profile) -> None:
        self._calendar = profile.calendar
        self._known: dict[tuple[str, str, str], DeadlineStatus] = {}

    def status(self, t: tuple, today: str) -> DeadlineStatus | None:
        due, kind = t[DUE_ON], t[DUE_KIND]
        if not (due and kind):
            return None
        key = (today, due, kind)
        found = self._known.get(key)
        if found is None:
            if len(self._known) > 20_000:
                self._known.clear()
            found = self._known[key] = deadline_status(Deadline(DueKind(kind), date.fromisoformat(due)),
                                                       date.fromisoformat(today), self._calendar)
        return found


# -- compiled statements -----------------------------------------------------------------------------------
_MAX_STATEMENTS = 256


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple
    offset_at: int | None  # where offset and limit go in ``params`` (None: not in this statement)
    limit_at: int | None

    def bind(self, offset: int = 0, limit: int = 0) -> tuple:
        if self.offset_at is None and self.limit_at is None:
            return self.params
        params = list(self.params)
        if self.offset_at is not None:
            params[self.offset_at] = offset
        if self.limit_at is not None:
            params[self.limit_at] = limit
        return tuple(params)


_statements: OrderedDict[tuple, _Statement] = OrderedDict()
_adding = threading.Lock()


def _compiled(profile: Profile, key: tuple, build) -> _Statement:
    found = _statements.get(key)
    if found is not None:
        return found
    compiled = build().compile(dialect=profile.store.engine.dialect, compile_kwargs={"render_postcompile": True})
    names = list(compiled.positiontup or ())
    values = compiled.params
    found = _Statement(compiled.string, tuple(values[name] for name in names),
                       names.index(_OFFSET) if _OFFSET in names else None,
                       names.index(_LIMIT) if _LIMIT in names else None)
    with _adding:  # blocks are read on several pool threads
        _statements[key] = found
        while len(_statements) > _MAX_STATEMENTS:
            _statements.popitem(last=False)
    return found


def _block_query(profile: Profile, actor: Actor | None, f: ComplaintFilter, sort: str, descending: bool,
                 deep: bool, in_order: bool) -> Select:
    """``queries.list_query`` with the offset and the limit left as parameters."""
    today = china_date(profile.now())
    states = None if in_order else queries.merged_states(f, sort)
    if states is not None:
        return _merged_block_query(profile, actor, f, sort, descending, states)
    conditions = queries._where(profile, actor, f, today)
    if in_order:
        conditions = [queries._unindexed(condition) for condition in conditions]
    order = queries._order(sort, descending, f)
    offset, limit = bindparam(_OFFSET, 0), bindparam(_LIMIT, 0)
    if deep or conditions:
        numbers = select(c.num).where(*conditions).order_by(*order).offset(offset).limit(limit)
        return select(*LIST_COLUMNS).where(c.num.in_(numbers)).order_by(*order)
    return select(*LIST_COLUMNS).order_by(*order).offset(offset).limit(limit)


def _merged_block_query(profile: Profile, actor: Actor | None, f: ComplaintFilter, sort: str, descending: bool,
                        states: tuple[str, ...]) -> Select:
    """A block of several states (``queries.merged_states``): one ordered arm per state on its ``(state,
    column)`` index, merged by SQLite, skipped to the block; only the block's rows are read whole."""
    rest = queries._where(profile, actor, replace(f, states=(), open_only=False), china_date(profile.now()))
    column = queries.SORT_COLUMNS[sort]
    arms = [select(c.num.label("n"), column.label("k")).where(c.state == state, *rest) for state in states]
    key, num = literal_column("k"), literal_column("n")
    merged = (union_all(*arms).order_by(*([key.desc(), num.desc()] if descending else [key.asc(), num.asc()]))
              .offset(bindparam(_OFFSET, 0)).limit(bindparam(_LIMIT, 0)).subquery())
    return select(*LIST_COLUMNS).where(c.num.in_(select(merged.c.n))).order_by(*queries._order(sort, descending, f))


def _keeps_order(f: ComplaintFilter, sort: str, offset: int, matches: int | None, in_order: bool) -> bool:
    """Whether this block is read from a kept order (``list_orders``): a block past the first of a filter
    with many matches that no index gives in this order (neither read along the sort's index nor merged
    from the states' own indexes), so that each block would sort every match again."""
    return (offset > 0 and not in_order and matches is not None and matches >= list_orders.MIN_MATCHES
            and not f.search.strip() and queries.merged_states(f, sort) is None)


def _order_query(profile: Profile, actor: Actor | None, f: ComplaintFilter, sort: str, descending: bool) -> Select:
    """Every match's row number in list order (a kept order, ``list_orders``)."""
    conditions = queries._where(profile, actor, f, china_date(profile.now()))
    return select(c.num).where(*conditions).order_by(*queries._order(sort, descending, f))


def _columns_sql(profile: Profile) -> str:
    """``SELECT`` of the list's columns and the row number last, without a ``WHERE``."""
    return _compiled(profile, ("columns",), lambda: select(*LIST_COLUMNS, c.num)).sql


def _count_query(profile: Profile, actor: Actor | None, f: ComplaintFilter) -> Select:
    return select(func.count()).select_from(complaints).where(*queries._where(profile, actor, f,
                                                                                   china_date(profile.now())))


def _scope(profile: Profile, actor: Actor | None) -> str | None:
    return None if queries._whole_scope(profile, actor) else scope_prefix(actor.region_code)


# -- reading -----------------------------------------------------------------------------------------------
def read_block(profile: Profile, actor: Actor | None, f: ComplaintFilter, *,
               sort: str = "registered_at", descending: bool = True, offset: int = 0, limit: int = 100,
               with_total: bool = True, matches: int | None = None, everything: int | None = None,
               with_names: bool = False) -> RawPage:
    """One page of the list as the driver's tuples (``list_complaints`` without building rows).

    ``matches``: the number of complaints matching ``f`` when the caller knows it (a block after the
    first); ``everything``: the number of all complaints when known (``RawPage.everything``)."""
    today = china_date(profile.now())
    today_iso = today.isoformat()
    if f.search.strip():
        rows, total, more = queries.search_page_tuples(profile, actor, f, sort=sort, descending=descending,
                                                       offset=offset, limit=limit, with_total=with_total)
        names = _names_of(profile) if with_names else None
        return RawPage(rows, total, offset, today_iso, more, None, names)
    scope = _scope(profile, actor)
    filtered = f != ComplaintFilter()
    with profile.store.driver_read() as cursor:
        total = -1
        if filtered and (with_total or matches is None):
            matches = count_matches(cursor, profile, actor, f, scope, today_iso)
            if with_total:
                total = matches
        in_order = False
        if filtered and _may_scan_in_order(f, sort):
            if everything is None:  # the share that matches is what counts: the highest row number
                # (complaints are never deleted) is read off the table's b-tree, COUNT(*) walks an index
                everything = cursor.execute("SELECT max(num) FROM complaints").fetchone()[0] or 0
            in_order = queries.scans_in_order(f, sort, offset, limit, matches, everything)
        deep = filtered or scope is not None or offset > queries.DEEP_OFFSET
        if _keeps_order(f, sort, offset, matches, in_order):
            key = (f, sort, descending, scope, today_iso)
            order = _compiled(profile, ("order", *key), lambda: _order_query(profile, actor, f, sort, descending))
            numbers = list_orders.kept_order(cursor, profile.store, key, order.sql, order.params)
            rows = list_orders.rows_in_order(cursor, _columns_sql(profile), numbers[offset:offset + limit])
        else:
            statement = _compiled(profile, ("block", f, sort, descending, scope, today_iso, in_order, deep),
                                  lambda: _block_query(profile, actor, f, sort, descending, deep, in_order))
            rows = cursor.execute(statement.sql, statement.bind(offset, limit)).fetchall()
        if with_total and not filtered:
            total = count_matches(cursor, profile, actor, f, scope, today_iso)
        names = dict(cursor.execute("SELECT id, display_name FROM users").fetchall()) if with_names else None
    return RawPage(rows, total, offset, today_iso, False, everything, names)


def count_matches(cursor, profile: Profile, actor: Actor | None, f: ComplaintFilter, scope: str | None,
                  today_iso: str) -> int:
    """The number of complaints matching ``f`` (no search term) in ``actor``'s scope."""
    count = _compiled(profile, ("count", f, scope, today_iso), lambda: _count_query(profile, actor, f))
    return cursor.execute(count.sql, count.params).fetchone()[0]


def _may_scan_in_order(f: ComplaintFilter, sort: str) -> bool:
    """Whether ``scans_in_order`` can say yes (else the number of all complaints is not needed)."""
    return queries.scans_in_order(f, sort, 0, 0, 1, 0)  # the order and the filter alone decide


def _names_of(profile: Profile) -> dict[str, str]:
    with profile.store.driver_read() as cursor:
        return dict(cursor.execute("SELECT id, display_name FROM users").fetchall())


def list_page(profile: Profile, actor: Actor | None, f: ComplaintFilter, **kwargs) -> queries.Page:
    """``read_block`` as a ``queries.Page`` of ``ComplaintRow`` (``queries.list_complaints``)."""
    page = read_block(profile, actor, f, **kwargs)
    rows = tuple(complaint_row(t, page.today) for t in page.rows)
    return queries.Page(rows, page.total, page.offset, page.more)

