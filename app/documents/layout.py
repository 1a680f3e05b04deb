"""Flowing a document onto pages: title, 主送机关, body, 附件说明, signature, 附注, then 版记 and 页码.

Every line sits on one band of the 22-line grid. Blank bands separate the parts as GB/T 9704 asks
(标题下空一行, 正文下空一行编排附件说明, two bands of room for the seal above the signature). A blank
band never starts a page; a heading keeps with the first line of what follows it; the signature
block never sits alone on a page: if it does not fit, it takes the last two lines of text with it
(§7.3.5 forbids a page holding only the seal and date).

Before a few lines spill onto a page of their own, the last page is *tightened* (§7.3.5.5 调整行距):
it may hold up to 28 bands instead of 22 — the line pitch down to 79 % — if that saves a page,
with the 版记 counted in; if that is not enough, the pages before it may take 23 or 24 (92 %). The 文件 format puts the 版记 on the last, even-numbered side (§7.4: the last
rule on the bottom edge of the text area of the document's last side, printed duplex); that is the
only case where a page may be left blank. Every page of a 文件 carries its number (§7.5), the blank
one and the 版记 page included; a 信函 shows none on its first page (§10.1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.documents import grid
from app.documents.fonts import FontSet
from app.documents.linebreak import balance_lines, break_lines
from app.documents.masthead import BODY, Rule, masthead
from app.documents.model import Block, Heading, OfficialDocument, Paragraph, Table, format_chinese_date
from app.documents.record import Record, page_number, record
from app.documents.table import TableRow, rows_of
from app.documents.typeset import Run, Style, Typesetter

TITLE = Style("title", grid.TITLE_SIZE, grid.TITLE_SIZE)
HEADINGS = {
    1: Style("hei", grid.BODY_SIZE, grid.CELL),
    2: Style("kai", grid.BODY_SIZE, grid.CELL),
    3: BODY,
    4: BODY,
}
LINES = grid.LINES_PER_PAGE
CELLS = grid.CHARS_PER_LINE
MAX_TIGHT_LINES = 28  # a tightened last page: line pitch down to 22/28, about 80 % (§7.3.5.5)
EARLIER_TIGHT_LINES = (23, 24)  # the pages before it, when that is not enough: down to 92 %


@dataclass(frozen=True)
class Line:
    """One line of text waiting for its band; ``x`` is where it starts."""

    text: str
    style: Style
    x: float
    justify_to: float | None = None
    room: float | None = None  # the width the line must keep within (it may need compressed marks)


Item = Line | TableRow


@dataclass
class Group:
    """Lines (``None`` = blank band) placed in order; ``keep`` ones go to the next page whole."""

    items: list[Item | None]
    keep: bool = False
    carry: int = 0  # lines of text before the group that move with it to a new page
    new_page: bool = False  # starts a page (an annex)
    header: list[Item] = field(default_factory=list)  # repeated at the top of each page the group runs on to
    keep_first: int = 0  # this many first items never end a page (a table's header and two rows)


@dataclass
class Page:
    number: int
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    lines: list[tuple[int, Item]] = field(default_factory=list)
    numbered: bool = True
    bands: int = LINES  # more than 22 on a tightened last page

    @property
    def pitch(self) -> float:
        return grid.TEXT_HEIGHT / self.bands


Capacity = Callable[[int], int]
"""Bands on page ``number``."""


def compose(doc: OfficialDocument, fonts: FontSet, typesetter: Typesetter | None = None) -> list[Page]:
    """Lay out ``doc``: the pages with every run and rule positioned."""
    doc = doc.cleaned()
    ts = typesetter or Typesetter(fonts)
    head = masthead(doc, ts)
    groups = _groups(doc, ts)
    block = record(doc, ts) if doc.has_record else None
    first_top = grid.band_top(head.first_band)

    def paginate(capacity: Capacity) -> list[Page]:
        pages = [Page(1, runs=list(head.runs), rules=list(head.rules), bands=capacity(1))]
        _flow(pages, groups, first_top, capacity)
        _place_record(doc, block, pages, first_top, capacity)
        return pages

    # A tightened page would squeeze table rows below two lines of 五号: documents with tables keep the pitch.
    tables = doc.annexes or any(isinstance(block, Table) for block in doc.body)
    pages = paginate(lambda _: LINES) if tables else _tightest(paginate)
    for page in pages:
        for band, line in page.lines:
            if isinstance(line, TableRow):
                runs, rules = line.place(ts, band, page.pitch)
                page.runs += runs
                page.rules += rules
                continue
            baseline = grid.band_baseline(band, line.style.size, page.pitch)
            page.runs += ts.set_line(line.text, line.style, line.x, baseline, line.justify_to, fit_to=line.room)
        if page.numbered and not (doc.format == "letter" and page.number == 1):
            page.runs += page_number(page.number, ts)
    return pages


def _tightest(paginate: Callable[[Capacity], list[Page]]) -> list[Page]:
    """The pages at the normal pitch, unless tightening saves a page (§7.3.5.5 调整行距).

    The page to become the last with text is the page before the last one with text, or that page
    itself (when only the 版记 moved on). First that page alone is tried with 23 to 28 bands, then
    with the pages before it at 23 or 24 bands (the pitch down to 92 %, where a heading kept with its
    paragraph left a gap). The first layout with fewer pages whose last page with text is the
    tightened one wins, so the pitch is lowered only as far as needed.
    """
    pages = paginate(lambda _: LINES)
    last_text = max((page.number for page in pages if page.lines and not _record_only(page)), default=1)
    for target in (last_text - 1, last_text):
        if target < 1:
            continue
        for earlier in (LINES, *EARLIER_TIGHT_LINES):
            if earlier != LINES and target == 1:
                break
            def attempt(bands: int, t: int = target, e: int = earlier) -> list[Page] | None:
                trial = paginate(lambda number: bands if number == t else e if number < t else LINES)
                texts = [page.number for page in trial if page.lines and not _record_only(page)]
                return trial if len(trial) < len(pages) and max(texts, default=1) == t else None

            if attempt(MAX_TIGHT_LINES) is None:  # the tightest does not save a page: nothing looser will
                continue
            for bands in range(LINES + 1, MAX_TIGHT_LINES + 1):
                found = attempt(bands)
                if found is not None:
                    return found
    return pages


def _record_only(page: Page) -> bool:
    return bool(page.lines) and all(line.style.size == grid.SMALL_SIZE for _, line in page.lines)


def _groups(doc: OfficialDocument, ts: Typesetter) -> list[Group]:
    groups = [Group([*_title(doc.title, ts), None])]
    if doc.recipient:
        recipient = doc.recipient.rstrip("：:") + "："
        groups.append(Group(_wrapped(recipient, BODY, ts, 0, 0)))
    groups += _blocks(doc.body, ts)
    if doc.attachments:
        groups.append(Group([None, *_attachments(doc.attachments, ts)]))
    groups.append(Group(_signature(doc, ts), keep=True, carry=2))
    for number, annex in enumerate(doc.annexes, 1):
        label = f"附件{number}" if len(doc.annexes) > 1 else "附件"
        head: list[Line | None] = [Line(label, HEADINGS[1], grid.TEXT_LEFT), None, *_title(annex.title, ts), None]
        groups.append(Group(head, keep=True, new_page=True))
        groups += _blocks(annex.body, ts)
    return groups


def _blocks(blocks: tuple[Block, ...], ts: Typesetter) -> list[Group]:
    """Headings kept with what follows them, paragraphs, tables (the header repeated on each page)."""
    groups: list[Group] = []
    pending: list[Line | None] = []
    for block in blocks:
        if isinstance(block, Table):
            rows = rows_of(block, ts)
            groups.append(Group([*pending, *rows], header=rows[:1], keep_first=len(pending) + 3))
            pending = []
            continue
        for text in block.text.split("\n"):
            if not text:
                continue
            if isinstance(block, Heading):
                pending += _wrapped(text, HEADINGS[block.level], ts, 2, 0)
                continue
            assert isinstance(block, Paragraph)
            lines = _wrapped(text, BODY, ts, 2 if block.indent else 0, 0)
            if pending:
                kept = 3 if len(lines) == 3 else 2  # heading with two lines, never one left behind
                groups.append(Group(pending + lines[:kept], keep=True))
                lines, pending = lines[kept:], []
            if lines:
                groups.append(Group(list(lines)))
    if pending:
        groups.append(Group(pending))
    return groups


def _wrapped(
    text: str, style: Style, ts: Typesetter, first_indent: float, indent: float
) -> list[Line | None]:
    """A paragraph on the grid: first line ``first_indent`` cells in, the rest ``indent`` cells in."""
    first_cap = CELLS - first_indent
    cap = CELLS - indent

    def broken() -> tuple[str, ...]:
        ts.check(style, text)
        return tuple(break_lines(text, ts.measure(style), cap, first_cap, squeeze=True))

    lines = ts.remembered(("wrapped", text, style, cap, first_cap), broken)
    out: list[Line | None] = []
    for i, line in enumerate(lines):
        offset = first_indent if i == 0 else indent
        room = (first_cap if i == 0 else cap) * grid.CELL
        last = i == len(lines) - 1
        out.append(Line(line, style, grid.TEXT_LEFT + offset * grid.CELL, None if last else room, room))
    return out


def _title(title: str, ts: Typesetter) -> list[Line | None]:
    """2号小标宋, centred; long titles wrap into lines of balanced length (§7.3.1)."""
    def balanced() -> tuple[str, ...]:
        ts.check(TITLE, title)
        return tuple(balance_lines(title, ts.measure(TITLE), grid.TEXT_WIDTH / TITLE.pitch))

    lines = ts.remembered(("title", title), balanced)
    out: list[Line | None] = []
    for line in lines:
        width = ts.width(TITLE, line)
        out.append(Line(line, TITLE, grid.TEXT_LEFT + (grid.TEXT_WIDTH - width) / 2))
    return out


def _attachments(names: tuple[str, ...], ts: Typesetter) -> list[Line | None]:
    """附件说明 (§7.3.4): ``附件：1.名称``, later items under the first, wraps under the name."""
    out: list[Line | None] = []
    for i, name in enumerate(names):
        number = f"{i + 1}." if len(names) > 1 else ""
        text = ("附件：" if i == 0 else "") + number + name
        hang = 5 + ts.width(BODY, number) / grid.CELL
        out += _wrapped(text, BODY, ts, 2 if i == 0 else 5, hang)
    return out


def _signature(doc: OfficialDocument, ts: Typesetter) -> list[Line | None]:
    """署名 and 成文日期 right of centre, two bands of room for the seal above, then the 附注."""
    date_text = format_chinese_date(doc.date)
    date_width = ts.width(BODY, date_text)
    centre = grid.TEXT_RIGHT - 4 * grid.CELL - date_width / 2  # 成文日期右空四字
    items: list[Line | None] = [None, None]
    if doc.signer:
        ts.check(BODY, doc.signer)
        signer_width = ts.width(BODY, doc.signer)
        if centre + signer_width / 2 > grid.TEXT_RIGHT - 2 * grid.CELL:
            centre = max(
                grid.TEXT_RIGHT - 2 * grid.CELL - signer_width / 2, grid.TEXT_LEFT + signer_width / 2
            )
        items.append(Line(doc.signer, BODY, centre - signer_width / 2))
    items.append(Line(date_text, BODY, centre - date_width / 2))
    if doc.note:
        items += _wrapped(f"（{doc.note}）", BODY, ts, 2, 0)
    return items


def _first_band(first_top: float, bands: int) -> int:
    """First band of page 1 below the masthead on a page of ``bands`` bands."""
    pitch = grid.TEXT_HEIGHT / bands
    band = 0
    while grid.TEXT_TOP - band * pitch > first_top + 1e-6:
        band += 1
    return band


def _flow(pages: list[Page], groups: list[Group], first_top: float, capacity: Capacity) -> None:
    band = _first_band(first_top, pages[0].bands)
    for group in groups:
        need = len(group.items)
        if group.new_page and (band > 0 or len(pages) == 1):
            pages.append(Page(len(pages) + 1, bands=capacity(len(pages) + 1)))
            band = 0
        if group.keep and band + need > pages[-1].bands and need <= LINES:
            band = _new_page(pages, band, group.carry, capacity)
        first = min(group.keep_first, need)
        if first and band + first > pages[-1].bands and band > 0:
            band = _new_page(pages, band, 0, capacity)
        split = _widow_orphan_split(group, pages[-1].bands - band)
        for index, item in enumerate(group.items):
            if band >= pages[-1].bands or index == split:
                pages.append(Page(len(pages) + 1, bands=capacity(len(pages) + 1)))
                band = 0
                if group.header and index > 0 and item not in group.header:
                    for repeated in group.header:
                        pages[-1].lines.append((band, repeated))
                        band += 1
            if item is None:
                if band > 0:
                    band += 1
                continue
            pages[-1].lines.append((band, item))
            band += 1


def _new_page(pages: list[Page], band: int, carry: int, capacity: Capacity) -> int:
    """Start a page, bringing the last ``carry`` lines of the page before along; the next band."""
    page = pages[-1]
    carried: list[Line] = []
    if carry and len(page.lines) > carry and page.lines[-1][0] == band - 1:
        carried = [line for _, line in page.lines[-carry:]]
        del page.lines[-carry:]
    pages.append(Page(len(pages) + 1, bands=capacity(len(pages) + 1)))
    for index, line in enumerate(carried):
        pages[-1].lines.append((index, line))
    return len(carried)


def _widow_orphan_split(group: Group, room: int) -> int:
    """Where a paragraph crossing a page should break so no line of it stands alone; -1 if nowhere.

    One line left at the foot of a page (orphan) sends the whole paragraph on; one line alone at the
    top of the next page (widow) takes the line before it along.
    """
    count = len(group.items)
    if group.keep or count < 2 or room <= 0 or room >= count or None in group.items:
        return -1
    if room == 1:
        return 0
    if count - room == 1:
        return room - 1 if room >= 3 else 0
    return -1


def _place_record(
    doc: OfficialDocument, block: Record | None, pages: list[Page], first_top: float, capacity: Capacity
) -> None:
    """版记 at the foot of the last page, a blank band above it; the 文件 format wants that page even
    (§7.4). A page of its own holds a 版记 of any length (its pitch shrinks if it must)."""
    if block is None:
        return
    page = pages[-1]
    used = page.lines[-1][0] if page.lines else _first_band(first_top, page.bands) - 1
    fits = used + 2 <= page.bands - block.bands
    while not fits or (doc.format == "document" and page.number % 2):
        page = Page(len(pages) + 1, bands=max(capacity(len(pages) + 1), block.bands))
        pages.append(page)
        fits = True
    top = page.bands - block.bands
    for row in block.rows:
        room = row.justify_to if row.justify_to is not None else row.room
        page.lines.append((top + row.band_offset, Line(row.text, row.style, row.x, row.justify_to, room)))
    page.rules += block.rules(top, page.pitch)
