"""FRCP 6 counting, checked against the rule text and its Advisory Committee Notes.

Every expected date below was worked out by hand from a calendar; `test_premises` pins the
weekdays those hand counts rely on, as our own date words name them in the counting steps.
"""

from datetime import date

import pytest

from docket.calendars import CourtCalendar
from docket.dates import format_day, weekday_name
from docket.deadlines import compute_due_date
from docket.errors import InputError
from docket.models import ServiceMethod


@pytest.mark.parametrize(
    ("day", "shown", "weekday"),
    [
        (date(2007, 9, 1), "Sat 1 Sep 2007", "Saturday"),
        (date(2007, 9, 4), "Tue 4 Sep 2007", "Tuesday"),
        (date(2007, 8, 31), "Fri 31 Aug 2007", "Friday"),
        (date(2021, 6, 18), "Fri 18 Jun 2021", "Friday"),
        (date(2022, 6, 19), "Sun 19 Jun 2022", "Sunday"),
        (date(2022, 11, 24), "Thu 24 Nov 2022", "Thursday"),
        (date(2021, 12, 31), "Fri 31 Dec 2021", "Friday"),
        (date(2022, 1, 3), "Mon 3 Jan 2022", "Monday"),
        (date(2022, 1, 22), "Sat 22 Jan 2022", "Saturday"),
        (date(2022, 1, 27), "Thu 27 Jan 2022", "Thursday"),
    ],
)
def test_premises(day: date, shown: str, weekday: str) -> None:
    assert format_day(day) == shown
    assert weekday_name(day) == weekday
    assert CourtCalendar("US").is_weekend(day) == (weekday in {"Saturday", "Sunday"})


def test_advisory_committee_example_forward() -> None:
    # 2009 note: a period ending Saturday 1 September 2007 runs to Tuesday 4 September,
    # Monday 3 September being Labor Day. Wed 22 Aug + 10 days = Sat 1 Sep.
    result = compute_due_date(date(2007, 8, 22), 10)
    assert result.due == date(2007, 9, 4)
    assert result.steps[0] == "Trigger: Wed 22 Aug 2007 (day excluded, FRCP 6(a)(1)(A))"
    assert "Sat 1 Sep 2007" in result.steps[1]
    assert result.steps[2] == (
        "Sat 1 Sep 2007 is a Saturday; Sun 2 Sep 2007 is a Sunday; Mon 3 Sep 2007 is Labor Day:"
        " moved to Tue 4 Sep 2007 (FRCP 6(a)(1)(C))"
    )
    assert result.steps[-1] == "Due: Tue 4 Sep 2007"


def test_advisory_committee_example_backward() -> None:
    # Counted backward the same last day moves to the previous court day, Friday 31 August.
    result = compute_due_date(date(2007, 9, 11), 10, before=True)
    assert result.due == date(2007, 8, 31)
    assert "moved back to Fri 31 Aug 2007" in result.steps[2]
    assert "6(a)(5)" in result.steps[2]


def test_weekends_inside_the_period_are_counted() -> None:
    # Mon 3 Jan 2022 + 14 days = Mon 17 Jan 2022, which is Martin Luther King Jr. Day.
    assert compute_due_date(date(2022, 1, 4), 14).due == date(2022, 1, 18)
    assert compute_due_date(date(2022, 1, 3), 14).due == date(2022, 1, 18)


def test_juneteenth_2021_observed_on_friday() -> None:
    # Fri 4 Jun 2021 + 14 = Fri 18 Jun (observed Juneteenth), then the weekend: Mon 21 Jun.
    assert compute_due_date(date(2021, 6, 4), 14).due == date(2021, 6, 21)


def test_juneteenth_2022_observed_on_monday() -> None:
    # Sun 5 Jun 2022 + 14 = Sun 19 Jun; Mon 20 Jun is the observed holiday: Tue 21 Jun.
    result = compute_due_date(date(2022, 6, 5), 14)
    assert result.due == date(2022, 6, 21)
    assert "Mon 20 Jun 2022 is Juneteenth National Independence Day (observed)" in result.steps[2]


def test_juneteenth_before_it_was_a_holiday() -> None:
    # Fri 5 Jun 2020 + 14 = Fri 19 Jun 2020, an ordinary court day then.
    assert compute_due_date(date(2020, 6, 5), 14).due == date(2020, 6, 19)


def test_thanksgiving_moves_to_the_friday_after() -> None:
    # Thu 3 Nov 2022 + 21 = Thu 24 Nov, Thanksgiving. The Friday after is not a federal holiday.
    assert compute_due_date(date(2022, 11, 3), 21).due == date(2022, 11, 25)


def test_thanksgiving_backward() -> None:
    # 7 days before Thu 1 Dec 2022 is Thanksgiving; backward, the period ends Wed 23 Nov.
    assert compute_due_date(date(2022, 12, 1), 7, before=True).due == date(2022, 11, 23)


def test_state_holiday_counts_forward_under_its_calendar() -> None:
    # Under US-NM the Friday after Thanksgiving is a state holiday: Thu 24, Fri 25, weekend.
    nm = CourtCalendar("US-NM")
    result = compute_due_date(date(2022, 11, 3), 21, calendar=nm)
    assert result.due == date(2022, 11, 28)
    assert result.calendar == "US-NM"


def test_state_holiday_ignored_counting_backward() -> None:
    # 7 days before Fri 2 Dec 2022 is Fri 25 Nov: a state holiday, but 6(a)(6)(C) covers
    # only periods measured after an event.
    nm = CourtCalendar("US-NM")
    assert compute_due_date(date(2022, 12, 2), 7, before=True, calendar=nm).due == date(
        2022, 11, 25
    )


def test_observed_new_year_across_the_year_end() -> None:
    # Wed 1 Dec 2021 + 30 = Fri 31 Dec 2021, New Year's Day (observed); then Sat 1 Jan
    # (the holiday itself) and Sun 2 Jan: the period runs to Mon 3 Jan 2022.
    result = compute_due_date(date(2021, 12, 1), 30)
    assert result.due == date(2022, 1, 3)
    assert "Fri 31 Dec 2021 is New Year's Day (observed)" in result.steps[2]


def test_christmas_observed_on_christmas_eve() -> None:
    # Fri 10 Dec 2021 + 14 = Fri 24 Dec, Christmas observed; weekend; Mon 27 Dec.
    assert compute_due_date(date(2021, 12, 10), 14).due == date(2021, 12, 27)


def test_backward_across_the_year_end() -> None:
    # 3 days before Mon 3 Jan 2022 is Fri 31 Dec 2021, observed New Year's: Thu 30 Dec.
    assert compute_due_date(date(2022, 1, 3), 3, before=True).due == date(2021, 12, 30)


def test_user_closure_day_extends_the_period() -> None:
    closed = CourtCalendar("US", {date(2007, 9, 4): "Courthouse closed (flood)"})
    result = compute_due_date(date(2007, 8, 22), 10, calendar=closed)
    assert result.due == date(2007, 9, 5)
    expected = "Tue 4 Sep 2007 is a day the court is closed: Courthouse closed (flood)"
    assert expected in result.steps[2]


def test_mail_adds_three_days_then_moves_off_the_weekend() -> None:
    # Wed 5 Jan 2022 + 14 = Wed 19 Jan; + 3 for mail = Sat 22 Jan; runs to Mon 24 Jan.
    result = compute_due_date(date(2022, 1, 5), 14, service=ServiceMethod.MAIL)
    assert result.due == date(2022, 1, 24)
    assert "Served by mail: 3 days added (FRCP 6(d))" in result.steps[3]
    assert "moved to Mon 24 Jan 2022" in result.steps[4]


def test_mail_days_are_added_after_the_period_expires() -> None:
    # 2005 note to 6(e): a period ending Saturday extends to Monday; the 3 days then run
    # Tuesday, Wednesday, Thursday. Sat 8 Jan 2022 + 14 = Sat 22 Jan -> Mon 24 -> Thu 27.
    result = compute_due_date(date(2022, 1, 8), 14, service=ServiceMethod.MAIL)
    assert result.due == date(2022, 1, 27)


@pytest.mark.parametrize("method", [ServiceMethod.ELECTRONIC, ServiceMethod.PERSONAL])
def test_electronic_and_personal_service_add_nothing(method: ServiceMethod) -> None:
    result = compute_due_date(date(2022, 1, 5), 14, service=method)
    assert result.due == date(2022, 1, 19)
    assert any("nothing added" in step for step in result.steps)


def test_mail_adds_nothing_to_a_backward_period() -> None:
    result = compute_due_date(date(2022, 1, 19), 14, before=True, service=ServiceMethod.MAIL)
    assert result.due == date(2022, 1, 5)


def test_statutory_clock_without_court_day_adjustment() -> None:
    result = compute_due_date(date(2007, 8, 22), 10, court_day_adjust=False)
    assert result.due == date(2007, 9, 1)


def test_zero_days_ends_on_the_trigger_day() -> None:
    assert compute_due_date(date(2022, 1, 5), 0).due == date(2022, 1, 5)


def test_long_periods_are_supported_up_to_ten_years() -> None:
    result = compute_due_date(date(2022, 1, 5), 3650)
    assert result.due.year == 2032


@pytest.mark.parametrize("days", [-1, 3651])
def test_out_of_range_days_name_the_field(days: int) -> None:
    with pytest.raises(InputError) as caught:
        compute_due_date(date(2022, 1, 5), days)
    assert caught.value.field == "days"


def test_json_shape_is_the_cli_contract() -> None:
    result = compute_due_date(date(2022, 1, 5), 14, service=ServiceMethod.MAIL)
    dumped = result.model_dump(mode="json", by_alias=True)
    assert list(dumped) == [
        "due",
        "from",
        "days",
        "before",
        "service",
        "calendar",
        "counting",
        "court",
        "rule_set",
        "steps",
    ]
    assert dumped["due"] == "2022-01-24"
    assert dumped["from"] == "2022-01-05"
    assert dumped["days"] == 14
    assert dumped["before"] is False
    assert dumped["service"] == "mail"
    assert dumped["calendar"] == "US"
    assert dumped["counting"] == "FRCP 6(a)"
    assert dumped["court"] is None and dumped["rule_set"] is None
    assert dumped["steps"] == result.steps
    assert dumped["steps"][-1] == "Due: Mon 24 Jan 2022"
