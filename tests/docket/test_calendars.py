from datetime import date

import pytest

from docket.calendars import CourtCalendar, validate_calendar_code
from docket.dates import weekday_name
from docket.errors import InputError


def test_federal_holiday_has_its_name() -> None:
    assert CourtCalendar("US").legal_holiday(date(2007, 9, 3)) == "Labor Day"


def test_ordinary_weekday_is_not_excluded() -> None:
    court = CourtCalendar("US")
    assert weekday_name(date(2022, 3, 2)) == "Wednesday"
    assert court.legal_holiday(date(2022, 3, 2)) is None
    assert not court.is_excluded(date(2022, 3, 2))
    assert court.reason(date(2022, 3, 2)) is None


def test_observed_new_year_falls_in_the_previous_year() -> None:
    # 1 January 2022 was a Saturday, so federal offices observed it on Friday 31 December 2021.
    court = CourtCalendar("US")
    assert court.reason(date(2022, 1, 1)) == "Saturday, New Year's Day"
    assert court.legal_holiday(date(2021, 12, 31)) == "New Year's Day (observed)"
    assert court.reason(date(2021, 12, 31)) == "Friday, New Year's Day (observed)"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2021, 6, 18), "Juneteenth National Independence Day (observed)"),
        (date(2022, 6, 20), "Juneteenth National Independence Day (observed)"),
        (date(2022, 11, 24), "Thanksgiving Day"),
    ],
)
def test_federal_holidays(day: date, name: str) -> None:
    assert CourtCalendar("US").legal_holiday(day) == name


def test_day_after_thanksgiving_is_not_federal() -> None:
    assert CourtCalendar("US").legal_holiday(date(2022, 11, 25)) is None


def test_juneteenth_did_not_exist_before_2021() -> None:
    assert CourtCalendar("US").legal_holiday(date(2020, 6, 19)) is None


def test_state_holiday_counts_only_forward() -> None:
    # New Mexico keeps the day after Thanksgiving as a state holiday.
    court = CourtCalendar("US-NM")
    friday = date(2022, 11, 25)
    assert "NM state holiday" in (court.legal_holiday(friday, counting_forward=True) or "")
    assert court.legal_holiday(friday, counting_forward=False) is None
    assert court.is_excluded(friday, counting_forward=True)
    assert not court.is_excluded(friday, counting_forward=False)


def test_state_calendar_keeps_federal_holidays_the_state_drops() -> None:
    # New Mexico does not keep Washington's Birthday; the federal court still closes.
    court = CourtCalendar("US-NM")
    assert court.legal_holiday(date(2022, 2, 21), counting_forward=False) == (
        "Washington's Birthday"
    )


def test_weekends() -> None:
    court = CourtCalendar("US")
    assert court.reason(date(2022, 1, 8)) == "Saturday"
    assert court.reason(date(2022, 1, 9)) == "Sunday"
    assert court.is_weekend(date(2022, 1, 8))
    assert not court.is_weekend(date(2022, 1, 10))


def test_holiday_reason_names_weekday_and_holiday() -> None:
    assert CourtCalendar("US").reason(date(2007, 9, 3)) == "Monday, Labor Day"


def test_closures_count_both_ways_with_their_names() -> None:
    snow = date(2022, 3, 2)
    court = CourtCalendar("US", {snow: "Snow closure"})
    assert court.legal_holiday(snow) == "Snow closure"
    assert court.legal_holiday(snow, counting_forward=False) == "Snow closure"
    unnamed = CourtCalendar("US", [snow])
    assert unnamed.legal_holiday(snow) == "court closed"


@pytest.mark.parametrize(
    ("typed", "code"), [("us", "US"), ("us-nm", "US-NM"), (" US-NY ", "US-NY"), ("us_ca", "US-CA")]
)
def test_calendar_codes_are_normalized(typed: str, code: str) -> None:
    assert validate_calendar_code(typed) == code
    assert CourtCalendar(typed).code == code


@pytest.mark.parametrize("typed", ["", "USA", "XX", "FR", "US-ZZ", "US-NEWMEXICO", "nm"])
def test_unknown_calendar_codes_are_input_errors(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        validate_calendar_code(typed, field="Calendar")
    assert caught.value.field == "Calendar"
    assert caught.value.example == "US, US-NM, US-NY"


def test_calendar_constructor_refuses_unknown_code() -> None:
    with pytest.raises(InputError):
        CourtCalendar("US-ZZ")
