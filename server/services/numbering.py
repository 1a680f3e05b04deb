"""Numbering blocks 编号段: reserved ranges of case and document numbers, never overlapping.

``number_series.next`` is raised with one ``UPDATE ... RETURNING``: the row lock it takes is held
until commit, so two workers reserving at the same moment get consecutive, disjoint ranges.
"""

from __future__ import annotations

from sqlalchemy import and_, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.clock import iso_utc, utc_now
from app.sync.protocol import NumberBlock
from server.auth import Device
from server.errors import HubError
from server.services import prefixes
from server.tables import number_blocks, number_series


def series_region(session: Session, series: str, scope: str) -> str:
    """The region that owns a series, checked against a device's ``scope``: ``case:532322`` -> 532322;
    ``doc:双发改函`` -> the prefix's owner by the hub's reference data (``server.services.prefixes``),
    never the first region to ask. Raises ``HubError`` for an unknown series or one outside the scope."""
    kind, _, name = series.partition(":")
    if kind == "case" and len(name) == 6 and name.isdigit():
        if not prefixes.covers(scope, name):
            raise HubError(403, "out_of_scope", region=name)
        return name
    if kind != "doc" or not prefixes.valid_prefix(name):
        raise HubError(404, "series_unknown", series=series)
    owner = prefixes.check_use(session, scope, name).region_code
    assert owner is not None
    return owner


def _ensure_row(session: Session, series: str, year: int) -> None:
    dialect = session.get_bind().dialect.name
    values = {"series": series, "year": year, "next": 1}
    if dialect == "postgresql":
        statement = postgresql.insert(number_series).values(**values).on_conflict_do_nothing()
    else:
        statement = sqlite.insert(number_series).values(**values).on_conflict_do_nothing()
    session.execute(statement)


def _advance(session: Session, series: str, year: int, count: int) -> int:
    """Raise ``next`` by ``count`` and return the new value (locks the row until commit)."""
    statement = (update(number_series)
                 .where(and_(number_series.c.series == series, number_series.c.year == year))
                 .values(next=number_series.c.next + count).returning(number_series.c.next))
    value = session.execute(statement).scalar()
    if value is None:
        _ensure_row(session, series, year)
        value = session.execute(statement).scalar_one()
    return value


def reserve(session: Session, device: Device, series: str, year: int, count: int) -> NumberBlock:
    series_region(session, series, device.region_code)
    after = _advance(session, series, year, count)
    start, end = after - count, after - 1
    session.execute(insert(number_blocks).values(series=series, year=year, start=start, end=end,
                                                 device_id=device.id, issued_at=iso_utc(utc_now())))
    return NumberBlock(series=series, year=year, start=start, end=end)


def claim(session: Session, device_id: str, series: str, year: int, highest: int) -> None:
    """Numbers 1..highest that an enrolling standalone profile already printed become its block."""
    taken = session.execute(select(number_blocks.c.device_id).where(
        number_blocks.c.series == series, number_blocks.c.year == year, number_blocks.c.start <= highest,
        number_blocks.c.device_id != device_id).limit(1)).first()
    if taken is not None:
        raise HubError(409, "numbers_overlap", series=series, year=year, highest=highest)
    _ensure_row(session, series, year)
    current = session.execute(select(number_series.c.next).where(
        number_series.c.series == series, number_series.c.year == year).with_for_update()).scalar_one()
    if current <= highest:
        session.execute(update(number_series).where(
            number_series.c.series == series, number_series.c.year == year).values(next=highest + 1))
    session.execute(insert(number_blocks).values(series=series, year=year, start=1, end=highest,
                                                 device_id=device_id, issued_at=iso_utc(utc_now())))


def set_next(session: Session, series: str, year: int, next_number: int) -> None:
    """Administrator: the series continues from ``next_number`` (never below what was handed out)."""
    _ensure_row(session, series, year)
    current = session.execute(select(number_series.c.next).where(
        number_series.c.series == series, number_series.c.year == year).with_for_update()).scalar_one()
    if next_number < current:
        raise HubError(409, "numbers_overlap", series=series, year=year, highest=current - 1)
    session.execute(update(number_series).where(
        number_series.c.series == series, number_series.c.year == year).values(next=next_number))
