"""Working-day calendar 工作日历: shipped data, counting rules, fallback for unknown years."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.workdays import Holiday, WorkCalendar, YearSchedule

FESTIVALS = {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
D = date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.load_default()


def days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


# ---- the shipped data ----------------------------------------------------------------------


def test_default_is_cached_and_covers_2020_to_2026(cal: WorkCalendar) -> None:
    assert WorkCalendar.load_default() is cal
    assert cal.known_years() == frozenset(range(2020, 2027))


@pytest.mark.parametrize("year", range(2020, 2027))
def test_every_year_names_the_seven_festivals_and_workdays_are_weekends(cal: WorkCalendar, year: int) -> None:
    sched = cal.schedule(year)
    assert sched is not None and sched.notice
    named = [part for h in sched.holidays for part in h.name.split("、")]
    assert sorted(named) == sorted(FESTIVALS)
    # Mid-Autumn and National Day share one block in 2020, 2023 and 2025: six groups there.
    assert len(sched.holidays) == (6 if year in (2020, 2023, 2025) else 7)
    assert sched.workdays and all(d.weekday() >= 5 for d in sched.workdays)
    assert all(cal.is_working_day(d) for d in sched.workdays)
    assert not any(cal.is_working_day(d) for d in sched.holiday_dates())


def test_2026_spring_festival(cal: WorkCalendar) -> None:
    spring = next(h for h in cal.schedule(2026).holidays if h.name == "春节")  # type: ignore[union-attr]
    assert (spring.start, spring.end) == (D(2026, 2, 15), D(2026, 2, 23))
    assert not any(cal.is_working_day(d) for d in days(D(2026, 2, 15), D(2026, 2, 23)))
    assert cal.is_working_day(D(2026, 2, 14)) and D(2026, 2, 14).weekday() == 5
    assert cal.is_working_day(D(2026, 2, 28)) and D(2026, 2, 28).weekday() == 5
    assert cal.is_working_day(D(2026, 2, 13)) and cal.is_working_day(D(2026, 2, 24))


def test_2026_mid_autumn_and_national_day(cal: WorkCalendar) -> None:
    assert not any(cal.is_working_day(d) for d in days(D(2026, 9, 25), D(2026, 9, 27)))
    assert not any(cal.is_working_day(d) for d in days(D(2026, 10, 1), D(2026, 10, 7)))
    assert cal.is_working_day(D(2026, 9, 20)) and D(2026, 9, 20).weekday() == 6
    assert cal.is_working_day(D(2026, 10, 10)) and D(2026, 10, 10).weekday() == 5
    assert not cal.is_working_day(D(2026, 10, 11))  # an ordinary Sunday
    assert cal.is_working_day(D(2026, 10, 8))


def test_2020_covid_extension_and_cross_year_new_year(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(D(2020, 1, 31)) and not cal.is_working_day(D(2020, 2, 1))
    assert cal.is_working_day(D(2020, 2, 3)) and cal.is_working_day(D(2020, 1, 19))
    new_year_2023 = cal.schedule(2023).holidays[0]  # type: ignore[union-attr]
    assert (new_year_2023.name, new_year_2023.start) == ("元旦", D(2022, 12, 31))
    assert not cal.is_working_day(D(2023, 1, 2))


# ---- counting --------------------------------------------------------------------------------


def test_add_working_days_across_2026_national_day(cal: WorkCalendar) -> None:
    # From Fri 18 Sep: 20(Sun, worked)=1, 21-24=2..5, 25-27 off, 28-30=6..8, 1-7 Oct off,
    # 8,9=9,10, 10(Sat, worked)=11, 12-15=12..15.
    assert cal.add_working_days(D(2026, 9, 18), 1) == D(2026, 9, 20)
    assert cal.add_working_days(D(2026, 9, 18), 8) == D(2026, 9, 30)
    assert cal.add_working_days(D(2026, 9, 18), 9) == D(2026, 10, 8)
    assert cal.add_working_days(D(2026, 9, 18), 11) == D(2026, 10, 10)
    assert cal.add_working_days(D(2026, 9, 18), 15) == D(2026, 10, 15)
    assert cal.add_working_days(D(2026, 10, 8), -1) == D(2026, 9, 30)
    assert cal.add_working_days(D(2026, 10, 8), -4) == D(2026, 9, 24)


def test_add_working_days_across_2026_spring_festival(cal: WorkCalendar) -> None:
    assert cal.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)  # worked Saturday
    assert cal.add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert cal.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert cal.add_working_days(D(2026, 2, 13), 6) == D(2026, 2, 28)  # worked Saturday
    assert cal.add_working_days(D(2026, 2, 13), 7) == D(2026, 3, 2)
    assert cal.add_working_days(D(2026, 2, 24), -1) == D(2026, 2, 14)
    assert cal.add_working_days(D(2026, 2, 18), 0) == D(2026, 2, 24)
    assert cal.add_working_days(D(2026, 2, 14), 0) == D(2026, 2, 14)
    assert cal.add_working_days(D(2026, 2, 15), -1) == D(2026, 2, 14)


def test_working_days_between_signs_and_zero(cal: WorkCalendar) -> None:
    today = D(2026, 3, 11)  # Wednesday
    assert cal.working_days_between(today, today) == 0
    assert cal.working_days_between(today, D(2026, 3, 12)) == 1
    assert cal.working_days_between(today, D(2026, 3, 10)) == -1
    assert cal.working_days_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert cal.working_days_between(D(2026, 10, 8), D(2026, 9, 30)) == -1
    assert cal.working_days_between(D(2026, 9, 18), D(2026, 10, 15)) == 15
    assert cal.working_days_between(D(2026, 10, 15), D(2026, 9, 18)) == -15
    # 2026: 261 weekdays, 19 of them off (2+6+1+3+1+1+5), 6 weekend days worked.
    assert cal.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 261 - 19 + 6


# ---- years without data ----------------------------------------------------------------------


def test_unknown_years_fall_back_to_weekends_and_fixed_date_holidays(cal: WorkCalendar) -> None:
    """Without a notice: Monday–Friday less 元旦, 劳动节 (1–2 May) and 国庆节 (1–3 Oct) of the 2024
    放假办法; the lunar holidays and 调休 stay unknown (``missing_years``)."""
    for year in (2027, 2030, 1999):
        assert not cal.is_known(year)
    assert not cal.is_working_day(D(2027, 1, 1))  # a Friday: 元旦
    assert not cal.is_working_day(D(2027, 10, 1))  # a Friday: 国庆节
    assert [cal.is_working_day(D(2030, 10, d)) for d in range(1, 6)] == [False, False, False, True, False]
    assert [cal.is_working_day(D(2028, 5, d)) for d in range(1, 4)] == [False, False, True]  # Mon, Tue off
    assert cal.is_working_day(D(2027, 2, 8))  # 春节 2027 is unknown until the notice is entered
    assert not cal.is_working_day(D(2027, 1, 2))
    assert cal.is_working_day(D(1999, 10, 1))  # before the 2024 放假办法 took effect: weekends only
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)  # 延期 never lands on 元旦
    assert cal.add_working_days(D(2026, 12, 31), 0) == D(2026, 12, 31)
    assert cal.add_working_days(D(2027, 1, 1), 0) == D(2027, 1, 4)
    assert cal.add_working_days(D(2027, 4, 30), 1) == D(2027, 5, 3)  # 1–2 May 2027: a weekend
    assert cal.add_working_days(D(2028, 4, 28), 1) == D(2028, 5, 3)
    assert cal.add_working_days(D(2027, 9, 30), 1) == D(2027, 10, 4)
    assert cal.add_working_days(D(2027, 10, 4), -1) == D(2027, 9, 30)
    assert cal.add_working_days(D(2030, 9, 30), 1) == D(2030, 10, 4)
    assert cal.add_working_days(D(2030, 10, 4), 5) == D(2030, 10, 11)
    assert cal.working_days_between(D(2027, 1, 1), D(2027, 12, 31)) == 259  # 260 weekdays less 1 Oct
    assert cal.missing_years(D(2026, 12, 1), D(2027, 1, 10)) == (2027,)
    assert cal.missing_years(D(2031, 1, 1), D(2025, 5, 1)) == (2027, 2028, 2029, 2030, 2031)
    assert cal.missing_years(D(2026, 1, 1), D(2026, 12, 31)) == ()


def test_years_with_data_are_counted_from_the_notice_only(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(D(2026, 5, 5)) and not cal.is_working_day(D(2026, 10, 7))  # 2026 notice
    assert cal.is_working_day(D(2026, 1, 4)) and cal.is_working_day(D(2026, 10, 8))  # 调休; after 国庆
    no_holidays = WorkCalendar({2027: YearSchedule(2027, (Holiday("春节", D(2027, 2, 6), D(2027, 2, 12)),),
                                                   frozenset())})
    assert no_holidays.is_working_day(D(2027, 1, 1))  # the notice is the whole truth for its year
    assert not no_holidays.is_working_day(D(2028, 5, 1)) and not no_holidays.is_working_day(D(2027, 2, 8))


def test_with_years_adds_2027(cal: WorkCalendar) -> None:
    y2027 = YearSchedule(
        2027,
        (Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3)), Holiday("春节", D(2027, 2, 6), D(2027, 2, 12))),
        frozenset({D(2027, 2, 13)}),
    )
    extended = cal.with_years({2027: y2027})
    assert extended.is_known(2027) and not cal.is_known(2027)
    assert extended.missing_years(D(2026, 12, 1), D(2027, 3, 1)) == ()
    assert not extended.is_working_day(D(2027, 1, 1)) and not cal.is_working_day(D(2027, 1, 1))
    assert not extended.is_working_day(D(2027, 2, 8)) and cal.is_working_day(D(2027, 2, 8))
    assert extended.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert extended.add_working_days(D(2027, 2, 5), 1) == D(2027, 2, 13)
    assert extended.working_days_between(D(2027, 2, 5), D(2027, 2, 15)) == 2
    assert cal.working_days_between(D(2027, 2, 5), D(2027, 2, 15)) == 6
    assert WorkCalendar.from_dict(extended.to_dict()) == extended


# ---- data in and out -------------------------------------------------------------------------


def test_round_trip(cal: WorkCalendar) -> None:
    data = cal.to_dict()
    again = WorkCalendar.from_dict(data)
    assert again == cal and again.to_dict() == data
    assert data["years"]["2026"]["workdays"][:2] == ["2026-01-04", "2026-02-14"]
    assert WorkCalendar.from_dict({"years": {}}) == WorkCalendar()


def _broken(mutate: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(WorkCalendar.load_default().to_dict())
    mutate(data["years"]["2026"])
    return data


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"years": []},
        {"years": {"26": {"holidays": [], "workdays": []}}},
        {"years": {"2026": []}},
        {"years": {"2026": {"holidays": []}}},
        _broken(lambda y: y["holidays"][0].update(start="2026-13-01")),
        _broken(lambda y: y["holidays"][0].update(start="20260101")),
        _broken(lambda y: y["holidays"][0].update(start=20260101)),
        _broken(lambda y: y["holidays"][1].update(end="2026-02-10")),  # end before start
        _broken(lambda y: y["holidays"][1].update(start="2025-02-15")),  # outside its year
        _broken(lambda y: y["holidays"][6].update(end="2027-01-07")),  # outside its year
        _broken(lambda y: y["holidays"][1].update(end="2026-12-23")),  # far too long
        _broken(lambda y: y["holidays"][1].update(name=" ")),
        _broken(lambda y: y["holidays"][1].pop("name")),
        _broken(lambda y: y["holidays"][2].update(start="2026-02-20", end="2026-02-25")),  # overlaps 春节
        _broken(lambda y: y["workdays"].append("2026-02-16")),  # a Monday
        _broken(lambda y: y["workdays"].append("2026-02-21")),  # a Saturday inside 春节
        _broken(lambda y: y["workdays"].append("2025-02-08")),  # outside its year
        _broken(lambda y: y["workdays"].append("2026-01-04")),  # duplicate
        _broken(lambda y: y.update(notice=7)),
        _broken(lambda y: y.update(extra=True)),
    ],
)
def test_from_dict_rejects_malformed_data(data: dict) -> None:
    with pytest.raises(DomainError) as info:
        WorkCalendar.from_dict(data)
    assert info.value.code == "calendar_data_invalid"
    assert info.value.params["detail"]


def test_constructor_checks_keys_and_clashes() -> None:
    y = YearSchedule(2027, (Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3)),), frozenset())
    with pytest.raises(DomainError):
        WorkCalendar({2028: y})
    # A December date in next year's notice must not contradict this year's schedule.
    y2026 = YearSchedule(2026, (), frozenset({D(2026, 12, 26)}))
    y2027 = YearSchedule(2027, (Holiday("元旦", D(2026, 12, 26), D(2027, 1, 1)),), frozenset())
    with pytest.raises(DomainError):
        WorkCalendar({2026: y2026, 2027: y2027})


# ---- properties ------------------------------------------------------------------------------

any_day = st.dates(min_value=D(2018, 1, 1), max_value=D(2032, 12, 31))


@given(any_day, st.integers(min_value=0, max_value=60))
def test_add_then_count_is_identity(d: date, n: int) -> None:
    cal = WorkCalendar.load_default()
    result = cal.add_working_days(d, n)
    assert cal.is_working_day(result)
    assert result >= d
    if cal.is_working_day(d):
        assert cal.working_days_between(d, result) == n
        assert cal.add_working_days(result, -n) == d


@given(any_day, any_day)
def test_between_matches_day_by_day_count(a: date, b: date) -> None:
    cal = WorkCalendar.load_default()
    lo, hi = min(a, b), max(a, b)
    counted = sum(cal.is_working_day(x) for x in days(lo + timedelta(days=1), hi)) if hi > lo else 0
    assert cal.working_days_between(a, b) == (counted if b >= a else -counted)


def test_the_shipped_file_is_what_to_dict_writes(cal: WorkCalendar) -> None:
    """holidays.json names its source and each year's notice; a year without one writes no notice."""
    import json

    from app.domain.workdays import DATA_FILE

    assert cal.to_dict() == json.loads(DATA_FILE.read_text("utf-8"))
    assert cal.to_dict()["years"]["2026"]["notice"] == "国办发明电〔2025〕7号"
    bare = WorkCalendar({2027: YearSchedule(2027, (Holiday("元旦", D(2027, 1, 1), D(2027, 1, 1)),), frozenset())})
    assert bare.to_dict()["years"]["2027"] == {"holidays": [{"name": "元旦", "start": "2027-01-01",
                                                             "end": "2027-01-01"}], "workdays": []}


def test_calendars_compare_by_their_years_and_say_which(cal: WorkCalendar) -> None:
    assert cal != WorkCalendar() and WorkCalendar() == WorkCalendar()
    assert cal != "not a calendar" and cal != cal.to_dict()
    assert repr(cal) == "WorkCalendar(years=[2020, 2021, 2022, 2023, 2024, 2025, 2026])"


def test_working_day_numbers_subtract_to_the_days_between(cal: WorkCalendar) -> None:
    a, b = D(2026, 9, 28), D(2026, 10, 12)
    assert cal.working_day_number(b) - cal.working_day_number(a) == cal.working_days_between(a, b) == 6
    assert cal.working_day_number(D(2026, 10, 1)) == cal.working_day_number(D(2026, 9, 30))  # a holiday adds none


def test_the_constructors_errors_say_what_is_wrong() -> None:
    y = YearSchedule(2027, (Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3)),), frozenset())
    with pytest.raises(DomainError) as key:
        WorkCalendar({2028: y})
    assert "2028" in key.value.params["detail"] and "2027" in key.value.params["detail"]
    y2026 = YearSchedule(2026, (), frozenset({D(2026, 12, 26)}))
    y2027 = YearSchedule(2027, (Holiday("元旦", D(2026, 12, 26), D(2027, 1, 1)),), frozenset())
    with pytest.raises(DomainError) as clash:
        WorkCalendar({2026: y2026, 2027: y2027})
    assert "2026-12-26" in clash.value.params["detail"]


# ---- the holiday data's edges (what an operator may load on the hub) ----------------------------------


def _year(year: int, holidays=(), workdays=()) -> YearSchedule:
    return YearSchedule(year, tuple(holidays), frozenset(workdays))


def _refused(make) -> str:
    with pytest.raises(DomainError) as info:
        make()
    assert info.value.code == "calendar_data_invalid"
    return info.value.params["detail"]


def test_years_run_from_1900_to_2999() -> None:
    assert _year(1900).year == 1900 and _year(2999).year == 2999
    assert "1899" in _refused(lambda: _year(1899))
    assert "3000" in _refused(lambda: _year(3000))


def test_a_holiday_may_start_in_december_of_the_year_before_and_end_on_new_years_eve() -> None:
    assert _year(2027, [Holiday("元旦", D(2026, 12, 1), D(2026, 12, 3))]).holidays[0].start == D(2026, 12, 1)
    assert _year(2027, [Holiday("岁末", D(2027, 12, 29), D(2027, 12, 31))]).holidays[0].end == D(2027, 12, 31)
    assert "元旦" in _refused(lambda: _year(2027, [Holiday("元旦", D(2026, 11, 30), D(2026, 12, 2))]))
    assert "岁末" in _refused(lambda: _year(2027, [Holiday("岁末", D(2027, 12, 30), D(2028, 1, 1))]))
    _refused(lambda: _year(2027, [Holiday("全年", D(2026, 11, 30), D(2028, 1, 1))]))  # both ends outside


def test_a_holiday_block_has_31_days_at_most() -> None:
    assert len(_year(2027, [Holiday("长假", D(2027, 7, 1), D(2027, 7, 31))]).holiday_dates()) == 31
    assert "31" in _refused(lambda: _year(2027, [Holiday("长假", D(2027, 7, 1), D(2027, 8, 1))]))


def test_worked_weekend_days_may_be_at_either_end_of_the_range() -> None:
    assert D(2024, 12, 1) in _year(2025, workdays=[D(2024, 12, 1)]).workdays  # a Sunday
    assert D(2028, 12, 31) in _year(2028, workdays=[D(2028, 12, 31)]).workdays  # a Sunday
    assert "2024-11-30" in _refused(lambda: _year(2025, workdays=[D(2024, 11, 30)]))  # a Saturday, too early
    assert "2029-01-06" in _refused(lambda: _year(2028, workdays=[D(2029, 1, 6)]))


def test_a_schedule_keeps_its_holidays_in_date_order_and_its_workdays_as_a_set() -> None:
    later, earlier = Holiday("国庆节", D(2027, 10, 1), D(2027, 10, 7)), Holiday("元旦", D(2027, 1, 1), D(2027, 1, 1))
    schedule = YearSchedule(2027, (later, earlier), [D(2027, 9, 26)])  # type: ignore[arg-type]
    assert schedule.holidays == (earlier, later)
    assert schedule.workdays == frozenset({D(2027, 9, 26)}) and isinstance(schedule.workdays, frozenset)


def test_malformed_data_says_which_year_and_what() -> None:
    assert "years" in _refused(lambda: WorkCalendar.from_dict({"source": "x"}))
    assert "'26'" in _refused(lambda: WorkCalendar.from_dict({"years": {"26": {}}}))
    bad_name = {"years": {"2027": {"holidays": [{"name": 1, "start": "2027-01-01", "end": "2027-01-01"}],
                                   "workdays": []}}}
    assert "2027年" in _refused(lambda: WorkCalendar.from_dict(bad_name))
    for start, end in (("x", "2027-01-01"), ("2027-01-01", "y")):
        bad = {"years": {"2027": {"holidays": [{"name": "元旦", "start": start, "end": end}], "workdays": []}}}
        assert _refused(lambda bad=bad: WorkCalendar.from_dict(bad)).startswith("2027年：日期 ")
