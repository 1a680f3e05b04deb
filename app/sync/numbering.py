"""Number blocks 编号段 on the device: keep enough case and document numbers for a day offline.

The hub reserves a block; the device records it in ``number_blocks`` (``NumberAllocator`` hands
numbers out of it). A block lost between the hub's answer and the local commit is a gap, never an
overlap: the hub does not hand the same numbers out twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from app.domain.numbering import case_series, document_series
from app.store.uow import Store
from app.sync.protocol import NumberBlock
from app.sync.reference import read_kind
from app.sync.transport import HubClient, SyncError

LOW_WATER = 10  # top up when fewer numbers than this are left
BLOCK_SIZE = {"case": 50, "doc": 100}  # LVYUE_SYNC_NUMBER_BLOCK overrides both (tests, benchmarks)


def _block_size(kind: str) -> int:
    override = os.environ.get("LVYUE_SYNC_NUMBER_BLOCK", "")
    return int(override) if override.isdigit() and int(override) > 0 else BLOCK_SIZE[kind]


@dataclass(frozen=True)
class Want:
    series: str
    year: int


def wanted(store: Store, office_region: str, today: date, prefixes: list[str] | None = None) -> list[Want]:
    """Case numbers of the office, and document numbers of every 发文字号 prefix it issues in (the office
    settings' prefixes when the caller knows them, else those the hub set for the office's region)."""
    years = [today.year] + ([today.year + 1] if today.month == 12 else [])
    if prefixes is None:
        with store.read() as session:
            prefixes = [p["prefix"] for p in read_kind(session, "document_prefixes")
                        if p.get("region_code") == office_region]
    series = [case_series(office_region)] + [document_series(p) for p in sorted(set(prefixes))]
    return [Want(s, y) for s in series for y in years]


def top_up(store: Store, client: HubClient, office_region: str, today: date,
           prefixes: list[str] | None = None) -> tuple[list[NumberBlock], list[SyncError]]:
    """Reserve blocks where numbers run low. A series the hub refuses (a 发文字号 prefix that belongs to
    another region, or to none yet) is reported once, not once per year, and is not fatal; a transient
    failure stops the sync as everywhere else."""
    reserved, refused = [], []
    refused_series: set[str] = set()
    for want in wanted(store, office_region, today, prefixes):
        if want.series in refused_series:  # ownership does not depend on the year: December asks twice
            continue
        with store.unit_of_work() as uow:
            left = uow.numbers.remaining(want.series, want.year)
        size = _block_size(want.series.split(":", 1)[0])
        if left is None or left >= min(LOW_WATER, size):
            continue
        try:
            block = client.numbers(want.series, want.year, size)
        except SyncError as error:
            if error.transient:
                raise
            refused.append(SyncError(error.code, series=want.series, **error.params))
            refused_series.add(want.series)
            continue
        with store.unit_of_work() as uow:
            uow.numbers.add_block(block.series, block.year, block.start, block.end)
            uow.commit()
        reserved.append(block)
    return reserved, refused
