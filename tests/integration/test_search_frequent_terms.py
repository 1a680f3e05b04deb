"""A term in most complaints: the page walks the sort order (``app.services.search_page``) and must show
exactly the rows of the full search; its count is exact or a lower bound that says so (``Page.more``)."""

from __future__ import annotations

import pytest

from app.services import queries, search_page
from tests.conftest import make_office
from tests.factories import FixedClock, china_noon
from tests.integration.test_rebuild_search_backup import brute_force, populate

F = queries.ComplaintFilter
TERMS = ["有限公司", "双柏", "0", "2026", "532322", "公司", "雄", "建", "楚雄", "财政", "县 公司", "彧", "不存在的词"]
# (CAP, DENSE, LOOKUPS): terms in all rows, in a third to a half of them, and a walk that gives up at once
SETTINGS = [(4, 0.5, 600), (2, 0.5, 600), (3, 0.2, 600), (2, 0.2, 0)]
VIEWS = [
    (F(), "registered_at", True), (F(), "complainant", False), (F(), "case_no", True),
    (F(states=("registered",)), "due_on", False), (F(states=("forwarded", "closed")), "respondent", True),
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    made = populate(make_office(tmp_path_factory.mktemp("frequent") / "profile", FixedClock(china_noon(2026, 11, 26))))
    yield made
    made.profile.close()


def _pages(office, f, sort, descending, offset, limit):
    return queries.list_complaints(office.profile, office.clerk, f, sort=sort, descending=descending,
                                   offset=offset, limit=limit)


@pytest.mark.parametrize("term", TERMS)
def test_the_walked_page_equals_the_full_search(shared, monkeypatch, term):
    compared = 0
    for base, sort, descending in VIEWS:
        f = F(**{**base.__dict__, "search": term})
        for offset, limit in ((0, 100), (0, 7), (3, 5), (9, 4)):
            monkeypatch.setattr(search_page, "CAP", 10**9)  # never frequent: every hit read, exact count
            exact = _pages(shared, f, sort, descending, offset, limit)
            assert exact.more is False
            for cap, dense, lookups in SETTINGS:
                monkeypatch.setattr(search_page, "CAP", cap)
                monkeypatch.setattr(search_page, "DENSE", dense)
                monkeypatch.setattr(search_page, "LOOKUPS", lookups)
                walked = _pages(shared, f, sort, descending, offset, limit)
                assert [r.case_no for r in walked.rows] == [r.case_no for r in exact.rows], (sort, offset, cap)
                if walked.more:  # a lower bound: never more than there are, never less than what is shown
                    assert offset + len(walked.rows) <= walked.total <= exact.total
                else:
                    assert walked.total == exact.total
                compared += 1
    assert compared == len(VIEWS) * 4 * len(SETTINGS)


def test_a_term_in_part_of_the_complaints_takes_the_walk(shared, monkeypatch):
    monkeypatch.setattr(search_page, "CAP", 2)
    monkeypatch.setattr(search_page, "DENSE", 0.2)
    found = brute_force(shared.profile, "雄")
    assert 5 < len(found) < 30
    page = _pages(shared, F(search="雄"), "complainant", False, 0, 100)
    assert page.more and {r.case_no for r in page.rows} == found


def test_a_term_in_every_complaint_is_bounded_and_flagged(shared, monkeypatch):
    monkeypatch.setattr(search_page, "CAP", 4)
    everything = brute_force(shared.profile, "有限公司")
    assert len(everything) > 10
    page = _pages(shared, F(search="有限公司"), "registered_at", True, 0, 3)
    assert page.more and page.total == 10  # the first and last CAP + 1 hits read: at least that many
    assert {r.case_no for r in page.rows} <= everything and len(page.rows) == 3
    monkeypatch.setattr(search_page, "CAP", 10**9)
    exact = _pages(shared, F(search="有限公司"), "registered_at", True, 0, 3)
    assert not exact.more and exact.total == len(everything)
    assert [r.case_no for r in exact.rows] == [r.case_no for r in page.rows]


def test_a_rare_term_keeps_the_exact_count(shared, monkeypatch):
    monkeypatch.setattr(search_page, "CAP", 4)
    page = _pages(shared, F(search="彧"), "registered_at", True, 0, 100)
    assert not page.more and page.total == len(brute_force(shared.profile, "彧")) == len(page.rows)


def test_a_walk_that_asks_too_often_falls_back_to_the_exact_search(shared, monkeypatch):
    monkeypatch.setattr(search_page, "CAP", 2)
    monkeypatch.setattr(search_page, "DENSE", 0.2)
    monkeypatch.setattr(search_page, "LOOKUPS", 0)
    page = _pages(shared, F(search="雄"), "complainant", False, 0, 100)
    found = brute_force(shared.profile, "雄")
    assert not page.more and page.total == len(found) and {r.case_no for r in page.rows} == found
