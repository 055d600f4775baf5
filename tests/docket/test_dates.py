from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from time import tzset

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docket.dates import (
    ACCEPTED_DATE_FORMS,
    describe_date,
    format_day,
    parse_date,
    parse_datetime,
)
from docket.errors import InputError

# Wednesday 5 January 2022.
TODAY = date(2022, 1, 5)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2022-01-05", date(2022, 1, 5)),
        ("1/5/22", date(2022, 1, 5)),
        ("01/05/2022", date(2022, 1, 5)),
        ("1-5-2022", date(2022, 1, 5)),
        ("1.5.2022", date(2022, 1, 5)),
        ("Jan 5 2022", date(2022, 1, 5)),
        ("January 5, 2022", date(2022, 1, 5)),
        ("5 Jan 2022", date(2022, 1, 5)),
        ("jan. 5, 2022", date(2022, 1, 5)),
        ("Wed 5 Jan 2022", date(2022, 1, 5)),
        ("  12/31/2021  ", date(2021, 12, 31)),
        ("2/29/24", date(2024, 2, 29)),
        ("today", TODAY),
        ("TODAY", TODAY),
        ("yesterday", date(2022, 1, 4)),
        ("tomorrow", date(2022, 1, 6)),
        ("+14", date(2022, 1, 19)),
        ("-3", date(2022, 1, 2)),
        ("+2w", date(2022, 1, 19)),
        ("+ 10 days", date(2022, 1, 15)),
        ("friday", date(2022, 1, 7)),
        ("next friday", date(2022, 1, 7)),
        ("Fri", date(2022, 1, 7)),
        ("next monday", date(2022, 1, 10)),
        ("last monday", date(2022, 1, 3)),
        ("last wednesday", date(2021, 12, 29)),
        # A bare weekday never means today: it is the coming one.
        ("wednesday", date(2022, 1, 12)),
        ("this wednesday", date(2022, 1, 5)),
    ],
)
def test_accepted_forms(typed: str, expected: date) -> None:
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "year"),
    [("1/5/00", 2000), ("1/5/68", 2068), ("1/5/69", 1969), ("1/5/99", 1999), ("Jan 5 98", 1998)],
)
def test_two_digit_years_pivot_at_69(typed: str, year: int) -> None:
    assert parse_date(typed, today=TODAY).year == year


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("2/30/22", "February 2022 has no day 30"),
        ("2/29/23", "February 2023 has no day 29"),
        ("13/1/22", "13 is not a month"),
        ("2022-13-01", "13 is not a month"),
        ("soon", "not a date"),
        ("", "empty"),
        ("   ", "empty"),
        ("32 Jan 2022", "not a date"),
        ("Jan 2022", "needs a day"),
        ("5", "not a whole date"),
        ("1/5", "not a whole date"),
        ("1/5/1899", "1900 to 2199"),
        ("1/5/2200", "1900 to 2199"),
        ("Jan 5 0001", "1900 to 2199"),
        ("+99999", "1900 to 2199"),
        ("Mon 5 Jan 2022", "is a Wednesday, not a Monday"),
        ("Jan 5 2022 10am", "type only the date"),
        ("next month", "not a date"),
        ("x" * 200, "too long"),
    ],
)
def test_rejected_forms_say_why(typed: str, says: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(typed, field="--served", today=TODAY)
    error = caught.value
    assert error.field == "--served"
    assert says in error.problem
    assert error.example == ACCEPTED_DATE_FORMS
    assert str(error).startswith("--served: ")


def test_default_today_follows_the_pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKET_TODAY", "2021-03-04")
    assert parse_date("tomorrow") == date(2021, 3, 5)
    assert parse_datetime("today 9am").date() == date(2021, 3, 4)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2022-01-05 10:30", datetime(2022, 1, 5, 10, 30)),
        ("1/5/22 2pm", datetime(2022, 1, 5, 14, 0)),
        ("1/5/22 2:30 pm", datetime(2022, 1, 5, 14, 30)),
        ("1/5/22 2:30 p.m.", datetime(2022, 1, 5, 14, 30)),
        ("1/5/22 12am", datetime(2022, 1, 5, 0, 0)),
        ("1/5/22 12pm", datetime(2022, 1, 5, 12, 0)),
        ("Jan 5 2022 at noon", datetime(2022, 1, 5, 12, 0)),
        ("tomorrow 9:30am", datetime(2022, 1, 6, 9, 30)),
        ("next friday 14:00", datetime(2022, 1, 7, 14, 0)),
        ("+14 9am", datetime(2022, 1, 19, 9, 0)),
    ],
)
def test_datetimes_without_offset_are_local(typed: str, expected: datetime) -> None:
    parsed = parse_datetime(typed, today=TODAY)
    assert parsed.tzinfo is not None
    assert parsed == expected.astimezone()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "2022-01-05T10:30:00-07:00",
            datetime(2022, 1, 5, 17, 30, tzinfo=UTC),
        ),
        ("2022-01-05T10:30Z", datetime(2022, 1, 5, 10, 30, tzinfo=UTC)),
        ("1/5/22 9:00 +05:30", datetime(2022, 1, 5, 3, 30, tzinfo=UTC)),
    ],
)
def test_typed_offsets_are_kept(typed: str, expected: datetime) -> None:
    parsed = parse_datetime(typed, today=TODAY)
    assert parsed == expected
    assert parsed.utcoffset() is not None


def test_typed_offset_is_the_one_stored() -> None:
    parsed = parse_datetime("2022-01-05T10:30:00-07:00", today=TODAY)
    assert parsed.utcoffset() == timedelta(hours=-7)
    assert parsed.hour == 10


def test_a_date_without_time_asks_for_one() -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime("1/5/22", field="--at", today=TODAY)
    assert caught.value.field == "--at"
    assert "time" in caught.value.problem
    assert caught.value.example == "1/5/22 9:30am"


def test_a_trailing_two_digit_year_is_not_taken_for_an_hour() -> None:
    with pytest.raises(InputError, match="time of day"):
        parse_datetime("5 Jan 22", today=TODAY)


def test_default_time_fills_a_missing_time() -> None:
    parsed = parse_datetime("1/5/22", today=TODAY, default_time=time(9, 0))
    assert parsed == datetime(2022, 1, 5, 9, 0).astimezone()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("1/5/22 13pm", "12-hour clock"),
        ("1/5/22 at 9", "write the time as 9:00, 9am or 9pm"),
        ("1/5/22 25:00", "does not exist"),
        ("1/5/22 10:61", "does not exist"),
        ("2/30/22 10:00", "no day 30"),
        ("soon 10am", "not a date"),
        ("10:30", "not a whole date"),
        ("1/5/22 10:00 +25:00", "not a UTC offset"),
        ("", "empty"),
    ],
)
def test_rejected_datetimes_name_the_field(typed: str, says: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime(typed, field="Starts at", today=TODAY)
    assert caught.value.field == "Starts at"
    assert says in caught.value.problem
    assert caught.value.example


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 1, 8), "Sat 8 Jan 2022 · in 3 days"),
        (date(2022, 1, 5), "Wed 5 Jan 2022 · today"),
        (date(2022, 1, 6), "Thu 6 Jan 2022 · tomorrow"),
        (date(2022, 1, 4), "Tue 4 Jan 2022 · yesterday"),
        (date(2022, 1, 3), "Mon 3 Jan 2022 · 2 days ago"),
    ],
)
def test_describe_date(day: date, expected: str) -> None:
    assert describe_date(day, TODAY) == expected


def test_format_day_uses_english_names() -> None:
    assert format_day(date(2007, 9, 1)) == "Sat 1 Sep 2007"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_parse_date_raises_only_input_error(text: str) -> None:
    try:
        result = parse_date(text, today=TODAY)
    except InputError as error:
        assert error.field == "date"
    else:
        assert 1900 <= result.year <= 2199


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_parse_datetime_raises_only_input_error(text: str) -> None:
    try:
        result = parse_datetime(text, today=TODAY)
    except InputError as error:
        assert error.field == "date and time"
    else:
        assert result.tzinfo is not None


_DATEISH = st.from_regex(
    r"\A[0-9 /.:+\-]{0,4}(jan|feb|mon|fri|next|last|today|am|pm|t|z|noon)?[0-9 /.:+\-apmz]{0,12}\Z"
)


@settings(max_examples=150, deadline=None)
@given(_DATEISH)
def test_near_miss_input_raises_only_input_error(text: str) -> None:
    try:
        day = parse_date(text, today=TODAY)
    except InputError as error:
        assert error.problem
    else:
        assert 1900 <= day.year <= 2199
    try:
        moment = parse_datetime(text, today=TODAY)
    except InputError as error:
        assert error.problem
    else:
        assert moment.tzinfo is not None


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_every_formatted_day_parses_back(day: date) -> None:
    assert parse_date(day.isoformat(), today=TODAY) == day
    assert parse_date(f"{day.month}/{day.day}/{day.year}", today=TODAY) == day
    assert parse_date(format_day(day), today=TODAY) == day


@pytest.fixture
def denver_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The local zone of a court that keeps daylight saving time."""
    monkeypatch.setenv("TZ", "America/Denver")
    tzset()
    yield
    monkeypatch.undo()
    tzset()


@pytest.mark.usefixtures("denver_clock")
def test_a_time_skipped_by_the_clocks_going_forward_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime("3/8/26 2:30am", field="--at", today=TODAY)
    assert caught.value.field == "--at"
    assert "02:30 does not exist on Sun 8 Mar 2026" in caught.value.problem


@pytest.mark.usefixtures("denver_clock")
def test_times_around_the_clock_changes_keep_the_hour_typed() -> None:
    before = parse_datetime("3/8/26 1:30am", today=TODAY)
    after = parse_datetime("3/8/26 3:30am", today=TODAY)
    repeated = parse_datetime("11/1/26 1:30am", today=TODAY)
    assert (before.hour, before.utcoffset()) == (1, timedelta(hours=-7))
    assert (after.hour, after.utcoffset()) == (3, timedelta(hours=-6))
    assert repeated.hour == 1
    assert parse_datetime("3/8/26 2:30am -07:00", today=TODAY).hour == 2


def test_a_missing_day_with_a_month_name_says_so() -> None:
    with pytest.raises(InputError, match="that month has no such day"):
        parse_date("Feb 29 2023", today=TODAY)


def test_a_bare_24_hour_time_is_not_offered_as_am_or_pm() -> None:
    with pytest.raises(InputError) as caught:
        parse_datetime("1/5/22 14", today=TODAY)
    assert caught.value.problem.endswith("write the time as 14:00")
