"""Kept list orders: the row numbers of a large filtered list in list order, kept between its blocks.

A filter that no index serves in the chosen order (行业 by 投诉人, 县 by 金额, 渠道 by 被投诉主体 …) makes
SQLite sort every match again for each block read past the first: at 100,000 complaints a sector's
12,000 matches are sorted for every screen the view scrolls to. The first such block keeps the whole
order instead (the row numbers, 8 bytes each) with the list stamp of its snapshot (``list_stamp``,
migration 0023: triggers move it on every insert, update and delete of a complaint, by any connection or
process); the next blocks of that list slice it and read only their own rows by row number. A change to
any complaint moves the stamp, and the next block reads the order again, so a kept order is never used
for data it was not read from. Each open profile (``Store``) keeps its own few (``KEPT``, the least
recently used dropped first); they go with the store.
"""

from __future__ import annotations

import threading
import weakref
from array import array
from collections import OrderedDict

KEPT = 6  # lists per profile: the filters an officer moves between
MIN_MATCHES = 2_000  # fewer matches sort in well under a millisecond: nothing worth keeping

_kept: weakref.WeakKeyDictionary[object, OrderedDict[tuple, tuple[int, array]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()  # blocks are read on several pool threads


def stamp(cursor) -> int:
    """The list stamp of the cursor's snapshot."""
    return cursor.execute("SELECT n FROM list_stamp WHERE id = 1").fetchone()[0]


def kept_order(cursor, store: object, key: tuple, sql: str, params: tuple) -> array:
    """The row numbers ``sql`` gives (one column, in list order), read again only when a complaint changed."""
    now = stamp(cursor)
    with _lock:
        lists = _kept.setdefault(store, OrderedDict())
        found = lists.get(key)
        if found is not None and found[0] == now:
            lists.move_to_end(key)
            return found[1]
    numbers = array("q", (num for (num,) in cursor.execute(sql, params)))
    with _lock:
        lists[key] = (now, numbers)
        lists.move_to_end(key)
        while len(lists) > KEPT:
            lists.popitem(last=False)
    return numbers


def rows_in_order(cursor, columns_sql: str, numbers: array) -> list[tuple]:
    """The rows of ``numbers`` in that order; ``columns_sql`` selects the row number last (it is left off)."""
    if not numbers:
        return []
    found = {row[-1]: row[:-1] for row in cursor.execute(
        f"{columns_sql} WHERE complaints.num IN ({','.join('?' * len(numbers))})", tuple(numbers))}
    return [found[num] for num in numbers if num in found]
